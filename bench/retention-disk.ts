// Disk used by a corpus's analysis store and snapshots after a run of lexicon saves, with the retention policy
// (FRAMESCOPE_KEEP_VERSIONS) applied to the store as the server applies it. A measurement, not a test:
//   npx tsx bench/retention-disk.ts --corpus fa-kes --saves 10 --keep 3
//   npx tsx bench/retention-disk.ts --corpus fa-kes --uploads 10 --keep 3
// Each save does what the lexicon route does: analyse every article under the new lexicon, record the version (which
// prunes), then store its tallies, provenance and vocabulary; each upload adds one article (a copy of the first with
// its own id and text) and does the same. Runs in a scratch corpus root.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const corpus = arg('corpus', 'fa-kes');
const uploads = Number(arg('uploads', '0'));
const saves = Number(arg('saves', uploads ? '0' : '10'));
const keep = arg('keep', '50');
const root = mkdtempSync(path.join(tmpdir(), 'framescope-retention-'));
process.env.FRAMESCOPE_CORPUS_ROOT = root;
process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
process.env.FRAMESCOPE_KEEP_VERSIONS = keep;
// The saves follow each other within seconds; a server's saves are minutes apart, past the grace period.
process.env.FRAMESCOPE_PRUNE_GRACE_MS = '0';

/** Bytes of every file under a folder. */
function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? bytesUnder(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size;
  return n;
}

async function main(): Promise<void> {
  const { loadCorpus } = await import('../lib/corpus/load');
  const { recordVersion } = await import('../lib/corpus/snapshots');
  const { analyseInto } = await import('../lib/store/analyse');
  const { fileStore, STORE_ROOT } = await import('../lib/store/files');
  const { storeTallies } = await import('../lib/store/talliesJob');
  const { storeProvenance } = await import('../lib/store/provenanceJob');
  const { storeVocabulary } = await import('../lib/store/vocabularyJob');
  cpSync(path.join('corpus', corpus), path.join(root, corpus), { recursive: true });
  cpSync(path.join('corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  const dir = path.join(root, corpus);
  const lexicon = JSON.parse(readFileSync(path.join(root, 'lexicon.json'), 'utf8'));
  const rows: { save: number; storeMb: number; snapshotsMb: number; seconds: number; recordMs: number }[] = [];
  const mb = (b: number) => Math.round((b / 1e6) * 100) / 100;
  const articles = path.join(dir, 'articles');
  const first = readdirSync(articles).sort()[0];
  const template = readFileSync(path.join(articles, first), 'utf8');
  const id = first.replace(/\.txt$/, '');
  for (let save = 0; save <= saves + uploads; save++) {
    const t = Date.now();
    if (save > 0 && save <= saves) {
      lexicon.groups[0].label = `${lexicon.groups[0].label.replace(/ \(save \d+\)$/, '')} (save ${save})`;
      writeFileSync(path.join(dir, 'lexicon.json'), JSON.stringify(lexicon, null, 2));
    } else if (save > saves) {
      const copy = `${id}-upload-${save}`;
      writeFileSync(
        path.join(articles, `${copy}.txt`),
        `${template.replace(`id: ${id}`, `id: ${copy}`).trimEnd()} Upload number ${save}.\n`,
      );
    }
    const c = loadCorpus(dir);
    await analyseInto(fileStore(STORE_ROOT), corpus, c.articles, c.lexicon, undefined, 2);
    // Recording the version includes the prune (what retention costs a write).
    const r = Date.now();
    await recordVersion(dir);
    const recordMs = Date.now() - r;
    await storeTallies(dir, STORE_ROOT);
    await storeProvenance(dir, STORE_ROOT);
    await storeVocabulary(dir, STORE_ROOT);
    rows.push({
      save,
      storeMb: mb(bytesUnder(path.join(STORE_ROOT, corpus))),
      snapshotsMb: mb(bytesUnder(path.join(root, '.snapshots'))),
      seconds: Math.round((Date.now() - t) / 100) / 10,
      recordMs,
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
  console.log(JSON.stringify({ corpus, saves, uploads, keep: Number(keep), final: rows[rows.length - 1] }));
  rmSync(root, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
