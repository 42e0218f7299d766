import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArticleAnalysis } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import { makeTimeCells } from '../time/cells';
import { analyseInto } from './analyse';
import { encodeDrillCounts, makeDrillCounts } from './drillCounts';
import { fileStore } from './files';
import { articleKey, lexiconKey } from './keys';
import { encodeMentionPostings, makeMentionPostings } from './mentionPostings';
import { makeTallies, putTallies } from './tallies';
import { readTallyAnalyses, tallyView } from './tallyAnalyses';
import { encodeTimeCells } from './timeCells';

// FA-KES (784 articles, every term group and voice), analysed once into a scratch store.
const root = mkdtempSync(path.join(tmpdir(), 'framescope-tallyviews-'));
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const store = fileStore(root);
const scope = { corpus: 'fa-kes', lexicon: lexiconKey(corpus.lexicon) };
const keys = corpus.articles.map(articleKey);
const groups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
let full: ArticleAnalysis[] = [];

beforeAll(async () => {
  await analyseInto(store, 'fa-kes', corpus.articles, corpus.lexicon, undefined, 1);
  full = store.read(scope, corpus.articles, keys) as ArticleAnalysis[];
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The stored bytes of the tallies as putTallies writes them (through a scratch store's derived data).
async function talliesBytes(analyses: ArticleAnalysis[]): Promise<Uint8Array> {
  const out = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-tallyviews-out-')));
  await putTallies(out, scope, 'k', makeTallies(corpus, analyses));
  return out.readDerived(scope, 'tallies', 'k')!;
}

describe('tallyView', () => {
  // The independent path is the job before: each maker on the whole analyses. Equal bytes, not just equal counts.
  test.each<[string, (a: ArticleAnalysis[]) => Uint8Array | Promise<Uint8Array>]>([
    ['tallies', talliesBytes],
    ['mention postings', (a) => encodeMentionPostings(makeMentionPostings(a))],
    ['drill-down counts', (a) => encodeDrillCounts(makeDrillCounts(a))],
    [
      'time cells',
      (a) =>
        encodeTimeCells(
          makeTimeCells(
            a.map((analysis, i) => ({ analysis, date: corpus.articles[i].date })),
            groups,
          ),
        ),
    ],
  ])('the %s made from tally views are the bytes made from whole analyses', async (_kind, bytesOf) => {
    const whole = await bytesOf(full);
    expect(whole.length).toBeGreaterThan(100);
    expect(Buffer.from(await bytesOf(full.map(tallyView))).equals(Buffer.from(whole))).toBe(true);
  });

  test('drops the text, segments, quotes, actor hits and each mention text and cue', () => {
    const a = full.find((x) => x.mentions.some((m) => m.actorCue) && x.quotes.length > 0)!;
    const v = tallyView(a);
    expect([v.text, v.segments, v.quotes, v.actorHits]).toEqual(['', [], [], []]);
    expect(v.mentions.every((m) => m.text === '' && m.actorCue === null)).toBe(true);
    expect(v.mentions.map((m) => [m.group, m.variant, m.voice])).toEqual(
      a.mentions.map((m) => [m.group, m.variant, m.voice]),
    );
    expect(v.sentences).toBe(a.sentences);
  });
});

describe('readTallyAnalyses', () => {
  test.each([[1], [7], [500], [5000]])('read %i at a time gives the tally views of every analysis', (chunk) => {
    expect(readTallyAnalyses(store, scope, corpus.articles, keys, chunk)).toEqual(full.map(tallyView));
  });

  test.each([[0], [-2], [2.5]])('a chunk of %s is refused', (chunk) => {
    expect(() => readTallyAnalyses(store, scope, corpus.articles, keys, chunk)).toThrow(
      `chunk ${chunk} must be 1 or more`,
    );
  });

  test('an article with no stored analysis is named', () => {
    const changed = keys.map((k, i) => (i === 10 ? `${k}-not-stored` : k));
    expect(() => readTallyAnalyses(store, scope, corpus.articles, changed, 7)).toThrow(
      `fa-kes: article ${corpus.articles[10].id} has no stored analysis, so its tallies wait for it`,
    );
  });
});
