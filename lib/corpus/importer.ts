import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, parseJsonInput } from '../errors';
import type { DateOrder } from '../importing/dates';
import { decodeFile, formatOf, type Format } from '../importing/files';
import { articleHash, lexiconNames, type ImportPlan } from '../importing/plan';
import { readRecords, type ImportRecord, type Mapping, type Rejection } from '../importing/records';
import { parseLexicon } from '../lexicon/parse';
import type { Lexicon, Outlet } from '../types';
import type { CorpusState } from '../importing/plan';
import { ContentHashes } from '../importing/contentHashes';
import { applyStage, hasStagedBatches, isFsError, recoverStages, stageBatch, StorageError } from './commit';
import { CORPUS_ROOT, folderFiles, loadCorpus, type LoadedCorpus } from './load';
import { planOffThread, planSession, type PlanSession } from './offThread';
import { parseManifest } from './manifest';
import { publishStage } from './publish';
import { manifestWithOutlets, withLock } from './store';
import { analysisPool, type AnalysisPool } from '../store/analyse';
import type { Counter } from '../vocabulary/table';
import { storedTextCounter } from '../vocabulary/whole';
import { analyseCorpus, completeCorpus, tracked } from '../store/prepare';
import { recordVersionOffThread } from '../store/analyse';

/** One input file's name and bytes (from disk or an upload). */
export interface ImportItem {
  name: string;
  bytes: Uint8Array;
  /** Forced format; null reads it from the name's extension. */
  format: Format | null;
  /** Line number of the first line of `bytes` in its file (a chunk of a streamed JSONL file); 1 when absent. */
  firstLine?: number;
  /** A local file read by the CLI: the upload limit on CSV/JSON/JSONL files does not apply. */
  local?: boolean;
  /** Lines refused while the file was read (not valid UTF-8), reported with the batch's other rejections. */
  rejected?: Rejection[];
}

/** Choices of one import. */
export interface ImportOptions {
  corpus: string;
  /** Title of a corpus to create; null means the corpus must exist. */
  title: string | null;
  attribution: string | null;
  outlet: string | null;
  createOutlets: boolean;
  /** Display names for outlets the import creates. */
  outletNames?: Record<string, string>;
  mapping: Mapping;
  dateOrder: DateOrder;
  source: string | null;
  dryRun: boolean;
}

/** What an import did: the plan, every rejection, what was stored, and the corpus version before and after. */
export interface ImportResult {
  plan: ImportPlan;
  rejected: Rejection[];
  records: number;
  /** How many articles the plan would store (what a dry run reports as imported). */
  planned: number;
  /** Ids of the article files this import stored (exactly these, also after a partial failure). */
  written: string[];
  versionBefore: string | null;
  versionAfter: string | null;
  /** The lexicon the import used (the corpus's own, or the bundled default), e.g. to preview mentions. */
  lexicon: Lexicon;
  /** Ids of articles an interrupted earlier import had validated, stored now by finishing its commit. */
  recovered: string[];
  /** A streamed CLI import's time: storing the batches (articles and analyses), then the version and provenance. */
  seconds?: { batches: number; finish: number };
  /** Problems after the articles were stored (e.g. the version snapshot could not be written); the import itself stands. */
  warnings: string[];
}

/**
 * What a stream of batches into one corpus carries from batch to batch, so the corpus is read once, not once per batch:
 * its state (outlets, content hashes of stored articles) grows with each committed batch. The corpus's own unanalysed
 * articles and the new version's provenance are completed once, by finishImport.
 */
export interface ImportSession {
  exists: boolean;
  current: LoadedCorpus | null;
  lexicon: Lexicon;
  state: CorpusState & { groups: Set<string> };
  batches: number;
  /**
   * The analysis workers, kept from batch to batch, with the vocabulary counts of the articles they analysed (made in
   * the same pass; collected for the version's table and the pool closed by finishImport).
   */
  pool?: AnalysisPool;
  /** The plan worker, kept from batch to batch with the stored articles' content hashes (closed by finishImport). */
  planner?: PlanSession;
}

