import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';
import type { DateOrder } from '../importing/dates';
import { decodeFile, formatOf, type Format } from '../importing/files';
import { articleHash, lexiconNames, planImport, type ImportPlan } from '../importing/plan';
import { readRecords, type ImportRecord, type Mapping, type Rejection } from '../importing/records';
import { parseLexicon } from '../lexicon/parse';
import type { Lexicon, Outlet } from '../types';
import { CORPUS_ROOT, folderFiles, loadCorpus, loadCorpusFrom } from './load';
import { saveSnapshot } from './snapshots';
import { addOutlets, withLock, writeArticles } from './store';

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

/** What an import did: the plan, every rejection, and the corpus version before and after. */
export interface ImportResult {
  plan: ImportPlan;
  rejected: Rejection[];
  records: number;
  written: string[];
  versionBefore: string | null;
  versionAfter: string | null;
  /** The lexicon the import used (the corpus's own, or the bundled default), e.g. to preview mentions. */
  lexicon: Lexicon;
}

/**
 * Reads, validates, cleans and (unless a dry run) writes a batch; a bad file or record is rejected and the rest
 * imports.
 */
export function importItems(
  items: ImportItem[],
  o: ImportOptions,
  onProgress?: (what: string, done: number, total: number) => void,
): ImportResult {
  const dir = path.join(CORPUS_ROOT, o.corpus);
  const exists = existsSync(path.join(dir, 'corpus.json'));
  if (!exists && !o.title)
    throw new InputError(
      `corpus "${o.corpus}"`,
      `does not exist under ${CORPUS_ROOT}`,
      'pass a title to create it, or check the corpus id',
    );
  const current = exists && existsSync(path.join(dir, 'articles')) ? loadCorpus(dir) : null;
  const lexiconFile = folderFiles(dir).lexicon;
  const lexicon = current?.lexicon ?? parseLexicon(JSON.parse(readFileSync(lexiconFile, 'utf8')), lexiconFile);
  const manifest = exists
    ? (JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as { outlets: { id: string }[] })
    : { outlets: [] };
  const state = {
    outlets: new Set(manifest.outlets.map((x) => x.id)),
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
      records.push(...r.records);
      rejected.push(...r.rejected);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      rejected.push({ where: e.where, reason: `${e.problem} (${e.fix})` });
    }
    onProgress?.('read files', i + 1, items.length);
  });
  const plan = planImport(
    records,
    state,
    { outlet: o.outlet, createOutlets: o.createOutlets, dateOrder: o.dateOrder, source: o.source },
    lexiconNames(lexicon),
  );
  const result: ImportResult = {
    plan,
    rejected: [...rejected, ...plan.rejected],
    records: records.length,
    written: [],
    versionBefore: current?.version ?? null,
    versionAfter: current?.version ?? null,
    lexicon,
  };
  if (o.dryRun || (plan.articles.length === 0 && exists)) return result;
  withLock(dir, () => {
    const outlets: Outlet[] = plan.newOutlets.map((id) => ({
      id,
      name: o.outletNames?.[id] ?? id,
      kind: 'imported',
      country: null,
      site: null,
    }));
    addOutlets(
      dir,
      outlets,
      exists
        ? null
        : {
            id: o.corpus,
            title: o.title!,
            description: `Imported on ${new Date().toISOString().slice(0, 10)}.`,
            attribution: o.attribution,
          },
    );
    const chunk = 200;
    for (let i = 0; i < plan.articles.length; i += chunk) {
      const { written, existed } = writeArticles(dir, plan.articles.slice(i, i + chunk));
      result.written.push(...written);
      // Another writer stored the same content between planning and writing: a duplicate, not a second copy.
      for (const id of existed) plan.duplicates.push({ where: id, of: id });
      onProgress?.('write articles', Math.min(i + chunk, plan.articles.length), plan.articles.length);
    }
  });
  const files = folderFiles(dir);
  const after = loadCorpusFrom(files);
  saveSnapshot(after, files);
  result.versionAfter = after.version;
  return result;
}
