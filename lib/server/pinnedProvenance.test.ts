import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import { pinnedProvenanceLimits, provenanceOnWorker, slots } from './pinnedProvenance';
import type { PinnedProvenanceJob } from './provenanceWorker';

const job = (): PinnedProvenanceJob => ({
  corpus: 'c',
  version: 'v',
  packed: { ints: new Int32Array(4), strings: [], count: 0, offsets: [] },
});
// A worker that answers with the bytes [1, 2, 3] after `ms`, or never when ms < 0.
const answering = (ms: number) => () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.once('message', () => { if (${ms} >= 0) setTimeout(() => parentPort.postMessage({ bytes: new Uint8Array([1, 2, 3]) }), ${ms}); });
     setInterval(() => {}, 1000);`,
    { eval: true },
  );

afterEach(() => {
  delete process.env.FRAMESCOPE_PINNED_PROVENANCE_BUDGET_MS;
  delete process.env.FRAMESCOPE_PINNED_PROVENANCE_WORKERS;
});

describe('pinnedProvenanceLimits', () => {
  test.each([
    [undefined, undefined, 1, 3_600_000],
    ['2', '90000', 2, 90_000],
    ['0', '-5', 1, 3_600_000],
    ['two', 'soon', 1, 3_600_000],
  ])('workers=%s budget=%s', (workers, budget, expectedWorkers, expectedBudget) => {
    if (workers !== undefined) process.env.FRAMESCOPE_PINNED_PROVENANCE_WORKERS = workers;
    if (budget !== undefined) process.env.FRAMESCOPE_PINNED_PROVENANCE_BUDGET_MS = budget;
    expect(pinnedProvenanceLimits()).toEqual({ workers: expectedWorkers, budgetMs: expectedBudget });
  });
});

describe('slots', () => {
  test.each([1, 2, 3])('at most %i of 6 tasks run at once, started in the order they came', async (limit) => {
    const q = slots(() => limit);
    let now = 0;
    let most = 0;
    const started: number[] = [];
    const tasks = [0, 1, 2, 3, 4, 5].map((i) =>
      q.run(async () => {
        started.push(i);
        most = Math.max(most, ++now);
        await new Promise((r) => setTimeout(r, 5));
        now--;
        return i * 10;
      }),
    );
    expect(await Promise.all(tasks)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(most).toBe(limit);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect([q.running, q.waiting]).toEqual([0, 0]);
  });

  test('a failed task frees its slot', async () => {
    const q = slots(() => 1);
    await expect(q.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await q.run(async () => 'next')).toBe('next');
  });
});

describe('provenanceOnWorker', () => {
  test('a worker that answers in time: its bytes', async () => {
    const bytes = await provenanceOnWorker(
      job(),
      'version v',
      answering(10),
      slots(() => 1),
    );
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  test('a worker past its budget is stopped with a message that says what to do, and the next one runs', async () => {
    process.env.FRAMESCOPE_PINNED_PROVENANCE_BUDGET_MS = '300';
    const q = slots(() => 1);
    const stuck = provenanceOnWorker(job(), 'version v of corpus "c"', answering(-1), q);
    const next = provenanceOnWorker(job(), 'version w', answering(10), q);
    // Only one runs at a time: the second waits for the first's slot.
    expect([q.running, q.waiting]).toEqual([1, 1]);
    await expect(stuck).rejects.toThrow(
      'version v of corpus "c": its provenance took longer than the 0.3-second budget and was stopped; open the current version, or raise FRAMESCOPE_PINNED_PROVENANCE_BUDGET_MS',
    );
    expect([...(await next)]).toEqual([1, 2, 3]);
  });
});