/** Reads what an import into a corpus needs to know of it (refusing a missing corpus without a title). */
export function openImport(o: Pick<ImportOptions, 'corpus' | 'title'>): ImportSession {
  const dir = path.join(CORPUS_ROOT, o.corpus);
  const exists = existsSync(path.join(dir, 'corpus.json'));
  if (!exists && !o.title)
    throw new InputError(`corpus "${o.corpus}"`, 'does not exist', 'pass a title to create it, or check the corpus id');
  const current = exists && existsSync(path.join(dir, 'articles')) ? loadCorpus(dir) : null;
  const lexiconFile = folderFiles(dir).lexicon;
  const lexicon =
    current?.lexicon ?? parseLexicon(JSON.parse(readFileSync(lexiconFile, 'utf8')), path.basename(lexiconFile));
  const manifest = current ?? (exists ? readManifestFile(dir, o.corpus) : { outlets: [], outletGroups: [] });
  const state = {
    outlets: new Set(manifest.outlets.map((x) => x.id)),
    groups: new Set(manifest.outletGroups.map((g) => g.id)),
    hashes: new ContentHashes(),
  };
  for (const a of current?.articles ?? []) state.hashes.set(articleHash(a), a.id);
  return { exists, current, lexicon, state, batches: 0 };
}

/**
 * Completes a streamed import that stored something: records the new version, then completes the corpus's analyses and
 * provenance. Returns the version and warnings for the summary.
 */
export async function finishImport(
  o: Pick<ImportOptions, 'corpus'>,
  session: ImportSession | null = null,
): Promise<{ version: string; warnings: string[] }> {
  const counted = (await session?.pool?.collect()) ?? undefined;
  await closeSession(session);
  const warnings: string[] = [];
  const dir = path.join(CORPUS_ROOT, o.corpus);
  const version = await recordOrWarn(dir, warnings);
  // Only the CLI streams: no request shares its cores, so provenance runs beside the other steps.
  await completeStore(o.corpus, dir, warnings, counted, true);
  return { version, warnings };
}

/** Stops a session's workers (analysis and planning) without finishing the import (a dry run, a failed batch). */
export async function closeSession(session: ImportSession | null): Promise<void> {
  await session?.pool?.close();
  await session?.planner?.close();
}

// Records the corpus's version; a snapshot that cannot be written (full disk) is a warning, not a failed import.
async function recordOrWarn(dir: string, warnings: string[]): Promise<string> {
  try {
    // On a worker: loading every article and writing the snapshot would hold up the server's other requests.
    return await recordVersionOffThread(dir);
  } catch (e) {
    if (!isFsError(e)) throw e;
    warnings.push(
      `the version snapshot could not be written (${e.code}); the corpus is stored and serves, and the snapshot is written by the next successful write`,
    );
    return loadCorpus(dir).version;
  }
}

/**
 * Reads, validates, cleans and (unless a dry run) stores a batch. A bad file or record is rejected with its reason and the
 * rest imports. Storing is staged: every article file and the new corpus.json are written beside the corpus and read
 * back with the loader's checks, and only a batch that reads back whole is committed (each file by an atomic link or
 * rename). A crash mid-commit is finished by the next write; a re-run stores only what is missing.
 */
export async function importItems(
  items: ImportItem[],
  o: ImportOptions,
  onProgress?: (what: string, done: number, total: number) => void,
  session: ImportSession | null = null,
): Promise<ImportResult> {
  const opened = session ?? openImport(o);
  return storePlanned(await planItems(items, o, onProgress, session, opened), o, onProgress, session, opened);
}

/** A batch read, cleaned and checked (duplicates found), not yet analysed or stored. */
export interface PlannedBatch {
  records: number;
  rejected: Rejection[];
  plan: ImportPlan;
}

/**
 * The first half of importItems: reads and plans a batch. In a session (not a dry run) the session's state takes the
 * batch's articles and outlets at once, so the next batch can be planned while this one is analysed and stored (the
 * streamed CLI import does); a batch that then fails to store ends the import.
 */
