import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import {
  answerHereChars,
  answerOffThread,
  answerWorkers,
  forgetAnswers,
  type Answer,
  type AnswerMaking,
} from './offThreadAnswers';

// Fake workers speaking runWorker's messages: they answer `ms` after the job arrives with the given part.
const fake =
  (part: string, ms = 0) =>
  () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', () => {
       parentPort.postMessage({ kind: 'start', index: 0 });
       setTimeout(() => {
         parentPort.postMessage({ kind: 'record', index: 0, part: ${part} });
         parentPort.postMessage({ kind: 'done' });
       }, ${ms});
     });`,
      { eval: true },
    );
const noWorker = (): Worker => {
  throw new Error('no worker here');
};
const job = { kind: 'table', corpus: 'c', version: null, query: {} } as never;
const keyOf = (fp: string) => `k|${fp}`;
const making = (o: Partial<AnswerMaking<number>>): AnswerMaking<number> => ({
  decode: (p) => p.n as number,
  here: () => -1,
  tooLong: (s) => `took longer than ${s} s`,
  budgetMs: 5000,
  start: noWorker,
  ...o,
});

async function settle<T>(ask: () => Answer<T>): Promise<Answer<T>> {
  for (let i = 0; i < 200; i++) {
    const a = ask();
    if (a.state !== 'counting') return a;
    await new Promise((r) => setTimeout(r, 25));
  }
  return ask();
}

afterEach(forgetAnswers);

describe('answers made on a worker with a time budget', () => {
  test.each<[string, Partial<AnswerMaking<number>>, Answer<number>]>([
    ['a worker that answers', { start: fake(`{ fingerprint: 'v1', n: 42 }`) }, { state: 'ready', value: 42 }],
    ['a worker that fails', { start: fake(`{ error: 'corpus gone' }`) }, { state: 'failed', message: 'corpus gone' }],
    [
      'a worker past its budget',
      { start: fake(`{ fingerprint: 'v1', n: 1 }`, 3000), budgetMs: 100 },
      { state: 'failed', message: 'took longer than 0.1 s' },
    ],
    ['no worker: made on this thread', { here: () => 7 }, { state: 'ready', value: 7 }],
  ])('%s: counting first, then %j', async (_case, o, end) => {
    const ask = () => answerOffThread('v1', keyOf, job, making(o));
    expect(ask().state).toBe('counting');
    // A second request while it runs starts nothing new: still counting.
    expect(ask().state).toBe('counting');
    expect(await settle(ask)).toEqual(end);
  });

  test('an answer read from a changed corpus is kept under the version the worker read', async () => {
    answerOffThread('v1', keyOf, job, making({ start: fake(`{ fingerprint: 'v2', n: 5 }`) }));
    // The fake answers as soon as it starts; a worker starts in well under a second.
    await new Promise((r) => setTimeout(r, 1000));
    expect(answerOffThread('v2', keyOf, job, making({}))).toEqual({ state: 'ready', value: 5 });
  });
});

describe('one answer worker at a time', () => {
  test('a second answer waits for the first worker, and its budget starts with its own worker', async () => {
    // Each fake notes when its job arrived and answers 400 ms later; the budget (600 ms) would stop the second if its
    // clock ran while it waited.
    const timed = () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.on('message', () => {
           const at = Date.now();
           parentPort.postMessage({ kind: 'start', index: 0 });
           setTimeout(() => {
             parentPort.postMessage({ kind: 'record', index: 0, part: { fingerprint: 'v1', n: at } });
             parentPort.postMessage({ kind: 'done' });
           }, 400);
         });`,
        { eval: true },
      );
    const ask = (k: string) => () =>
      answerOffThread('v1', (fp) => `${k}|${fp}`, job, making({ start: timed, budgetMs: 600 }));
    ask('first')();
    ask('second')();
    const [a, b] = [await settle(ask('first')), await settle(ask('second'))];
    if (a.state !== 'ready' || b.state !== 'ready') throw new Error(JSON.stringify([a, b]));
    expect(b.value - a.value).toBeGreaterThanOrEqual(400);
  });

  test.each([
    [undefined, 1],
    ['2', 2],
    ['0', 1],
    ['many', 1],
  ])('FRAMESCOPE_ANSWER_WORKERS=%s is %i', (v, n) => {
    const before = process.env.FRAMESCOPE_ANSWER_WORKERS;
    if (v === undefined) delete process.env.FRAMESCOPE_ANSWER_WORKERS;
    else process.env.FRAMESCOPE_ANSWER_WORKERS = v;
    try {
      expect(answerWorkers()).toBe(n);
    } finally {
      if (before === undefined) delete process.env.FRAMESCOPE_ANSWER_WORKERS;
      else process.env.FRAMESCOPE_ANSWER_WORKERS = before;
    }
  });
});

describe('the size answered on the request thread', () => {
  const before = process.env.FRAMESCOPE_ANSWER_HERE_CHARS;
  afterEach(() => {
    if (before === undefined) delete process.env.FRAMESCOPE_ANSWER_HERE_CHARS;
    else process.env.FRAMESCOPE_ANSWER_HERE_CHARS = before;
  });
  test.each([
    [undefined, 4_000_000],
    ['', 4_000_000],
    ['0', 0],
    ['1000', 1000],
    ['-5', 4_000_000],
    ['lots', 4_000_000],
  ])('FRAMESCOPE_ANSWER_HERE_CHARS=%s is %i', (v, chars) => {
    if (v === undefined) delete process.env.FRAMESCOPE_ANSWER_HERE_CHARS;
    else process.env.FRAMESCOPE_ANSWER_HERE_CHARS = v;
    expect(answerHereChars()).toBe(chars);
  });
});
