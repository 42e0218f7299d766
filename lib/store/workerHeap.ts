/**
 * The heap a worker thread that reads a whole corpus may grow to, in MB: FRAMESCOPE_WORKER_HEAP_MB when set to a
 * positive whole number, else 60% of the machine's memory (at least 4,096). Node's default for a worker is the main
 * thread's (about 4 GB here), and making one version's provenance from the previous one at 100,000 articles peaks near
 * 12 GB. Throws, naming the variable, on a value that is not a positive whole number.
 */
export function workerHeapMb(raw: string | undefined, totalBytes: number): number {
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`FRAMESCOPE_WORKER_HEAP_MB must be a positive whole number of MB (e.g. 8192), not "${raw}"`);
    return n;
  }
  return Math.max(4096, Math.floor((totalBytes * 0.6) / 1048576));
}
