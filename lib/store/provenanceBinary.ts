import type { Anchor, Passage } from '../provenance/align';
import type { Credit, CreditStyle } from '../provenance/credits';
import type { ArticleProvenance, ProvenanceKind, SentenceProvenance, SharedWith } from '../provenance/model';
import type { ArticlePageRecord } from '../provenance/pages';
import type { PairMatch } from '../provenance/reuseIndex';
import { packPair } from '../provenance/packedPair';
import type { DiffPiece, SideBySide } from '../provenance/views';
import { ByteReader, ByteWriter, fields, list, misfit, StringTable } from './byteCodec';

/*
 * The binary form of provenance parts. Every part starts with its string table (ids, outlets, dates, credited names,
 * credit styles), then its body of varints: offsets as gaps from the previous one, similarities as exact k/n ratios.
 * Writers check the shape as they go (exact field counts, types): a value of another shape throws a ShapeError and the
 * caller stores that part in the earlier format instead, so nothing is ever stored that would not read back equal.
 */

const KINDS: readonly ProvenanceKind[] = ['original', 'shared', 'credited'];

function writeStrings(w: ByteWriter, xs: string[], what: string): void {
  w.uint(list(xs, what).length);
  for (const x of xs) w.text(x);
}

function readStrings(r: ByteReader): string[] {
  const n = r.count();
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = r.text();
  return out;
}

function writeOther(w: ByteWriter, o: SharedWith): void {
  fields(o, 6, 'a sentence holder');
  w.text(o.article);
  w.text(o.outlet);
  w.textOrNull(o.date);
  w.ratio(o.similarity);
  w.uint(o.start);
  w.delta(o.end, o.start);
}

function readOther(r: ByteReader): SharedWith {
  const article = r.text();
  const outlet = r.text();
  const date = r.textOrNull();
  const similarity = r.ratio()!;
  const start = r.uint();
  return { article, outlet, date, similarity, start, end: start + r.int() };
}

function writeSentence(w: ByteWriter, s: SentenceProvenance, prevEnd: number): void {
  fields(s, 8, 'a sentence provenance');
  const kind = KINDS.indexOf(s.kind);
  if (kind < 0) misfit('a sentence kind', s.kind);
  w.delta(s.start, prevEnd);
  w.delta(s.end, s.start);
  w.uint(s.words);
  w.byte(kind);
  w.textOrNull(s.sourceArticle);
  w.ratio(s.similarity, true);
  writeStrings(w, s.credited, 'credited');
  w.uint(list(s.others, 'others').length);
  for (const o of s.others) writeOther(w, o);
}

function readSentence(r: ByteReader, prevEnd: number): SentenceProvenance {
  const start = prevEnd + r.int();
  const end = start + r.int();
  const words = r.uint();
  const kind = KINDS[r.byte()];
  if (kind === undefined) throw new Error(`byte ${r.at - 1} is not a sentence kind`);
  const sourceArticle = r.textOrNull();
  const similarity = r.ratio(true);
  const credited = readStrings(r);
  const n = r.count();
  const others: SharedWith[] = new Array(n);
  for (let i = 0; i < n; i++) others[i] = readOther(r);
  // In the order lib/provenance/model.ts settle() makes them.
  return { start, end, words, credited, others, kind, sourceArticle, similarity };
}

function writeCredit(w: ByteWriter, c: Credit): void {
  fields(c, 4, 'a credit');
  w.text(c.source);
  w.text(c.style);
  w.uint(c.start);
  w.delta(c.end, c.start);
}

function readCredit(r: ByteReader): Credit {
  const source = r.text();
  const style = r.text() as CreditStyle;
  const start = r.uint();
  return { source, style, start, end: start + r.int() };
}

