import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { planImport, type ImportPlan, type PlanOptions } from '../importing/plan';
import type { ImportRecord } from '../importing/records';
import { planOffThread, planSession, previewOffThread, WORKER_OPTIONS, type PlanSession } from './offThread';

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

  // The plans of records before the stopped one come back in groups; those not yet sent are planned again, and every
  // rejection stays in its record's place: the plan equals planImport's without the stopped record, with its rejection.
  test.each<[string, boolean]>([
    ['a fresh worker goes on after the stop', true],
    ['no worker starts after the stop: the rest is planned here', false],
  ])(
    'after a stop, %s',
    async (_case, restarts) => {
      const huge = rec('huge', `${BODY} `.repeat(420_000));
      const list = [
        rec('a', `${BODY} A.`),
        rec('b', 'Too short.'),
        huge,
        rec('c', 'Short too.'),
        rec('z', `${BODY} Z.`),
      ];
      let starts = 0;
      const session = planSession(() => {
        if (++starts > 1 && !restarts) throw new Error('no worker');
        return new Worker(path.join(process.cwd(), 'lib', 'corpus', 'planWorker.ts'), WORKER_OPTIONS);
      });
      try {
        const plan = await planOffThread(list, state(), options, new Set(), { budgetMs: 200, minBytes: 0 }, session);
        const expected = planImport(
          list.filter((r) => r !== huge),
          state(),
          options,
          new Set(),
        );
        expect(plan.articles).toEqual(expected.articles);
        // Read: b and c are too short; huge is stopped between them.
        expect(plan.rejected.map((r) => r.where)).toEqual(['b', 'huge', 'c']);
        expect(plan.rejected.filter((r) => r.where !== 'huge')).toEqual(expected.rejected);
      } finally {
        await session.close();
      }
      expect(starts).toBe(2);
    },
    60_000,
  );

  test('a small batch is planned here, without a worker', async () => {
    const plan = await planOffThread(records.slice(0, 2), state(), options, new Set(), {
      budgetMs: 1,
      minBytes: 1_000_000,
    });
    expect(plan.articles).toHaveLength(1);
    expect(plan.rejected).toHaveLength(1);
  });
});

// What the streamed import does after each batch (lib/corpus/importer.ts planItems): the kept articles join the state,
// and the session's worker is sent their hashes with the next batch. `drop` names records the caller rejects after all.
function keep(st: ReturnType<typeof state>, plan: ImportPlan, session: PlanSession | null, drop: string[] = []) {
  for (const a of plan.articles) {
    if (drop.includes(plan.origin.get(a.id)!)) continue;
    st.hashes.set(plan.hashes.get(a.id)!, a.id);
    session?.added.push([plan.hashes.get(a.id)!, a.id]);
    if (!st.outlets.has(a.outlet)) st.outlets.add(a.outlet);
  }
}

const counting = () => {
  const starts = { n: 0 };
  const session = planSession(() => {
    starts.n++;
    return new Worker(path.join(process.cwd(), 'lib', 'corpus', 'planWorker.ts'), WORKER_OPTIONS);
  });
  return { starts, session };
};

describe('planOffThread with a session (one worker kept for a streamed import)', () => {
  // Each case: batches of records, and the records the caller drops after planning (as an unreadable article would be).
  test.each<[string, ImportRecord[][], string[]]>([
    [
      'duplicates of earlier batches and within a batch',
      [
        [rec('a', `${BODY} One.`), rec('b', `${BODY} Two.`, { outlet: 'bbc' })],
        [rec('c', `${BODY}   ONE.`), rec('d', `${BODY} Three.`), rec('e', `${BODY} Three!`)],
        [rec('f', `${BODY} two.`, { outlet: 'cnn' }), rec('g', `${BODY} Four.`, { outlet: 'bbc' }), rec('h', 'Short.')],
      ],
      [],
    ],
    [
      'an article the caller drops is planned again when a later batch has its text',
      [
        [rec('a', `${BODY} One.`), rec('b', `${BODY} Two.`)],
        [rec('c', `${BODY} One.`), rec('d', `${BODY} Two.`)],
      ],
      ['a'],
    ],
  ])(
    '%s: the same plans as planImport, from one worker',
    async (_case, batches, drop) => {
      const { starts, session } = counting();
      const here = state();
      const there = state();
      try {
        for (const batch of batches) {
          const expected = planImport(batch, here, options, new Set());
          keep(here, expected, null, drop);
          const got = await planOffThread(batch, there, options, new Set(), always, session);
          keep(there, got, session, drop);
          expect(got).toEqual(expected);
        }
      } finally {
        await session.close();
      }
      expect(starts.n).toBe(1);
    },
    60_000,
  );

  test('the cases above, read: what each batch stores and what it finds duplicated', async () => {
    const { session } = counting();
    const st = state();
    const wheres = (p: ImportPlan) => ({
      stored: p.articles.map((a) => p.origin.get(a.id)),
      duplicates: p.duplicates.map((d) => d.where),
    });
    try {
      const one = await planOffThread([rec('a', `${BODY} One.`)], st, options, new Set(), always, session);
      keep(st, one, session, ['a']);
      const two = await planOffThread([rec('b', `${BODY} One.`)], st, options, new Set(), always, session);
      keep(st, two, session);
      const three = await planOffThread([rec('c', `${BODY} one`)], st, options, new Set(), always, session);
      // Read: a was dropped by the caller, so b (same text) is stored; c repeats b's text and is its duplicate.
      expect([wheres(one), wheres(two), wheres(three)]).toEqual([
        { stored: ['a'], duplicates: [] },
        { stored: ['b'], duplicates: [] },
        { stored: [], duplicates: ['c'] },
      ]);
    } finally {
      await session.close();
    }
  }, 60_000);

  test('after a record over the budget, a fresh worker gets the whole state and is kept for the next batch', async () => {
    const { starts, session } = counting();
    const st = state();
    const limits = { budgetMs: 200, minBytes: 0 };
    try {
      const one = await planOffThread([rec('a', `${BODY} One.`)], st, options, new Set(), limits, session);
      keep(st, one, session);
      const huge = rec('huge', `${BODY} `.repeat(420_000));
      const two = await planOffThread(
        [rec('b', `${BODY} Two.`), huge, rec('c', `${BODY} One!`), rec('d', `${BODY} Two?`)],
        st,
        options,
        new Set(),
        limits,
        session,
      );
      keep(st, two, session);
      const three = await planOffThread(
        [rec('e', `${BODY} two`), rec('f', `${BODY} Five.`)],
        st,
        options,
        new Set(),
        limits,
        session,
      );
      // Read: c repeats a (batch one), d repeats b (before the stop), e repeats b (the batch before); f is new.
      expect(two.rejected.map((r) => r.where)).toEqual(['huge']);
      expect(two.duplicates.map((d) => d.where)).toEqual(['c', 'd']);
      expect(three.duplicates.map((d) => d.where)).toEqual(['e']);
      expect(three.articles.map((a) => three.origin.get(a.id))).toEqual(['f']);
      // The first worker, and the one started after the stop (kept for batch three).
      expect(starts.n).toBe(2);
    } finally {
      await session.close();
    }
  }, 60_000);
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
