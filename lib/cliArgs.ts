import { InputError } from './errors';
import type { AnalysisOptions } from './types';
import type { DateRange } from './analysis/filters';
import { isIsoDate } from './time/bin';

/** Parsed flags of the analysis CLI. */
export interface CliArgs {
  json: boolean;
  corpus: string | null;
  out: string | null;
  options: Partial<AnalysisOptions>;
  /** Articles dated in this range only (undated ones left out and counted apart when either end is set). */
  range: DateRange;
  /** Distinctive vocabulary of this outlet or group instead of the export (README "Vocabulary and search"). */
  vocabulary: { outlet: string; vs: string | null; minCount: number } | null;
}

const USAGE =
  'flags: --json, --corpus DIR, --voice all|own, --scope all|body, --provenance all|original|reused, --alpha0 N (> 0), --from YYYY-MM-DD, --to YYYY-MM-DD, --out FILE, --vocabulary OUTLET [--vs OTHER] [--min N]';

/** Parses the analysis CLI's flags, rejecting unknown flags and bad values with a usage hint. */
export function parseCliArgs(argv: string[]): CliArgs {
  const out: CliArgs = {
    json: false,
    corpus: null,
    out: null,
    options: {},
    range: { from: null, to: null },
    vocabulary: null,
  };
  let vs: string | null = null;
  let min: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(`flag ${flag}`, 'needs a value', USAGE);
      return v;
    };
    if (flag === '--json') out.json = true;
    else if (flag === '--corpus') out.corpus = value();
    else if (flag === '--out') out.out = value();
    else if (flag === '--voice') {
      const v = value();
      if (v !== 'all' && v !== 'own') throw new InputError('--voice', `"${v}" is not all or own`, USAGE);
      out.options.voice = v;
    } else if (flag === '--scope') {
      const v = value();
      if (v !== 'all' && v !== 'body') throw new InputError('--scope', `"${v}" is not all or body`, USAGE);
      out.options.scope = v;
    } else if (flag === '--provenance') {
      const v = value();
      if (v !== 'all' && v !== 'original' && v !== 'reused')
        throw new InputError('--provenance', `"${v}" is not all, original or reused`, USAGE);
      out.options.provenance = v;
    } else if (flag === '--alpha0') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0)
        throw new InputError('--alpha0', `"${argv[i]}" is not a positive number`, USAGE);
      out.options.alpha0 = v;
    } else if (flag === '--from' || flag === '--to') {
      const v = value();
      if (!isIsoDate(v)) throw new InputError(flag, `"${v}" is not a date written YYYY-MM-DD`, USAGE);
      out.range[flag === '--from' ? 'from' : 'to'] = v;
    } else if (flag === '--vocabulary') out.vocabulary = { outlet: value(), vs: null, minCount: 5 };
    else if (flag === '--vs') vs = value();
    else if (flag === '--min') {
      const v = value();
      if (!/^[1-9][0-9]{0,3}$/.test(v))
        throw new InputError('--min', `"${v}" is not a whole number from 1 to 9999`, USAGE);
      min = Number(v);
    } else throw new InputError(`argument "${flag}"`, 'is not a known flag', USAGE);
  }
  if ((vs !== null || min !== null) && !out.vocabulary)
    throw new InputError(vs !== null ? '--vs' : '--min', 'only applies with --vocabulary OUTLET', USAGE);
  if (out.vocabulary) out.vocabulary = { ...out.vocabulary, vs, minCount: min ?? out.vocabulary.minCount };
  const { from, to } = out.range;
  if (from && to && from > to)
    throw new InputError('--to', `${to} is before --from ${from}`, 'give a start not after the end');
  return out;
}
