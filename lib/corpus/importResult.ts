import { emptyPlan, mergePlan } from '../importing/plan';
import type { ImportResult } from './importer';

/**
 * Adds one batch's result to the running result of a streamed import (in place: the lists are appended to, as copying
 * them for every batch cost time and garbage quadratic in the batches). The total keeps counts, rejections, duplicates
 * and stored ids, never the batch's articles or their files' bytes, so a file of any size is summed in little memory.
 */
export function addResult(total: ImportResult | null, r: ImportResult): ImportResult {
  const plan = total?.plan ?? emptyPlan();
  // The batch's articles, their origins, hashes and file bytes (a whole article's worth each) are per batch only.
  mergePlan(plan, {
    ...r.plan,
    articles: [],
    origin: new Map(),
    hashes: new Map(),
    files: new Map(),
    unreadable: new Map(),
  });
  const warnings = total?.warnings ?? [];
  for (const w of r.warnings) if (!warnings.includes(w)) warnings.push(w);
  const append = <T>(into: T[] | undefined, more: readonly T[]) => {
    const list = into ?? [];
    for (const x of more) list.push(x);
    return list;
  };
  return {
    plan,
    rejected: append(total?.rejected, r.rejected),
    records: (total?.records ?? 0) + r.records,
    planned: (total?.planned ?? 0) + r.planned,
    written: append(total?.written, r.written),
    versionBefore: total ? total.versionBefore : r.versionBefore,
    versionAfter: r.versionAfter,
    lexicon: r.lexicon,
    recovered: append(total?.recovered, r.recovered),
    warnings,
  };
}
