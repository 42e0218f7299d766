// Reads import inputs from disk for `npm run import` and scripts/build-fa-kes.ts, and prints the summary.
// JSONL files are read as a stream, line by line, and imported in batches: a file of any size takes constant memory.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  analysePlanned,
  closeSession,
  finishImport,
  openImport,
  planItems,
  storePlanned,
  type ImportItem,
  type ImportResult,
  type PlannedBatch,
} from '../lib/corpus/importer';
import { addResult } from '../lib/corpus/importResult';
import { InputError } from '../lib/errors';
import { streamProgressLine, type ImportArgs } from '../lib/importing/args';
import { CORPUS_ROOT } from '../lib/corpus/load';
import { lineChunker, type LineChunk } from '../lib/importing/chunks';
import { byteLineSplitter, joinLines, type ByteLine } from '../lib/importing/lines';
import type { Rejection } from '../lib/importing/records';
import { formatOf } from '../lib/importing/files';
import { quirkText } from '../lib/importing/plan';

/** Lines and bytes of one streamed JSONL batch; files other than JSONL are imported this many at a time. */
const CHUNK_LINES = 2_000;
const CHUNK_BYTES = 8 * 1024 * 1024;
const FILES_PER_BATCH = 500;
const EMPTY = new Uint8Array();

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

/** The batches of an import: other files in groups, read when their batch comes; each JSONL file in line chunks. */
async function* inputBatches(
  files: string[],
  args: ImportArgs,
): AsyncGenerator<{ items: ImportItem[]; bytes: number }> {
  const name = (file: string) => path.relative(process.cwd(), file) || file;
  const whole = files.filter((f) => (args.format ?? formatOf(f)) !== 'jsonl');
  for (let i = 0; i < whole.length; i += FILES_PER_BATCH) {
    const items = whole.slice(i, i + FILES_PER_BATCH).map((file) => ({
      name: name(file),
      bytes: readFileSync(file),
      format: args.format,
      local: true,
    }));
    yield { items, bytes: items.reduce((n, x) => n + x.bytes.length, 0) };
  }
  for (const file of files.filter((f) => !whole.includes(f))) {
    const chunker = lineChunker(CHUNK_LINES, CHUNK_BYTES);
    // Lines that are not valid UTF-8 are refused with their line number; an empty line holds their place.
    let refused: { line: number; rejection: Rejection }[] = [];
    const item = (c: LineChunk) => {
      const end = c.firstLine + c.lines.length;
      const rejected = refused.filter((r) => r.line < end).map((r) => r.rejection);
      refused = refused.filter((r) => r.line >= end);
      return {
        items: [
          {
            name: name(file),
            bytes: joinLines(c.lines),
            format: 'jsonl' as const,
            firstLine: c.firstLine,
            local: true,
            rejected,
          },
        ],
        bytes: c.bytes,
      };
    };
    let any = false;
    let lineNo = 0;
    const splitter = byteLineSplitter();
    const take = function* (lines: ByteLine[]) {
      for (const l of lines) {
        lineNo++;
        any = true;
        if (l.bytes === null)
          refused.push({
            line: lineNo,
            rejection: {
              where: `${name(file)} line ${lineNo}`,
              reason: `is not valid UTF-8 (first bad byte at byte ${l.badAt + 1} of the line; nothing of it was imported) (save the file as UTF-8, e.g. iconv -f latin1 -t utf-8)`,
            },
          });
        const full = chunker.push(l.bytes ?? EMPTY);
        if (full) yield item(full);
      }
    };
    // Read as bytes, not as a text stream: Node would replace invalid UTF-8 with U+FFFD before anything could refuse it.
    for await (const chunk of createReadStream(file)) yield* take(splitter.push(chunk as Buffer));
    yield* take(splitter.flush());
    const last = chunker.flush();
    if (last) yield item(last);
    // An empty file is still read, so it is rejected with its reason.
    if (!any) yield { items: [{ name: name(file), bytes: new Uint8Array(), format: 'jsonl', local: true }], bytes: 0 };
  }
}

