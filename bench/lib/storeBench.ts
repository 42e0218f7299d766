// The store's benchmark (npm run bench; --scale for 1,000,000 articles): a generated corpus imported with the real CLI
// from one JSONL file, then a fresh process (a restart) opening its first view from the store, and an uncached view.
import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  writeSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { decodeReuseIndex, type ReuseIndexMade } from '../../lib/store/reuseIndexCodec';
import { workerHeapMb } from '../../lib/store/workerHeap';
import type { Article } from '../../lib/types';
import { benchOutlets, generateArticles } from './generate';

/** What the bench reports for the store at one corpus size (bench/latest.json `store` and `scale`). */
export interface StoreFigures {
  backend: string;
  articles: number;
  /**
   * Input MB per second until every article and its analysis is stored: timed by the CLI from the start of its batches
   * (after start-up and reading the existing corpus) to the last batch committed (provenance after, in
   * provenanceSeconds).
   */
  importMbPerSec: number;
  importSeconds: number;
  /** The whole-corpus work after the batches: the version snapshot and reuse detection (provenance). */
  provenanceSeconds: number;
  restartFirstViewMs: number;
  uncachedViewMs: number;
  /** The explorer's default answer (one outlet against the rest), read from the stored vocabulary table. */
  explorerMs: number;
  /** A search of the whole corpus ("rebels"), made on a worker until ready, as the server answers it. */
  searchMs: number;
  /** True when that search was refused past its budget (searchMs is then the time until it was). */
  searchRefused?: boolean;
  /** The first page of a search for a very common word ("the"), as the proxy and the page ask; its rows' total. */
  searchCommonMs?: number;
  searchCommonRows?: number;
  rssMb: number;
  diskMb: number;
  /** Through the data door after the restart: a date-filtered overview (one year, uncached), then a time series. */
  dateViewMs: number;
  /** One term group for five outlets by month: the first view after the restart that reads text and analyses. */
  timeSeriesMs: number;
  /** RSS after the time series (the text and analyses in memory). */
  rssAfterTimeSeriesMb: number;
  /**
   * While the time series waited for the background read of the text and analyses: the 503 "loading" answers it got
   * (asked every 50 ms), and the longest the event loop was held (what any other request waited at most).
   */
  timeSeriesLoadingAnswers?: number;
  timeSeriesMaxStallMs?: number;
  /**
   * Before any view read the whole text: a drill-down (one outlet's labels of armed groups, from the stored mention
   * postings) until answered, its rows and the articles they come from, the loading answers it got, and RSS after it;
   * then an outlet page's article list.
   */
  drillDownMs?: number;
  drillDownRows?: number;
  drillDownArticles?: number;
  drillDownLoadingAnswers?: number;
  rssAfterDrillDownMb?: number;
  outletPageMs?: number;
  /** Whether the time series read the version's text and analyses (false: summed from the stored time cells). */
  timeSeriesReadText?: boolean;
  /** The stored time cells the series is summed from (lib/store/timeCells.ts). */
  timeCellsMb?: number;
  /**
   * Before any view read the whole text: the corpus provenance page with one outlet chosen (stored summary) and the
   * first listed article's provenance page (stored record; it and its partners read alone), until answered, with the
   * waiting answers each got, and RSS after both. Then, after the time series, the corpus page read from the whole
   * provenance decoded against every analysis (the path before the summary), and RSS after it.
   */
  provenancePageMs?: number;
  provenancePageAnswers?: number;
  articleProvenanceMs?: number;
  articleProvenanceAnswers?: number;
  articleProvenancePartners?: number;
  rssAfterProvenanceMb?: number;
  wholeProvenancePageMs?: number;
  rssAfterWholeProvenanceMb?: number;
  /** The provenance worker's own time for the whole corpus (reuse index header), within provenanceSeconds. */
  provenanceWorkerMs: number | null;
  /** The CLI import of one more article: its whole finish (version and provenance), and the worker's provenance time. */
  addOneArticleSeconds: number;
  addOneArticleProvenanceMs: number | null;
  /** Of which reading the previous version's index and provenance, and storing the new provenance. */
  addOneArticleReadWriteMs: number | null;
  /** Articles whose provenance that import computed again (the rest was the previous version's). */
  addOneArticleRecomputed: number | null;
  /** The stored reuse index the next version is made from. */
  reuseIndexMb: number | null;
  /**
   * The import's vocabulary step, by the store's file times: from the version's tallies and index stored to its
   * vocabulary table stored (a worker started, the corpus read, the counts merged, the table written), and the table's
   * size; null when no table was stored.
   */
  vocabularySeconds?: number | null;
  vocabularyTableMb?: number | null;
}

