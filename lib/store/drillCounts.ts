import type { ArticleAnalysis } from '../analysis/article';
import { counted } from '../analysis/filters';
import { growingU32, type Growing } from '../growing';
import { OPTION_SETS } from './mentionPostings';
import { derivedKind } from './derivedKind';
import { decodeJsonHeaded, encodeJsonHeaded } from './jsonHeaded';

/** The kind of derived data holding a version's drill-down row counts, keyed by its version key. */
export const DRILL_COUNTS = 'drill-counts';

/**
 * How many rows each article gives each drill-down of mentions, under every voice and scope (OPTION_SETS order), so a
 * page of such a drill-down reads only the articles on it while its totals stay exact. Keys (names joined by NUL, which
 * no name holds): `m group variant` the counted mentions of a variant (a term's rows leave set-aside ones out), `a group
 * actor variant` the group's mentions of a variant labelling the actor ("" for none; set-aside ones kept, as an actor's
 * labels keep them), `s group reason` the group's mentions set aside for a reason. Positions ascend in the version's
 * article order; counts hold OPTION_SETS.length numbers per position.
 */
export interface DrillCounts {
  articles: number;
  lists: Map<string, { at: Uint32Array; counts: Uint32Array }>;
}

/** The key of a drill-down's count list: its names joined by NUL. */
export const countsKey = (...names: string[]): string => names.join('\u0000');

/** Row counts made a chunk of analyses at a time: what the tallies job folds each chunk it reads into, then drops it. */
export interface DrillCountsMaker {
  /** Adds the next analyses, in the version's article order (the first chunk is article 0). */
  add(analyses: readonly ArticleAnalysis[]): void;
  /** The counts of every analysis added. */
  finish(): DrillCounts;
}

/** An empty row counts maker: per article it keeps only a position and OPTION_SETS.length counts in each list it is in. */
export function drillCountsMaker(): DrillCountsMaker {
  const lists = new Map<string, { at: Growing<Uint32Array>; counts: Growing<Uint32Array> }>();
  let articles = 0;
  const add = (key: string, i: number, m: { section: string; voice: string }) => {
    let l = lists.get(key);
    if (!l) lists.set(key, (l = { at: growingU32(4), counts: growingU32(4 * OPTION_SETS.length) }));
    // Articles are visited in order: a new article opens a new row of counts at the end.
    if (l.at.at(l.at.length - 1) !== i) {
      l.at.push(i);
      for (let k = 0; k < OPTION_SETS.length; k++) l.counts.push(0);
    }
    const row = (l.at.length - 1) * OPTION_SETS.length;
    OPTION_SETS.forEach((o, k) => {
      if (counted(m, o)) l.counts.add(row + k, 1);
    });
  };
  return {
    add(analyses) {
      for (const a of analyses) {
        const i = articles++;
        for (const m of a.mentions) {
          if (m.setAside === null) add(countsKey('m', m.group, m.variant), i, m);
          else add(countsKey('s', m.group, m.setAside), i, m);
          // An actor named twice in one label's list still gives that label one row in its drill-down.
          if (m.actors.length === 0) add(countsKey('a', m.group, '', m.variant), i, m);
          for (const actor of new Set(m.actors)) add(countsKey('a', m.group, actor, m.variant), i, m);
        }
      }
    },
    finish() {
      const sorted = [...lists].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      return {
        articles,
        lists: new Map(sorted.map(([k, l]) => [k, { at: l.at.done(), counts: l.counts.done() }])),
      };
    },
  };
}

/** The per-article row counts of a version from its analyses, in the version's article order. */
export function makeDrillCounts(analyses: readonly ArticleAnalysis[]): DrillCounts {
  const maker = drillCountsMaker();
  maker.add(analyses);
  return maker.finish();
}

// "FDC1", the header's byte length (u32 LE), the header (JSON: articles and each list's key and length, padded with
// spaces to a multiple of 4 bytes), then each list's positions and counts (u32 LE) in header order.
/** The tag drill-down counts' bytes start with (lib/store/drillCountsRanges.ts reads their lists alone). */
export const DRILL_COUNTS_TAG = 'FDC1';
const MAGIC = DRILL_COUNTS_TAG;
interface Header {
  articles: number;
  lists: [string, number][];
}

/** The counts as bytes: the same counts always give the same bytes. */
export function encodeDrillCounts(c: DrillCounts): Uint8Array {
  const header: Header = { articles: c.articles, lists: [...c.lists].map(([k, l]) => [k, l.at.length]) };
  return encodeJsonHeaded(
    MAGIC,
    header,
    [...c.lists.values()].flatMap((l) => [l.at, l.counts]),
  );
}

/** Counts from their bytes; throws naming `where` and what is wrong when they are not counts of this format. */
export function decodeDrillCounts(bytes: Uint8Array, where: string): DrillCounts {
  const bad = (why: string) =>
    new Error(`${where}: not readable as drill-down counts (${why}); delete the file and the server makes it again`);
  const read = decodeJsonHeaded(bytes, MAGIC, bad);
  const header = read.header as Header;
  if (!Number.isInteger(header.articles) || !Array.isArray(header.lists)) throw bad('its header has no lists');
  // One aligned copy of the values, which every list then views without copying.
  const body = read.buf.subarray(read.after);
  const words = new Uint32Array(body.length >> 2);
  Buffer.from(words.buffer).set(body.subarray(0, words.length * 4));
  let at = 0;
  const lists = new Map<string, { at: Uint32Array; counts: Uint32Array }>();
  for (const [key, n] of header.lists) {
    const places = words.subarray(at, at + n);
    const counts = words.subarray(at + n, at + n * (1 + OPTION_SETS.length));
    at += n * (1 + OPTION_SETS.length);
    if (at > words.length) throw bad(`list ${JSON.stringify(key)} runs past the end`);
    if (places.some((p) => p >= header.articles))
      throw bad(`list ${JSON.stringify(key)} names an article past the last`);
    lists.set(key, { at: places, counts });
  }
  if (at !== words.length || body.length % 4)
    throw bad(`it holds ${body.length} bytes of values where its header names ${at * 4}`);
  return { articles: header.articles, lists };
}

const stored = derivedKind(DRILL_COUNTS, encodeDrillCounts, decodeDrillCounts);

/** Whether a version's drill-down counts are stored. */
export const hasDrillCounts = stored.has;

/** A version's stored drill-down counts, or null when none are stored or they cannot be read (made again then). */
export const readDrillCounts = stored.read;

/** Stores a version's drill-down counts. */
export const putDrillCounts = stored.put;
