import { articleLayout } from '../corpus/layout';
import {
  SECTIONS,
  type ActorRule,
  type Article,
  type Mention,
  type Sentence,
  type SetAside,
  type Voice,
} from '../types';
import type { ArticleAnalysis } from '../analysis/article';

// Analyses cross threads as one Int32Array (moved, not copied) and a table of distinct strings: structured
// cloning millions of small sentence and mention objects costs more than analysing them. The article text and
// segment offsets are not sent at all; the receiver lays the article out again, which gives the same text.

/** Analyses packed for another thread: integers in a transferable buffer, strings once each. */
export interface PackedAnalyses {
  ints: Int32Array<ArrayBuffer>;
  strings: string[];
  count: number;
  /** Where each analysis starts in ints, so one article can be read without the ones packed before it. */
  offsets: number[];
}

/** Packs analyses one at a time, so a worker can drop each analysis once it is packed. */
export interface AnalysisPacker {
  add(a: ArticleAnalysis): void;
  finish(): PackedAnalyses;
}

const VOICES: Voice[] = ['own', 'quoted'];
const SAME_TEXT = -1;
const NONE = -1;

/** A packer with an empty buffer that grows as analyses are added. */
export function createPacker(): AnalysisPacker {
  let ints = new Int32Array(1 << 16);
  let n = 0;
  let count = 0;
  const offsets: number[] = [];
  const strings: string[] = [];
  const index = new Map<string, number>();
  const put = (x: number) => {
    if (!Number.isInteger(x) || x > 0x7fffffff || x < -0x80000000)
      throw new Error(`cannot pack ${x}: analyses hold only 32-bit integers`);
    if (n === ints.length) {
      const bigger = new Int32Array(ints.length * 2);
      bigger.set(ints);
      ints = bigger;
    }
    ints[n++] = x;
  };
  const str = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = strings.length));
      strings.push(s);
    }
    put(i);
  };
  // Matched text is almost always the text at the offsets: then only a marker is sent.
  const sliceOrStr = (text: string, start: number, end: number, s: string) =>
    s === text.slice(start, end) ? put(SAME_TEXT) : str(s);
  return {
    add(a) {
      count++;
      offsets.push(n);
      str(a.id);
      put(a.quotes.length);
      put(a.sentences.length);
      put(a.mentions.length);
      put(a.actorHits.length);
      for (const s of SECTIONS) {
        put(a.tokens[s].all);
        put(a.tokens[s].own);
      }
      for (const q of a.quotes) {
        put(q.start);
        put(q.end);
      }
      for (const s of a.sentences) {
        put(s.start);
        put(s.end);
        put(SECTIONS.indexOf(s.section));
        put(s.score);
        put(s.words);
        put(s.ownScore);
        put(s.ownWords);
      }
      for (const m of a.mentions) {
        str(m.group);
        str(m.variant);
        put(m.start);
        put(m.end);
        sliceOrStr(a.text, m.start, m.end, m.text);
        put(SECTIONS.indexOf(m.section));
        put(VOICES.indexOf(m.voice));
        put(m.sentence);
        put(m.actors.length);
        for (const x of m.actors) str(x);
        if (m.actorCue) {
          str(m.actorCue.rule);
          str(m.actorCue.text);
        } else put(NONE);
        if (m.setAside) str(m.setAside);
        else put(NONE);
      }
      for (const h of a.actorHits) {
        put(h.start);
        put(h.end);
        sliceOrStr(a.text, h.start, h.end, h.text);
        str(h.actor);
      }
      for (const list of a.sentenceActors) {
        put(list.length);
        for (const x of list) str(x);
      }
    },
    finish() {
      return { ints: ints.slice(0, n), strings, count, offsets };
    },
  };
}

/** Packs a list of analyses at once. */
export function packAnalyses(analyses: ArticleAnalysis[]): PackedAnalyses {
  const p = createPacker();
  for (const a of analyses) p.add(a);
  return p.finish();
}

const NO_ACTORS: string[] = [];

/** Rebuilds packed analyses; `articles` are the analysed articles in the order they were packed. */
export function unpackAnalyses(packed: PackedAnalyses, articles: Article[]): ArticleAnalysis[] {
  if (articles.length !== packed.count)
    throw new Error(
      `${packed.count} analyses were packed but ${articles.length} articles were given to unpack them with`,
    );
  let at = 0;
  const out = articles.map((article) => {
    const r = unpackOne(packed.ints, packed.strings, at, article);
    at = r.end;
    return r.analysis;
  });
  if (at !== packed.ints.length)
    throw new Error(
      `unpacking read ${at} of ${packed.ints.length} packed integers: the buffer does not hold these analyses`,
    );
  return out;
}

/** Rebuilds the one analysis packed at `offset` (an entry of PackedAnalyses.offsets), with where the next one starts. */
export function unpackOne(
  ints: Int32Array,
  strings: string[],
  offset: number,
  article: Article,
): { analysis: ArticleAnalysis; end: number } {
  let i = offset;
  const next = () => ints[i++];
  const str = () => strings[ints[i++]];
  const textAt = (text: string, start: number, end: number) =>
    ints[i] === SAME_TEXT ? (i++, text.slice(start, end)) : str();
  const id = str();
  if (id !== article.id)
    throw new Error(
      `packed analysis of article ${id} was given article ${article.id} to unpack with: pass the articles in the order they were packed`,
    );
  const { text, segments } = articleLayout(article);
  const nQuotes = next();
  const nSentences = next();
  const nMentions = next();
  const nHits = next();
  const tokens = {} as ArticleAnalysis['tokens'];
  for (const s of SECTIONS) tokens[s] = { all: next(), own: next() };
  const quotes = Array.from({ length: nQuotes }, () => ({ start: next(), end: next() }));
  const sentences: Sentence[] = new Array(nSentences);
  for (let k = 0; k < nSentences; k++) {
    sentences[k] = {
      start: next(),
      end: next(),
      section: SECTIONS[next()],
      score: next(),
      words: next(),
      ownScore: next(),
      ownWords: next(),
    };
  }
  const mentions: Mention[] = new Array(nMentions);
  for (let k = 0; k < nMentions; k++) {
    const group = str();
    const variant = str();
    const start = next();
    const end = next();
    const matched = textAt(text, start, end);
    const section = SECTIONS[next()];
    const voice = VOICES[next()];
    const sentence = next();
    const actors = Array.from({ length: next() }, str);
    const actorCue = ints[i] === NONE ? (i++, null) : { rule: str() as ActorRule, text: str() };
    const setAside = ints[i] === NONE ? (i++, null) : (str() as SetAside);
    mentions[k] = {
      article: article.id,
      outlet: article.outlet,
      group,
      variant,
      start,
      end,
      text: matched,
      section,
      voice,
      sentence,
      actors,
      actorCue,
      setAside,
    };
  }
  const actorHits = Array.from({ length: nHits }, () => {
    const start = next();
    const end = next();
    return { start, end, text: textAt(text, start, end), actor: str() };
  });
  const sentenceActors = Array.from({ length: nSentences }, () => {
    const n = next();
    return n === 0 ? NO_ACTORS : Array.from({ length: n }, str);
  });
  const analysis: ArticleAnalysis = {
    id: article.id,
    outlet: article.outlet,
    text,
    segments,
    quotes,
    sentences,
    mentions,
    actorHits,
    sentenceActors,
    tokens,
  };
  return { analysis, end: i };
}
