import type { ArticleAnalysis } from '../analysis/article';
import { articleCounts } from '../analysis/aggregate';
import { growingI32, growingU32, type Growing } from '../growing';
import { derivedKind } from './derivedKind';
import { decodeJsonHeaded, encodeJsonHeaded } from './jsonHeaded';

/** The kind of derived data holding a version's mention postings, keyed by its version key. */
export const MENTION_POSTINGS = 'mention-postings';

/**
 * What a drill-down or an outlet page needs to know about a corpus version without reading its text: which articles
 * (positions in the version's article order) hold mentions of each term group's variants and of each actor's labels,
 * which name each actor in a sentence (the tone drill-down), and each article's row numbers under every voice and
 * scope. Lists are sorted ascending and hold each article once.
 */
export interface MentionPostings {
  articles: number;
  /** Articles with a mention of the variant, by `group\u0000variant`. */
  variants: ReadonlyMap<string, Uint32Array>;
  /** Articles with a mention of the group attributed to the actor (`group\u0000actor`; actor "" when none is). */
  actors: ReadonlyMap<string, Uint32Array>;
  /** Articles with a sentence that names the actor, by actor. */
  tone: ReadonlyMap<string, Uint32Array>;
  /**
   * SUMMARY_FIELDS numbers per article: for each of OPTION_SETS in order, tokens, counted mentions, sentiment score and
   * the words it is read over (lib/analysis/aggregate.ts articleCounts).
   */
  summary: Int32Array;
}

/** The voice and scope pairs an article's summary is kept under, in stored order. */
export const OPTION_SETS = [
  { voice: 'all', scope: 'all' },
  { voice: 'all', scope: 'body' },
  { voice: 'own', scope: 'all' },
  { voice: 'own', scope: 'body' },
] as const;

/** Numbers kept per article in the summary. */
export const SUMMARY_FIELDS = OPTION_SETS.length * 4;

/** The key of a variant's or actor's list: the two names joined by a NUL (no name holds one). */
export const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;

function push(m: Map<string, Growing<Uint32Array>>, key: string, i: number): void {
  let list = m.get(key);
  if (!list) m.set(key, (list = growingU32(4)));
  // Articles are visited in order, so a list only needs checking at its end to stay sorted and free of repeats.
  if (list.at(list.length - 1) !== i) list.push(i);
}

const frozen = (m: Map<string, Growing<Uint32Array>>) =>
  new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, v.done()]));

/** Postings made a chunk of analyses at a time: what the tallies job folds each chunk it reads into, then drops it. */
export interface MentionPostingsMaker {
  /** Adds the next analyses, in the version's article order (the first chunk is article 0). */
  add(analyses: readonly ArticleAnalysis[]): void;
  /** The postings of every analysis added. */
  finish(): MentionPostings;
}

/** An empty postings maker: per article it keeps only its list entries and SUMMARY_FIELDS numbers. */
export function mentionPostingsMaker(): MentionPostingsMaker {
  const variants = new Map<string, Growing<Uint32Array>>();
  const actors = new Map<string, Growing<Uint32Array>>();
  const tone = new Map<string, Growing<Uint32Array>>();
  const summary = growingI32(1024);
  let articles = 0;
  return {
    add(analyses) {
      for (const a of analyses) {
        const i = articles++;
        for (const m of a.mentions) {
          push(variants, pairKey(m.group, m.variant), i);
          if (m.actors.length === 0) push(actors, pairKey(m.group, ''), i);
          for (const actor of m.actors) push(actors, pairKey(m.group, actor), i);
        }
        for (const names of a.sentenceActors) for (const actor of names ?? []) push(tone, actor, i);
        for (const o of OPTION_SETS) {
          const c = articleCounts(a, o);
          for (const x of [c.tokens, c.mentions, c.score, c.words]) summary.push(x);
        }
      }
    },
    finish: () => ({
      articles,
      variants: frozen(variants),
      actors: frozen(actors),
      tone: frozen(tone),
      summary: summary.done(),
    }),
  };
}

/** The postings of a version from its analyses, in the version's article order. */
export function makeMentionPostings(analyses: readonly ArticleAnalysis[]): MentionPostings {
  const maker = mentionPostingsMaker();
  maker.add(analyses);
  return maker.finish();
}

// "FMP1", the header's byte length (u32 LE), the header (JSON: list names and lengths, padded with spaces to a multiple
// of 4 bytes), then every list's u32 values in header order, then the summary's i32 values.
/** The tag mention postings' bytes start with (lib/store/mentionPostingsRanges.ts reads their lists alone). */
export const MENTION_POSTINGS_TAG = 'FMP1';
const MAGIC = MENTION_POSTINGS_TAG;
interface Header {
  articles: number;
  variants: [string, number][];
  actors: [string, number][];
  tone: [string, number][];
}

/** The postings as bytes: the same postings always give the same bytes. */
export function encodeMentionPostings(p: MentionPostings): Uint8Array {
  const names = (m: ReadonlyMap<string, Uint32Array>) => [...m].map(([k, v]) => [k, v.length] as [string, number]);
  const header: Header = {
    articles: p.articles,
    variants: names(p.variants),
    actors: names(p.actors),
    tone: names(p.tone),
  };
  return encodeJsonHeaded(MAGIC, header, [...p.variants.values(), ...p.actors.values(), ...p.tone.values(), p.summary]);
}

/** Postings from their bytes; throws naming `where` and what is wrong when they are not postings of this format. */
export function decodeMentionPostings(bytes: Uint8Array, where: string): MentionPostings {
  const bad = (why: string) =>
    new Error(`${where}: not readable as mention postings (${why}); delete the file and the server makes it again`);
  const read = decodeJsonHeaded(bytes, MAGIC, bad);
  const header = read.header as Header;
  // One aligned copy of the values, which the lists and the summary then view without copying.
  const body = read.buf.subarray(read.after);
  const words = new Uint32Array(body.length >> 2);
  Buffer.from(words.buffer).set(body.subarray(0, words.length * 4));
  let at = 0;
  const take = (list: [string, number][]) =>
    new Map(
      list.map(([k, n]) => {
        const v = words.subarray(at, at + n);
        at += n;
        return [k, v] as const;
      }),
    );
  const variants = take(header.variants);
  const actors = take(header.actors);
  const tone = take(header.tone);
  const n = header.articles * SUMMARY_FIELDS;
  if (at + n !== words.length || body.length % 4)
    throw bad(`it holds ${body.length} bytes of values where its header names ${(at + n) * 4}`);
  const summary = new Int32Array(words.buffer, at * 4, n);
  return { articles: header.articles, variants, actors, tone, summary };
}

const stored = derivedKind(MENTION_POSTINGS, encodeMentionPostings, decodeMentionPostings);

/** Whether a version's postings are stored. */
export const hasMentionPostings = stored.has;

/** A version's stored postings, or null when none are stored or they cannot be read (they are then made again). */
export const readMentionPostings = stored.read;

/** Stores a version's postings. */
export const putMentionPostings = stored.put;
