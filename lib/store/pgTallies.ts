// A version's stored tallies (lib/store/tallies.ts: the whole text's and every year's and month's per-outlet tallies) as
// relational rows in PostgreSQL, so a PostgreSQL-backed server's overview of a date range is summed by the database
// (SUM ... GROUP BY over the years and months the range covers) instead of each server decoding those blocks. The
// files backend, and any range the rows cannot answer, keep rangeTallies (lib/analysis/monthTallies.ts): the PG test
// compares both.
import { dateKept, type DateRange } from '../analysis/filters';
import { CLUSTER_VIEWS, emptyTally, type ClusterView, type OutletTally, type SentenceStats } from '../analysis/tallies';
import { SECTIONS } from '../types';
import type { Queryable } from './pgQueries';
import { replaceTallySet, tallySet, tallySums } from './pgTalliesQueries';
import { derivedParts } from './retention';
import { TALLIES, talliesOfBytes, type StoredTallies } from './tallies';

/** What a row counts (column `kind`); a, b, c, d and the orders oa, ob mean what each says beside it. */
export const ROW = {
  /** The outlet's articles: oa the outlet's place in its block. */
  articles: 0,
  /** Tokens: c section, d word kind (0 all, 1 own). */
  tokens: 1,
  /** Counted mentions: a key `group/variant`, c section, d voice (0 own, 1 quoted), oa the key's place. */
  mentions: 2,
  /** Attributed labels: a key `actor/group/variant`, as mentions. */
  actorLabels: 3,
  /** Set-aside mentions: a key `group/variant/reason`, as mentions. */
  setAside: 4,
  /** Sentences with score b: c section, d word kind (0 all, 1 own), ob the score's place in its histogram. */
  histogram: 5,
  /** Words of those sentences: c section, d word kind. */
  words: 6,
  /** An actor named in some sentence: a actor, oa its place (an actor whose sentences have no words has no other row). */
  toneActor: 7,
  /** Sentences naming actor a with score b: c section, d word kind, oa the actor's place, ob the score's. */
  toneHistogram: 8,
  /** Words of the sentences naming actor a: c section, d word kind, oa the actor's place. */
  toneWords: 9,
  /** Articles mentioning key a (a group or `group/variant`) under cluster view c, oa the key's place. */
  clusterArticles: 10,
  /** Sum over articles of count(a) x count(b) under cluster view c: oa a's place, ob b's place in a's row. */
  clusterProducts: 11,
} as const;

/** One block of the stored tallies: the whole text (number 0), then each year followed by its months, in walk order. */
export interface TallyBlock {
  /** `*` for the whole text, `YYYY` or `YYYY-MM`. */
  name: string;
  /** The year a month belongs to (null for the whole text and for years). */
  year: string | null;
  first: string;
  last: string;
}

/** A version's tallies as the columns of the rows the table holds (lib/store/pgTalliesQueries.ts). */
export interface TallyRows {
  keys: string[];
  outlets: string[];
  blocks: TallyBlock[];
  columns: {
    block: number[];
    outlet: number[];
    kind: number[];
    a: number[];
    b: number[];
    c: number[];
    d: number[];
    oa: number[];
    ob: number[];
    n: number[];
  };
}

const VOICES = ['own', 'quoted'] as const;
const KINDS = ['all', 'own'] as const;

