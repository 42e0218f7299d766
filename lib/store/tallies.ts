import { createHash } from 'node:crypto';
import { DefaultSerializer, deserialize, serialize } from 'node:v8';
import type { ArticleAnalysis } from '../analysis/article';
import {
  addTalliedMonths,
  emptyMonthTallies,
  fillMonthTallies,
  monthTallies,
  type DatedCorpus,
  type MonthTallies,
} from '../analysis/monthTallies';
import { addToOutlet, tallyByOutlet, type OutletTally } from '../analysis/tallies';
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

/** Tallies made a chunk of analyses at a time: what the tallies job folds each chunk it reads into, then drops it. */
export interface TalliesMaker {
  /** Adds the next analyses, in corpus order (the first chunk is the corpus's first article). */
  add(analyses: readonly ArticleAnalysis[]): void;
  /** The tallies of every analysis added: those makeTallies makes of the same list. */
  finish(): StoredTallies;
}

/**
 * An empty tallies maker for a corpus version (its articles give the dates, by position): it keeps per article only its
 * date and its positions in its year and month, and per outlet the tallies of the whole corpus and of each year and month.
 */
export function talliesMaker(corpus: DatedCorpus): TalliesMaker {
  const months = emptyMonthTallies(corpus);
  const byOutlet = new Map<string, OutletTally>();
  return {
    add(analyses) {
      const from = months.size;
      const dates = analyses.map((a, k) => {
        const article = corpus.articles[from + k];
        if (article?.id !== a.id)
          throw new Error(
            `tallies: analysis ${a.id} came at position ${from + k}, where the corpus has ${article ? `article ${article.id}` : 'no article'}: add analyses in corpus order`,
          );
        return article.date ?? null;
      });
      addTalliedMonths(months, analyses, dates);
      for (const a of analyses) addToOutlet(byOutlet, a, months.attributed);
    },
    finish: () => ({ byOutlet, months }),
  };
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
  return headedSerialize(packed);
}

/**
 * A tallies file of a packed value: the header, then exactly the bytes serialize(value) gives, written after room for
 * the header rather than copied behind it (the body is tens of MB, and a copy held beside the blocks was a third of the
 * job's peak).
 */
export function headedSerialize(value: unknown): Buffer {
  const ser = new DefaultSerializer();
  ser.writeRawBytes(Buffer.alloc(TALLIES_HEAD));
  ser.writeHeader();
  ser.writeValue(value);
  const out = ser.releaseBuffer();
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(FORMAT, 4);
  out.writeBigUInt64LE(BigInt(out.length), 8);
  return out;
}

// Each block's tallies are decoded the first time they are read, from the bytes `read` gives for its name.
function lazyTallies(block: { byOutlet: Map<string, OutletTally> | null }, read: () => Uint8Array): void {
  let value: Map<string, OutletTally> | null = null;
  Object.defineProperty(block, 'byOutlet', {
    get: () => (value ??= deserialize(read()) as Map<string, OutletTally>),
    set: (v: Map<string, OutletTally> | null) => {
      value = v;
    },
    enumerable: true,
  });
}

// The serializer writes every string apart, so each article's date read back is its own copy (tens of bytes, a million
// times at 1M articles): the first copy of each date is kept and shared by the others.
function shareDates(dates: (string | null)[]): void {
  const seen = new Map<string, string>();
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (d === null) continue;
    const had = seen.get(d);
    if (had === undefined) seen.set(d, d);
    else dates[i] = had;
  }
}

