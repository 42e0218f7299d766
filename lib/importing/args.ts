import { InputError } from '../errors';
import type { DateOrder } from './dates';
import { formatOf, type Format } from './files';
import { parseMapping, type Mapping } from './records';

/** Parsed flags of the import CLI. */
export interface ImportArgs {
  inputs: string[];
  corpus: string;
  title: string | null;
  attribution: string | null;
  outlet: string | null;
  createOutlets: boolean;
  mapping: Mapping;
  format: Format | null;
  dateOrder: DateOrder;
  source: string | null;
  dryRun: boolean;
  /** Print the progress line on stderr even when it is not a terminal. */
  progress: boolean;
}

/** The import CLI's usage line. */
export const IMPORT_USAGE =
  'npm run import -- <files, folders or a CSV/JSON/JSONL file> --corpus ID [--title T] [--attribution A] [--outlet ID] [--create-outlets] [--map title=COL,text=COL,outlet=COL,date=COL,url=COL] [--format text|html|json|jsonl|csv] [--date-order mdy|dmy] [--source NAME] [--dry-run] [--progress]';

/** Parses the import CLI's arguments, rejecting unknown flags and bad values with the usage line. */
export function parseImportArgs(argv: string[]): ImportArgs {
  const out: ImportArgs = {
    inputs: [],
    corpus: '',
    title: null,
    attribution: null,
    outlet: null,
    createOutlets: false,
    mapping: {},
    format: null,
    dateOrder: 'mdy',
    source: null,
    dryRun: false,
    progress: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(`flag ${flag}`, 'needs a value', IMPORT_USAGE);
      return v;
    };
    if (!flag.startsWith('--')) out.inputs.push(flag);
    else if (flag === '--corpus') out.corpus = value();
    else if (flag === '--title') out.title = value();
    else if (flag === '--attribution') out.attribution = value();
    else if (flag === '--outlet') out.outlet = value();
    else if (flag === '--create-outlets') out.createOutlets = true;
    else if (flag === '--map') out.mapping = parseMapping(value());
    else if (flag === '--source') out.source = value();
    else if (flag === '--dry-run') out.dryRun = true;
    else if (flag === '--progress') out.progress = true;
    else if (flag === '--format') {
      const v = value();
      const f = formatOf(`x.${v}`);
      if (!f) throw new InputError('--format', `"${v}" is not text, html, json, jsonl or csv`, IMPORT_USAGE);
      out.format = f;
    } else if (flag === '--date-order') {
      const v = value();
      if (v !== 'mdy' && v !== 'dmy') throw new InputError('--date-order', `"${v}" is not mdy or dmy`, IMPORT_USAGE);
      out.dateOrder = v;
    } else throw new InputError(`argument "${flag}"`, 'is not a known flag', IMPORT_USAGE);
  }
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(out.corpus))
    throw new InputError('--corpus', out.corpus ? `"${out.corpus}" is not an id` : 'is required', IMPORT_USAGE);
  if (out.inputs.length === 0) throw new InputError('import', 'names no files or folders', IMPORT_USAGE);
  return out;
}

/** One progress line: items done of total, rate and time left. */
export function progressLine(what: string, done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - done) / rate : NaN;
  const eta = Number.isFinite(left) ? `${left < 1 ? left.toFixed(1) : Math.round(left)} s left` : 'estimating';
  return `${what} ${done}/${total} (${total > 0 ? Math.floor((100 * done) / total) : 100}%) · ${rate.toFixed(0)}/s · ${eta}`;
}

/** The streamed import's progress line: records read and their rate, bytes read of all, and the time left by bytes. */
export function streamProgressLine(records: number, readBytes: number, totalBytes: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (records * 1000) / elapsedMs : 0;
  const byteRate = elapsedMs > 0 ? readBytes / elapsedMs : 0;
  const left = byteRate > 0 ? (totalBytes - readBytes) / byteRate / 1000 : NaN;
  const eta = Number.isFinite(left) ? `${left < 1 ? left.toFixed(1) : Math.round(left)} s left` : 'estimating';
  const pct = totalBytes > 0 ? Math.floor((100 * readBytes) / totalBytes) : 100;
  return `records ${records} · ${rate.toFixed(0)} records/s · ${(readBytes / 1e6).toFixed(1)} of ${(totalBytes / 1e6).toFixed(1)} MB (${pct}%) · ${eta}`;
}
