// The CLI import of a checkout, run until its last batch is stored and then killed (the version steps after it are
// another target): what bench/import-rate.ts and bench/import-memory.ts both time or sample.
import { spawn } from 'node:child_process';
import { progressRecords } from './importRate';

/**
 * Runs `scripts/import.ts` of the checkout at `cwd` on `file` into corpus "bench" with --progress, calls `onRecords`
 * with each progress line's record count, and at the line that reaches `articles` resolves with `atLast(pid)` (read
 * while the process still runs) and kills the process; rejects when it ends before that.
 */
export function importUntilStored<T>(o: {
  cwd?: string;
  file: string;
  env: Record<string, string>;
  articles: number;
  nodeFlags?: readonly string[];
  onRecords?: (records: number, line: string, pid: number) => void;
  atLast: (pid: number) => T;
}): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      // tsx as a loader of this process, not its CLI (that runs the script in a child whose threads /proc would miss).
      [...(o.nodeFlags ?? []), '--import', 'tsx', 'scripts/import.ts', o.file, '--corpus', 'bench', '--progress'],
      { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    let done = false;
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const lines = err.split('\n');
      err = lines.pop()!;
      for (const l of lines) {
        const n = progressRecords(l);
        if (done || n === null) continue;
        o.onRecords?.(n, l, p.pid!);
        if (n !== o.articles) continue;
        done = true;
        resolve(o.atLast(p.pid!));
        p.kill('SIGKILL');
      }
    });
    p.on('close', (code) => {
      if (!done) reject(new Error(`the import ended (exit ${code}) before ${o.articles} records: ${err}`));
    });
  });
}
