// Builds a generated store for bench/drill-search.ts (not part of `npm run bench`): N articles in few outlets, so one
// outlet's labels of a term group select thousands of articles, imported with the real CLI into a folder kept for
// repeated measurements. Usage: npx tsx bench/drill-store.ts <dir> [--articles 10000] [--outlets 4]
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { benchOutlets, generateArticles } from './lib/generate';
import { sentencePool } from './lib/sentencePool';
import { jsonlRecord, numberFlag } from './lib/storeBench';

const root = process.argv[2];
if (!root || root.startsWith('--'))
  throw new Error('usage: npx tsx bench/drill-store.ts <dir> [--articles N] [--outlets K]');
if (existsSync(path.join(root, 'bench'))) throw new Error(`${root} already holds a bench corpus: pick an empty folder`);
const articles = numberFlag(process.argv, '--articles') ?? 10_000;
const outlets = numberFlag(process.argv, '--outlets') ?? 4;
mkdirSync(path.join(root, 'bench'), { recursive: true });
cpSync(path.join('corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
const manifest = {
  id: 'bench',
  title: 'Bench',
  description: 'generated',
  outlets: benchOutlets(outlets),
  outletGroups: [],
};
const m = openSync(path.join(root, 'bench', 'corpus.json'), 'w');
writeSync(m, JSON.stringify(manifest));
closeSync(m);
const file = path.join(root, 'input.jsonl');
const out = openSync(file, 'w');
const pool = sentencePool();
for (let from = 0; from < articles; from += 10_000) {
  const slice = generateArticles(pool, { articles: Math.min(10_000, articles - from), outlets, seed: 7, from });
  writeSync(out, `${slice.map(jsonlRecord).join('\n')}\n`);
}
closeSync(out);
const env = { ...process.env, FRAMESCOPE_CORPUS_ROOT: root, FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots') };
const r = spawnSync('npx', ['tsx', 'scripts/import.ts', file, '--corpus', 'bench'], { env, stdio: 'inherit' });
process.exit(r.status ?? 1);