export async function planItems(
  items: ImportItem[],
  o: ImportOptions,
  onProgress?: (what: string, done: number, total: number) => void,
  session: ImportSession | null = null,
  opened: ImportSession = session ?? openImport(o),
): Promise<PlannedBatch> {
  const { lexicon, state } = opened;
  if (session) session.batches++;
  const rejected: Rejection[] = [];
  const records: ImportRecord[] = [];
  items.forEach((item, i) => {
    for (const x of item.rejected ?? []) rejected.push(x);
    const format = item.format ?? formatOf(item.name);
    try {
      if (!format)
        throw new InputError(
          item.name,
          'has an unknown extension',
          'use .txt, .html, .json, .jsonl or .csv, or choose the format',
        );
      const text = decodeFile(item.bytes, item.name, format, item.local ? Infinity : undefined);
      const r = readRecords(text, item.name, format, o.mapping, item.firstLine);
      // A loop, not push(...list): spreading 150,000 records overflows the call stack.
      for (const x of r.records) records.push(x);
      for (const x of r.rejected) rejected.push(x);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      rejected.push({ where: e.where, reason: `${e.problem} (${e.fix})` });
    }
    onProgress?.('read files', i + 1, items.length);
  });
  // A large batch is cleaned in a worker thread with a time budget per record (lib/corpus/offThread.ts).
  const plan = await planOffThread(
    records,
    state,
    { outlet: o.outlet, createOutlets: o.createOutlets, dateOrder: o.dateOrder, source: o.source },
    lexiconNames(lexicon),
    undefined,
    session && !o.dryRun ? (session.planner ??= planSession()) : null,
  );
  dropUnreadable(plan);
  if (session && !o.dryRun) {
    // The next batch sees this one's articles and outlets as stored.
    for (const a of plan.articles) {
      const hash = plan.hashes.get(a.id) ?? articleHash(a);
      session.state.hashes.set(hash, a.id);
      session.planner?.added.push([hash, a.id]);
    }
    for (const x of plan.newOutlets) session.state.outlets.add(x);
  }
  return { records: records.length, rejected, plan };
}

/**
 * The analysis step of storePlanned on its own: a streamed import analyses a batch while the batch before it is committed
 * (then stores it with `analysed`), so the analysis workers need not wait for the commit. No article is committed before
 * its analysis is stored either way.
 */
export async function analysePlanned(
  planned: PlannedBatch,
  o: ImportOptions,
  onProgress?: (what: string, done: number, total: number) => void,
  session: ImportSession | null = null,
  opened: ImportSession = session ?? openImport(o),
  counted?: Counter,
): Promise<void> {
  const { plan } = planned;
  if (o.dryRun || plan.articles.length === 0) return;
  // Analysed before anything is committed, on worker threads: a crash leaves stored analyses that no article counts
  // yet (keyed by content, so a re-run finds them), never an article without its analysis.
  try {
    // The corpus's own articles too: those a hand edit or an older server left unanalysed are made once, here.
    const all = session ? plan.articles : [...(opened.current?.articles ?? []), ...plan.articles];
    await tracked(o.corpus, 'import', (p) =>
      analyseCorpus(
        p,
        all,
        opened.lexicon,
        (done, total) => onProgress?.('analyse articles', done, total),
        session ? (session.pool ??= analysisPool(opened.lexicon)) : undefined,
        counted,
      ),
    );
  } catch (e) {
    // No article is committed yet: a full disk here stores nothing (analyses already stored are kept for a re-run).
    if (isFsError(e)) throw new StorageError(e.code!, []);
    throw e;
  }
}

/**
 * The second half of importItems: analyses and stores a planned batch (see importItems); `analysed`: analysePlanned
 * has already analysed it.
 */
