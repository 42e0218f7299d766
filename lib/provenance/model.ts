import { similarityOf, type Passage } from './align';
import { articleCredits, findCredits, type Credit, type CreditSource } from './credits';
import {
  createIndex,
  partnerOf,
  passagesFrom,
  reindex,
  type Doc,
  type PreviousIndex,
  type ReuseIndex,
  type ReuseOptions,
} from './reuseIndex';

/** Where a sentence's words come from: only this article, other articles of the corpus, or a credited source. */
export type ProvenanceKind = 'original' | 'shared' | 'credited';

/** What provenance needs of an analysed article: its text, sentence spans and where its body starts. */
export interface ProvenanceInput {
  id: string;
  outlet: string;
  date: string | null;
  text: string;
  bodyStart: number;
  sentences: { start: number; end: number }[];
}

/** Another article holding (most of) a sentence: where in its text, and how alike the two are (0..1). */
export interface SharedWith {
  article: string;
  outlet: string;
  date: string | null;
  similarity: number;
  start: number;
  end: number;
}

/**
 * One sentence's provenance. `sourceArticle` is the earliest-dated article holding it (possibly this one), `similarity`
 * how alike it is to that source (or, when this article is the earliest, to its closest copy); `credited` the sources
 * credited for it (the article's credit lines and credits inside the sentence).
 */
export interface SentenceProvenance {
  start: number;
  end: number;
  words: number;
  kind: ProvenanceKind;
  sourceArticle: string | null;
  similarity: number | null;
  credited: string[];
  others: SharedWith[];
}

/** One article's provenance: its credits, the sources its credit lines name, and each sentence's provenance. */
export interface ArticleProvenance {
  id: string;
  outlet: string;
  date: string | null;
  credits: Credit[];
  credited: string[];
  sentences: SentenceProvenance[];
}

/** The provenance of a whole corpus, kept with its reuse index so articles can be added one at a time. */
export interface CorpusProvenance {
  index: ReuseIndex;
  sources: CreditSource[];
  inputs: ProvenanceInput[];
  articles: ArticleProvenance[];
  byId: Map<string, number>;
}

/**
 * Most other holders kept per sentence, the earliest by date: a wire sentence reprinted a thousand times lists its
 * first 8 (its source is always among them), and adding one more reprint stays cheap in time and memory.
 */
export const MAX_OTHERS = 8;

/** Share of a sentence's words a passage must cover for the sentence to count as shared with that article. */
export const SHARED_COVER = 0.5;

function wordAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maps a word of a passage's first side to the matching word of its second side, through the nearest run. */
function mapWord(p: Passage, w: number): number {
  let anchor = p.anchors[0];
  for (const x of p.anchors) if (x.a <= w) anchor = x;
  return Math.min(Math.max(anchor.b + (w - anchor.a), p.bStart), p.bEnd - 1);
}

/** Words of [w0, w1) covered by a passage's exact runs. */
function coveredIn(p: Passage, w0: number, w1: number): number {
  let n = 0;
  let at = w0;
  for (const x of p.anchors) {
    const from = Math.max(at, x.a);
    const to = Math.min(w1, x.a + x.len);
    if (to > from) {
      n += to - from;
      at = to;
    }
  }
  return n;
}

const byDate = (x: { date: string | null; article: string }, y: { date: string | null; article: string }) => {
  const dx = x.date ?? '\uffff';
  const dy = y.date ?? '\uffff';
  return dx < dy ? -1 : dx > dy ? 1 : x.article < y.article ? -1 : x.article > y.article ? 1 : 0;
};

/** A sentence's word range in its article. */
function wordRange(doc: Doc, s: { start: number; end: number }): [number, number] {
  return [wordAt(doc.words.starts, s.start), wordAt(doc.words.starts, s.end)];
}

