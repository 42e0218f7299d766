// The pure parts of bench/import-rate.ts: reading the CLI's progress line and a thread's CPU time, and the figures' row.

/** Records read by the import so far, from one `--progress` line ("records 2000 · 950 records/s · …"), else null. */
export function progressRecords(line: string): number | null {
  const m = /^records (\d+) · /.exec(line);
  return m ? Number(m[1]) : null;
}

/** CPU ms (user + system) of one thread from its /proc/<pid>/task/<tid>/stat line (clock ticks of 10 ms). */
export function cpuOfStat(stat: string): number {
  // The name in parentheses may hold spaces; the fields after it are fixed: utime and stime are the 12th and 13th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/**
 * One import's figures: input MB/s to its last batch stored and the engine's (on the same input, or on its first
 * `engineBytes` when the engine ran on a sample), by wall time and by CPU time (all threads), and the import's share of
 * the engine's rate by each; the CPU share compares CPU seconds per MB.
 */
export function importRateRow(x: {
  name: string;
  articles: number;
  bytes: number;
  importMs: number;
  engineMs: number;
  importCpuMs: number;
  engineCpuMs: number;
  engineBytes?: number;
}): string {
  const mb = x.bytes / 1e6;
  const engineMb = (x.engineBytes ?? x.bytes) / 1e6;
  const rate = mb / (x.importMs / 1000);
  const engine = engineMb / (x.engineMs / 1000);
  const cpuShare = x.engineCpuMs / engineMb / (x.importCpuMs / mb);
  const sample = x.engineBytes === undefined ? '' : ` (on the first ${engineMb.toFixed(1)} MB)`;
  return (
    `${x.name}: ${x.articles} articles, ${mb.toFixed(1)} MB, import ${(x.importMs / 1000).toFixed(1)} s = ` +
    `${rate.toFixed(1)} MB/s; engine alone ${engine.toFixed(1)} MB/s${sample}; import/engine ${(rate / engine).toFixed(2)}; ` +
    `CPU s import ${(x.importCpuMs / 1000).toFixed(1)}, engine ${(x.engineCpuMs / 1000).toFixed(1)}, ` +
    `engine/import ${cpuShare.toFixed(2)}`
  );
}

/** Peak resident set of a process in MB from its /proc/<pid>/status text (VmHWM, in kB), or NaN when absent. */
export function peakRssMbOfStatus(status: string): number {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}