// Adds one outlet tally's rows for one block; false when a sentence statistic is not the sum its histogram gives
// (a non-integer score): such tallies get no rows and the JS path answers.
function addOutlet(
  out: TallyRows['columns'],
  keyOf: (k: string) => number,
  block: number,
  outlet: number,
  place: number,
  t: OutletTally,
): boolean {
  const row = (kind: number, a: number, b: number, c: number, d: number, oa: number, ob: number, n: number) => {
    out.block.push(block);
    out.outlet.push(outlet);
    out.kind.push(kind);
    out.a.push(a);
    out.b.push(b);
    out.c.push(c);
    out.d.push(d);
    out.oa.push(oa);
    out.ob.push(ob);
    out.n.push(n);
  };
  row(ROW.articles, 0, 0, 0, 0, place, 0, t.articles);
  SECTIONS.forEach((s, c) =>
    KINDS.forEach((k, d) => {
      if (t.tokens[s][k] !== 0) row(ROW.tokens, 0, 0, c, d, 0, 0, t.tokens[s][k]);
    }),
  );
  for (const [kind, map] of [
    [ROW.mentions, t.mentions],
    [ROW.actorLabels, t.actorLabels],
    [ROW.setAside, t.setAside],
  ] as const) {
    let oa = 0;
    for (const [key, by] of map) {
      const a = keyOf(key);
      let any = false;
      SECTIONS.forEach((s, c) =>
        VOICES.forEach((v, d) => {
          if (by[s][v] === 0) return;
          any = true;
          row(kind, a, 0, c, d, oa, 0, by[s][v]);
        }),
      );
      // A key whose counts are all zero still names its place in the map.
      if (!any) row(kind, a, 0, 0, 0, oa, 0, 0);
      oa++;
    }
  }
  const statRows = (st: SentenceStats, hist: number, words: number, a: number, c: number, d: number, oa: number) => {
    let sentences = 0;
    let score = 0;
    let ob = 0;
    for (const [b, n] of st.histogram) {
      if (!Number.isInteger(b)) return false;
      row(hist, a, b, c, d, oa, ob++, n);
      sentences += n;
      score += b * n;
    }
    if (st.words !== 0) row(words, a, 0, c, d, oa, 0, st.words);
    return sentences === st.sentences && score === st.score;
  };
  let fits = true;
  SECTIONS.forEach((s, c) =>
    KINDS.forEach((k, d) => {
      fits &&= statRows(t.sentences[s][k], ROW.histogram, ROW.words, 0, c, d, 0);
    }),
  );
  let oa = 0;
  for (const [actor, tone] of t.actorTone) {
    const a = keyOf(actor);
    row(ROW.toneActor, a, 0, 0, 0, oa, 0, 0);
    SECTIONS.forEach((s, c) =>
      KINDS.forEach((k, d) => {
        fits &&= statRows(tone[s][k], ROW.toneHistogram, ROW.toneWords, a, c, d, oa);
      }),
    );
    oa++;
  }
  CLUSTER_VIEWS.forEach((view, c) => {
    const cl = t.clusters[view];
    let at = 0;
    for (const [key, n] of cl.articles) row(ROW.clusterArticles, keyOf(key), 0, c, 0, at++, 0, n);
    at = 0;
    for (const [v, products] of cl.products) {
      const a = keyOf(v);
      let ob = 0;
      for (const [w, n] of products) row(ROW.clusterProducts, a, keyOf(w), c, 0, at, ob++, n);
      at++;
    }
  });
  return fits;
}

/**
 * The rows of a version's tallies: per block (the whole text, every year and month) x outlet, every number its tally
 * holds, with each map key's place so the sums rebuild maps in the order rangeTallies' merge gives. Null when a
 * sentence statistic is not the sum of its histogram (then no rows are stored and the JS path answers).
 */
export function tallyRows(t: StoredTallies): TallyRows | null {
  const keys: string[] = [];
  const keyAt = new Map<string, number>();
  const keyOf = (k: string) => {
    let i = keyAt.get(k);
    if (i === undefined) keyAt.set(k, (i = keys.push(k) - 1));
    return i;
  };
  const outlets: string[] = [];
  const outletAt = new Map<string, number>();
  const outletOf = (o: string) => {
    let i = outletAt.get(o);
    if (i === undefined) outletAt.set(o, (i = outlets.push(o) - 1));
    return i;
  };
  const columns: TallyRows['columns'] = {
    block: [],
    outlet: [],
    kind: [],
    a: [],
    b: [],
    c: [],
    d: [],
    oa: [],
    ob: [],
    n: [],
  };
  const blocks: TallyBlock[] = [];
  const add = (byOutlet: Map<string, OutletTally>, block: TallyBlock) => {
    const at = blocks.push(block) - 1;
    let place = 0;
    for (const [o, tally] of byOutlet) if (!addOutlet(columns, keyOf, at, outletOf(o), place++, tally)) return false;
    return true;
  };
  if (!add(t.byOutlet, { name: '*', year: null, first: '', last: '' })) return null;
  for (const [y, year] of t.months.years) {
    if (!year.byOutlet || !add(year.byOutlet, { name: y, year: null, first: year.first, last: year.last })) return null;
    for (const [m, month] of year.months)
      if (!month.byOutlet || !add(month.byOutlet, { name: m, year: y, first: month.first, last: month.last }))
        return null;
  }
  return { keys, outlets, blocks, columns };
}

/**
 * The blocks whose sums are a date range's tallies, in the order rangeTallies (lib/analysis/monthTallies.ts) walks
 * them: every year, then month, whose articles all lie in the range. Null when the range cuts a month (some of its
 * articles in, some out: only the articles can answer). No range at all is the whole text's block.
 */
