import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where the audit log of writes lives (FRAMESCOPE_AUDIT_LOG overrides it); one JSON object per line. */
export const AUDIT_LOG = process.env.FRAMESCOPE_AUDIT_LOG
  ? path.resolve(process.env.FRAMESCOPE_AUDIT_LOG)
  : path.join(process.cwd(), '.data', 'audit.jsonl');

/** One write, as the audit log keeps it: when, what, to which corpus, from where, and what came of it. */
export interface AuditEntry {
  time: string;
  action: 'upload' | 'lexicon' | 'sign-in';
  corpus: string | null;
  client: string;
  ok: boolean;
  /** What was stored (article ids, the new version) or why nothing was. */
  detail: string;
}

/** Appends one entry (a single write of one line, so concurrent writers never interleave within a line). */
export function audit(entry: Omit<AuditEntry, 'time'>, file = AUDIT_LOG): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  } catch (e) {
    // The write itself has happened; a full disk must not turn it into an error answer. Say so on the console.
    console.error(`audit log ${file}: could not append (${(e as Error).message})`);
  }
}

/** The newest entries, newest first, reading at most the last 256 KB of the log; lines that do not parse are skipped. */
export function recentAudit(limit = 50, file = AUDIT_LOG): AuditEntry[] {
  if (!existsSync(file)) return [];
  // Only the tail is read: the log grows with every write, /manage shows the newest.
  const size = statSync(file).size;
  const length = Math.min(size, 262_144);
  const buf = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const tail = buf.toString('utf8');
  const out: AuditEntry[] = [];
  for (const line of tail.split('\n').reverse()) {
    if (out.length >= limit) break;
    try {
      const e = JSON.parse(line) as AuditEntry;
      if (typeof e.time === 'string' && typeof e.action === 'string') out.push(e);
    } catch {
      // A partial first line of the tail, or an empty last line.
    }
  }
  return out;
}
