// A throwaway PostgreSQL for one test file or benchmark, started by scripts/pg/start.sh on a free loopback port and
// removed by scripts/pg/stop.sh. Nothing assumes a server is already running.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Pool } from 'pg';

/** A running throwaway cluster: its DATABASE_URL, port, and how to stop and delete it. */
export interface Cluster {
  url: string;
  port: number;
  stop(): void;
}

// pg_ctl on the cluster's data directory as its owner (start.sh's layout: /tmp/framescope-pg-PORT/data).
function pgCtl(port: number, args: string[]): void {
  const state = process.env.PG_STATE ?? `/tmp/framescope-pg-${port}`;
  const base = '/usr/lib/postgresql';
  const version = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b))
    .pop();
  const bin = path.join(base, version!, 'bin', 'pg_ctl');
  // As root, as the unprivileged owner start.sh gave the data directory (PostgreSQL refuses to run as root).
  const owner = () => execFileSync('stat', ['-c', '%U', path.join(state, 'data')], { encoding: 'utf8' }).trim();
  const cmd = process.getuid?.() === 0 ? ['runuser', '-u', owner(), '--', bin] : [bin];
  execFileSync(cmd[0], [...cmd.slice(1), '-D', path.join(state, 'data'), ...args], { stdio: 'ignore' });
}

/** Kills the cluster's server at once (no shutdown: as a crash or a pulled cable would), keeping its files. */
export function killServer(port: number): void {
  pgCtl(port, ['-m', 'immediate', '-w', 'stop']);
}

/** Starts a killed cluster's server again on its files (crash recovery replays its log). */
export function restartServer(port: number): void {
  const state = process.env.PG_STATE ?? `/tmp/framescope-pg-${port}`;
  pgCtl(port, [
    '-l',
    path.join(state, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${state} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    'start',
  ]);
}

const SCRIPTS = path.join(__dirname);

/** A loopback port nobody listens on now (PG_TEST_PORT forces one). */
export async function freePort(): Promise<number> {
  if (process.env.PG_TEST_PORT) return Number(process.env.PG_TEST_PORT);
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster, or says why it cannot (PostgreSQL missing and this user cannot install it): tests then skip with
 * that reason, which CI never meets because it runs as root and installs Debian's postgresql.
 */
export async function startCluster(port?: number): Promise<Cluster | { missing: string }> {
  const p = port ?? (await freePort());
  let url: string;
  try {
    url = execFileSync('bash', [path.join(SCRIPTS, 'start.sh'), String(p)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (e) {
    const err = String((e as { stderr?: string }).stderr ?? (e as Error).message);
    if (/PostgreSQL is missing/.test(err)) return { missing: err.trim() };
    throw new Error(`scripts/pg/start.sh ${p} failed: ${err}`);
  }
  return {
    url,
    port: p,
    stop: () => execFileSync('bash', [path.join(SCRIPTS, 'stop.sh'), String(p)], { stdio: 'ignore' }),
  };
}

/**
 * Why no throwaway PostgreSQL can be started here, or null when one can: its binaries are missing and this user cannot
 * install them (start.sh installs Debian's postgresql as root, as CI runs).
 */
export function postgresMissing(): string | null {
  const base = '/usr/lib/postgresql';
  const hasBin = existsSync(base) && readdirSync(base).some((v) => existsSync(path.join(base, v, 'bin', 'initdb')));
  if (hasBin || process.getuid?.() === 0) return null;
  return 'PostgreSQL is not installed and this user cannot install it (sudo apt-get install postgresql); the PostgreSQL tests are skipped';
}

let made = 0;

/** A new empty database in the cluster, so each test sees only its own rows; returns its DATABASE_URL. */
export async function freshDatabase(cluster: Cluster): Promise<string> {
  const name = `t${process.pid}_${made++}`;
  const admin = new Pool({ connectionString: cluster.url, max: 1 });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return cluster.url.replace(/\/framescope$/, `/${name}`);
}