/** The first of word ranges ordered by end whose end lies after word w. */
function firstEndingAfter(ranges: [number, number][], w: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where another article holds (at least SHARED_COVER of) a sentence, from the passages the two share, or null. */
function sharedWith(
  p: CorpusProvenance,
  w0: number,
  w1: number,
  other: number,
  passages: Passage[],
): SharedWith | null {
  const words = w1 - w0;
  if (words === 0) return null;
  let best: SharedWith | null = null;
  let bestCover = 0;
  const od = p.index.docs[other];
  for (const ps of passages) {
    const from = Math.max(w0, ps.aStart);
    const to = Math.min(w1, ps.aEnd);
    if ((to - from) / words < SHARED_COVER || to - from <= bestCover) continue;
    const b0 = mapWord(ps, from);
    const b1 = mapWord(ps, to - 1);
    bestCover = to - from;
    best = {
      article: od.id,
      outlet: od.outlet,
      date: od.date,
      similarity: coveredIn(ps, w0, w1) / Math.max(words, b1 - b0 + 1),
      start: od.words.starts[b0],
      end: od.words.ends[Math.max(b0, b1)],
    };
  }
  return best;
}

/** Sets a sentence's kind, source and similarity from its other holders and credits. */
function settle(
  s: Omit<SentenceProvenance, 'kind' | 'sourceArticle' | 'similarity'>,
  self: { id: string; date: string | null },
): SentenceProvenance {
  const { others } = s;
  if (others.length) {
    // Others are sorted earliest first, so the source is the first of them or the article itself.
    const earliest = byDate({ article: self.id, date: self.date }, others[0]) <= 0 ? self.id : others[0].article;
    const source = others[0].article === earliest ? others[0] : undefined;
    return {
      ...s,
      kind: 'shared',
      sourceArticle: earliest,
      similarity: source ? source.similarity : Math.max(...others.map((o) => o.similarity)),
    };
  }
  return { ...s, kind: s.credited.length ? 'credited' : 'original', sourceArticle: null, similarity: null };
}

/**
 * Computes one article's provenance from its pairs in the index and its credits (other articles' results are not
 * read, so articles can be computed a part at a time).
 */
export function articleProvenance(p: CorpusProvenance, i: number): ArticleProvenance {
  const input = p.inputs[i];
  const doc = p.index.docs[i];
  const credits = findCredits(input.text, input.bodyStart, input.outlet, p.sources);
  const credited = articleCredits(credits);
  const ranges = input.sentences.map((s) => wordRange(doc, s));
  const others = ranges.map((): SharedWith[] => []);
  // Sentences are in text order, so a passage's sentences are found by binary search: an article reprinted a thousand
  // times costs its passages, not its sentences times its pairs.
  const ordered = ranges.every((r, k) => k === 0 || (r[0] >= ranges[k - 1][0] && r[1] >= ranges[k - 1][1]));
  for (const pair of p.index.pairs[i]) {
    const other = partnerOf(pair, i);
    const passages = passagesFrom(pair, i);
    const touched = new Set<number>();
    for (const ps of passages) {
      let k = ordered ? firstEndingAfter(ranges, ps.aStart) : 0;
      for (; k < ranges.length && (!ordered || ranges[k][0] < ps.aEnd); k++) touched.add(k);
    }
    for (const k of [...touched].sort((x, y) => x - y)) {
      const hit = sharedWith(p, ranges[k][0], ranges[k][1], other, passages);
      if (hit) others[k].push(hit);
    }
  }
  const sentences = input.sentences.map((s, k): SentenceProvenance => {
    const [w0, w1] = ranges[k];
    others[k].sort(byDate);
    others[k].length = Math.min(others[k].length, MAX_OTHERS);
    const inSentence = credits.filter((c) => c.start >= s.start && c.end <= s.end).map((c) => c.source);
    const sentenceCredits = [...new Set([...credited, ...inSentence])].sort();
    return settle({ start: s.start, end: s.end, words: w1 - w0, credited: sentenceCredits, others: others[k] }, input);
  });
  return { id: input.id, outlet: input.outlet, date: input.date, credits, credited, sentences };
}

/** An empty corpus provenance, to which articles are added with addProvenance. */
export function emptyProvenance(sources: CreditSource[], options?: ReuseOptions): CorpusProvenance {
  return { index: createIndex(options), sources, inputs: [], articles: [], byId: new Map() };
}

/** What `updateProvenance` reads of the previous version: its index (without documents), credit sources and results. */
export interface PreviousProvenance {
  index: PreviousIndex;
  sources: CreditSource[];
  articles: ArticleProvenance[];
}

const sameSpans = (x: ProvenanceInput['sentences'], y: ProvenanceInput['sentences']) =>
  x.length === y.length && x.every((s, i) => s.start === y[i].start && s.end === y[i].end);

/** For each input, the index of the same article (same text, date and sentences) in a previous list, or -1. */
export function previousOf(prev: readonly ProvenanceInput[], inputs: readonly ProvenanceInput[]): Int32Array {
  const at = new Map(prev.map((x, i) => [x.id, i]));
  return Int32Array.from(inputs, (x) => {
    const i = at.get(x.id);
    if (i === undefined) return -1;
    const y = prev[i];
    const same =
      y.text === x.text &&
      y.date === x.date &&
      y.outlet === x.outlet &&
      y.bodyStart === x.bodyStart &&
      sameSpans(y.sentences, x.sentences);
    return same ? i : -1;
  });
}

/**
 * What updateProvenance does before it computes articles: the new version's index, and which articles need their
 * provenance computed again (`redo`: their pairs changed, or every one when the credit sources changed; the rest keep
 * the previous result, `prev.articles[prevOf[i]]`). The returned provenance's `articles` is empty, for the caller to
 * fill (with articleProvenance) all at once or a part at a time.
 */
export function reindexProvenance(
  prev: Pick<PreviousProvenance, 'index' | 'sources'>,
  inputs: ProvenanceInput[],
  sources: CreditSource[],
  prevOf: Int32Array,
): { provenance: CorpusProvenance; redo: Uint8Array } {
  if (prevOf.length !== inputs.length)
    throw new Error(`provenance: ${inputs.length} articles came with ${prevOf.length} previous positions`);
  const { index, changed } = reindex(prev.index, inputs, prevOf);
  const p: CorpusProvenance = {
    index,
    sources,
    inputs,
    articles: new Array(inputs.length),
    byId: new Map(inputs.map((x, i) => [x.id, i])),
  };
  // Credit sources are the corpus's outlets (and the wires): a new outlet can make any article's credit lines differ.
  if (JSON.stringify(prev.sources) !== JSON.stringify(sources)) changed.fill(1);
  return { provenance: p, redo: changed };
}

/**
 * The provenance of a new version of a corpus (`inputs`, in corpus order) made from the previous version's: `prevOf`
 * maps each input to the same article of the previous version (-1: added or changed; see previousOf). Only the pairs
 * the added and removed articles change are aligned, and only the articles whose pairs changed (or all, when the
 * credit sources changed) get their provenance computed again; the rest is the previous result. Returns the new
 * provenance and the ids it computed again.
 */
export function updateProvenance(
  prev: PreviousProvenance,
  inputs: ProvenanceInput[],
  sources: CreditSource[],
  prevOf: Int32Array,
): { provenance: CorpusProvenance; recomputed: string[] } {
  const { provenance: p, redo } = reindexProvenance(prev, inputs, sources, prevOf);
  const recomputed: string[] = [];
  for (let i = 0; i < inputs.length; i++) {
    if (redo[i]) {
      p.articles[i] = articleProvenance(p, i);
      recomputed.push(inputs[i].id);
    } else p.articles[i] = prev.articles[prevOf[i]];
  }
  return { provenance: p, recomputed };
}

/**
 * Adds articles and updates the provenance of every article they share passages with (nothing else is recomputed).
 * Returns the ids whose provenance was recomputed.
 */
export function addProvenance(p: CorpusProvenance, inputs: ProvenanceInput[]): string[] {
  for (const input of inputs)
    if (p.byId.has(input.id)) throw new Error(`provenance: article "${input.id}" was added twice`);
  const all = [...p.inputs, ...inputs];
  const prevOf = Int32Array.from(all, (_, i) => (i < p.inputs.length ? i : -1));
  const { provenance, recomputed } = updateProvenance(p, all, p.sources, prevOf);
  Object.assign(p, provenance);
  return recomputed;
}

/** The provenance of a corpus's articles, in order. */
export function buildProvenance(
  inputs: ProvenanceInput[],
  sources: CreditSource[],
  options?: ReuseOptions,
): CorpusProvenance {
  return updateProvenance(emptyProvenance(sources, options), inputs, sources, new Int32Array(inputs.length).fill(-1))
    .provenance;
}

/** How alike the two sides of every passage of a pair are, weighted by length: the pair's similarity. */
export function pairSimilarity(passages: Passage[]): number {
  let num = 0;
  let den = 0;
  for (const ps of passages) {
    const len = Math.max(ps.aEnd - ps.aStart, ps.bEnd - ps.bStart);
    num += similarityOf(ps) * len;
    den += len;
  }
  return den ? num / den : 0;
}