export async function storePlanned(
  planned: PlannedBatch,
  o: ImportOptions,
  onProgress?: (what: string, done: number, total: number) => void,
  session: ImportSession | null = null,
  opened: ImportSession = session ?? openImport(o),
  analysed = false,
): Promise<ImportResult> {
  const dir = path.join(CORPUS_ROOT, o.corpus);
  const { exists, current, lexicon, state } = opened;
  const { plan, rejected } = planned;
  const result: ImportResult = {
    plan,
    rejected: [...rejected, ...plan.rejected],
    records: planned.records,
    planned: plan.articles.length,
    written: [],
    versionBefore: current?.version ?? null,
    versionAfter: current?.version ?? null,
    lexicon,
    warnings: [],
    recovered: [],
  };
  // With nothing new to store, the lock is still taken when a crashed import left a batch to finish.
  if (o.dryRun) return result;
  if (plan.articles.length === 0 && !exists && !hasStagedBatches(dir)) {
    // A corpus is created with its first article: with none, its manifest would list no outlet, and that error would
    // hide the rejections, which are the answer.
    result.warnings.push(`corpus "${o.corpus}" was not created: no record could be imported (see the rejections)`);
    return result;
  }
  if (plan.articles.length === 0 && exists && !hasStagedBatches(dir)) {
    // Nothing new, but a killed earlier run may have committed articles without their version's provenance.
    if (current && !session) await completeStore(o.corpus, dir, result.warnings);
    return result;
  }
  // The vocabulary of the articles analysed here, counted in the same pass (the version's table is made from it); a
  // session's pool keeps its counts until finishImport collects them.
  const counted = session ? undefined : storedTextCounter(lexicon.groups);
  if (!analysed) await analysePlanned(planned, o, onProgress, session, opened, counted);
  await withLock(dir, async () => {
    result.recovered = recoverStages(dir);
    const outlets: Outlet[] = plan.newOutlets.map((id) => ({
      id,
      name: o.outletNames?.[id] ?? id,
      kind: 'imported',
      country: null,
      site: null,
    }));
    const manifestFile = path.join(dir, 'corpus.json');
    // Read again under the lock: another writer may have added outlets since the plan was made.
    const now = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : null;
    const create =
      now === null
        ? {
            id: o.corpus,
            title: o.title!,
            description: `Imported on ${new Date().toISOString().slice(0, 10)}.`,
            attribution: o.attribution,
          }
        : null;
    const newManifest = manifestWithOutlets(now, outlets, create, `${o.corpus}/corpus.json`);
    const ids = new Set([...state.outlets, ...plan.newOutlets]);
    if (plan.articles.length === 0 && newManifest === null) return;
    const stage = stageBatch(
      dir,
      plan.articles,
      newManifest,
      ids,
      (done, total) => onProgress?.('stage articles', done, total),
      plan.files,
    );
    onProgress?.('validate articles', plan.articles.length, plan.articles.length);
    // With DATABASE_URL the batch is stored in PostgreSQL first, in one transaction; the folder is its replica.
    const shared = await publishStage(dir, stage);
    try {
      const local = applyStage(dir, stage, (done, total) => onProgress?.('write articles', done, total));
      const written = shared ?? local.written;
      const existed = shared ? stage.ids.filter((id) => !shared.includes(id)) : local.existed;
      result.written = written;
      // Another writer (or the recovery above) stored the same content after the plan: a duplicate, not a second copy.
      const recovered = new Set(result.recovered);
      for (const id of existed) if (!recovered.has(id)) plan.duplicates.push({ where: id, of: id });
    } catch (e) {
      if (e instanceof StorageError) result.written = e.stored;
      throw e;
    }
  });
  // A streamed import records one version at its end (finishImport), not one per batch.
  if (!session) result.versionAfter = await recordOrWarn(dir, result.warnings);
  if (session) {
    // The next batch's store sees the corpus as existing (its articles and outlets are in the state since planning).
    session.exists = true;
  } else {
    // The new version's provenance (reuse across the whole corpus) is made on a worker, so no view makes it.
    await completeStore(o.corpus, dir, result.warnings, counted);
  }
  return result;
}

// Makes what the store lacks for the corpus's current version; a failure is a warning (the server makes it later).
async function completeStore(
  corpus: string,
  dir: string,
  warnings: string[],
  counted?: Counter,
  parallel = false,
): Promise<void> {
  try {
    await tracked(corpus, 'import', (p) => completeCorpus(p, dir, counted, { parallel }));
  } catch (e) {
    warnings.push(
      `the new version's analyses could not all be stored (${(e as Error).message}); the server makes them in the background`,
    );
  }
}

// corpus.json of a corpus that has no articles yet (loadCorpus needs articles), with the loader's messages.
function readManifestFile(dir: string, corpus: string) {
  const where = `${corpus}/corpus.json`;
  return parseManifest(parseJsonInput(readFileSync(path.join(dir, 'corpus.json'), 'utf8'), where), where);
}

// Articles whose file would not read back exactly (and so would break or silently change the corpus) are rejected here,
// after the batch's other rejections; planImport found them (articleFileBytes) without serialising anything twice.
function dropUnreadable(plan: ImportPlan): void {
  const kept = [];
  for (const a of plan.articles) {
    const problem = plan.unreadable.get(a.id);
    if (problem !== undefined) {
      plan.rejected.push({ where: plan.origin.get(a.id) ?? a.id, reason: problem });
      plan.hashes.delete(a.id);
      plan.unreadable.delete(a.id);
    } else kept.push(a);
  }
  plan.articles = kept;
  const used = new Set(kept.map((a) => a.outlet));
  plan.newOutlets = plan.newOutlets.filter((id) => used.has(id));
}
