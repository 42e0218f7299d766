// The pure parts of bench/pg-time-cells.ts: the generated corpus's articles and the summary of its timings.
import type { DatedAnalysis } from '../../lib/time/cells';
import { benchDate, benchOutlets, rng } from './generate';
import { percentile } from './measure';

/**
 * `n` dated analyses resampled from a pool of real ones (their mentions and tokens), each on a generated outlet and
 * date (benchOutlets, benchDate: five years): what the time cells read of a generated corpus, without analysing its text.
 */
export function resampledAnalyses(
  pool: readonly DatedAnalysis['analysis'][],
  n: number,
  outlets: number,
  seed: number,
): DatedAnalysis[] {
  if (pool.length === 0) throw new Error('resampledAnalyses needs a pool of at least one analysis (got none)');
  const ids = benchOutlets(outlets).map((o) => o.id);
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    analysis: { ...pool[Math.floor(r() * pool.length)], outlet: ids[Math.floor(r() * ids.length)] },
    date: benchDate(seed, i),
  }));
}

/** Median milliseconds of SQL's and JS's series, and SQL's as a multiple of JS's (null when JS took no time). */
export function sqlVsJs(
  sqlMs: number[],
  jsMs: number[],
): { sqlMedianMs: number; jsMedianMs: number; ratio: number | null } {
  const median = (xs: number[]) => {
    const m = percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
    if (m === null) throw new Error('sqlVsJs needs at least one timing of each');
    return Math.round(m * 100) / 100;
  };
  const sql = median(sqlMs);
  const js = median(jsMs);
  return { sqlMedianMs: sql, jsMedianMs: js, ratio: js > 0 ? Math.round((sql / js) * 100) / 100 : null };
}
