// The pure parts of bench/import-memory.ts: reading a process's resident set and the growth of memory per article.

/** Resident set of a process in MB from its /proc/<pid>/status text (VmRSS, in kB), or NaN when absent. */
export function rssMbOfStatus(status: string): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** One sample of an import: records read so far and the process's resident set then. */
export interface MemorySample {
  records: number;
  rssMb: number;
}

/**
 * KB per article of growth between the highest resident set seen up to `from` records and the highest seen up to the
 * last sample: peaks, not single samples, as garbage collection makes the resident set saw-toothed.
 */
export function growthKbPerArticle(samples: readonly MemorySample[], from: number): number {
  const last = samples[samples.length - 1];
  if (!last || last.records <= from) return NaN;
  let before = 0;
  let after = 0;
  for (const s of samples) {
    if (s.records <= from) before = Math.max(before, s.rssMb);
    after = Math.max(after, s.rssMb);
  }
  return ((after - before) * 1024) / (last.records - from);
}
