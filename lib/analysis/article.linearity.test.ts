import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { growth, PATHOLOGICAL } from '../importing/linearity';
import { analyzeArticle, compileEngine } from './article';

const engine = compileEngine(loadCorpus(path.join(process.cwd(), 'corpus', 'seeds')).lexicon);
const analyze = (text: string) =>
  analyzeArticle(
    {
      id: 'x',
      outlet: 'o',
      title: 'T',
      date: null,
      url: null,
      raw: null,
      note: null,
      segments: [
        { section: 'title', text: 'Rebels' },
        { section: 'body', text },
      ],
    },
    engine,
  );

// Time per call at 1x, 10x and 100x of 2,000 characters (above the attribution window, so every size reads the same
// amount around each label). Linear analysis grows about 10x and 100x; the old quadratic one grew ~100x and ~10,000x.
describe('analysis of one article is linear in its length', () => {
  test.each(Object.entries(PATHOLOGICAL))(
    '%s',
    (_input, make) => {
      const g = growth(analyze, make, 2000);
      expect(g.r10, `10x input took ${g.r10.toFixed(1)}x as long`).toBeLessThan(100);
      expect(g.r100, `100x input took ${g.r100.toFixed(1)}x as long`).toBeLessThan(1000);
    },
    60_000,
  );
});