export function rangeBlocks(blocks: readonly TallyBlock[], range: DateRange): number[] | null {
  if (range.from === null && range.to === null) return [0];
  const inside = (b: TallyBlock) => dateKept(b.first, range) && dateKept(b.last, range);
  const outside = (b: TallyBlock) =>
    (range.to !== null && b.first > range.to) || (range.from !== null && b.last < range.from);
  const out: number[] = [];
  let takenYear: string | null = null;
  for (let i = 1; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.year === null) {
      takenYear = null;
      if (outside(b)) takenYear = b.name;
      else if (inside(b)) {
        out.push(i);
        takenYear = b.name;
      }
      continue;
    }
    // A month of a year taken whole, or wholly out of the range, adds nothing by itself.
    if (b.year === takenYear || outside(b)) continue;
    if (!inside(b)) return null;
    out.push(i);
  }
  return out;
}

/** One summed row from SQL: the sums of a (outlet, kind, a, b, c, d) over the blocks, with the least block-ordered places. */
export interface TallySumRow {
  outlet: number;
  kind: number;
  a: number;
  b: number;
  c: number;
  d: number;
  n: number;
  oa: number;
  ob: number;
}

const voiceOf = (d: number) => VOICES[d];

type Hist = Map<number, { at: number; value: number }>;

function histOf(m: Map<number, Hist>, cd: number): Hist {
  let h = m.get(cd);
  if (!h) m.set(cd, (h = new Map()));
  return h;
}
const kindOf = (d: number) => KINDS[d];

// Orders entries by their least place, then inserts them: a map merged block by block lists each key where the first
// block holding it put it.
function ordered<T>(entries: Map<number, { at: number; value: T }>): [number, T][] {
  return [...entries].sort((x, y) => x[1].at - y[1].at).map(([k, e]) => [k, e.value]);
}

function placed<T>(m: Map<number, { at: number; value: T }>, key: number, at: number, make: () => T): T {
  let e = m.get(key);
  if (!e) m.set(key, (e = { at, value: make() }));
  else if (at < e.at) e.at = at;
  return e.value;
}

/**
 * The per-outlet tallies rebuilt from SQL's sums: equal to rangeTallies' (and to the stored whole text's) in every
 * number and map order, except that the cluster views other than `view` are empty (the query sums only the view's).
 */
