import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../corpus/store';
import { STORE_ROOT } from '../store/files';
import { databaseUrl, writeTransaction } from '../store/pgClient';
import { insertFile } from '../store/pgQueries';

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
  /** Which app server wrote it (with DATABASE_URL, where every server's entries are listed together). */
  server?: string;
}

/**
 * This server's name in a shared audit log: FRAMESCOPE_SERVER_ID, else the host name and process id (two servers on
 * one machine differ by their process).
 */
export function serverId(): string {
  return process.env.FRAMESCOPE_SERVER_ID || `${hostname()}-${process.pid}`;
}

/** Where the shared audit log's entries are kept in a replica (one file per entry, replicated like store files). */
export const SHARED_AUDIT_DIR = '.audit';

// An entry's file name: its time first, so names sort as the entries were written (then server and a random tail, so
// two servers' entries of one millisecond never collide).
function sharedName(e: AuditEntry): string {
  const time = e.time.replace(/[-:.]/g, '');
  const server = (e.server ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40);
  return `${time}-${server}-${randomBytes(4).toString('hex')}.json`;
}

/**
 * Appends an entry to the audit log that every server on one PostgreSQL shares: stored in the database as a store file
 * under .audit/ (every replica pulls it, as it pulls analyses) and written into this server's replica at once, so the
 * writer lists it before its next pull. A database that cannot be reached keeps the entry in this replica only, said
 * on the console.
 */
export async function auditShared(entry: AuditEntry, url: string, storeRoot = STORE_ROOT): Promise<void> {
  const rel = path.posix.join(SHARED_AUDIT_DIR, sharedName(entry));
  const bytes = Buffer.from(JSON.stringify(entry));
  writeAtomic(path.join(storeRoot, rel), bytes);
  try {
    await writeTransaction(url, 'the audit log entry was kept on this server only', (db) =>
      insertFile(db, { area: 'store', corpus: '', path: rel, bytes }),
    );
  } catch (e) {
    console.error(`audit log: ${(e as Error).message}`);
  }
}

/** The newest entries of the shared audit log in a replica, newest first (every server's, each with its server id). */
export function recentSharedAudit(limit = 50, storeRoot = STORE_ROOT): AuditEntry[] {
  const dir = path.join(storeRoot, SHARED_AUDIT_DIR);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse();
  const out: AuditEntry[] = [];
  for (const name of names) {
    if (out.length >= limit) break;
    try {
      const e = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as AuditEntry;
      if (typeof e.time === 'string' && typeof e.action === 'string') out.push(e);
    } catch {
      // Removed meanwhile, or not an entry.
    }
  }
  return out;
}

// Shared entries whose database write has not finished (the request that wrote them is answered meanwhile).
const inFlight = new Set<Promise<void>>();

/** Resolves once every shared audit entry appended so far is stored (tests, and a server that stops). */
export async function auditSettled(): Promise<void> {
  await Promise.all([...inFlight]);
}

/**
 * Appends one entry (a single write of one line, so concurrent writers never interleave within a line); with
 * DATABASE_URL, to the log all servers share instead (auditShared).
 */
export function audit(entry: Omit<AuditEntry, 'time'>, file = AUDIT_LOG): void {
  const url = databaseUrl();
  // With PostgreSQL the log is shared (auditShared); the file stays the log of a server without one.
  if (url && file === AUDIT_LOG) {
    const write = auditShared({ time: new Date().toISOString(), ...entry, server: serverId() }, url);
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
    return;
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  } catch (e) {
    // The write itself has happened; a full disk must not turn it into an error answer. Say so on the console.
    console.error(`audit log ${file}: could not append (${(e as Error).message})`);
  }
}

/**
 * The newest entries, newest first, reading at most the last 256 KB of the log; lines that do not parse are skipped.
 * With DATABASE_URL, every server's entries from the shared log (recentSharedAudit).
 */
export function recentAudit(limit = 50, file = AUDIT_LOG): AuditEntry[] {
  if (databaseUrl() && file === AUDIT_LOG) return recentSharedAudit(limit);
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