/**
 * The vocabulary step of a store folder's one version of a corpus, by file times: seconds from its last tallies or
 * corpus index file written to its vocabulary table written, and the table's bytes; null without a table.
 */
export function vocabularyStepOf(storeDir: string, corpus: string): { seconds: number; bytes: number } | null {
  const dir = path.join(storeDir, corpus);
  for (const scope of readdirSync(dir)) {
    const names = readdirSync(path.join(dir, scope));
    const table = names.find((n) => n.startsWith('vocabulary-'));
    if (!table) continue;
    const stat = (n: string) => statSync(path.join(dir, scope, n));
    const before = names
      .filter((n) => n.startsWith('tallies-') || n.startsWith('corpus-index-'))
      .map((n) => stat(n).mtimeMs);
    const end = stat(table);
    return { seconds: before.length ? (end.mtimeMs - Math.max(...before)) / 1000 : NaN, bytes: end.size };
  }
  return null;
}

/** The bytes of a corpus's stored derived data of one kind in a store folder (every scope and key), 0 with none. */
export function kindBytesOf(storeDir: string, corpus: string, kind: string): number {
  const dir = path.join(storeDir, corpus);
  let bytes = 0;
  for (const scope of readdirSync(dir))
    for (const name of readdirSync(path.join(dir, scope)))
      if (name.startsWith(`${kind}-`) && name.endsWith('.bin')) bytes += statSync(path.join(dir, scope, name)).size;
  return bytes;
}

/**
 * How the latest reuse index of a corpus in a store folder was made, the version it describes, and its size; null when
 * none is stored.
 */
