// Two app instances on one PostgreSQL (issue #19): the overview's latency at 50 connections spread over both, and how
// long an upload through one takes to be counted by the other. Starts its own throwaway PostgreSQL
// (scripts/pg/start.sh) and two servers on copies of corpus/ (A seeds the database, B starts from an empty folder).
// Usage: npx tsx bench/pg-two.ts [--seconds 10] [--uploads 5] [--port 3230] [--pg-port 55434]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCluster } from '../scripts/pg/cluster';
import { closePools, ready } from '../lib/store/pgClient';
import { changesSince, corpusFilesAt, storedBytes } from '../lib/store/pgQueries';
import { httpLoad, medianMax, waitFor } from './lib/httpLoad';
import { summarizeLoad } from './lib/measure';
import { numberFlag } from './lib/storeBench';

const argv = process.argv.slice(2);
const SECONDS = numberFlag(argv, '--seconds') ?? 10;
const UPLOADS = numberFlag(argv, '--uploads') ?? 5;
const PORT = numberFlag(argv, '--port') ?? 3230;
const CONNECTIONS = 50;
const log = (s: string) => console.error(`[pg-two] ${s}`);

function serve(port: number, root: string, url: string, extra: Record<string, string> = {}): ChildProcess {
  return spawn('npx', ['tsx', 'scripts/serve.ts', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      ...extra,
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: '1',
      FRAMESCOPE_URL: `http://127.0.0.1:${port}`,
      FRAMESCOPE_CORPUS_ROOT: path.join(root, 'corpus'),
      FRAMESCOPE_SNAPSHOTS: path.join(root, 'snapshots'),
      FRAMESCOPE_AUDIT_LOG: path.join(root, 'audit.jsonl'),
      FRAMESCOPE_ADMIN_TOKEN: 'bench-admin-token',
    },
    // Each server's output is kept beside its replica, and shown when the run fails.
    stdio: ['ignore', openSync(path.join(root, 'server.log'), 'a'), openSync(path.join(root, 'server.log'), 'a')],
    detached: true,
  });
}