export function talliesOfSums(
  sums: readonly TallySumRow[],
  keys: readonly string[],
  outlets: readonly string[],
  view: ClusterView,
): Map<string, OutletTally> {
  type Counter = Map<number, { at: number; value: [number, number][] }>;
  interface Building {
    t: OutletTally;
    counters: [Counter, Counter, Counter];
    hist: Map<number, Hist>;
    tone: Map<number, { at: number; value: { hist: Map<number, Hist>; words: number[] } }>;
    clArticles: Map<number, { at: number; value: number }>;
    clProducts: Map<number, { at: number; value: Hist }>;
  }
  const byOutlet = new Map<number, Building>();
  const first = new Map<number, number>();
  for (const s of sums) {
    let bu = byOutlet.get(s.outlet);
    if (!bu) {
      bu = {
        t: emptyTally(),
        counters: [new Map(), new Map(), new Map()],
        hist: new Map(),
        tone: new Map(),
        clArticles: new Map(),
        clProducts: new Map(),
      };
      byOutlet.set(s.outlet, bu);
    }
    const cd = s.c * 2 + s.d;
    switch (s.kind) {
      case ROW.articles:
        // Outlets in the order of the first block holding them, and their place there, as rangeTallies lists them.
        first.set(s.outlet, s.oa);
        bu.t.articles += s.n;
        break;
      case ROW.tokens:
        bu.t.tokens[SECTIONS[s.c]][kindOf(s.d)] += s.n;
        break;
      case ROW.mentions:
      case ROW.actorLabels:
      case ROW.setAside:
        placed(bu.counters[s.kind - ROW.mentions], s.a, s.oa, () => []).push([cd, s.n]);
        break;
      case ROW.histogram:
        histOf(bu.hist, cd).set(s.b, { at: s.ob, value: s.n });
        break;
      case ROW.words:
        bu.t.sentences[SECTIONS[s.c]][kindOf(s.d)].words += s.n;
        break;
      case ROW.toneActor:
        placed(bu.tone, s.a, s.oa, () => ({ hist: new Map(), words: [0, 0, 0, 0, 0, 0] }));
        break;
      case ROW.toneHistogram:
        histOf(placed(bu.tone, s.a, s.oa, () => ({ hist: new Map(), words: [0, 0, 0, 0, 0, 0] })).hist, cd).set(s.b, {
          at: s.ob,
          value: s.n,
        });
        break;
      case ROW.toneWords:
        placed(bu.tone, s.a, s.oa, () => ({ hist: new Map(), words: [0, 0, 0, 0, 0, 0] })).words[cd] += s.n;
        break;
      case ROW.clusterArticles:
        placed(bu.clArticles, s.a, s.oa, () => 0);
        bu.clArticles.get(s.a)!.value += s.n;
        break;
      case ROW.clusterProducts:
        placed(bu.clProducts, s.a, s.oa, () => new Map()).set(s.b, { at: s.ob, value: s.n });
        break;
      default:
        throw new Error(`a stored tally row has kind ${s.kind}, which this server does not know: store it again`);
    }
  }
  const fillStats = (st: SentenceStats, hist: Hist | undefined) => {
    for (const [b, n] of ordered<number>(hist ?? new Map())) {
      st.histogram.set(b, n);
      st.sentences += n;
      st.score += b * n;
    }
  };
  const out = new Map<string, OutletTally>();
  for (const o of [...byOutlet.keys()].sort((x, y) => first.get(x)! - first.get(y)!)) {
    const bu = byOutlet.get(o)!;
    const t = bu.t;
    [t.mentions, t.actorLabels, t.setAside].forEach((map, i) => {
      for (const [a, cells] of ordered(bu.counters[i])) {
        const rec = { title: { own: 0, quoted: 0 }, caption: { own: 0, quoted: 0 }, body: { own: 0, quoted: 0 } };
        for (const [cd, n] of cells) rec[SECTIONS[cd >> 1]][voiceOf(cd & 1)] += n;
        map.set(keys[a], rec);
      }
    });
    SECTIONS.forEach((s, c) => KINDS.forEach((k, d) => fillStats(t.sentences[s][k], bu.hist.get(c * 2 + d))));
    for (const [a, tone] of ordered(bu.tone)) {
      const made = emptyTally().sentences;
      SECTIONS.forEach((s, c) =>
        KINDS.forEach((k, d) => {
          fillStats(made[s][k], tone.hist.get(c * 2 + d));
          made[s][k].words = tone.words[c * 2 + d];
        }),
      );
      t.actorTone.set(keys[a], made);
    }
    const cl = t.clusters[view];
    for (const [a, n] of ordered(bu.clArticles)) cl.articles.set(keys[a], n);
    for (const [a, row] of ordered(bu.clProducts))
      cl.products.set(keys[a], new Map(ordered(row).map(([b, n]) => [keys[b], n])));
    out.set(outlets[o], t);
  }
  return out;
}

/**
 * The tallies in a store file's bytes when the file is a version's tallies (by its name; the path as framescope_files
 * names it) and decodes; null otherwise.
 */
export function storedTalliesOf(rel: string, bytes: Uint8Array): StoredTallies | null {
  if (derivedParts(rel.slice(rel.lastIndexOf('/') + 1))?.kind !== TALLIES) return null;
  return talliesOfBytes(bytes);
}

/**
 * Writes the rows of a store file that is a version's tallies (by its name; the path as framescope_files names it),
 * inside the caller's transaction beside the file's row; true when rows were written. Bytes that are not tallies of
 * this format, or tallies rows cannot hold, get none (the JS path answers for them).
 */
export async function storeTallyRows(db: Queryable, corpus: string, rel: string, bytes: Uint8Array): Promise<boolean> {
  const t = storedTalliesOf(rel, bytes);
  const rows = t && tallyRows(t);
  if (rows) await replaceTallySet(db, corpus, rel, rows);
  return rows !== null;
}

/**
 * The per-outlet tallies of the articles in a date range, summed by PostgreSQL from the tallies stored at `path`
 * (their store path), for one voice and scope's cluster view: equal to rangeTallies of those tallies (the stored whole
 * text's without a range) but for the other cluster views, which stay empty. Null when no rows are stored at that path
 * or the range cuts a month (then the JS path answers).
 */
export async function sqlRangeTallies(
  db: Queryable,
  path: string,
  range: DateRange,
  view: ClusterView,
): Promise<Map<string, OutletTally> | null> {
  const set = await tallySet(db, path);
  const blocks = set && rangeBlocks(set.blocks, range);
  if (!set || !blocks) return null;
  if (blocks.length === 0) return new Map();
  const sums = await tallySums(db, {
    setId: set.id,
    blocks,
    view: CLUSTER_VIEWS.indexOf(view),
    clusterKinds: ROW.clusterArticles,
  });
  return talliesOfSums(sums, set.keys, set.outlets, view);
}
