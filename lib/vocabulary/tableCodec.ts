import { deserialize, serialize } from 'node:v8';
import type { Candidate, ContextCandidate, LexiconMark } from './lexicon';
import type { TermCounts, VocabularyTable } from './table';

/**
 * A vocabulary table as bytes, for the store (derived data "vocabulary") and for answers a worker sends back: the
 * n-grams in table order and their per-outlet counts as three flat integer arrays (term i's counts at [i·O, i·O + O)),
 * so the serializer writes each array once instead of one small array per n-gram. The table's lexicon reading (marks
 * and candidates, which depend only on the table and the lexicon) travels with it, so a reader scores at once.
 */

/** What a lexicon says about a table's n-grams: variant marks and candidate variants by both rules. */
export interface LexiconReading {
  marks: Map<string, LexiconMark>;
  candidates: Candidate[];
  contexts: ContextCandidate[];
}

/** Bumped whenever the encoded layout changes: older bytes then decode to null and are made again. */
export const TABLE_CODEC_VERSION = 1;

interface Encoded {
  v: number;
  outlets: string[];
  groups: string[];
  terms: string[];
  uses: Int32Array;
  articles: Int32Array;
  withGroup: Int32Array;
  n: number[];
  tokens: number[];
  articlesPer: number[];
  sentences: number;
  groupNgrams: number[];
  pruning: VocabularyTable['pruning'];
  lexicon: { marks: [string, LexiconMark][]; candidates: Candidate[]; contexts: ContextCandidate[] } | null;
}

/** Encodes a table (and, when given, its lexicon reading) as bytes. */
export function encodeTable(table: VocabularyTable, reading: LexiconReading | null): Uint8Array {
  const O = table.outlets.length;
  const G = table.groups.length;
  const K = table.terms.size;
  const uses = new Int32Array(K * O);
  const articles = new Int32Array(K * O);
  const withGroup = new Int32Array(K * G);
  const terms: string[] = [];
  let i = 0;
  for (const [term, row] of table.terms) {
    terms.push(term);
    uses.set(row.uses, i * O);
    articles.set(row.articles, i * O);
    withGroup.set(row.withGroup.subarray(0, G), i * G);
    i++;
  }
  const e: Encoded = {
    v: TABLE_CODEC_VERSION,
    outlets: table.outlets,
    groups: table.groups,
    terms,
    uses,
    articles,
    withGroup,
    n: table.n,
    tokens: table.tokens,
    articlesPer: table.articles,
    sentences: table.sentences,
    groupNgrams: table.groupNgrams,
    pruning: table.pruning,
    lexicon: reading ? { marks: [...reading.marks], candidates: reading.candidates, contexts: reading.contexts } : null,
  };
  return serialize(canonical(e));
}

/**
 * The value rebuilt so that the serializer writes the same bytes for the same content: every string one byte per
 * character when its characters allow (oneByte), every array packed (the serializer writes an array with holes in
 * its sparse form, and whether `map` made one with holes depended on whether it had been optimised yet: FA-KES's
 * table came out as either of two byte strings in one test process). Typed arrays are written as they are.
 */
function canonical(v: unknown): unknown {
  if (typeof v === 'string') return oneByte(v);
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
  const proto = Object.getPrototypeOf(v);
  // Maps, Sets and other objects are written as they are (the table holds none; plain objects and arrays only).
  if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return v;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) out.push(canonical(x));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = canonical(x);
  return out;
}

/**
 * The same string held one byte per character when its characters allow. The serializer writes a string as it is held,
 * and a word cut from a text that holds any character above U+00FF is held two bytes per character even when it holds
 * none itself: which article an analysis worker first met a word in (the batches' timing) then decided the stored bytes
 * of the same table (two CLI imports of the same 10,000 articles stored tables of 17,508,750 and 17,507,553 bytes that
 * decode alike). Held canonically, the bytes depend only on the table.
 */
function oneByte(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return s;
  return Buffer.from(s, 'latin1').toString('latin1');
}

/** Decodes bytes made by encodeTable; null when they are of another layout version or cannot be read. */
export function decodeTable(bytes: Uint8Array): { table: VocabularyTable; reading: LexiconReading | null } | null {
  let e: Encoded;
  try {
    e = deserialize(bytes) as Encoded;
  } catch {
    // Cut short or written by another Node's serializer: the caller makes it again.
    return null;
  }
  if (!e || e.v !== TABLE_CODEC_VERSION) return null;
  const O = e.outlets.length;
  const G = e.groups.length;
  const terms = new Map<string, TermCounts>();
  e.terms.forEach((term, i) =>
    terms.set(term, {
      uses: e.uses.subarray(i * O, i * O + O),
      articles: e.articles.subarray(i * O, i * O + O),
      withGroup: e.withGroup.subarray(i * G, i * G + G),
    }),
  );
  const table: VocabularyTable = {
    outlets: e.outlets,
    groups: e.groups,
    terms,
    n: e.n,
    tokens: e.tokens,
    articles: e.articlesPer,
    sentences: e.sentences,
    groupNgrams: e.groupNgrams,
    pruning: e.pruning,
  };
  const reading = e.lexicon
    ? { marks: new Map(e.lexicon.marks), candidates: e.lexicon.candidates, contexts: e.lexicon.contexts }
    : null;
  return { table, reading };
}
