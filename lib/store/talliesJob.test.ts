import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArticleAnalysis } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import { makeTimeCells } from '../time/cells';
import type { Article, Corpus } from '../types';
import { analyseInto } from './analyse';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { putIndexOrder } from './ngramCounts';
import { talliesKey } from './tallies';
import { versionTimeCells } from './talliesJob';
import { encodeTimeCells, putTimeCells } from './timeCells';
import type { AnalysisStore, StoreScope } from './types';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("versionTimeCells: the next version's cells from the latest ones plus the added articles", () => {
  let corpus: Corpus;
  let store: AnalysisStore;
  let scope: StoreScope;
  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-cellsnext-'));
    roots.push(root);
    // FA-KES's first 120 articles (of 784): several outlets and days, and a suite that stays quick.
    const whole = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
    corpus = { ...whole, articles: whole.articles.slice(0, 120) };
    store = fileStore(root);
    await analyseInto(store, 'fa-kes', corpus.articles, corpus.lexicon, undefined, 1);
    scope = { corpus: 'fa-kes', lexicon: lexiconKey(corpus.lexicon) };
  }, 300_000);

  const versionOf = (positions: number[]): Corpus => ({
    ...corpus,
    articles: positions.map((i) => corpus.articles[i]),
  });
  const redate = (c: Corpus, at: number): Corpus => ({
    ...c,
    articles: c.articles.map((a, i): Article => (i === at ? { ...a, date: '2001-01-01' } : a)),
  });

  test.each<[string, number[], number[], 'added' | 'whole', number?]>([
    ['one article added at the end', range(0, 119), range(0, 120), 'added'],
    ['five added in the middle', [...range(0, 50), ...range(55, 120)], range(0, 120), 'added'],
    ['nothing added', range(0, 60), range(0, 60), 'added'],
    ['one removed (made whole)', range(0, 120), [...range(0, 10), ...range(11, 120)], 'whole'],
    ['a kept article moved to another day (made whole)', range(0, 100), range(0, 120), 'whole', 7],
  ])(
    '%s: the same bytes as the cells of every article',
    async (_name, before, after, way, moved) => {
      const prev = versionOf(before);
      const next = moved === undefined ? versionOf(after) : redate(versionOf(after), moved);
      const prevKeys = prev.articles.map(articleKey);
      const nextKeys = next.articles.map(articleKey);
      const read = (c: Corpus, keys: string[]) => store.read(scope, c.articles, keys) as ArticleAnalysis[];
      const groups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
      const cellsOf = (c: Corpus, keys: string[]) =>
        makeTimeCells(
          read(c, keys).map((analysis, i) => ({ analysis, date: c.articles[i].date })),
          groups,
        );
      // The previous version's cells and order stored, as its preparation leaves them.
      const prevVersion = versionKey(prevKeys, scope.lexicon);
      const prevDates = prev.articles.map((a) => a.date);
      await putTimeCells(store, scope, talliesKey(prevVersion, prevDates), cellsOf(prev, prevKeys));
      await putIndexOrder(store, scope, { version: prevVersion, keys: prevKeys, dates: prevDates });
      const seen = { analyses: 0, whole: 0 };
      const counting = Object.create(store) as AnalysisStore;
      counting.read = (s: StoreScope, articles: readonly Article[], keys: readonly string[]) => {
        seen.analyses += articles.length;
        return store.read(s, articles, keys);
      };
      const made = versionTimeCells(counting, scope, next, nextKeys, () => {
        seen.whole++;
        return read(next, nextKeys);
      });
      // The independent way: the cells of every article of the new version.
      expect(Buffer.from(encodeTimeCells(made))).toEqual(Buffer.from(encodeTimeCells(cellsOf(next, nextKeys))));
      const had = new Set(prevKeys);
      expect(seen).toEqual(
        way === 'added'
          ? { analyses: nextKeys.filter((k) => !had.has(k)).length, whole: 0 }
          : { analyses: 0, whole: 1 },
      );
    },
    120_000,
  );
});