export function reuseIndexOf(
  storeDir: string,
  corpus: string,
): { made: ReuseIndexMade; version: string; bytes: number } | null {
  const dir = path.join(storeDir, corpus);
  for (const scope of readdirSync(dir)) {
    const file = path.join(dir, scope, 'reuse-index-latest.bin');
    try {
      const bytes = readFileSync(file);
      const index = decodeReuseIndex(bytes, file);
      return { made: index.made, version: index.version, bytes: bytes.length };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return null;
}

/** One JSONL line of a generated article, as a researcher's export would hold it. */
export function jsonlRecord(a: Article): string {
  const body = a.segments.find((s) => s.section === 'body')?.text ?? '';
  return JSON.stringify({ title: a.title, text: body, outlet: a.outlet, date: a.date });
}

/** The number after a flag (`--articles 10000`), or null without the flag; a flag with no positive integer throws. */
export function numberFlag(argv: readonly string[], flag: string): number | null {
  const i = argv.indexOf(flag);
  if (i < 0) return null;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number, e.g. ${flag} 10000`);
  return n;
}

/** The two times an import's summary ends with ("Time: 12.3 s storing …, 4.5 s for the version …"). */
export function importTimes(summary: string): { batches: number; finish: number } {
  const m = /Time: ([\d.]+) s storing articles and analyses, ([\d.]+) s for the version and provenance/.exec(summary);
  if (!m) throw new Error(`the import summary has no Time line: ${summary.slice(-500)}`);
  return { batches: Number(m[1]), finish: Number(m[2]) };
}

/** Rounds to one decimal (the figures' precision). */
export const tenth = (x: number) => Math.round(x * 10) / 10;

/** Bytes under a folder, every file at any depth. */
export function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) n += statSync(path.join(e.parentPath, e.name)).size;
  return n;
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), script, ...args], {
      // The flag also sets the workers' heap (Node's rule): the one a corpus worker gets in the product.
      env: { ...process.env, ...env, NODE_OPTIONS: `--max-old-space-size=${workerHeapMb(undefined, totalmem())}` },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/**
 * A scratch corpus root with an empty corpus `bench` (`outlets` generated outlets, the bundled lexicon) and `articles`
 * generated articles in one JSONL file beside it (written in slices, so the bench holds little), with the environment
 * that points the CLI at that root.
 */
export function benchImportInput(
  pool: string[],
  articles: number,
  seed: number,
  outlets = 40,
): { root: string; file: string; bytes: number; env: Record<string, string> } {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-store-bench-'));
  cpSync(path.join('corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  mkdirSync(path.join(root, 'bench'));
  const manifest = { id: 'bench', title: 'Bench', description: 'generated', outlets: benchOutlets(outlets) };
  const fd = openSync(path.join(root, 'bench', 'corpus.json'), 'w');
  writeSync(fd, JSON.stringify({ ...manifest, outletGroups: [] }));
  closeSync(fd);
  const file = path.join(root, 'input.jsonl');
  const out = openSync(file, 'w');
  const SLICE = 10_000;
  for (let from = 0; from < articles; from += SLICE) {
    const slice = generateArticles(pool, { articles: Math.min(SLICE, articles - from), outlets, seed, from });
    writeSync(out, `${slice.map(jsonlRecord).join('\n')}\n`);
  }
  closeSync(out);
  const env = { FRAMESCOPE_CORPUS_ROOT: root, FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots') };
  return { root, file, bytes: statSync(file).size, env };
}

/**
 * Generates `articles` articles into one JSONL file (in slices, so the bench holds little), imports it with the CLI
 * into a scratch corpus root, then measures a restart's first view and an uncached view in a fresh process.
 */
export async function storeBench(pool: string[], articles: number, seed: number, outlets = 40): Promise<StoreFigures> {
  const { root, file, bytes, env } = benchImportInput(pool, articles, seed, outlets);
  const imported = await run('scripts/import.ts', [file, '--corpus', 'bench'], env);
  if (imported.code > 1)
    throw new Error(`the bench import failed (exit ${imported.code}): ${imported.out.slice(-2000)}`);
  const time = importTimes(imported.out);
  const view = await run('bench/store-view.ts', [], { ...env, FRAMESCOPE_BACKGROUND_ANALYSIS: '1' });
  if (view.code !== 0) throw new Error(`the bench view failed (exit ${view.code}): ${view.out.slice(-2000)}`);
  const full = reuseIndexOf(path.join(root, '.store'), 'bench');
  // Read before the one-article import below stores the next version's table.
  const vocabulary = vocabularyStepOf(path.join(root, '.store'), 'bench');
  const timeCells = kindBytesOf(path.join(root, '.store'), 'bench', 'time-cells');
  const disk = folderBytes(root) - bytes;
  // One more article through the same CLI: the new version's provenance is made from the stored reuse index.
  const one = path.join(root, 'one.jsonl');
  writeFileSync(one, `${generateArticles(pool, { articles: 1, outlets, seed, from: articles }).map(jsonlRecord)[0]}\n`);
  const added = await run('scripts/import.ts', [one, '--corpus', 'bench'], env);
  if (added.code > 1)
    throw new Error(`the bench one-article import failed (exit ${added.code}): ${added.out.slice(-2000)}`);
  const latest = reuseIndexOf(path.join(root, '.store'), 'bench');
  // Only an index of the new version says how that version's provenance was made: when the one-article import made
  // none (its provenance failed: a warning in its output), the figures are null, not the full run's made record again.
  const after = latest && latest.version !== full?.version ? latest : null;
  if (!after) process.stderr.write(`the one-article import stored no new reuse index:\n${added.out.slice(-600)}\n`);
  const v = JSON.parse(view.out.trim().split('\n').pop()!) as {
    firstViewMs: number;
    uncachedViewMs: number;
    explorerMs: number;
    searchMs: number;
    searchRefused: boolean;
    searchCommonMs: number;
    searchCommonRows: number;
    rssMb: number;
    dateViewMs: number;
    timeSeriesMs: number;
    rssAfterTimeSeriesMb: number;
    timeSeriesLoadingAnswers: number;
    timeSeriesMaxStallMs: number;
    drillDownMs: number;
    drillDownRows: number;
    drillDownArticles: number;
    drillDownLoadingAnswers: number;
    rssAfterDrillDownMb: number;
    outletPageMs: number;
    timeSeriesReadText: boolean;
    provenancePageMs: number;
    provenancePageAnswers: number;
    articleProvenanceMs: number;
    articleProvenanceAnswers: number;
    articleProvenancePartners: number;
    rssAfterProvenanceMb: number;
    wholeProvenancePageMs: number;
    rssAfterWholeProvenanceMb: number;
  };
  return {
    backend: 'files',
    articles,
    importMbPerSec: tenth(bytes / 1e6 / time.batches),
    importSeconds: tenth(time.batches),
    provenanceSeconds: tenth(time.finish),
    restartFirstViewMs: Math.round(v.firstViewMs),
    uncachedViewMs: Math.round(v.uncachedViewMs),
    explorerMs: Math.round(v.explorerMs),
    searchMs: Math.round(v.searchMs),
    searchRefused: v.searchRefused,
    searchCommonMs: Math.round(v.searchCommonMs),
    searchCommonRows: v.searchCommonRows,
    rssMb: Math.round(v.rssMb),
    // Article files, the store and the version snapshots: everything the corpus takes on disk, the input excluded.
    diskMb: tenth(disk / 1e6),
    provenanceWorkerMs: full?.made.ms ?? null,
    addOneArticleSeconds: tenth(importTimes(added.out).finish),
    addOneArticleProvenanceMs: after?.made.ms ?? null,
    addOneArticleReadWriteMs: after ? after.made.readMs + after.made.writeMs : null,
    addOneArticleRecomputed: after?.made.recomputed ?? null,
    reuseIndexMb: latest ? tenth(latest.bytes / 1e6) : null,
    vocabularySeconds: vocabulary ? tenth(vocabulary.seconds) : null,
    vocabularyTableMb: vocabulary ? tenth(vocabulary.bytes / 1e6) : null,
    dateViewMs: Math.round(v.dateViewMs),
    timeSeriesMs: Math.round(v.timeSeriesMs),
    rssAfterTimeSeriesMb: Math.round(v.rssAfterTimeSeriesMb),
    timeSeriesLoadingAnswers: v.timeSeriesLoadingAnswers,
    timeSeriesMaxStallMs: Math.round(v.timeSeriesMaxStallMs),
    drillDownMs: Math.round(v.drillDownMs),
    drillDownRows: v.drillDownRows,
    drillDownArticles: v.drillDownArticles,
    drillDownLoadingAnswers: v.drillDownLoadingAnswers,
    rssAfterDrillDownMb: Math.round(v.rssAfterDrillDownMb),
    outletPageMs: Math.round(v.outletPageMs),
    timeSeriesReadText: v.timeSeriesReadText,
    timeCellsMb: tenth(timeCells / 1e6),
    provenancePageMs: Math.round(v.provenancePageMs),
    provenancePageAnswers: v.provenancePageAnswers,
    articleProvenanceMs: Math.round(v.articleProvenanceMs),
    articleProvenanceAnswers: v.articleProvenanceAnswers,
    articleProvenancePartners: v.articleProvenancePartners,
    rssAfterProvenanceMb: Math.round(v.rssAfterProvenanceMb),
    wholeProvenancePageMs: Math.round(v.wholeProvenancePageMs),
    rssAfterWholeProvenanceMb: Math.round(v.rssAfterWholeProvenanceMb),
  };
}
