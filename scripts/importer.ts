// Reads import inputs from disk for `npm run import` and scripts/build-fa-kes.ts, and prints the summary.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { importItems, type ImportItem, type ImportResult } from '../lib/corpus/importer';
import { InputError } from '../lib/errors';
import { progressLine, type ImportArgs } from '../lib/importing/args';
import { quirkText } from '../lib/importing/plan';

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

/** Runs one import from files and folders on disk, with a progress line on stderr. */
export async function runImport(args: ImportArgs): Promise<ImportResult> {
  const items: ImportItem[] = listInputs(args.inputs).map((file) => ({
    name: path.relative(process.cwd(), file) || file,
    bytes: readFileSync(file),
    format: args.format,
  }));
  const t0 = new Map<string, number>();
  // Crash injection for the kill -9 test (lib/corpus/importer.test.ts): "write articles 200" kills this process there.
  const killAt = process.env.FRAMESCOPE_KILL_AT;
  return importItems(items, { ...args }, (what, done, total) => {
    if (killAt === `${what} ${done}`) process.kill(process.pid, 'SIGKILL');
    if (!t0.has(what)) t0.set(what, Date.now());
    const line = progressLine(what, done, total, Date.now() - t0.get(what)!);
    const final = done === total;
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}${final ? '\n' : ''}`);
    else if (final || done % 100 === 0) process.stderr.write(`${line}\n`);
  });
}

/** The summary printed after an import: counts, duplicates, rejections with reasons, text fixes, date formats. */
export function summary(r: ImportResult, corpus: string, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Dry run (nothing written)' : 'Import'} into corpus "${corpus}": ${r.records} records read.`,
    `  imported:   ${dryRun ? r.plan.articles.length : r.written.length}`,
    `  duplicates: ${r.plan.duplicates.length}`,
    `  rejected:   ${r.rejected.length}`,
  ];
  if (r.recovered.length)
    lines.push(`  recovered:  ${r.recovered.length} (validated by an interrupted earlier import, stored now)`);
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
    for (const [rule, q] of r.plan.quirks) lines.push(`  ${quirkText(rule)}: ${q.count} in ${q.articles} articles`);
  }
  if (r.plan.dateFormats.size)
    lines.push(`Date formats read: ${[...r.plan.dateFormats].map(([f, n]) => `${f} × ${n}`).join(', ')}`);
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  if (!dryRun)
    lines.push(
      r.versionBefore === r.versionAfter
        ? `Corpus version unchanged: ${r.versionAfter}`
        : `Corpus version: ${r.versionBefore ?? '(new)'} → ${r.versionAfter}`,
    );
  return lines.join('\n');
}
