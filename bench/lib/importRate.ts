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
 * One import's figures: input MB/s to its last batch stored and the engine's on the same input, by wall time and by CPU
 * time (all threads), and the import's share of the engine's rate by each.
 */
export function importRateRow(x: {
  name: string;
  articles: number;
  bytes: number;
  importMs: number;
  engineMs: number;
  importCpuMs: number;
  engineCpuMs: number;
}): string {
  const mb = x.bytes / 1e6;
  const per = (ms: number) => mb / (ms / 1000);
  const rate = per(x.importMs);
  const engine = per(x.engineMs);
  return (
    `${x.name}: ${x.articles} articles, ${mb.toFixed(1)} MB, import ${(x.importMs / 1000).toFixed(1)} s = ` +
    `${rate.toFixed(1)} MB/s; engine alone ${engine.toFixed(1)} MB/s; import/engine ${(rate / engine).toFixed(2)}; ` +
    `CPU s import ${(x.importCpuMs / 1000).toFixed(1)}, engine ${(x.engineCpuMs / 1000).toFixed(1)}, ` +
    `engine/import ${(x.engineCpuMs / x.importCpuMs).toFixed(2)}`
  );
}
