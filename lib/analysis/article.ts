import Sentiment from 'sentiment';
import { attributeMention } from '../actors/attribute';
import { compileActors, scanActors, type ActorHit, type ActorMatcher } from '../actors/matcher';
import { articleLayout, paragraphs, type PlacedSegment } from '../corpus/layout';
import { compileLexicon, scan, type Matcher } from '../lexicon/matcher';
import { insideSpan, mergeSpans, quoteSpans, type Span } from '../text/quotes';
import { sentenceSpans } from '../text/sentences';
import { countTokens } from '../text/tokens';
import type { Article, Lexicon, Mention, Section, Sentence } from '../types';

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
  attributed: Set<string>;
}

/** Compiles a lexicon for analyzeArticle. */
export function compileEngine(lexicon: Lexicon): Engine {
  return {
    lexicon,
    matcher: compileLexicon(lexicon),
    actors: compileActors(lexicon.actors),
    proxyOf: new Map(lexicon.actors.filter((a) => a.backedBy).map((a) => [a.backedBy!, a.id])),
    attributed: new Set(lexicon.groups.filter((g) => g.attributeActors).map((g) => g.id)),
  };
}

const afinn = new Sentiment();

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

/** The sentence's text with quoted stretches blanked out, for own-voice sentiment. */
function ownText(text: string, span: Span, quotes: Span[]): string {
  let out = '';
  let at = span.start;
  for (const q of quotes) {
    if (q.end <= span.start || q.start >= span.end) continue;
    out += text.slice(at, Math.max(at, q.start)) + ' ';
    at = Math.max(at, q.end);
  }
  return out + text.slice(Math.min(at, span.end), span.end);
}

function scareQuotes(article: Article, text: string, raw: Span[], labels: Mention[], lexicon: Lexicon, sentences: Sentence[], segments: PlacedSegment[]): Mention[] {
  const out: Mention[] = [];
  for (const g of lexicon.groups) {
    for (const v of g.variants) {
      if (v.detector !== 'scare-quotes') continue;
      for (const q of raw) {
        const inner = text.slice(q.start + 1, q.end - 1).trim();
        const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        if (words === 0 || words > v.maxWords) continue;
        const labelled = labels.some((m) => m.group !== g.id && m.start >= q.start && m.end <= q.end);
        if (!labelled) continue;
        // The quotation marks are the outlet's own choice, so the marker is in the outlet's voice.
        out.push({
          article: article.id, outlet: article.outlet, group: g.id, variant: v.id,
          start: q.start, end: q.end, text: text.slice(q.start, q.end),
          section: sectionAt(segments, q.start), voice: 'own', sentence: sentenceAt(sentences, q.start), actors: [], actorCue: null,
        });
      }
    }
  }
  return out;
}

/** Sets each attributed label's actors in place and returns the actors each sentence names. */
function attributeActors(text: string, sentences: Sentence[], mentions: Mention[], hits: ActorHit[], engine: Engine): string[][] {
  const named: Set<string>[] = sentences.map(() => new Set());
  for (const h of hits) named[sentenceAt(sentences, h.start)]?.add(h.actor);
  const labels = mentions.filter((m) => engine.attributed.has(m.group));
  for (const m of labels) {
    const s = sentences[m.sentence];
    if (!s) continue;
    const inSentence = (x: { start: number; end: number }) => x.start >= s.start && x.end <= s.end;
    const a = attributeMention(m, {
      text, start: s.start, end: s.end, proxyOf: engine.proxyOf,
      hits: hits.filter(inSentence), labels: labels.filter((l) => l !== m && inSentence(l)),
    });
    m.actors = a.actors;
    m.actorCue = a.cue;
    for (const id of a.actors) named[m.sentence].add(id);
  }
  return named.map((set) => [...set].sort());
}

/** Analyses one article: sentences with sentiment, quotation spans, token counts and every lexicon mention. */
export function analyzeArticle(article: Article, engine: Engine): ArticleAnalysis {
  const { matcher, lexicon } = engine;
  const { text, segments } = articleLayout(article);
  const rawQuotes = quoteSpans(text);
  const quotes = mergeSpans(rawQuotes);
  const sentences: Sentence[] = [];
  const tokens: Record<Section, { all: number; own: number }> = {
    title: { all: 0, own: 0 }, caption: { all: 0, own: 0 }, body: { all: 0, own: 0 },
  };
  for (const seg of segments) {
    const t = countTokens(text, seg.start, seg.end, quotes);
    tokens[seg.section].all += t.all;
    tokens[seg.section].own += t.own;
    for (const p of paragraphs(text, seg.start, seg.end)) {
      for (const s of sentenceSpans(text.slice(p.start, p.end), p.start)) {
        const all = afinn.analyze(text.slice(s.start, s.end));
        const own = afinn.analyze(ownText(text, s, quotes));
        sentences.push({
          start: s.start, end: s.end, section: seg.section,
          score: all.score, words: all.tokens.length, ownScore: own.score, ownWords: own.tokens.length,
        });
      }
    }
  }
  const mentions: Mention[] = [];
  for (const m of scan(matcher, text)) {
    if (m.target.kind !== 'variant') continue;
    mentions.push({
      article: article.id, outlet: article.outlet, group: m.target.group, variant: m.target.variant,
      start: m.start, end: m.end, text: m.text, section: sectionAt(segments, m.start),
      voice: insideSpan(quotes, m.start) ? 'quoted' : 'own', sentence: sentenceAt(sentences, m.start), actors: [], actorCue: null,
    });
  }
  const actorHits = scanActors(engine.actors, text);
  const sentenceActors = attributeActors(text, sentences, mentions, actorHits, engine);
  mentions.push(...scareQuotes(article, text, rawQuotes, mentions, lexicon, sentences, segments));
  mentions.sort((a, b) => a.start - b.start);
  return { id: article.id, outlet: article.outlet, text, segments, quotes, sentences, mentions, actorHits, sentenceActors, tokens };
}
