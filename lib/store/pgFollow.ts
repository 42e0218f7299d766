import { Client } from 'pg';
import { ready } from './pgClient';
import { describeDatabaseUrl } from './pgErrors';
import { CHANNEL, insertVersion } from './pgQueries';
import { pull, puller, seedIfEmpty, type Pulled, type ReplicaRoots } from './pgReplica';

/** How often a replica pulls without a notification (a lost LISTEN connection, a missed NOTIFY); ms. */
export const POLL_MS = Number(process.env.FRAMESCOPE_PG_POLL_MS ?? 5000);

/** What start-up did with the database. */
export interface ReplicaStart {
  seeded: number;
  pulled: Pulled;
  /** Stops listening and polling. */
  stop(): Promise<void>;
}

/**
 * Connects to the shared database (refusing to go on when it is unreachable: DatabaseUnavailableError), creates the
 * tables, seeds an empty database from the local trees, brings the replica up to date, then follows every change:
 * LISTEN for commits plus a slow poll, each change applied to the replica off any request.
 */
export async function startReplica(
  url: string,
  roots: ReplicaRoots,
  onPulled: (p: Pulled) => void | Promise<void>,
  log: (line: string) => void = console.log,
): Promise<ReplicaStart> {
  const pool = await ready(url);
  const seeded = await seedIfEmpty(url, roots);
  const pulled = await pull(pool, roots);
  const next = puller(pool, roots, onPulled);
  const where = describeDatabaseUrl(url);
  let down = false;
  const run = () =>
    next().then(
      () => {
        if (down) log(`PostgreSQL at ${where} answers again; the replica is current`);
        down = false;
      },
      (e: Error) => {
        // The replica keeps serving what it holds; said once per outage, not on every poll.
        if (!down) log(`PostgreSQL at ${where}: changes cannot be read (${e.message}); serving the replica as it is`);
        down = true;
      },
    );
  let listener: Client | null = null;
  let connecting = false;
  let stopped = false;
  const listen = async () => {
    if (stopped || listener || connecting) return;
    connecting = true;
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    c.on('error', () => {
      // The next poll reconnects; meanwhile the poll alone keeps the replica current.
      listener = null;
      void c.end().catch(() => undefined);
    });
    c.on('notification', () => void run());
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      listener = c;
      // Changes committed while nobody listened.
      void run();
    } catch {
      void c.end().catch(() => undefined);
    } finally {
      connecting = false;
    }
  };
  await listen();
  const timer = setInterval(() => {
    void listen();
    void run();
  }, POLL_MS);
  timer.unref();
  return {
    seeded,
    pulled,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listener?.end().catch(() => undefined);
    },
  };
}

/** Records in the database that a corpus reached a version (as of its newest stored change); idempotent. */
export async function recordSharedVersion(url: string, corpus: string, version: string): Promise<void> {
  await insertVersion(await ready(url), corpus, version);
}
