import { emptyPlan, mergePlan } from '../importing/plan';
import type { ImportResult } from './importer';

/**
 * Adds one batch's result to the running result of a streamed import. The total keeps counts, rejections, duplicates
 * and stored ids, never the batch's articles, so a file of any size is summed in little memory.
 */
export function addResult(total: ImportResult | null, r: ImportResult): ImportResult {
  const plan = emptyPlan();
  if (total) mergePlan(plan, total.plan);
  mergePlan(plan, { ...r.plan, articles: [], origin: new Map(), hashes: new Map() });
  const warnings = [...(total?.warnings ?? [])];
  for (const w of r.warnings) if (!warnings.includes(w)) warnings.push(w);
  return {
    plan,
    rejected: [...(total?.rejected ?? []), ...r.rejected],
    records: (total?.records ?? 0) + r.records,
    planned: (total?.planned ?? 0) + r.planned,
    written: [...(total?.written ?? []), ...r.written],
    versionBefore: total ? total.versionBefore : r.versionBefore,
    versionAfter: r.versionAfter,
    lexicon: r.lexicon,
    recovered: [...(total?.recovered ?? []), ...r.recovered],
    warnings,
  };
}
