import { createHash } from 'node:crypto';
import type { Article, Lexicon } from '../types';

/**
 * The version of the analysis engine (lib/analysis, lib/actors, lib/lexicon matching). Bump it with any change that
 * changes what analyzeArticle returns for the same article and lexicon: every stored analysis is then made again.
 */
export const ENGINE_VERSION = 1;

/**
 * The key of what an article's analysis depends on: its id, outlet and each segment's section and text (exactly what
 * analyzeArticle reads; the title line is a segment). Its date and source do not change the analysis, so editing them
 * keeps it.
 */
export function articleKey(a: Pick<Article, 'id' | 'outlet' | 'segments'>): string {
  const h = createHash('sha1');
  // NUL cannot occur in stored text (the loader rejects control characters), so fields cannot run into each other.
  h.update(`${a.id}\0${a.outlet}\0${a.segments.length}\0`);
  for (const s of a.segments) h.update(`${s.section}\0${s.text.length}\0${s.text}\0`);
  return h.digest('hex');
}

/** The key of a parsed lexicon: two lexicon files that parse to the same groups, variants and rules share analyses. */
export function lexiconKey(lexicon: Lexicon): string {
  return createHash('sha1').update(JSON.stringify(lexicon)).digest('hex').slice(0, 16);
}

/** The key of one corpus version's analysed text: its articles' keys in corpus order, under one lexicon. */
export function versionKey(articleKeys: readonly string[], lexicon: string): string {
  const h = createHash('sha1').update(`${lexicon}\0e${ENGINE_VERSION}\0`);
  for (const k of articleKeys) h.update(k);
  return h.digest('hex').slice(0, 16);
}
