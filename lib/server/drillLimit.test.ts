import { afterEach, describe, expect, test } from 'vitest';
import { drillHereArticles } from './drillLimit';

// The rows themselves are checked against the whole-text answers in dataset.postings.test.ts (every FA-KES selection)
// and drill.textload.test.ts (the production server); here, how many articles a request may read itself.
describe('how many articles a drill-down reads on the request', () => {
  afterEach(() => {
    delete process.env.FRAMESCOPE_DRILL_HERE_ARTICLES;
  });
  test.each([
    [undefined, 2000],
    ['', 2000],
    ['0', 0], // every selection in the background
    ['100', 100],
  ])('FRAMESCOPE_DRILL_HERE_ARTICLES=%s: %i', (raw, n) => {
    if (raw !== undefined) process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = raw;
    expect(drillHereArticles()).toBe(n);
  });
  test.each(['-1', '1.5', 'many'])('"%s" is refused, naming the variable and an example', (raw) => {
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = raw;
    expect(() => drillHereArticles()).toThrow(
      `FRAMESCOPE_DRILL_HERE_ARTICLES must be a whole number of articles, 0 or more (e.g. 2000), not "${raw}"`,
    );
  });
});
