import { afterEach, describe, expect, test, vi } from 'vitest';
import { AnalysingError, isAnalysing } from '../store/prepare';
import { backgroundReads, warmBuilt, warmWhenBuilt, type StepRead } from './backgroundSteps';

// A read of `n` units in steps of one, counting the plans made and steps run; `failAt` throws at that step.
function counter(n: number, o: { failAt?: number; here?: number } = {}) {
  const made = { plans: 0, steps: 0 };
  const plan = (progress: { done: number }): StepRead<string> => {
    made.plans++;
    return {
      total: n,
      here: o.here,
      steps: (function* (): Generator<void, string, void> {
        for (let i = 0; i < n; i++) {
          if (i > 0) yield;
          made.steps++;
          if (i === o.failAt) throw new Error(`step ${i} failed`);
          progress.done++;
        }
        return `read ${n}`;
      })(),
    };
  };
  return { plan, made };
}

const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
    return null;
  } catch (e) {
    return e;
  }
};

// Turns the event loop until the read under the key has its answer or failed (a bounded number of turns).
async function settle(reads: { settled(o: object, k: string): boolean }, owner: object, key: string) {
  for (let i = 0; i < 10_000 && !reads.settled(owner, key); i++) await new Promise((r) => setImmediate(r));
}

let names = 0;
const fresh = (max = 4) => backgroundReads<string>(`test.backgroundSteps.${names++}`, max, 'the test articles');

afterEach(() => {
  delete process.env.FRAMESCOPE_DRILL_HERE_ARTICLES;
  vi.restoreAllMocks();
});

describe('the bound: read here, or in the background with the loading page', () => {
  test.each<[string, number, string | undefined, number | undefined, boolean]>([
    ['under the default bound (2,000)', 1999, undefined, undefined, true],
    ['at the default bound', 2000, undefined, undefined, true],
    ['one over the default bound', 2001, undefined, undefined, false],
    ['at FRAMESCOPE_DRILL_HERE_ARTICLES', 5, '5', undefined, true],
    ['over FRAMESCOPE_DRILL_HERE_ARTICLES', 6, '5', undefined, false],
    ['a read with its own bound, within it (the variable ignored)', 6, '5', 6, true],
    ['a read with its own bound, over it', 7, '5', 6, false],
    ['an empty read with a bound of 0', 0, '0', undefined, true],
  ])('%s: %i units', async (_, n, env, here, atOnce) => {
    if (env !== undefined) process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = env;
    const reads = fresh();
    const owner = {};
    const { plan, made } = counter(n, { here });
    const first = thrownBy(() => expect(reads.answer(owner, 'k', 'c', plan)).toBe(`read ${n}`));
    if (atOnce) {
      expect(first).toBeNull();
      expect(made.steps).toBe(n);
      return;
    }
    expect(isAnalysing(first)).toBe(true);
    expect((first as AnalysingError).progress).toEqual({ corpus: 'c', done: 0, total: n, stage: 'loading' });
    // Nothing read on the request that asked: the first step runs on a later turn of the loop.
    expect(made.steps).toBe(0);
    await settle(reads, owner, 'k');
    expect(made.steps).toBe(n);
    expect(reads.answer(owner, 'k', 'c', plan)).toBe(`read ${n}`);
    expect(made.plans).toBe(1);
  });
});

