import type { WordIndex } from './searchIndex';

// A word's postings decoded: per article, its position and the four counts (aa, aa−ab, aa−oa, ab−ob) as stored.
interface Entry {
  at: number;
  counts: [number, number, number, number];
}

function decodeList(
  bytes: Uint8Array,
  from: number,
  to: number,
  position: (old: number) => number,
  out: Entry[],
): void {
  let i = from;
  let last = -1;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  while (i < to) {
    last += varint() + 1;
    const counts: Entry['counts'] = [varint(), varint(), varint(), varint()];
    const at = position(last);
    if (at >= 0) out.push({ at, counts });
  }
}

// Growing bytes for the new postings (one array for every word).
class Out {
  bytes: Uint8Array;
  n = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(Math.max(64, size));
  }
  varint(v: number): void {
    if (this.n + 10 > this.bytes.length) {
      const wider = new Uint8Array(this.bytes.length * 2);
      wider.set(this.bytes.subarray(0, this.n));
      this.bytes = wider;
    }
    while (v >= 0x80) {
      this.bytes[this.n++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.n++] = v;
  }
}

/**
 * The word index of a new version from the previous version's index and the index of the articles it adds: `oldAt`
 * gives, per position of the new version, the previous position of the same article (-1: added); `added` indexes the
 * added articles alone, in the new version's order. Exactly the index made from every article of the new version (a
 * removed article's postings are dropped, the rest move to their new positions), with no article read again. Null
 * when the articles kept do not keep their order (the gaps could not be carried over; the index is then made whole).
 */
export function updateWordIndex(prev: WordIndex, oldAt: Int32Array, added: WordIndex): WordIndex | null {
  const newAt = new Int32Array(prev.articles).fill(-1);
  const addedAt: number[] = [];
  let last = -1;
  for (let i = 0; i < oldAt.length; i++) {
    const o = oldAt[i];
    if (o < 0) addedAt.push(i);
    else {
      if (o <= last || o >= prev.articles) return null;
      last = o;
      newAt[o] = i;
    }
  }
  if (addedAt.length !== added.articles)
    throw new Error(`the added articles' index holds ${added.articles} articles where ${addedAt.length} were added`);
  const words = [...new Set([...prev.words, ...added.words])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const prevAt = new Map(prev.words.map((w, k) => [w, k]));
  const addedWord = new Map(added.words.map((w, k) => [w, k]));
  const out = new Out(prev.postings.length + added.postings.length * 2);
  const kept: string[] = [];
  const starts: number[] = [];
  const entries: Entry[] = [];
  const fresh: Entry[] = [];
  for (const w of words) {
    entries.length = 0;
    fresh.length = 0;
    const p = prevAt.get(w);
    if (p !== undefined) decodeList(prev.postings, prev.starts[p], prev.starts[p + 1], (o) => newAt[o], entries);
    const a = addedWord.get(w);
    if (a !== undefined) decodeList(added.postings, added.starts[a], added.starts[a + 1], (j) => addedAt[j], fresh);
    if (entries.length + fresh.length === 0) continue;
    kept.push(w);
    starts.push(out.n);
    // Both lists are in new-position order: merged as two sorted runs.
    let x = 0;
    let y = 0;
    let at = -1;
    while (x < entries.length || y < fresh.length) {
      const e = y >= fresh.length || (x < entries.length && entries[x].at < fresh[y].at) ? entries[x++] : fresh[y++];
      out.varint(e.at - at - 1);
      at = e.at;
      for (const c of e.counts) out.varint(c);
    }
  }
  starts.push(out.n);
  const inScope = Uint8Array.from(oldAt, (o) => (o >= 0 ? prev.inScope[o] : 0));
  addedAt.forEach((i, j) => (inScope[i] = added.inScope[j]));
  return {
    articles: oldAt.length,
    words: kept,
    starts: Uint32Array.from(starts),
    postings: out.bytes.slice(0, out.n),
    inScope,
  };
}
