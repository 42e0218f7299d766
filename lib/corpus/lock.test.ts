import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BusyError, LOCK_TIMING, pidAlive, staleReason, withLock } from './lock';

const saved = { ...LOCK_TIMING };
afterEach(() => Object.assign(LOCK_TIMING, saved));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fresh = () => mkdtempSync(path.join(tmpdir(), 'framescope-lock-'));
// The pid of a process that has exited: never alive again within the test (pids are not reused that fast).
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

// A lock directory as another writer would leave it.
function foreignLock(dir: string, owner: object | null, ageMs = 0) {
  const lock = path.join(dir, '.lock');
  mkdirSync(lock);
  if (owner) writeFileSync(path.join(lock, 'owner.json'), JSON.stringify(owner));
  const t = new Date(Date.now() - ageMs);
  if (owner) utimesSync(path.join(lock, 'owner.json'), t, t);
  utimesSync(lock, t, t);
  return lock;
}

describe('withLock', () => {
  test('waiting for a held lock does not block the event loop', async () => {
    const dir = fresh();
    let release!: () => void;
    const first = withLock(dir, () => new Promise<void>((r) => (release = r)));
    await sleep(10);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const second = withLock(dir, () => 'second ran');
    await sleep(200);
    // With Atomics.wait the timer could not tick while the second caller waited; it ticks about 20 times in 200 ms.
    expect(ticks).toBeGreaterThan(5);
    release();
    await first;
    expect(await second).toBe('second ran');
    clearInterval(timer);
    expect(existsSync(path.join(dir, '.lock'))).toBe(false);
  });

  test('the lock records its owner', async () => {
    const dir = fresh();
    const owner = await withLock(dir, () => JSON.parse(readFileSync(path.join(dir, '.lock', 'owner.json'), 'utf8')));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
  });

  test('a lock held past the wait limit throws BusyError with a retry time', async () => {
    LOCK_TIMING.waitMs = 100;
    const dir = fresh();
    foreignLock(dir, { pid: 1, host: hostname(), token: 'init', started: '' });
    await expect(withLock(dir, () => 1)).rejects.toThrow(BusyError);
    await expect(withLock(dir, () => 1)).rejects.toMatchObject({ retryAfterSeconds: 3 });
  });

  test('concurrent callers never run inside the lock together, also while taking over a stale lock', async () => {
    const dir = fresh();
    foreignLock(dir, { pid: deadPid(), host: hostname(), token: 'dead', started: '' });
    let inside = 0;
    let most = 0;
    let runs = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        withLock(dir, async () => {
          inside++;
          most = Math.max(most, inside);
          await sleep(5);
          inside--;
          runs++;
        }),
      ),
    );
    expect(runs).toBe(12);
    expect(most).toBe(1);
  });
});

describe('staleReason', () => {
  test.each([
    [
      'a dead pid on this host',
      () => ({ pid: deadPid(), host: hostname(), token: 't', started: '' }),
      0,
      /holder pid \d+ is not running/,
    ],
    ['a live pid on this host', () => ({ pid: 1, host: hostname(), token: 't', started: '' }), 60_000, null],
    [
      'a live pid silent for longer than the maximum (a reused pid)',
      () => ({ pid: 1, host: hostname(), token: 't', started: '' }),
      11 * 60_000,
      /silent for 660 s/,
    ],
    ['another host, recent heartbeat', () => ({ pid: 1, host: 'elsewhere', token: 't', started: '' }), 1000, null],
    [
      'another host, old heartbeat',
      () => ({ pid: 1, host: 'elsewhere', token: 't', started: '' }),
      60_000,
      /on elsewhere silent for 60 s/,
    ],
    ['no owner, young (a writer between mkdir and its owner file)', () => null, 1000, null],
    ['no owner, old (a crashed writer or an older version)', () => null, 60_000, /no owner recorded, 60 s old/],
  ])('%s', (_case, owner, age, reason) => {
    const lock = foreignLock(fresh(), owner(), age);
    if (reason === null) expect(staleReason(lock)).toBeNull();
    else expect(staleReason(lock)).toMatch(reason);
  });
  test('pidAlive', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(deadPid())).toBe(false);
    expect(pidAlive(0)).toBe(false);
  });
});