/** Writes one article's provenance (strings through the writer's table). */
export function writeArticle(w: ByteWriter, a: ArticleProvenance): void {
  fields(a, 6, 'an article provenance');
  w.text(a.id);
  w.text(a.outlet);
  w.textOrNull(a.date);
  w.uint(list(a.credits, 'credits').length);
  for (const c of a.credits) writeCredit(w, c);
  writeStrings(w, a.credited, 'credited');
  w.uint(list(a.sentences, 'sentences').length);
  let prevEnd = 0;
  for (const s of a.sentences) {
    writeSentence(w, s, prevEnd);
    prevEnd = s.end;
  }
}

/** Reads one article's provenance as writeArticle wrote it. */
export function readArticle(r: ByteReader): ArticleProvenance {
  const id = r.text();
  const outlet = r.text();
  const date = r.textOrNull();
  const nc = r.count();
  const credits: Credit[] = new Array(nc);
  for (let i = 0; i < nc; i++) credits[i] = readCredit(r);
  const credited = readStrings(r);
  const ns = r.count();
  const sentences: SentenceProvenance[] = new Array(ns);
  let prevEnd = 0;
  for (let i = 0; i < ns; i++) {
    sentences[i] = readSentence(r, prevEnd);
    prevEnd = sentences[i].end;
  }
  return { id, outlet, date, credits, credited, sentences };
}

function writePassage(w: ByteWriter, p: Passage): void {
  fields(p, 6, 'a passage');
  w.uint(p.aStart);
  w.delta(p.aEnd, p.aStart);
  w.uint(p.bStart);
  w.delta(p.bEnd, p.bStart);
  w.uint(p.matched);
  w.uint(list(p.anchors, 'anchors').length);
  let [a, b] = [p.aStart, p.bStart];
  for (const x of p.anchors) {
    fields(x, 3, 'an anchor');
    w.delta(x.a, a);
    w.delta(x.b, b);
    w.uint(x.len);
    [a, b] = [x.a, x.b];
  }
}

function readPassage(r: ByteReader): Passage {
  const aStart = r.uint();
  const aEnd = aStart + r.int();
  const bStart = r.uint();
  const bEnd = bStart + r.int();
  const matched = r.uint();
  const n = r.count();
  const anchors: Anchor[] = new Array(n);
  let [a, b] = [aStart, bStart];
  for (let i = 0; i < n; i++) {
    a += r.int();
    b += r.int();
    anchors[i] = { a, b, len: r.uint() };
  }
  return { aStart, aEnd, bStart, bEnd, anchors, matched };
}

/**
 * Writes pair lists `from` to `from + lists.length - 1` of `all`. Each pair sits in both its articles' lists: the second
 * time it is written as a reference (to the pair written before in this part, or to its place in its earlier
 * article's list of an earlier part), so it reads back as one object in both, as in memory.
 */
export function writePairLists(w: ByteWriter, lists: PairMatch[][], from = 0, all: PairMatch[][] = lists): void {
  const seen = new Map<PairMatch, number>();
  w.uint(lists.length);
  lists.forEach((pairs, i) => {
    w.uint(list(pairs, 'pairs').length);
    for (const pair of pairs) {
      const ref = seen.get(pair);
      // Tags: 0 a pair written here, odd a pair written before in this part, even (2 + 2k) place k of an earlier list.
      if (ref !== undefined) {
        w.uint(2 * ref + 1);
        continue;
      }
      const other = pair.a === from + i ? pair.b : pair.a;
      // Found in the earlier article's list (a few dozen pairs), not in a map of every pair: at 1,000,000 articles the
      // pairs would pass a Map's 2^24 entries.
      const k = other < from ? (all[other]?.indexOf(pair) ?? -1) : -1;
      if (k >= 0) {
        w.uint(2 * k + 2);
        w.uint(other);
        continue;
      }
      fields(pair, 3, 'a pair');
      seen.set(pair, seen.size);
      w.uint(0);
      w.uint(pair.a);
      w.uint(pair.b);
      w.uint(list(pair.passages, 'passages').length);
      for (const p of pair.passages) writePassage(w, p);
    }
  });
}

