import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** The environment variable that makes a preparation print how long each of its stages took (bench/add-one.ts). */
export const STAGE_TIMES_ENV = 'FRAMESCOPE_STAGE_TIMES';

/** One stage's line as printed: `stage <name> <ms> ms` (what bench/add-one.ts reads back). */
export function stageLine(name: string, ms: number): string {
  return `stage ${name} ${Math.round(ms)} ms`;
}

/** The stage lines in a process's output, as name and milliseconds, in the order printed (a name may repeat). */
export function stageLinesOf(output: string): { name: string; ms: number }[] {
  const found: { name: string; ms: number }[] = [];
  for (const line of output.split('\n')) {
    const parts = line.trim().split(' ');
    if (parts.length === 4 && parts[0] === 'stage' && parts[3] === 'ms' && /^\d+$/.test(parts[2]))
      found.push({ name: parts[1], ms: Number(parts[2]) });
  }
  return found;
}

// On a worker thread process.stderr is a stream to the main thread that a worker's terminate() can cut short (the
// stages' last lines were lost): there the line goes straight to the process's stderr.
function print(line: string): void {
  if (isMainThread) process.stderr.write(line);
  else writeSync(2, line);
}

/**
 * Runs one stage of a preparation and, when FRAMESCOPE_STAGE_TIMES=1, prints its wall time to stderr: a measurement that
 * costs nothing when off, so the CLI's own summary (kept in IMPORT.md) never varies.
 */
export async function timedStage<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  if (process.env[STAGE_TIMES_ENV] !== '1') return run();
  const t0 = performance.now();
  try {
    return await run();
  } finally {
    print(`${stageLine(name, performance.now() - t0)}\n`);
  }
}

/** timedStage for a synchronous step (inside a job that must not yield between its steps). */
export function timedStageSync<T>(name: string, run: () => T): T {
  if (process.env[STAGE_TIMES_ENV] !== '1') return run();
  const t0 = performance.now();
  try {
    return run();
  } finally {
    print(`${stageLine(name, performance.now() - t0)}\n`);
  }
}
