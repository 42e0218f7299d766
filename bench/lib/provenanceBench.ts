import { articleLayout, paragraphs } from '../../lib/corpus/layout';
import { creditSources } from '../../lib/provenance/credits';
import { buildProvenance, type CorpusProvenance, type ProvenanceInput } from '../../lib/provenance/model';
import { articlePageRecord, type ArticlePageRecord } from '../../lib/provenance/pages';
import { PAGES_PART } from '../../lib/store/provenancePages';
import { sentenceSpans } from '../../lib/text/sentences';
import type { Article } from '../../lib/types';
import { benchOutlets, generateArticles, rng } from './generate';

/** What provenance reads of an article, made the way the analysis makes it (layout, paragraphs, sentences). */
export function provenanceInputOf(a: Article): ProvenanceInput {
  const { text, segments } = articleLayout(a);
  const sentences: { start: number; end: number }[] = [];
  for (const seg of segments)
    for (const p of paragraphs(text, seg.start, seg.end))
      for (const s of sentenceSpans(text.slice(p.start, p.end), p.start)) sentences.push(s);
  const body = segments.find((s) => s.section === 'body');
  return { id: a.id, outlet: a.outlet, date: a.date, text, bodyStart: body ? body.start : 0, sentences };
}

/** A passage planted in two articles: where it sits in the copy (characters) and how long it is (words). */
export interface Planted {
  source: string;
  target: string;
  words: number;
  start: number;
  end: number;
}

/**
 * A passage of `words` made-up words no generated article holds (so only the planted copy can match it), and its light
 * edit: one word in every `every` replaced and the commas stripped.
 */
export function plantedPassage(words: number, seed: number, every = 12): { original: string; edited: string } {
  const r = rng(seed);
  const word = () => `w${Math.floor(r() * 1e9).toString(36)}`;
  const list = Array.from({ length: words }, word);
  const original = list.map((w, i) => (i % 7 === 6 ? `${w},` : w)).join(' ');
  const edited = list.map((w, i) => (i % every === every - 1 ? word() : w)).join(' ');
  return { original: `${original}.`, edited: `${edited}.` };
}

/**
 * Plants passages of the given lengths into pairs of inputs (in place): each passage is appended to a source input
 * and, lightly edited, to a different target input. Returns where each copy is.
 */
export function plantReuse(inputs: ProvenanceInput[], lengths: number[], perLength: number, seed: number): Planted[] {
  const r = rng(seed);
  const out: Planted[] = [];
  let k = 0;
  for (const words of lengths) {
    for (let n = 0; n < perLength; n++) {
      const s = Math.floor(r() * inputs.length);
      let t = Math.floor(r() * inputs.length);
      if (t === s) t = (t + 1) % inputs.length;
      const { original, edited } = plantedPassage(words, seed + ++k);
      const append = (i: number, passage: string) => {
        const x = inputs[i];
        const start = x.text.length + 2;
        inputs[i] = {
          ...x,
          text: `${x.text}\n\n${passage}`,
          sentences: [...x.sentences, { start, end: start + passage.length }],
        };
        return start;
      };
      append(s, original);
      const start = append(t, edited);
      out.push({ source: inputs[s].id, target: inputs[t].id, words, start, end: start + edited.length });
    }
  }
  return out;
}

/** Share of planted copies found: the copy's sentence is shared and names its source article among the others. */
export function plantedRecall(p: CorpusProvenance, planted: Planted[]): { words: number; found: number; of: number }[] {
  const by = new Map<number, { found: number; of: number }>();
  for (const x of planted) {
    const a = p.articles[p.byId.get(x.target)!];
    const s = a.sentences.find((y) => y.start === x.start);
    const hit = s?.kind === 'shared' && s.others.some((o) => o.article === x.source);
    const row = by.get(x.words) ?? { found: 0, of: 0 };
    row.of++;
    if (hit) row.found++;
    by.set(x.words, row);
  }
  return [...by].sort((a, b) => a[0] - b[0]).map(([words, r]) => ({ words, ...r }));
}

/**
 * The provenance of `articles` generated articles over `outlets` outlets (the bench's generator: sentences resampled
 * from a pool, so many sentences are reprinted in many articles), as the bench and the stored-format tests make it.
 */
export function generatedProvenance(pool: string[], articles: number, outlets: number, seed: number): CorpusProvenance {
  const inputs = generateArticles(pool, { articles, outlets, seed }).map(provenanceInputOf);
  return buildProvenance(inputs, creditSources(benchOutlets(outlets)));
}

/** A provenance's article page records in the parts the provenance job stores them in (PAGES_PART articles each). */
export function pagePartsOf(p: CorpusProvenance): ArticlePageRecord[][] {
  const out: ArticlePageRecord[][] = [];
  for (let i = 0; i < p.articles.length; i += PAGES_PART)
    out.push(p.articles.slice(i, i + PAGES_PART).map((_, j) => articlePageRecord(p, i + j)));
  return out;
}