/**
 * Runs one import from files and folders on disk, batch by batch. With stderr a terminal (or --progress), a progress
 * line shows records read, records/s, and the time left from the bytes still to read.
 */
export async function runImport(args: ImportArgs): Promise<ImportResult> {
  const files = listInputs(args.inputs);
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const session = openImport(args);
  const show = process.stderr.isTTY || args.progress;
  // Crash injection for the kill -9 test (lib/corpus/importer.test.ts): "write articles 200" kills this process there.
  const killAt = process.env.FRAMESCOPE_KILL_AT;
  const t0 = Date.now();
  let total: ImportResult | null = null;
  let readBytes = 0;
  const onProgress = (what: string, done: number) => {
    if (killAt === `${what} ${done}`) process.kill(process.pid, 'SIGKILL');
  };
  // Pipelined: while batch k is committed (staged, read back, linked in), batch k+1 is analysed on the analysis workers
  // and batch k+2 read and planned (cleaned on its worker thread). Batches are committed one after another, in input
  // order, each only once its analyses are stored; a failure of a batch still in flight is awaited (and thrown) in turn.
  type Planned = { bytes: number; planned: PlannedBatch };
  const batches = inputBatches(files, args)[Symbol.asyncIterator]();
  const plan = async (b: { items: ImportItem[]; bytes: number }): Promise<Planned> => ({
    bytes: b.bytes,
    planned: await planItems(b.items, { ...args }, onProgress, session),
  });
  const quiet = <T>(p: Promise<T>) => {
    // Awaited on a later turn; a failure must not be reported as unhandled meanwhile.
    p.catch(() => undefined);
    return p;
  };
  try {
    await storeBatches();
  } catch (e) {
    await closeSession(session);
    throw e;
  }
  async function storeBatches() {
    const first = await batches.next();
    let planning: Promise<Planned> | null = first.done ? null : quiet(plan(first.value));
    let analysing: Promise<Planned> | null = null;
    while (planning || analysing) {
      let started: Promise<Planned> | null = null;
      if (planning) {
        const b = await planning;
        // Behind the batch before it (if still analysing): the workers take one batch's articles after the other's.
        const before = analysing;
        started = quiet(
          (async () => {
            await before?.catch(() => undefined);
            await analysePlanned(b.planned, { ...args }, onProgress, session);
            return b;
          })(),
        );
        const after = await batches.next();
        planning = after.done ? null : quiet(plan(after.value));
      }
      if (analysing) {
        const batch = await analysing;
        const r = await storePlanned(batch.planned, { ...args }, onProgress, session, undefined, true);
        total = addResult(total, r);
        readBytes += batch.bytes;
        if (show) {
          const text = streamProgressLine(total.records, readBytes, totalBytes, Date.now() - t0);
          process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${text}` : `${text}\n`);
        }
      }
      analysing = started;
    }
  }
  if (show && process.stderr.isTTY) process.stderr.write('\n');
  const result = total!;
  const batchesDone = Date.now();
  if (args.dryRun || !existsSync(path.join(CORPUS_ROOT, args.corpus, 'corpus.json'))) await closeSession(session);
  else {
    const done = await finishImport(args, session);
    result.versionAfter = done.version;
    for (const w of done.warnings) result.warnings.push(w);
  }
  result.seconds = { batches: (batchesDone - t0) / 1000, finish: (Date.now() - batchesDone) / 1000 };
  return result;
}

/** The time line printed after the summary (not part of it: the summary is kept in IMPORT.md and must not vary). */
export function timeLine(r: ImportResult): string | null {
  if (!r.seconds) return null;
  return `Time: ${r.seconds.batches.toFixed(1)} s storing articles and analyses, ${r.seconds.finish.toFixed(1)} s for the version and provenance`;
}

/** The summary printed after an import: counts, duplicates, rejections with reasons, text fixes, date formats. */
export function summary(r: ImportResult, corpus: string, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Dry run (nothing written)' : 'Import'} into corpus "${corpus}": ${r.records} records read.`,
    `  imported:   ${dryRun ? r.planned : r.written.length}`,
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
