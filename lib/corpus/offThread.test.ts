import { describe, expect, test } from 'vitest';
import { planImport, type PlanOptions } from '../importing/plan';
import type { ImportRecord } from '../importing/records';
import { planOffThread, previewOffThread } from './offThread';

const rec = (where: string, text: string, over: Partial<ImportRecord> = {}): ImportRecord => ({
  where,
  title: `Report ${where}`,
  text,
  outlet: 'voa',
  date: '10/21/2016',
  url: null,
  extra: {},
  ...over,
});
const BODY = 'Kurdish fighters and Turkish-backed rebels clashed near the village on Friday, officials said.';
const options: PlanOptions = { outlet: null, createOutlets: true, dateOrder: 'mdy', source: 'test' };
const state = () => ({
  outlets: new Set(['voa']),
  groups: new Set(['aggregators']),
  hashes: new Map<string, string>(),
});
// Rejections, a duplicate of an earlier record, new outlets (one a group id) and text fixes, mixed.
const records = [
  rec('a', `${BODY} One.`),
  rec('b', 'Too short.'),
  rec('c', `${BODY} One.`),
  rec('d', `${BODY} Two. Assads forces.`, { outlet: 'bbc' }),
  rec('e', `${BODY} Three.`, { outlet: 'aggregators' }),
  rec('f', `${BODY} Four.\u0000`, { outlet: 'bbc' }),
  rec('g', `${BODY} Five.`, { date: '31/31/2016' }),
];
const always = { budgetMs: 10_000, minBytes: 0 };

describe('planOffThread', () => {
  test('plans in a worker exactly as planImport does in one pass', async () => {
    const here = planImport(records, state(), options, new Set(['Assad']));
    const there = await planOffThread(records, state(), options, new Set(['Assad']), always);
    expect(there).toEqual(here);
    // Verified by reading the records: a, d, f are stored; c duplicates a; b, e and g are rejected.
    expect(there.articles.map((a) => there.origin.get(a.id))).toEqual(['a', 'd', 'f']);
    expect(there.rejected.map((r) => r.where)).toEqual(['b', 'e', 'g']);
  }, 30_000);

  test('a record over the time budget is stopped and rejected with the reason; the records after it are still planned', async () => {
    // About 40 MB of text: far more than 200 ms of cleaning on any machine, while the short records take milliseconds.
    const huge = rec('huge', `${BODY} `.repeat(420_000));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const plan = await planOffThread(
      [rec('a', `${BODY} A.`), huge, rec('z', `${BODY} Z.`)],
      state(),
      options,
      new Set(),
      { budgetMs: 200, minBytes: 0 },
    );
    clearInterval(timer);
    expect(plan.rejected).toEqual([
      {
        where: 'huge',
        reason: expect.stringContaining('took longer than 0.2 s to clean and check, so it was skipped'),
      },
    ]);
    expect(plan.articles.map((a) => plan.origin.get(a.id))).toEqual(['a', 'z']);
    // The event loop kept running while the worker cleaned (at least the 200 ms budget passed: about 10 ticks).
    expect(ticks).toBeGreaterThanOrEqual(5);
  }, 60_000);

  test('a small batch is planned here, without a worker', async () => {
    const plan = await planOffThread(records.slice(0, 2), state(), options, new Set(), {
      budgetMs: 1,
      minBytes: 1_000_000,
    });
    expect(plan.articles).toHaveLength(1);
    expect(plan.rejected).toHaveLength(1);
  });
});

describe('previewOffThread', () => {
  test('previews in a worker equal the previews made here, and an article over the budget gets a reason instead', async () => {
    const { loadCorpus } = await import('./load');
    const { compileEngine } = await import('../analysis/article');
    const { previewOf } = await import('./preview');
    const seeds = loadCorpus('corpus/seeds');
    const engine = compileEngine(seeds.lexicon);
    const there = await previewOffThread(seeds.articles, seeds.lexicon, always);
    expect(there).toEqual(seeds.articles.map((a) => previewOf(a, engine)));
    const huge = {
      ...seeds.articles[0],
      id: 'huge',
      segments: [{ section: 'body' as const, text: '"rebels '.repeat(2_000_000) }],
    };
    const mixed = await previewOffThread([seeds.articles[1], huge, seeds.articles[2]], seeds.lexicon, {
      budgetMs: 300,
      minBytes: 0,
    });
    expect(mixed[1]).toEqual({ skipped: 'too long to preview within 0.3 s' });
    expect(mixed[0]).toEqual(previewOf(seeds.articles[1], engine));
    expect(mixed[2]).toEqual(previewOf(seeds.articles[2], engine));
  }, 60_000);
});
