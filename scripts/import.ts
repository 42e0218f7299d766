// The import CLI: npm run import -- <files, folders or CSV/JSON/JSONL> --corpus ID (see README "Importing articles").
import { StorageError } from '../lib/corpus/commit';
import { InputError } from '../lib/errors';
import { parseImportArgs } from '../lib/importing/args';
import { runImport, summary, timeLine } from './importer';

async function main() {
  try {
    const args = parseImportArgs(process.argv.slice(2));
    const result = await runImport(args);
    process.stdout.write(`${summary(result, args.corpus, args.dryRun)}\n`);
    const time = timeLine(result);
    if (time) process.stdout.write(`${time}\n`);
    // Exit 1 when something was rejected, so scripts notice; duplicates are not errors.
    process.exit(result.rejected.length > 0 ? 1 : 0);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`error: ${e.message}`);
      process.exit(2);
    }
    if (e instanceof StorageError) {
      console.error(`error: ${e.message}${e.stored.length ? `\nstored: ${e.stored.join(' ')}` : ''}`);
      process.exit(3);
    }
    throw e;
  }
}

void main();
