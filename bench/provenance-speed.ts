// The provenance job's speed against another checkout's, on the same generated corpus (issue #19, the 1M run):
//   npx tsx bench/provenance-speed.ts [--articles 20000] [--ref /work/main] [--rounds 2]
// Generates that many articles (bench/lib/generate.ts) into a scratch corpus folder, analyses them into its store on
// two workers, then runs storeProvenance from this checkout and from --ref in turn (order alternating by round), each
// in a fresh process after the job's files are removed, and prints each run's wall and CPU milliseconds, the job's own
// `made` timings and a hash over every file the job stored (the reuse index without its timings): equal hashes mean
// byte-identical files. The machine is shared, so compare CPU time and runs of the same round, and note the load
// printed beside each. The scratch folder is deleted after.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { numberFlag } from './lib/storeBench';

const KINDS = /^(provenance|sentence-kinds|reuse-index)/;

// Every file the job stored under a store's corpus folder (scope/name), in a fixed order.
function storedFiles(corpusRoot: string): string[] {
  const out: string[] = [];
  for (const scope of readdirSync(corpusRoot).sort())
    for (const name of readdirSync(path.join(corpusRoot, scope)).sort())
      if (KINDS.test(name) && statSync(path.join(corpusRoot, scope, name)).isFile()) out.push(`${scope}/${name}`);
  return out;
}

/** Runs the job in this process (the child): removes its files, runs it, prints times and the stored files' hash. */
async function runChild(code: string, dir: string, storeRoot: string): Promise<void> {
  const corpusRoot = path.join(storeRoot, 'bench');
  for (const scope of readdirSync(corpusRoot))
    for (const name of readdirSync(path.join(corpusRoot, scope)))
      if (KINDS.test(name)) rmSync(path.join(corpusRoot, scope, name), { recursive: true, force: true });
  const { storeProvenance } = await import(path.join(code, 'lib/store/provenanceJob.ts'));
  const { decodeReuseIndex, encodeReuseIndex } = await import(path.join(code, 'lib/store/reuseIndexCodec.ts'));
  const t = performance.now();
  const c = process.cpuUsage();
  const run = await storeProvenance(dir, storeRoot);
  const cpu = process.cpuUsage(c);
  const ms = Math.round(performance.now() - t);
  const hash = createHash('sha256');
  for (const file of storedFiles(corpusRoot)) {
    let bytes: Uint8Array = readFileSync(path.join(corpusRoot, file));
    if (path.basename(file).startsWith('reuse-index')) {
      const index = decodeReuseIndex(bytes, file);
      bytes = encodeReuseIndex({ ...index, made: { ...index.made, ms: 0, readMs: 0, writeMs: 0 } });
    }
    hash.update(file).update(bytes);
  }
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  console.log(JSON.stringify({ ms, cpuMs, made: run.made, files: hash.digest('hex').slice(0, 16) }));
}

async function main(): Promise<void> {
  const articles = numberFlag(process.argv, '--articles') ?? 20_000;
  const rounds = numberFlag(process.argv, '--rounds') ?? 2;
  const refAt = process.argv.indexOf('--ref');
  const ref = path.resolve(refAt >= 0 ? process.argv[refAt + 1] : '/work/main');
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-provspeed-'));
  try {
    const dir = path.join(root, 'bench');
    const storeRoot = path.join(root, '.store');
    mkdirSync(path.join(dir, 'articles'), { recursive: true });
    const { benchOutlets, generateArticles } = await import('./lib/generate');
    const { sentencePool } = await import('./lib/sentencePool');
    const { serializeArticleFile } = await import('../lib/corpus/articleFile');
    const manifest = { id: 'bench', title: 'Bench', description: 'generated', outlets: benchOutlets(40) };
    writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify({ ...manifest, outletGroups: [] }));
    cpSync(path.join('corpus', 'lexicon.json'), path.join(dir, 'lexicon.json'));
    const pool = sentencePool();
    for (let at = 0; at < articles; at += 5000)
      for (const a of generateArticles(pool, {
        articles: Math.min(5000, articles - at),
        outlets: 40,
        seed: 2016,
        from: at,
      }))
        writeFileSync(path.join(dir, 'articles', `${a.id}.txt`), serializeArticleFile(a));
    const { loadCorpus } = await import('../lib/corpus/load');
    const { analyseInto } = await import('../lib/store/analyse');
    const { fileStore } = await import('../lib/store/files');
    const c = loadCorpus(dir);
    await analyseInto(fileStore(storeRoot), 'bench', c.articles, c.lexicon, undefined, 2);
    const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');
    for (let r = 0; r < rounds; r++)
      for (const code of r % 2 ? [ref, process.cwd()] : [process.cwd(), ref]) {
        const load = loadavg()[0].toFixed(1);
        const p = spawnSync(process.execPath, [tsx, 'bench/provenance-speed.ts', '--child', code, dir, storeRoot], {
          encoding: 'utf8',
          env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=20000' },
        });
        if (p.status !== 0) throw new Error(`the job from ${code} failed (exit ${p.status}): ${p.stderr.slice(-1000)}`);
        const line = p.stdout.trim().split('\n').pop();
        console.log(JSON.stringify({ round: r + 1, code, articles, load, ...JSON.parse(line!) }));
      }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
(at >= 0 ? runChild(process.argv[at + 1], process.argv[at + 2], process.argv[at + 3]) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
