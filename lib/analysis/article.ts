import { attributeMention } from '../actors/attribute';
import { sentenceTokens } from '../actors/words';
import { compileActors, scanActors, type ActorHit, type ActorMatcher } from '../actors/matcher';
import { articleLayout, paragraphs, type PlacedSegment } from '../corpus/layout';
import { compileLexicon, scan, type Matcher } from '../lexicon/matcher';
import { insideSpan, mergeSpans, quoteSpans, type Span } from '../text/quotes';
import { afinnScore } from '../text/afinn';
import { sentenceSpans } from '../text/sentences';
import { countTokens } from '../text/tokens';
import type { ActorKind, Article, Lexicon, Mention, Section, Sentence, TermGroup } from '../types';
import { setAsideOf } from './setAside';

/** Everything the aggregate statistics need from one article, computed in one pass over its text. */
export interface ArticleAnalysis {
  id: string;
  outlet: string;
  text: string;
  segments: PlacedSegment[];
  quotes: Span[];
  sentences: Sentence[];
  mentions: Mention[];
  /** Every actor alias in the text, in order. */
  actorHits: ActorHit[];
  /** For each sentence (by index), the actors it names by alias or through an attributed label. */
  sentenceActors: string[][];
  tokens: Record<Section, { all: number; own: number }>;
}

/** A lexicon compiled once for many articles: the label matcher, the actor matcher and the proxy-actor table. */
export interface Engine {
  lexicon: Lexicon;
  matcher: Matcher;
  actors: ActorMatcher;
  proxyOf: Map<string, string>;
  /** Groups whose labels feed the actor lens. */
  attributed: Set<string>;
  /** Groups whose labels are attributed: the actor lens's, and those whose question is about some actors only. */
  attributing: Set<string>;
  /** Groups with a rule that can set a mention aside (an "about" or quoted names), by id. */
  scoped: Map<string, TermGroup>;
  kinds: Map<string, ActorKind | null>;
}

/** Compiles a lexicon for analyzeArticle. */
export function compileEngine(lexicon: Lexicon): Engine {
  return {
    lexicon,
    matcher: compileLexicon(lexicon),
    actors: compileActors(lexicon.actors),
    proxyOf: new Map(lexicon.actors.filter((a) => a.backedBy).map((a) => [a.backedBy!, a.id])),
    attributed: new Set(lexicon.groups.filter((g) => g.attributeActors).map((g) => g.id)),
    attributing: new Set(lexicon.groups.filter((g) => g.attributeActors || g.about).map((g) => g.id)),
    scoped: new Map(lexicon.groups.filter((g) => g.about || g.namesInQuotes).map((g) => [g.id, g])),
    kinds: new Map(lexicon.actors.map((a) => [a.id, a.kind])),
  };
}

function sectionAt(segments: PlacedSegment[], pos: number): Section {
  for (const s of segments) if (pos >= s.start && pos < s.end) return s.section;
  return 'body';
}

