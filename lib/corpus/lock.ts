import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { InputError } from '../errors';

/** A lock held by another writer for longer than the caller will wait: the server answers 503 with Retry-After. */
export class BusyError extends InputError {
  constructor(
    where: string,
    readonly retryAfterSeconds: number,
  ) {
    super(
      where,
      'is being written by another import, upload or lexicon save',
      `try again in ${retryAfterSeconds} seconds`,
    );
    this.name = 'BusyError';
  }
}

/** Who holds a lock: written into the lock directory so a crashed holder can be recognised. */
export interface LockOwner {
  pid: number;
  host: string;
  token: string;
  started: string;
}

/** Lock timings (ms); tests shorten them. */
export const LOCK_TIMING = {
  /** How long withLock waits for a busy lock before throwing BusyError. */
  waitMs: 15_000,
  /** A lock whose heartbeat is older than this is stale when its holder cannot be checked (another host, no owner). */
  staleMs: 30_000,
  /** Even a live pid's lock is stale after this long without a heartbeat (the pid may have been reused). */
  maxSilentMs: 10 * 60_000,
  heartbeatMs: 5_000,
};

const OWNER = 'owner.json';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a process with this pid runs on this machine (EPERM: it runs, under another user). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lock: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(path.join(lock, OWNER), 'utf8')) as LockOwner;
    return typeof o.pid === 'number' && typeof o.token === 'string' ? o : null;
  } catch {
    return null;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Why a lock is stale (its holder died or fell silent), or null while it is held. */
export function staleReason(lock: string): string | null {
  const owner = readOwner(lock);
  if (!owner) {
    // Between mkdir and the owner file, or a lock from an older version: only its age tells.
    const age = ageMs(lock);
    return age > LOCK_TIMING.staleMs ? `no owner recorded, ${Math.round(age / 1000)} s old` : null;
  }
  const beat = ageMs(path.join(lock, OWNER));
  if (owner.host === hostname()) {
    if (!pidAlive(owner.pid)) return `holder pid ${owner.pid} is not running`;
    return beat > LOCK_TIMING.maxSilentMs ? `holder pid ${owner.pid} silent for ${Math.round(beat / 1000)} s` : null;
  }
  return beat > LOCK_TIMING.staleMs ? `holder on ${owner.host} silent for ${Math.round(beat / 1000)} s` : null;
}

/**
 * Removes a stale lock. Takers serialise on a second directory and re-check the owner they judged stale, so two takers
 * never remove a lock that a third writer has just created.
 */
function takeOver(lock: string, judged: string | null): void {
  const gate = `${lock}.takeover`;
  try {
    mkdirSync(gate);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A taker that died inside the gate: takeovers last milliseconds, so an old gate is abandoned.
    if (ageMs(gate) > 10_000) rmSync(gate, { recursive: true, force: true });
    return;
  }
  try {
    const now = readOwner(lock)?.token ?? null;
    if (now === judged && staleReason(lock) !== null) rmSync(lock, { recursive: true, force: true });
  } finally {
    rmSync(gate, { recursive: true, force: true });
  }
}

/**
 * Runs fn while holding the folder's lock (a directory created atomically, with its owner's pid and a heartbeat),
 * across processes. Waits without blocking the event loop; throws BusyError after LOCK_TIMING.waitMs.
 */
export async function withLock<T>(dir: string, fn: () => T | Promise<T>): Promise<T> {
  const lock = path.join(dir, '.lock');
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    started: new Date().toISOString(),
  };
  const start = Date.now();
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const judged = readOwner(lock)?.token ?? null;
      if (staleReason(lock) !== null) {
        takeOver(lock, judged);
        continue;
      }
      if (Date.now() - start > LOCK_TIMING.waitMs)
        throw new BusyError(path.basename(dir), Math.max(1, Math.ceil(LOCK_TIMING.staleMs / 10_000)));
      await sleep(Math.min(200, 10 * 2 ** Math.min(attempt, 5)) + Math.random() * 10);
      continue;
    }
    try {
      writeFileSync(path.join(lock, OWNER), JSON.stringify(owner));
      break;
    } catch (e) {
      // A full disk: leave no ownerless lock behind for others to wait on.
      rmSync(lock, { recursive: true, force: true });
      throw e;
    }
  }
  const beat = setInterval(() => {
    try {
      const t = new Date();
      utimesSync(path.join(lock, OWNER), t, t);
    } catch {
      /* the lock was taken over; release() notices */
    }
  }, LOCK_TIMING.heartbeatMs);
  beat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(beat);
    // Only our own lock is removed: after a takeover the directory belongs to someone else.
    if (readOwner(lock)?.token === owner.token) rmSync(lock, { recursive: true, force: true });
  }
}
