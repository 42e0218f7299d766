import { analyzeArticle, type Engine } from '../analysis/article';
import type { Article } from '../types';
import type { VocabularyCounts } from '../vocabulary/table';
import { countsOf } from '../vocabulary/whole';
import { createPacker } from './codec';
import { articleKey } from './keys';
import type { AnalysedBatch } from './types';

/**
 * Analyses a batch of articles and, in the same pass (each analysis while it is in hand), counts their vocabulary as
 * the stored table counts it, so a version's table is a merge of batches rather than a second reading of the corpus.
 */
export function analyseBatch(
  articles: readonly Article[],
  engine: Engine,
): AnalysedBatch & { vocabulary: VocabularyCounts } {
  const packer = createPacker();
  const analyses = articles.map((a) => analyzeArticle(a, engine));
  for (const a of analyses) packer.add(a);
  const keys = articles.map(articleKey);
  return { keys, packed: packer.finish(), vocabulary: countsOf(analyses, keys, engine.lexicon.groups) };
}
