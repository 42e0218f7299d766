// The analysis CLI: npm run analyze -- [--json] [--corpus DIR] [--voice all|own] [--scope all|body]
// [--provenance all|original|reused] [--alpha0 N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]
// [--vocabulary OUTLET [--vs OTHER] [--min N]]
import path from 'node:path';
import { DEFAULT_OPTIONS } from '../lib/analysis/aggregate';
import { analyzeWithProvenance } from '../lib/provenance/run';
import { renderReport } from '../lib/analysis/table';
import { parseCliArgs } from '../lib/cliArgs';
import { InputError } from '../lib/errors';
import { loadCorpus } from '../lib/corpus/load';
import { writeAtomic } from '../lib/corpus/store';
import { vocabularyRows } from '../lib/vocabulary/run';

try {
  const args = parseCliArgs(process.argv.slice(2));
  const corpus = loadCorpus(path.resolve(args.corpus ?? path.join('corpus', 'seeds')));
  // The server skips an unreadable article and shows a warning; published numbers must not silently leave one out.
  if (corpus.warnings.length) {
    for (const w of corpus.warnings) console.error(`error: ${w.message}`);
    console.error(
      `error: ${corpus.warnings.length} article file(s) cannot be read; fix or remove them, then run again.`,
    );
    process.exit(2);
  }
  const options = { ...DEFAULT_OPTIONS, ...args.options };
  let text: string;
  if (args.vocabulary) {
    const rows = vocabularyRows(corpus, {
      ...args.vocabulary,
      voice: options.voice,
      scope: options.scope,
      provenance: options.provenance ?? 'all',
      range: args.range,
    });
    // Without --json: the 40 best rows as a readable table.
    text = args.json
      ? `${JSON.stringify(rows, null, 2)}\n`
      : `${rows
          .slice(0, 40)
          .map(
            (r) =>
              `${r.term.padEnd(28)} ${r.y}/${r.n} vs ${r.yOther}/${r.nOther}  articles ${r.articles}  z ${r.z.toFixed(2)}  q ${r.q.toPrecision(3)}`,
          )
          .join('\n')}\n`;
  } else {
    const result = analyzeWithProvenance(corpus, options, args.range);
    text = args.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderReport(result)}\n`;
  }
  if (args.out) {
    writeAtomic(args.out, text);
    console.error(`wrote ${args.out}`);
  } else process.stdout.write(text);
} catch (e) {
  if (e instanceof InputError) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