describe('keys', () => {
  test.each<[string, [object, string], [object, string], number]>([
    ['the same owner and key: one read', [{}, 'k'], [{}, 'k'], 1],
    ['another key: another read', [{}, 'k'], [{}, 'other'], 2],
  ])('%s', (_, [owner], [, key2], plans) => {
    const reads = fresh();
    const { plan, made } = counter(3);
    expect(reads.answer(owner, 'k', 'c', plan)).toBe('read 3');
    expect(reads.answer(owner, key2, 'c', plan)).toBe('read 3');
    expect(made.plans).toBe(plans);
  });

  test('another owner (bundle) with the same key: its own read', () => {
    const reads = fresh();
    const { plan, made } = counter(3);
    reads.answer({}, 'k', 'c', plan);
    reads.answer({}, 'k', 'c', plan);
    expect(made.plans).toBe(2);
  });

  test('past `max` keys the oldest is forgotten and read again when asked', () => {
    const reads = fresh(2);
    const owner = {};
    const { plan, made } = counter(1);
    for (const k of ['a', 'b', 'c']) reads.answer(owner, k, 'c', plan);
    expect(made.plans).toBe(3);
    reads.answer(owner, 'c', 'c', plan);
    reads.answer(owner, 'b', 'c', plan);
    expect(made.plans).toBe(3);
    reads.answer(owner, 'a', 'c', plan);
    expect(made.plans).toBe(4);
  });

  test('a plan that cannot read answers null and keeps nothing (the next ask plans again)', () => {
    const reads = fresh();
    const owner = {};
    let plans = 0;
    const none = () => (plans++, null);
    expect(reads.answer(owner, 'k', 'c', none)).toBeNull();
    expect(reads.answer(owner, 'k', 'c', none)).toBeNull();
    expect(plans).toBe(2);
    expect(reads.settled(owner, 'k')).toBe(false);
  });

  test('a read whose answer is null is kept: asked again, not read again', () => {
    const reads = backgroundReads<string | null>(`test.backgroundSteps.${names++}`, 4, 'x');
    const owner = {};
    let plans = 0;
    const plan = (): StepRead<string | null> => (
      plans++,
      {
        total: 1,
        steps: (function* () {
          return null;
        })(),
      }
    );
    expect(reads.answer(owner, 'k', 'c', plan)).toBeNull();
    expect(reads.answer(owner, 'k', 'c', plan)).toBeNull();
    expect(plans).toBe(1);
  });

  test('two copies of the module (the proxy’s and the pages’) with the same name share one read', async () => {
    const name = `test.backgroundSteps.${names++}`;
    vi.resetModules();
    const other = (await import('./backgroundSteps')).backgroundReads;
    // Another copy indeed: the module was evaluated again.
    expect(other).not.toBe(backgroundReads);
    const one = backgroundReads<string>(name, 4, 'x');
    const two = other<string>(name, 4, 'x');
    const owner = {};
    const { plan, made } = counter(3);
    expect(one.answer(owner, 'k', 'c', plan)).toBe('read 3');
    expect(two.answer(owner, 'k', 'c', plan)).toBe('read 3');
    expect(made.plans).toBe(1);
  });
});

describe('two requests for the same key while it is read in the background', () => {
  test.each([
    ['just after the first', 0],
    ['after two steps', 2],
  ])('%s: one read, the second told its progress', async (_, turns) => {
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = '0';
    const reads = fresh();
    const owner = {};
    const { plan, made } = counter(10);
    expect(isAnalysing(thrownBy(() => reads.answer(owner, 'k', 'c', plan)))).toBe(true);
    for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
    const second = thrownBy(() => reads.answer(owner, 'k', 'c', plan)) as AnalysingError;
    expect(second.progress.total).toBe(10);
    // One step per turn, the first on the turn after the ask: `turns` turns have run `turns` steps.
    expect(second.progress.done).toBe(turns);
    await settle(reads, owner, 'k');
    expect(reads.answer(owner, 'k', 'c', plan)).toBe('read 10');
    expect(made.plans).toBe(1);
    expect(made.steps).toBe(10);
  });
});

describe('a step that throws', () => {
  test.each([
    ['read here', '100'],
    ['read in the background', '0'],
  ])('%s: the error is told once, then the next ask reads again', async (how, env) => {
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = env;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reads = fresh();
    const owner = {};
    const { plan: failing } = counter(4, { failAt: 2 });
    const first = thrownBy(() => reads.answer(owner, 'k', 'c', failing));
    if (how === 'read here') expect((first as Error).message).toBe('step 2 failed');
    else {
      expect(isAnalysing(first)).toBe(true);
      for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
      expect(logged).toHaveBeenCalledWith('corpus c: the test articles were not read: step 2 failed');
      expect((thrownBy(() => reads.answer(owner, 'k', 'c', failing)) as Error).message).toBe('step 2 failed');
    }
    expect(reads.settled(owner, 'k')).toBe(false);
    // Mended: the next ask plans a new read.
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = '100';
    const { plan, made } = counter(4);
    expect(reads.answer(owner, 'k', 'c', plan)).toBe('read 4');
    expect(made.plans).toBe(1);
  });
});

describe('warm-ups of a built bundle', () => {
  test.each([
    ['each runs once on the bundle, after the turn that built it', [], ['a', 'b']],
    ['one that throws is logged, the others still run', ['a'], ['b']],
  ])('%s', async (_, failing, ran) => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const owner = {};
    const seen: string[] = [];
    const tag = `test.warm.${names++}`;
    for (const n of ['a', 'b'])
      warmWhenBuilt(`${tag}.${n}`, (o: object) => {
        if (failing.includes(n)) throw new Error(`${n} broke`);
        if (o === owner) seen.push(n);
      });
    // A module copy registering again under the same name replaces its earlier registration: still once per bundle.
    warmWhenBuilt(`${tag}.b`, (o: object) => {
      if (o === owner) seen.push('b');
    });
    const done = warmBuilt(owner);
    expect(seen).toEqual([]);
    await done;
    expect(seen.filter((n) => n === 'a' || n === 'b')).toEqual(ran);
    if (failing.length) expect(warned).toHaveBeenCalledWith(`the warm-up "${tag}.a" failed: a broke`);
  });
});
