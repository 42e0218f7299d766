import { Pool, type PoolClient } from 'pg';
import { DatabaseUnavailableError, describeDatabaseUrl, isConnectionError } from './pgErrors';
import { lockWrites, migrate, notifyChanges } from './pgQueries';

/** The PostgreSQL database this process shares with the other instances, or null (the files backend). */
export function databaseUrl(): string | null {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : null;
}

const pools = new Map<string, { pool: Pool; ready: Promise<void> | null }>();

/**
 * The connection pool for a database URL, made once per process (per bundle copy of this module); idle connections
 * that break are dropped, never thrown at the process.
 */
export function poolFor(url: string): Pool {
  let entry = pools.get(url);
  if (!entry) {
    // Idle connections never keep a script (the CLI import, prepare-store) from exiting.
    const pool = new Pool({
      connectionString: url,
      max: 4,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    });
    // An idle client whose server went away: the next query gets a new connection or a clear error.
    pool.on('error', () => undefined);
    pools.set(url, (entry = { pool, ready: null }));
  }
  return entry.pool;
}

/**
 * Connects, creating the tables when missing (once per process); throws DatabaseUnavailableError, saying `what` was not
 * stored, when unreachable.
 */
export async function ready(url: string, what?: string): Promise<Pool> {
  const pool = poolFor(url);
  const entry = pools.get(url)!;
  entry.ready ??= (async () => {
    // Kept raw here: each caller's error says what of its own write was not stored.
    const client = await pool.connect();
    let broken = false;
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      await migrate(client);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  })().catch((e) => {
    entry.ready = null;
    throw e;
  });
  try {
    await entry.ready;
  } catch (e) {
    throw unavailable(url, e, what);
  }
  return pool;
}

/** The error to throw for a failed database call: DatabaseUnavailableError when the connection is the cause. */
export function unavailable(url: string, e: unknown, what?: string): Error {
  if (isConnectionError(e))
    return new DatabaseUnavailableError(`PostgreSQL at ${describeDatabaseUrl(url)}`, (e as Error).message, what);
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Runs fn in one transaction under the write lock and notifies the other instances at commit: everything fn stores is
 * committed together or not at all. A lost connection becomes DatabaseUnavailableError saying `what` was not stored.
 */
export async function writeTransaction<T>(url: string, what: string, fn: (db: PoolClient) => Promise<T>): Promise<T> {
  const pool = await ready(url, what);
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    throw unavailable(url, e, what);
  }
  let broken = false;
  // A server that dies while this client is checked out makes it emit 'error' besides failing the query: without a
  // listener that would end the process.
  const onError = () => (broken = true);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    await lockWrites(client);
    const out = await fn(client);
    await notifyChanges(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    broken ||= isConnectionError(e);
    if (!broken) await client.query('ROLLBACK').catch(() => undefined);
    throw unavailable(url, e, what);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Closes every pool of this process (tests and scripts that must exit). */
export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.pool.end().catch(() => undefined)));
}
