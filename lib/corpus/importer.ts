import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, parseJsonInput } from '../errors';
import type { DateOrder } from '../importing/dates';
import { decodeFile, formatOf, type Format } from '../importing/files';
import { articleHash, lexiconNames, type ImportPlan } from '../importing/plan';
import { readRecords, type ImportRecord, type Mapping, type Rejection } from '../importing/records';
import { parseLexicon } from '../lexicon/parse';
import type { Lexicon, Outlet } from '../types';
import {
  applyStage,
  hasStagedBatches,
  isFsError,
  readBackProblem,
  recoverStages,
  stageBatch,
  StorageError,
} from './commit';
import { CORPUS_ROOT, folderFiles, loadCorpus } from './load';
import { planOffThread } from './offThread';
import { parseManifest } from './manifest';
import { recordVersion } from './snapshots';
import { manifestWithOutlets, withLock } from './store';

/** One input file's name and bytes (from disk or an upload). */
export interface ImportItem {
  name: string;
  bytes: Uint8Array;
  /** Forced format; null reads it from the name's extension. */
  format: Format | null;
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
  /** Ids of the article files this import stored (exactly these, also after a partial failure). */
  written: string[];
  versionBefore: string | null;
  versionAfter: string | null;
  /** The lexicon the import used (the corpus's own, or the bundled default), e.g. to preview mentions. */
  lexicon: Lexicon;
  /** Ids of articles an interrupted earlier import had validated, stored now by finishing its commit. */
  recovered: string[];
  /** Problems after the articles were stored (e.g. the version snapshot could not be written); the import itself stands. */
  warnings: string[];
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
): Promise<ImportResult> {
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
    hashes: new Map((current?.articles ?? []).map((a) => [articleHash(a), a.id])),
  };
  const rejected: Rejection[] = [];
  const records: ImportRecord[] = [];
  items.forEach((item, i) => {
    const format = item.format ?? formatOf(item.name);
    try {
      if (!format)
        throw new InputError(
          item.name,
          'has an unknown extension',
          'use .txt, .html, .json, .jsonl or .csv, or choose the format',
        );
      const r = readRecords(decodeFile(item.bytes, item.name, format), item.name, format, o.mapping);
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
  );
  dropUnreadable(plan, new Set([...state.outlets, ...plan.newOutlets]));
  const result: ImportResult = {
    plan,
    rejected: [...rejected, ...plan.rejected],
    records: records.length,
    written: [],
    versionBefore: current?.version ?? null,
    versionAfter: current?.version ?? null,
    lexicon,
    warnings: [],
    recovered: [],
  };
  // With nothing new to store, the lock is still taken when a crashed import left a batch to finish.
  if (o.dryRun || (plan.articles.length === 0 && exists && !hasStagedBatches(dir))) return result;
  await withLock(dir, () => {
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
    const stage = stageBatch(dir, plan.articles, newManifest, ids, (done, total) =>
      onProgress?.('stage articles', done, total),
    );
    onProgress?.('validate articles', plan.articles.length, plan.articles.length);
    try {
      const { written, existed } = applyStage(dir, stage, (done, total) => onProgress?.('write articles', done, total));
      result.written = written;
      // Another writer (or the recovery above) stored the same content after the plan: a duplicate, not a second copy.
      const recovered = new Set(result.recovered);
      for (const id of existed) if (!recovered.has(id)) plan.duplicates.push({ where: id, of: id });
    } catch (e) {
      if (e instanceof StorageError) result.written = e.stored;
      throw e;
    }
  });
  try {
    result.versionAfter = (await recordVersion(dir)).version;
  } catch (e) {
    // The articles are stored; a snapshot that cannot be written (full disk) must not turn that into a failure.
    if (!isFsError(e)) throw e;
    result.versionAfter = loadCorpus(dir).version;
    result.warnings.push(
      `the version snapshot could not be written (${e.code}); the corpus is stored and serves, and the snapshot is written by the next successful write`,
    );
  }
  return result;
}

// corpus.json of a corpus that has no articles yet (loadCorpus needs articles), with the loader's messages.
function readManifestFile(dir: string, corpus: string) {
  const where = `${corpus}/corpus.json`;
  return parseManifest(parseJsonInput(readFileSync(path.join(dir, 'corpus.json'), 'utf8'), where), where);
}

// Articles whose file would not read back exactly (and so would break or silently change the corpus) are rejected here.
function dropUnreadable(plan: ImportPlan, outletIds: ReadonlySet<string>): void {
  const kept = [];
  for (const a of plan.articles) {
    const problem = readBackProblem(a, outletIds);
    if (problem) plan.rejected.push({ where: plan.origin.get(a.id) ?? a.id, reason: problem });
    else kept.push(a);
  }
  plan.articles = kept;
  const used = new Set(kept.map((a) => a.outlet));
  plan.newOutlets = plan.newOutlets.filter((id) => used.has(id));
}