/** Reads pair lists as writePairLists wrote them, after the `earlier` lists (those of the parts before). */
export function readPairLists(r: ByteReader, earlier: readonly PairMatch[][] = []): PairMatch[][] {
  const seen: PairMatch[] = [];
  const n = r.count();
  const out: PairMatch[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const m = r.count();
    const pairs: PairMatch[] = new Array(m);
    for (let j = 0; j < m; j++) {
      const tag = r.uint();
      if (tag % 2 === 1) {
        const ref = (tag - 1) / 2;
        if (ref >= seen.length) throw new Error(`pair ${ref} at byte ${r.at} was not written before`);
        pairs[j] = seen[ref];
        continue;
      }
      if (tag > 0) {
        const other = r.uint();
        const pair = earlier[other]?.[(tag - 2) / 2];
        const self = earlier.length + i;
        if (!pair || !((pair.a === self && pair.b === other) || (pair.b === self && pair.a === other)))
          throw new Error(
            `the pair at byte ${r.at} should be place ${(tag - 2) / 2} of list ${other}, which it is not`,
          );
        pairs[j] = pair;
        continue;
      }
      const a = r.uint();
      const b = r.uint();
      const np = r.count();
      const passages: Passage[] = new Array(np);
      for (let k = 0; k < np; k++) passages[k] = readPassage(r);
      pairs[j] = packPair(a, b, passages);
      seen.push(pairs[j]);
    }
    out[i] = pairs;
  }
  return out;
}

// A piece's length and whether it is the same on both sides, in one varint.
function writePieces(w: ByteWriter, pieces: DiffPiece[]): void {
  w.uint(list(pieces, 'pieces').length);
  let at = 0;
  for (const x of pieces) {
    fields(x, 3, 'a side-by-side piece');
    if (typeof x.same !== 'boolean') misfit('true or false', x.same);
    w.delta(x.start, at);
    w.uint(w.spanOf(x.start, x.end) * 2 + (x.same ? 1 : 0));
    at = x.end;
  }
}

function readPieces(r: ByteReader): DiffPiece[] {
  const n = r.count();
  const out: DiffPiece[] = new Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const start = at + r.int();
    const v = r.uint();
    at = start + Math.floor(v / 2);
    out[i] = { start, end: at, same: v % 2 === 1 };
  }
  return out;
}

/** Writes one article's page record. */
export function writePageRecord(w: ByteWriter, x: ArticlePageRecord): void {
  fields(x, 2, 'an article page record');
  writeArticle(w, x.provenance);
  w.uint(list(x.partners, 'partners').length);
  for (const p of x.partners) {
    fields(p, 4, 'a partner');
    w.text(p.article);
    w.text(p.outlet);
    w.textOrNull(p.date);
    w.uint(list(p.passages, 'passages').length);
    for (const s of p.passages) {
      fields(s, 3, 'a side-by-side passage');
      writePieces(w, s.left);
      writePieces(w, s.right);
      w.ratio(s.similarity);
    }
  }
}

/** Reads one article's page record as writePageRecord wrote it. */
export function readPageRecord(r: ByteReader): ArticlePageRecord {
  const provenance = readArticle(r);
  const n = r.count();
  const partners: ArticlePageRecord['partners'] = new Array(n);
  for (let i = 0; i < n; i++) {
    const article = r.text();
    const outlet = r.text();
    const date = r.textOrNull();
    const np = r.count();
    const passages: SideBySide[] = new Array(np);
    for (let k = 0; k < np; k++) {
      const left = readPieces(r);
      const right = readPieces(r);
      passages[k] = { left, right, similarity: r.ratio()! };
    }
    partners[i] = { article, outlet, date, passages };
  }
  return { provenance, partners };
}

/**
 * A part's bytes: its string table, then what `between` writes (called after `body`, so it can say where body's
 * pieces end), then what `body` writes.
 */
export function withStrings(body: (w: ByteWriter) => void, between?: (w: ByteWriter) => void): Uint8Array {
  const strings = new StringTable();
  const w = new ByteWriter(strings);
  body(w);
  const head = new ByteWriter();
  strings.writeTo(head);
  between?.(head);
  return Buffer.concat([head.bytes(), w.bytes()]);
}