async function articlesOn(port: number): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${port}/api/analysis?corpus=seeds`);
  return ((await r.json()) as { articles: unknown[] }).articles.length;
}

// What the database holds per article, and how long the queries a replica and a version link make take.
async function databaseFigures(url: string) {
  const pool = await ready(url);
  const timed = async <T>(fn: () => Promise<T>) => {
    const t = performance.now();
    const out = await fn();
    return { out, ms: Math.round((performance.now() - t) * 10) / 10 };
  };
  const areas = await storedBytes(pool);
  const { rows } = await pool.query<{ n: string }>(
    `SELECT COUNT(DISTINCT path) AS n FROM framescope_files WHERE area = 'corpus' AND path LIKE '%/articles/%'`,
  );
  const articles = Number(rows[0].n);
  const size = await pool.query<{ bytes: string }>(`SELECT pg_total_relation_size('framescope_files') AS bytes`);
  const seq = (await pool.query<{ s: string }>(`SELECT MAX(seq) AS s FROM framescope_files`)).rows[0].s;
  const version = await timed(() => corpusFilesAt(pool, 'fa-kes', Number(seq)));
  const everything = await timed(async () => {
    let n = 0;
    for (let after = 0; ;) {
      const page = await changesSince(pool, after, 64);
      n += page.length;
      if (page.length < 64) return n;
      after = page[page.length - 1].seq;
    }
  });
  const bytesOf = (area: string) => areas.find((x) => x.area === area)?.bytes ?? 0;
  await closePools();
  return {
    articles,
    tableMb: Math.round(Number(size.rows[0].bytes) / 1048576),
    perArticleBytes: {
      text: Math.round(bytesOf('corpus') / articles),
      analysesAndDerived: Math.round(bytesOf('store') / articles),
      tableWithIndexes: Math.round(Number(size.rows[0].bytes) / articles),
    },
    queryMs: {
      faKesVersionRebuild: version.ms,
      faKesVersionFiles: version.out.size,
      readAllChangesMs: everything.ms,
      readAllChangesFiles: everything.out,
    },
  };
}

async function main(): Promise<void> {
  const cluster = await startCluster(numberFlag(argv, '--pg-port') ?? undefined);
  if ('missing' in cluster) throw new Error(cluster.missing);
  const a = mkdtempSync(path.join(tmpdir(), 'framescope-pg-a-'));
  const b = mkdtempSync(path.join(tmpdir(), 'framescope-pg-b-'));
  const servers: ChildProcess[] = [];
  try {
    cpSync('corpus', path.join(a, 'corpus'), { recursive: true, filter: (src) => !src.includes('.store') });
    mkdirSync(path.join(b, 'corpus'));
    log('build (only when sources changed), then analyse A’s corpora into PostgreSQL …');
    spawnSync('npx', ['tsx', 'scripts/build-if-stale.ts'], { stdio: 'ignore' });
    const env = { ...process.env, DATABASE_URL: cluster.url, FRAMESCOPE_CORPUS_ROOT: path.join(a, 'corpus') };
    spawnSync('npx', ['tsx', 'scripts/prepare-store.ts'], { stdio: 'ignore', env });
    let t = performance.now();
    servers.push(serve(PORT, a, cluster.url));
    await waitFor(`http://127.0.0.1:${PORT}/api/analysis?corpus=fa-kes`, 180_000);
    const startA = Math.round(performance.now() - t);
    t = performance.now();
    servers.push(serve(PORT + 1, b, cluster.url));
    await waitFor(`http://127.0.0.1:${PORT + 1}/api/analysis?corpus=fa-kes`, 180_000);
    const startB = Math.round(performance.now() - t);
    log(`A up in ${startA} ms (seeded the database); B up in ${startB} ms (pulled everything from it)`);
    const overview = '/?corpus=fa-kes';
    for (const port of [PORT, PORT + 1]) await fetch(`http://127.0.0.1:${port}${overview}`);
    log(`load: ${overview} at ${CONNECTIONS} connections over both instances, ${SECONDS} s`);
    const [onA, onB] = await httpLoad(
      [PORT, PORT + 1].map((port) => ({ port, path: overview })),
      CONNECTIONS,
      SECONDS,
    );
    const both = summarizeLoad(overview, [...onA.latencies, ...onB.latencies], onA.errors + onB.errors, SECONDS);
    const visible: number[] = [];
    for (let i = 0; i < UPLOADS; i++) {
      const before = await articlesOn(PORT + 1);
      const t0 = performance.now();
      const r = await fetch(`http://127.0.0.1:${PORT}/api/upload`, {
        method: 'POST',
        headers: { authorization: 'Bearer bench-admin-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          corpus: 'seeds',
          outlet: 'voa',
          save: true,
          text: { title: `Bench upload ${i}`, body: `Rebels and militants clashed near village ${i}, monitors said.` },
        }),
      });
      if (r.status !== 200) throw new Error(`upload ${i} answered ${r.status}: ${await r.text()}`);
      while ((await articlesOn(PORT + 1)) === before) {
        if (performance.now() - t0 > 60_000) throw new Error(`upload ${i} was not visible on B after 60 s`);
        await new Promise((res) => setTimeout(res, 50));
      }
      visible.push(performance.now() - t0);
    }
    const database = await databaseFigures(cluster.url);
    const figures = {
      database,
      backend: 'pg',
      instances: 2,
      startMs: { a: startA, b: startB },
      overview: { ...both, connections: CONNECTIONS, seconds: SECONDS },
      perInstanceP95Ms: [onA, onB].map((x) => summarizeLoad(overview, x.latencies, x.errors, SECONDS).p95Ms),
      uploadToVisibleMs: { ...medianMax(visible), uploads: UPLOADS, each: visible.map(Math.round) },
    };
    console.log(JSON.stringify(figures, null, 2));
  } catch (e) {
    for (const root of [a, b]) {
      const log = path.join(root, 'server.log');
      if (existsSync(log)) console.error(`--- ${log}\n${readFileSync(log, 'utf8').split('\n').slice(-40).join('\n')}`);
    }
    throw e;
  } finally {
    for (const s of servers) if (s.pid) process.kill(-s.pid, 'SIGTERM');
    cluster.stop();
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
