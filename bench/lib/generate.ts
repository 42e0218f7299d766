import type { Article, Outlet } from '../../lib/types';
import { addDays } from '../../lib/time/bin';

/** A seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** First day of the generated articles' dates. */
export const BENCH_FIRST_DAY = '2012-01-01';
/** The generated articles' dates span this many days (five years, 2012-2016). */
export const BENCH_DAYS = 1827;

/**
 * A generated article's date, spread evenly over five years; from its own PRNG stream, so adding dates left the
 * text of every article as it was.
 */
export function benchDate(seed: number, index: number): string {
  return addDays(BENCH_FIRST_DAY, Math.floor(rng(seed * 7_000_003 + index * 2 + 1)() * BENCH_DAYS));
}

/** Size and seed of a generated benchmark corpus. */
export interface GenerateOptions {
  articles: number;
  outlets: number;
  seed: number;
  /** First article index, so workers can generate their own slice of the same corpus. */
  from?: number;
}

/** The outlets of a generated corpus: bench-00 … bench-NN. */
export function benchOutlets(n: number): Outlet[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `bench-${String(i).padStart(2, '0')}`,
    name: `Bench outlet ${i}`,
    kind: i % 3 === 0 ? 'state media' : 'private',
    country: null,
    site: null,
  }));
}

/**
 * Articles resampled from a pool of real sentences: each article's outlet, length (12-34 sentences, about 3.5 kB)
 * and sentences come from a PRNG seeded by the corpus seed and the article index, so any slice is reproducible alone.
 */
export function generateArticles(pool: string[], o: GenerateOptions): Article[] {
  const outlets = benchOutlets(o.outlets);
  const out: Article[] = [];
  const from = o.from ?? 0;
  for (let i = from; i < from + o.articles; i++) {
    const r = rng(o.seed * 1_000_003 + i);
    const pick = () => pool[Math.floor(r() * pool.length)];
    const n = 12 + Math.floor(r() * 23);
    const paragraphs: string[] = [];
    for (let k = 0; k < n;) {
      const len = Math.min(n - k, 2 + Math.floor(r() * 3));
      paragraphs.push(Array.from({ length: len }, pick).join(' '));
      k += len;
    }
    const title = pick()
      .split(' ')
      .slice(0, 12)
      .join(' ')
      .replace(/[.,;:]$/, '');
    out.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      outlet: outlets[Math.floor(r() * outlets.length)].id,
      title,
      date: benchDate(o.seed, i),
      url: null,
      raw: null,
      note: null,
      segments: [
        { section: 'title', text: title },
        { section: 'body', text: paragraphs.join('\n\n') },
      ],
    });
  }
  return out;
}

/** UTF-8 size of an article's text in bytes (what MB/s figures divide by). */
export function articleBytes(a: Article): number {
  return a.segments.reduce((s, x) => s + Buffer.byteLength(x.text, 'utf8'), 0);
}
