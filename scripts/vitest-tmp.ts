import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest's global setup: every temporary folder the unit tests make goes under one folder of this run, removed when
 * the run ends. Tests make corpus roots and stores of up to 70 MB each; left in /tmp, a few runs fill the disk that the
 * scale benchmark needs.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-unit-'));
  // os.tmpdir() reads TMPDIR on every call, and the test workers start after this with the same environment.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
