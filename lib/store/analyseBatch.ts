import { analyzeArticle, type Engine } from '../analysis/article';
import type { Article } from '../types';
import type { Counter } from '../vocabulary/table';
import { countInto } from '../vocabulary/whole';
import { createPacker } from './codec';
import { articleKey } from './keys';
import type { AnalysedBatch } from './types';

/**
 * Analyses a batch of articles and, with a counter, counts their vocabulary in the same pass (each analysis while it is
 * in hand) as the stored table counts it, so a version's table is made from these counts rather than from a second
 * reading of the corpus (lib/store/vocabularyJob.ts).
 */
export function analyseBatch(articles: readonly Article[], engine: Engine, counter: Counter | null): AnalysedBatch {
  const packer = createPacker();
  const analyses = articles.map((a) => analyzeArticle(a, engine));
  for (const a of analyses) packer.add(a);
  const keys = articles.map(articleKey);
  if (counter) countInto(counter, analyses, keys, engine.lexicon.groups);
  return { keys, packed: packer.finish() };
}
