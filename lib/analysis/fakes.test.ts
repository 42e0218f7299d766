import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { aggregate, DEFAULT_OPTIONS } from './aggregate';
import { analyzeArticles } from './run';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);

describe('FA-KES: set-aside mentions are counted apart, never lost', () => {
  test('every mention row is behind exactly one count or set-aside row, outlet by outlet', () => {
    for (const o of ex.outlets) {
      const counted = ex.counts.filter((r) => r.outlet === o.id).reduce((n, r) => n + r.count, 0);
      const aside = ex.setAside.filter((r) => r.outlet === o.id).reduce((n, r) => n + r.count, 0);
      expect(ex.mentions.filter((m) => m.outlet === o.id)).toHaveLength(counted + aside);
      expect(ex.mentions.filter((m) => m.outlet === o.id && m.setAside !== null)).toHaveLength(aside);
    }
  });

  test('the stance of the armed-groups group reads only the counted labels', () => {
    for (const o of ex.outlets) {
      const n = ex.counts
        .filter((r) => r.outlet === o.id && r.group === 'armed-groups')
        .reduce((s, r) => s + r.count, 0);
      expect(ex.stance.find((r) => r.outlet === o.id && r.group === 'armed-groups')!.n).toBe(n);
    }
  });

  // Checked by reading jordantimes-3b860b7b9cbb: "The conflict began when forces loyal to President Bashar Al Assad
  // ..."
  test.each([['jordantimes-3b860b7b9cbb', 'forces', 'state', ['syrian-government']]])(
    '%s: "%s" is set aside as %s',
    (article, text, reason, actors) => {
      const m = ex.mentions.find((x) => x.article === article && x.text === text && x.setAside === reason);
      expect(m?.actors).toEqual(actors);
    },
  );
});