function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function overlaps(spans: Span[], s: Span): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= s.start) lo = mid + 1;
    else if (spans[mid].start >= s.end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** The sentence's text with quoted stretches blanked out, for own-voice sentiment. */
function ownText(text: string, span: Span, quotes: Span[]): string {
  let out = '';
  let at = span.start;
  // The quotes are sorted and disjoint: start at the first that reaches the sentence, stop after it (linear overall).
  for (let i = firstEndingAfter(quotes, span.start); i < quotes.length && quotes[i].start < span.end; i++) {
    const q = quotes[i];
    out += text.slice(at, Math.max(at, q.start)) + ' ';
    at = Math.max(at, q.end);
  }
  return out + text.slice(Math.min(at, span.end), span.end);
}

// Index of the first span (sorted by start, disjoint) whose end is after pos.
function firstEndingAfter(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function scareQuotes(
  article: Article,
  text: string,
  raw: Span[],
  unsorted: Mention[],
  lexicon: Lexicon,
  sentences: Sentence[],
  segments: PlacedSegment[],
): Mention[] {
  const out: Mention[] = [];
  // Sorted by start, so each quote looks only at the labels that begin inside it (not at every label of the article).
  const labels = [...unsorted].sort((a, b) => a.start - b.start);
  for (const g of lexicon.groups) {
    for (const v of g.variants) {
      if (v.detector !== 'scare-quotes') continue;
      for (const q of raw) {
        const inner = text.slice(q.start + 1, q.end - 1).trim();
        const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        if (words === 0 || words > v.maxWords) continue;
        let labelled = false;
        for (let i = within.firstAt(labels, q.start); i < labels.length && labels[i].start < q.end && !labelled; i++) {
          labelled = labels[i].group !== g.id && labels[i].end <= q.end;
        }
        if (!labelled) continue;
        // The quotation marks are the outlet's own choice, so the marker is in the outlet's voice.
        out.push({
          article: article.id,
          outlet: article.outlet,
          group: g.id,
          variant: v.id,
          start: q.start,
          end: q.end,
          text: text.slice(q.start, q.end),
          section: sectionAt(segments, q.start),
          voice: 'own',
          sentence: sentenceAt(sentences, q.start),
          actors: [],
          actorCue: null,
          setAside: null,
        });
      }
    }
  }
  return out;
}

const NO_ACTORS: string[] = [];

/** The items (sorted by start) that lie inside a span, found by binary search. */
function within<T extends Span>(items: T[], s: Span): T[] {
  const out: T[] = [];
  for (let i = within.firstAt(items, s.start); i < items.length && items[i].start < s.end; i++)
    if (items[i].end <= s.end) out.push(items[i]);
  return out;
}
/** Index of the first item (sorted by start) that starts at or after pos. */
within.firstAt = (items: Span[], pos: number): number => {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

// Attribution reads the words near a label. In a run-on "sentence" (a one-line paste with no full stops) it reads at
// most this many characters on each side, so the work per label is bounded and analysis stays linear in the text;
// sentences up to this length are read whole, exactly as before.
const ATTRIBUTION_WINDOW = 1000;

/** Sets each attributed label's actors in place and returns the actors each sentence names. */
function attributeActors(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  hits: ActorHit[],
  engine: Engine,
): string[][] {
  // Most sentences name no actor: their sets are made only when needed, and they share one empty list.
  const named: (Set<string> | undefined)[] = new Array(sentences.length);
  for (const h of hits) (named[sentenceAt(sentences, h.start)] ??= new Set()).add(h.actor);
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (!engine.attributing.has(m.group)) continue;
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  // Labels of one sentence share its words and alias hits, so those are found once per sentence.
  for (const [index, labels] of bySentence) {
    const s = sentences[index];
    if (!s) continue;
    const sentenceHits = within(hits, s);
    const tokens = sentenceTokens(text, s.start, s.end);
    const inSentence = within(
      [...labels].sort((a, b) => a.start - b.start),
      s,
    );
    for (const m of labels) {
      const w = {
        start: Math.max(s.start, m.start - ATTRIBUTION_WINDOW),
        end: Math.min(s.end, m.end + ATTRIBUTION_WINDOW),
      };
      const context = {
        text,
        start: w.start,
        end: w.end,
        proxyOf: engine.proxyOf,
        hits: within(sentenceHits, w),
        tokens: within(tokens, w),
      };
      const a = attributeMention(m, { ...context, labels: within(inSentence, w).filter((l) => l !== m) });
      m.actors = a.actors;
      m.actorCue = a.cue;
      // Tone toward an actor reads the actor lens's labels only, as documented.
      if (engine.attributed.has(m.group)) for (const id of a.actors) (named[index] ??= new Set()).add(id);
    }
  }
  return Array.from(named, (set) => (set ? [...set].sort() : NO_ACTORS));
}

/** Analyses one article: sentences with sentiment, quotation spans, token counts and every lexicon mention. */
export function analyzeArticle(article: Article, engine: Engine): ArticleAnalysis {
  const { matcher, lexicon } = engine;
  const { text, segments } = articleLayout(article);
  const rawQuotes = quoteSpans(text);
  const quotes = mergeSpans(rawQuotes);
  const sentences: Sentence[] = [];
  const tokens: Record<Section, { all: number; own: number }> = {
    title: { all: 0, own: 0 },
    caption: { all: 0, own: 0 },
    body: { all: 0, own: 0 },
  };
  for (const seg of segments) {
    const t = countTokens(text, seg.start, seg.end, quotes);
    tokens[seg.section].all += t.all;
    tokens[seg.section].own += t.own;
    for (const p of paragraphs(text, seg.start, seg.end)) {
      for (const s of sentenceSpans(text.slice(p.start, p.end), p.start)) {
        const all = afinnScore(text, s.start, s.end);
        // Most sentences hold no quotation, and then their own voice is all of them.
        const own = overlaps(quotes, s) ? afinnScore(ownText(text, s, quotes)) : all;
        sentences.push({
          start: s.start,
          end: s.end,
          section: seg.section,
          score: all.score,
          words: all.words,
          ownScore: own.score,
          ownWords: own.words,
        });
      }
    }
  }
  const mentions: Mention[] = [];
  for (const m of scan(matcher, text)) {
    if (m.target.kind !== 'variant') continue;
    mentions.push({
      article: article.id,
      outlet: article.outlet,
      group: m.target.group,
      variant: m.target.variant,
      start: m.start,
      end: m.end,
      text: m.text,
      section: sectionAt(segments, m.start),
      voice: insideSpan(quotes, m.start) ? 'quoted' : 'own',
      sentence: sentenceAt(sentences, m.start),
      actors: [],
      actorCue: null,
      setAside: null,
    });
  }
  const actorHits = scanActors(engine.actors, text);
  const sentenceActors = attributeActors(text, sentences, mentions, actorHits, engine);
  for (const m of mentions) {
    const g = engine.scoped.get(m.group);
    if (!g) continue;
    const s = sentences[m.sentence];
    m.setAside = setAsideOf(m, g, {
      text,
      sentenceStart: s ? s.start : 0,
      sentenceEnd: s ? s.end : text.length,
      hits: actorHits,
      kinds: engine.kinds,
    });
  }
  for (const m of scareQuotes(article, text, rawQuotes, mentions, lexicon, sentences, segments)) mentions.push(m);
  mentions.sort((a, b) => a.start - b.start);
  return {
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
}
