import { AnalysingError } from '../store/prepare';
import { drillHereArticles } from './drillLimit';

/**
 * A read made in steps (a generator that yields between steps and returns the answer), how much it reads (`total`, in
 * articles: what the loading page counts) and `progress.done`, which its steps advance.
 */
export interface StepRead<T> {
  total: number;
  steps: Generator<void, T, void>;
  /** Up to how much (in `total`'s unit) is read on the request that asks; drillHereArticles() when not given. */
  here?: number;
}

interface Entry<T> {
  progress: { done: number };
  total: number;
  settled: boolean;
  value: T | undefined;
  error: Error | null;
}

/** Reads kept per owner (a bundle) and key, each read once, here when small, else in the background in steps. */
export interface BackgroundReads<T> {
  /**
   * The answer of the read kept under `owner` and `key`: made by `plan` on the first ask (null from `plan`: no read is
   * possible, null is answered and nothing kept), at once when its total is within its bound, else in the background in
   * steps while every ask, this first one included, throws an AnalysingError at the loading stage counting its
   * progress. A failed read is thrown once, to the next ask, then forgotten (the one after reads again).
   */
  answer(
    owner: object,
    key: string,
    corpus: string,
    plan: (progress: { done: number }) => StepRead<T> | null,
  ): T | null;
  /** Whether the read under `owner` and `key` has its answer (false while it runs, after it failed, or never asked). */
  settled(owner: object, key: string): boolean;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The reads named `name` (kept on globalThis under Symbol.for(`framescope.${name}`), so that the proxy's and the pages'
 * copies of a module find the same read: the one the proxy started is the one the page then finds done), keeping the
 * `max` most recently started per owner; `what` names the read in the log line of a failure.
 */
export function backgroundReads<T>(name: string, max: number, what: string): BackgroundReads<T> {
  const slot = Symbol.for(`framescope.${name}`);
  const reads = ((globalThis as Record<symbol, unknown>)[slot] ??= new WeakMap()) as WeakMap<
    object,
    Map<string, Entry<T>>
  >;
  return {
    answer(owner, key, corpus, plan) {
      let cache = reads.get(owner);
      if (!cache) reads.set(owner, (cache = new Map()));
      const hit = cache.get(key);
      if (hit?.settled) return hit.value!;
      if (hit?.error) {
        // Told once; the next ask reads again (the folder may have been mended meanwhile).
        cache.delete(key);
        throw hit.error;
      }
      if (hit) throw new AnalysingError({ corpus, done: hit.progress.done, total: hit.total, stage: 'loading' });
      const progress = { done: 0 };
      const read = plan(progress);
      if (!read) return null;
      const entry: Entry<T> = { progress, total: read.total, settled: false, value: undefined, error: null };
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(key, entry);
      const { steps } = read;
      if (read.total <= (read.here ?? drillHereArticles())) {
        try {
          for (let r = steps.next(); ; r = steps.next())
            if (r.done) {
              Object.assign(entry, { value: r.value, settled: true });
              return r.value;
            }
        } catch (e) {
          cache.delete(key);
          throw e;
        }
      }
      void (async () => {
        try {
          // setImmediate: the request that asked is answered (with the loading page) before the first step runs.
          for (let r = (await yieldToLoop(), steps.next()); ; r = steps.next()) {
            if (r.done) {
              Object.assign(entry, { value: r.value, settled: true });
              break;
            }
            await yieldToLoop();
          }
        } catch (e) {
          entry.error = e instanceof Error ? e : new Error(String(e));
          console.error(`corpus ${corpus}: ${what} were not read: ${entry.error.message}`);
        }
      })();
      throw new AnalysingError({ corpus, done: 0, total: read.total, stage: 'loading' });
    },
    settled(owner, key) {
      return reads.get(owner)?.get(key)?.settled ?? false;
    },
  };
}

// The warm-ups run on each bundle built from the store, by name: each copy of a module registering one replaces the
// last copy's, so a warm-up runs once per bundle.
const WARMS = Symbol.for('framescope.warmWhenBuilt');
const warms = ((globalThis as Record<symbol, unknown>)[WARMS] ??= new Map()) as Map<string, (owner: never) => void>;

/** Registers `warm` under `name`, to be run on every bundle built from the store after this (see warmBuilt). */
export function warmWhenBuilt<O extends object>(name: string, warm: (owner: O) => void): void {
  warms.set(name, warm);
}

/**
 * Runs the registered warm-ups on a bundle just built, each on its own later turn of the event loop (after the request
 * that built it is answered); a warm-up that throws is logged and the others still run.
 */
export async function warmBuilt(owner: object): Promise<void> {
  for (const [name, warm] of [...warms]) {
    await yieldToLoop();
    try {
      (warm as (o: object) => void)(owner);
    } catch (e) {
      console.warn(`the warm-up "${name}" failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