// The tallies of a packed value whose whole text and index are `whole` and `skeleton` and whose year and month blocks
// `blockOf` gives by name (null: the index names a block the file lacks).
function decodeTallies(
  whole: Uint8Array,
  skeleton: Uint8Array,
  blockOf: (name: string) => (() => Uint8Array) | null,
): StoredTallies {
  let byOutlet: Map<string, OutletTally> | null = null;
  let months: MonthTallies | null = null;
  const lazy = (block: { byOutlet: Map<string, OutletTally> | null }, name: string) => {
    const read = blockOf(name);
    if (!read) throw new Error('stored tallies lack a block their index names: they are made again');
    lazyTallies(block, read);
  };
  return {
    get byOutlet() {
      return (byOutlet ??= deserialize(whole) as Map<string, OutletTally>);
    },
    get months() {
      if (!months) {
        const m = deserialize(skeleton) as MonthTallies;
        shareDates(m.dates);
        for (const [y, year] of m.years) {
          lazy(year, y);
          for (const [name, month] of year.months) lazy(month, name);
        }
        months = m;
      }
      return months;
    },
  };
}

// The packed value of a tallies file's bytes, or null when they are not tallies of this format or do not decode. Its
// byte arrays are views of `bytes` (the serializer's rule for host objects).
function packedOf(bytes: Uint8Array): Packed | null {
  // Stored with the header: it must name this file; stored before the header (no magic): the whole file is the value.
  const headed = bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') === MAGIC;
  if (headed && !headerFits(bytes, bytes.length)) return null;
  try {
    const p = deserialize(headed ? bytes.subarray(TALLIES_HEAD) : bytes) as Packed;
    return p?.format === 2 && p.whole instanceof Uint8Array && Array.isArray(p.blocks) ? p : null;
  } catch {
    // Another Node version's serializer, or cut short: the next preparation makes them again.
    return null;
  }
}

/**
 * The stored tallies under a key, or null when none are stored or they cannot be read (made again then). The whole
 * text's tallies and the year and month index are kept as their bytes and decoded when first read; each year and month
 * block is kept as its place in the file and read from the store when first read (the blocks are most of the file,
 * tens of MB at 10,000 articles, and a server reads few of them).
 */
export function readTallies(store: AnalysisStore, scope: StoreScope, key: string): StoredTallies | null {
  const bytes = store.readDerived(scope, TALLIES, key);
  const p = bytes && packedOf(bytes);
  if (!p) return null;
  const size = bytes.length;
  const places = new Map<string, [offset: number, length: number]>();
  for (const [name, block] of p.blocks) {
    const offset = block.byteOffset - bytes.byteOffset;
    // A view of the file's bytes (always, for byte arrays): its place there is what a range read gives back.
    if (block.buffer !== bytes.buffer || offset < 0 || offset + block.byteLength > size) return talliesOfPacked(p);
    places.set(name, [offset, block.byteLength]);
  }
  const blockOf = (name: string) => {
    const place = places.get(name);
    if (!place) return null;
    return () => {
      const [offset, length] = place;
      const got = store.derivedRange(scope, TALLIES, key, offset, length);
      // The file is named by its content's key and replaced whole, so only its removal (a version retention dropped
      // while still served) or damage shows here.
      if (!got || got.length !== length || store.derivedHead(scope, TALLIES, key, 0)?.size !== size)
        throw new Error(
          `stored tallies ${key} of ${scope.corpus} changed or went missing while served (block ${name}): reload the corpus`,
        );
      return got;
    };
  };
  // Copies (the constructor copies; Buffer.slice of these Buffers would be a view): views would keep the whole file's
  // bytes alive.
  return decodeTallies(new Uint8Array(p.whole), new Uint8Array(p.skeleton), blockOf);
}

// The tallies of a packed value, each block decoded from the bytes it holds.
function talliesOfPacked(p: Packed): StoredTallies {
  const blocks = new Map(p.blocks);
  return decodeTallies(p.whole, p.skeleton, (name) => {
    const bytes = blocks.get(name);
    return bytes ? () => bytes : null;
  });
}

/** The tallies a stored tallies file's bytes hold, or null when they are not tallies of this format or do not decode. */
export function talliesOfBytes(bytes: Uint8Array): StoredTallies | null {
  const p = packedOf(bytes);
  return p && talliesOfPacked(p);
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
