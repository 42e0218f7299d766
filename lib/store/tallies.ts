import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { ArticleAnalysis } from '../analysis/article';
import { fillMonthTallies, monthTallies, type DatedCorpus, type MonthTallies } from '../analysis/monthTallies';
import { tallyByOutlet, type OutletTally } from '../analysis/tallies';
import type { Article } from '../types';
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
export function talliesKeyOf(corpus: { articles: readonly Pick<Article, 'date'>[] }, version: string): string {
  return talliesKey(
    version,
    corpus.articles.map((a) => a.date),
  );
}

/** Makes a version's tallies from its analyses (in corpus order): the whole corpus and every year and month. */
export function makeTallies(corpus: DatedCorpus, analyses: ArticleAnalysis[]): StoredTallies {
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

// The file: a fixed header of TALLIES_HEAD bytes ("FTL2", the packed format as a u32 LE, the whole file's byte length as
// a u64 LE), then the Packed value serialised. The header lets a check (hasTallies) learn that a file is complete and of
// this format without reading the body (80 MB at 100,000 articles). Files stored before the header read as before.
const MAGIC = 'FTL2';
const FORMAT = 2;
const TALLIES_HEAD = 16;

// Whether bytes start with a tallies header of this format naming `size` as the file's length.
function headerFits(head: Uint8Array, size: number): boolean {
  if (head.length < TALLIES_HEAD) return false;
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return b.toString('latin1', 0, 4) === MAGIC && b.readUInt32LE(4) === FORMAT && Number(b.readBigUInt64LE(8)) === size;
}

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
  const body = serialize(packed);
  const head = Buffer.alloc(TALLIES_HEAD);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(FORMAT, 4);
  head.writeBigUInt64LE(BigInt(TALLIES_HEAD + body.length), 8);
  return Buffer.concat([head, body]);
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
  return bytes && talliesOfBytes(bytes);
}

/** The tallies a stored tallies file's bytes hold, or null when they are not tallies of this format or do not decode. */
export function talliesOfBytes(bytes: Uint8Array): StoredTallies | null {
  // Stored with the header: it must name this file; stored before the header (no magic): the whole file is the value.
  const headed = bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') === MAGIC;
  if (headed && !headerFits(bytes, bytes.length)) return null;
  try {
    const p = deserialize(headed ? bytes.subarray(TALLIES_HEAD) : bytes) as Packed;
    return p?.format === 2 && p.whole instanceof Uint8Array && Array.isArray(p.blocks) ? decodeTallies(p) : null;
  } catch {
    // Another Node version's serializer, or cut short: the next preparation makes them again.
    return null;
  }
}

/**
 * Whether a version's tallies are stored whole and of this format, from their header alone (the body is not read): a
 * file cut short, of another format or stored before the header counts as missing, so the next preparation makes it
 * again. A body that later fails to decode reads as no tallies (readTallies), as before.
 */
export function hasTallies(store: AnalysisStore, scope: StoreScope, key: string): boolean {
  const h = store.derivedHead(scope, TALLIES, key, TALLIES_HEAD);
  return h !== null && headerFits(h.head, h.size);
}

/** Stores a version's tallies whole. */
export function putTallies(store: AnalysisStore, scope: StoreScope, key: string, t: StoredTallies): Promise<void> {
  return store.putDerived(scope, TALLIES, key, encodeTallies(t));
}
