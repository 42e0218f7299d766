// The import pipeline behind `npm run import` and scripts/build-fa-kes.ts: read, plan, write under the corpus lock.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../lib/errors';
import { progressLine, type ImportArgs } from '../lib/importing/args';
import { decodeFile, formatOf } from '../lib/importing/files';
import { articleHash, lexiconNames, planImport, type ImportPlan } from '../lib/importing/plan';
import { QUIRK_TEXT } from '../lib/importing/quirks';
import { readRecords, type ImportRecord, type Rejection } from '../lib/importing/records';
import { CORPUS_ROOT, folderFiles, loadCorpus, loadCorpusFrom } from '../lib/corpus/load';
import { parseLexicon } from '../lib/lexicon/parse';
import { saveSnapshot } from '../lib/corpus/snapshots';
import { addOutlets, withLock, writeArticles } from '../lib/corpus/store';

/** What an import did, for the summary. */
export interface ImportResult {
  plan: ImportPlan;
  rejected: Rejection[];
  records: number;
  written: string[];
  versionBefore: string | null;
  versionAfter: string | null;
}

function listInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) throw new InputError(p, 'does not exist', 'check the path');
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (!f.startsWith('.')) walk(path.join(p, f));
    } else out.push(p);
  };
  inputs.forEach(walk);
  return out;
}

const progress = (line: string, final = false) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}${final ? '\n' : ''}`);
  else if (final) process.stderr.write(`${line}\n`);
};

/** Runs one import: every file's problems become rejections, the rest of the batch still imports. */
export function runImport(args: ImportArgs): ImportResult {
  const dir = path.join(CORPUS_ROOT, args.corpus);
  const exists = existsSync(path.join(dir, 'corpus.json'));
  if (!exists && !args.title) throw new InputError(`corpus "${args.corpus}"`, `does not exist under ${CORPUS_ROOT}`, 'pass --title "..." to create it, or check --corpus');
  const current = exists && existsSync(path.join(dir, 'articles')) ? loadCorpus(dir) : null;
  const lexiconFile = folderFiles(dir).lexicon;
  const lexicon = current?.lexicon ?? parseLexicon(JSON.parse(readFileSync(lexiconFile, 'utf8')), lexiconFile);
  const manifest = exists ? (JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as { outlets: { id: string }[] }) : { outlets: [] };
  const state = {
    outlets: new Set(manifest.outlets.map((o) => o.id)),
    hashes: new Map((current?.articles ?? []).map((a) => [articleHash(a), a.id])),
  };
  const files = listInputs(args.inputs);
  const rejected: Rejection[] = [];
  const records: ImportRecord[] = [];
  const t0 = Date.now();
  files.forEach((file, i) => {
    const name = path.relative(process.cwd(), file) || file;
    const format = args.format ?? formatOf(file);
    try {
      if (!format) throw new InputError(name, 'has an unknown extension', 'use .txt, .html, .json, .jsonl or .csv, or pass --format');
      const r = readRecords(decodeFile(readFileSync(file), name, format), name, format, args.mapping);
      records.push(...r.records);
      rejected.push(...r.rejected);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      rejected.push({ where: e.where, reason: `${e.problem} (${e.fix})` });
    }
    if (i % 25 === 0 || i === files.length - 1) progress(progressLine('read files', i + 1, files.length, Date.now() - t0), i === files.length - 1);
  });
  const plan = planImport(records, state, { outlet: args.outlet, createOutlets: args.createOutlets, dateOrder: args.dateOrder, source: args.source }, lexiconNames(lexicon));
  const result: ImportResult = { plan, rejected: [...rejected, ...plan.rejected], records: records.length, written: [], versionBefore: current?.version ?? null, versionAfter: current?.version ?? null };
  if (args.dryRun || (plan.articles.length === 0 && exists)) return result;
  const t1 = Date.now();
  withLock(dir, () => {
    addOutlets(dir, plan.newOutlets.map((id) => ({ id, name: id, kind: 'imported', country: null, site: null })), exists ? null : {
      id: args.corpus, title: args.title!, description: `Imported with npm run import on ${new Date().toISOString().slice(0, 10)}.`, attribution: args.attribution,
    });
    const chunk = 200;
    for (let i = 0; i < plan.articles.length; i += chunk) {
      const { written, existed } = writeArticles(dir, plan.articles.slice(i, i + chunk));
      result.written.push(...written);
      // Another writer stored the same content between planning and writing.
      for (const id of existed) plan.duplicates.push({ where: id, of: id });
      progress(progressLine('write articles', Math.min(i + chunk, plan.articles.length), plan.articles.length, Date.now() - t1), i + chunk >= plan.articles.length);
    }
  });
  const files2 = folderFiles(dir);
  const after = loadCorpusFrom(files2);
  saveSnapshot(after, files2);
  result.versionAfter = after.version;
  return result;
}

/** The summary printed after an import: counts, duplicates, rejections with reasons, text fixes, date formats. */
export function summary(r: ImportResult, corpus: string, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Dry run (nothing written)' : 'Import'} into corpus "${corpus}": ${r.records} records read.`,
    `  imported:   ${dryRun ? r.plan.articles.length : r.written.length}`,
    `  duplicates: ${r.plan.duplicates.length}`,
    `  rejected:   ${r.rejected.length}`,
  ];
  if (r.plan.newOutlets.length) lines.push(`  new outlets: ${r.plan.newOutlets.join(', ')}`);
  if (r.plan.duplicates.length) {
    lines.push('Duplicates (same text as an article already stored or earlier in this batch):');
    for (const d of r.plan.duplicates.slice(0, 20)) lines.push(`  ${d.where} = ${d.of}`);
    if (r.plan.duplicates.length > 20) lines.push(`  … and ${r.plan.duplicates.length - 20} more`);
  }
  if (r.rejected.length) {
    lines.push('Rejected:');
    for (const x of r.rejected) lines.push(`  ${x.where}: ${x.reason}`);
  }
  if (r.plan.quirks.size) {
    lines.push('Text fixes (counts over imported articles):');
    for (const [rule, q] of r.plan.quirks) lines.push(`  ${QUIRK_TEXT[rule] ?? rule}: ${q.count} in ${q.articles} articles`);
  }
  if (r.plan.dateFormats.size) lines.push(`Date formats read: ${[...r.plan.dateFormats].map(([f, n]) => `${f} × ${n}`).join(', ')}`);
  if (!dryRun) lines.push(r.versionBefore === r.versionAfter ? `Corpus version unchanged: ${r.versionAfter}` : `Corpus version: ${r.versionBefore ?? '(new)'} → ${r.versionAfter}`);
  return lines.join('\n');
}
