import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { ArticleAnalysis } from '../analysis/article';
import { fillMonthTallies, monthTallies, type MonthTallies } from '../analysis/monthTallies';
import { tallyByOutlet, type OutletTally } from '../analysis/tallies';
import type { Corpus } from '../types';
import type { AnalysisStore, StoreScope } from './types';

/** The derived-data kind of a corpus version's tallies (lib/store/derived.ts names the others). */
export const TALLIES = 'tallies';

/**
 * What the first view and every date range of one corpus version read instead of tallying its articles: the
 * per-outlet tallies of the whole corpus and of every calendar year and month (all made, none left for a request).
 */
export interface StoredTallies {
  byOutlet: Map<string, OutletTally>;
  months: MonthTallies;
}

/**
 * The key of a version's tallies: its version key (article keys in order, lexicon, engine) and every article's date,
 * since a changed date keeps the analysis (and the version key) but moves the article to another month.
 */
export function talliesKey(version: string, dates: readonly (string | null)[]): string {
  const h = createHash('sha1').update(`${version}\0`);
  for (const d of dates) h.update(`${d ?? '-'}\0`);
  return h.digest('hex').slice(0, 16);
}

/** The tallies key of a corpus version (its articles' dates, in corpus order). */
export function talliesKeyOf(corpus: Pick<Corpus, 'articles'>, version: string): string {
  return talliesKey(
    version,
    corpus.articles.map((a) => a.date),
  );
}

/** Makes a version's tallies from its analyses (in corpus order): the whole corpus and every year and month. */
export function makeTallies(corpus: Corpus, analyses: ArticleAnalysis[]): StoredTallies {
  const months = fillMonthTallies(monthTallies(corpus, analyses), analyses);
  return { byOutlet: tallyByOutlet(analyses, months.attributed), months };
}

// On disk: the whole text's tallies, the index of years and months without their tallies, and each year's and month's
// tallies, each serialised apart, so a reader decodes only what it uses (the first view decodes the whole text's; a
// range the blocks it sums). Decoding every month at once took most of a restart.
interface Packed {
  format: 2;
  whole: Uint8Array;
  skeleton: Uint8Array;
  blocks: [string, Uint8Array][];
}

type Block = MonthTallies['years'] extends Map<string, infer Y> ? Y : never;

function encodeTallies(t: StoredTallies): Uint8Array {
  const blocks: [string, Uint8Array][] = [];
  const bare = (b: Omit<Block, 'months'>, name: string) => {
    blocks.push([name, serialize(b.byOutlet)]);
    return { ...b, byOutlet: null };
  };
  const years = new Map(
    [...t.months.years].map(([y, year]) => [
      y,
      { ...bare(year, y), months: new Map([...year.months].map(([m, month]) => [m, bare(month, m)])) },
    ]),
  );
  const packed: Packed = {
    format: 2,
    whole: serialize(t.byOutlet),
    skeleton: serialize({ ...t.months, years }),
    blocks,
  };
  return serialize(packed);
}

// Each block's tallies are decoded the first time they are read.
function lazyTallies(block: { byOutlet: Map<string, OutletTally> | null }, bytes: Uint8Array | undefined): void {
  if (!bytes) throw new Error('stored tallies lack a block their index names: they are made again');
  let value: Map<string, OutletTally> | null = null;
  Object.defineProperty(block, 'byOutlet', {
    get: () => (value ??= deserialize(bytes) as Map<string, OutletTally>),
    set: (v: Map<string, OutletTally> | null) => {
      value = v;
    },
    enumerable: true,
  });
}

function decodeTallies(p: Packed): StoredTallies {
  let byOutlet: Map<string, OutletTally> | null = null;
  let months: MonthTallies | null = null;
  const blocks = new Map(p.blocks);
  return {
    get byOutlet() {
      return (byOutlet ??= deserialize(p.whole) as Map<string, OutletTally>);
    },
    get months() {
      if (!months) {
        const m = deserialize(p.skeleton) as MonthTallies;
        for (const [y, year] of m.years) {
          lazyTallies(year, blocks.get(y));
          for (const [name, month] of year.months) lazyTallies(month, blocks.get(name));
        }
        months = m;
      }
      return months;
    },
  };
}

/**
 * The stored tallies under a key, or null when none are stored or they cannot be read (made again then). The whole
 * text's tallies, the year and month index and each block are decoded when first read.
 */
export function readTallies(store: AnalysisStore, scope: StoreScope, key: string): StoredTallies | null {
  const bytes = store.readDerived(scope, TALLIES, key);
  if (!bytes) return null;
  try {
    const p = deserialize(bytes) as Packed;
    return p?.format === 2 && p.whole instanceof Uint8Array && Array.isArray(p.blocks) ? decodeTallies(p) : null;
  } catch {
    // Another Node version's serializer, or cut short: the next preparation makes them again.
    return null;
  }
}

/** Whether a version's tallies are stored and readable (a file of an older format is made again). */
export function hasTallies(store: AnalysisStore, scope: StoreScope, key: string): boolean {
  return store.hasDerived(scope, TALLIES, key) && readTallies(store, scope, key) !== null;
}

/** Stores a version's tallies whole. */
export function putTallies(store: AnalysisStore, scope: StoreScope, key: string, t: StoredTallies): Promise<void> {
  return store.putDerived(scope, TALLIES, key, encodeTallies(t));
}
