// The prepared check of a version's tallies and time cells (hasTallies, hasTimeCells), before and after it read only
// the stored headers, on files of the size a 100,000-article generated corpus stores (80 and 73 MB). A measurement,
// not a test:  npx tsx bench/prepared-check.ts [--runs 7]
// The tallies are FA-KES's, their outlets copied until the file is that large (bench/lib/scaledTallies.ts); the time
// cells are made from FA-KES's analyses repeated as 100,000 articles over 40 outlets and 3,000 days (one article per
// outlet and day, so about 100,000 cells). "Before" repeats what the
// checks did: read the whole file and decode it (the tallies' packed value, the time cells' header and numbers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { ArticleAnalysis } from '../lib/analysis/article';
import type { OutletTally } from '../lib/analysis/tallies';
import { analyzeArticles } from '../lib/analysis/run';
import { loadCorpus } from '../lib/corpus/load';
import { fileStore } from '../lib/store/files';
import { hasTallies, makeTallies, putTallies, type StoredTallies } from '../lib/store/tallies';
import { decodeTimeCells, hasTimeCells, putTimeCells, TIME_CELLS } from '../lib/store/timeCells';
import { makeTimeCells } from '../lib/time/cells';
import { percentile } from './lib/measure';
import { scaledOutlets } from './lib/scaledTallies';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '7'));
const TARGET_TALLIES = 80e6;
const ARTICLES = 100_000;

function timed(f: () => boolean): { ms: number; ok: boolean } {
  const times: number[] = [];
  let ok = true;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    ok = f() && ok;
    times.push(performance.now() - t0);
  }
  return {
    ms:
      Math.round(
        percentile(
          times.sort((a, b) => a - b),
          50,
        )! * 100,
      ) / 100,
    ok,
  };
}

// Each copy its own objects: the serialiser stores an object referenced twice once, which would not grow the file.
const clone = (t: OutletTally): OutletTally => structuredClone(t);

function scaled(t: StoredTallies, copies: number): StoredTallies {
  const months = t.months;
  for (const year of months.years.values()) {
    year.byOutlet = scaledOutlets(year.byOutlet!, copies, clone);
    for (const month of year.months.values()) month.byOutlet = scaledOutlets(month.byOutlet!, copies, clone);
  }
  return { byOutlet: scaledOutlets(t.byOutlet, copies, clone), months };
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-check-'));
  try {
    const store = fileStore(root);
    const scope = { corpus: 'bench', lexicon: 'l' };
    const fakes = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
    const analyses = analyzeArticles(fakes);
    // Size of one copy, then as many copies as reach the target.
    await putTallies(store, scope, 'one', makeTallies(fakes, analyses));
    const one = store.readDerived(scope, 'tallies', 'one')!.length;
    const copies = Math.max(1, Math.round(TARGET_TALLIES / one));
    await putTallies(store, scope, 't', scaled(makeTallies(fakes, analyses), copies));
    const talliesBytes = store.readDerived(scope, 'tallies', 't')!.length;

    const groups = fakes.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
    const dated = Array.from({ length: ARTICLES }, (_, i) => {
      const a = analyses[i % analyses.length];
      const day = new Date(Date.UTC(2010, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
      return { analysis: { ...a, outlet: `outlet-${Math.floor(i / 3000) % 40}` } as ArticleAnalysis, date: day };
    });
    await putTimeCells(store, scope, 't', makeTimeCells(dated, groups));
    const cellsBytes = store.readDerived(scope, TIME_CELLS, 't')!.length;

    // Before: the whole file read and decoded (the tallies' packed value is what readTallies deserialised).
    const talliesBefore = timed(() => {
      const b = store.readDerived(scope, 'tallies', 't');
      const p = b && (deserialize(b.subarray(16)) as { format: number });
      return p?.format === 2;
    });
    const cellsBefore = timed(() => {
      const b = store.readDerived(scope, TIME_CELLS, 't');
      return b !== null && decodeTimeCells(b) !== null;
    });
    const talliesAfter = timed(() => hasTallies(store, scope, 't'));
    const cellsAfter = timed(() => hasTimeCells(store, scope, 't'));
    console.log(
      JSON.stringify(
        {
          runs,
          tallies: { mb: Math.round(talliesBytes / 1e5) / 10, copies, beforeMs: talliesBefore, afterMs: talliesAfter },
          timeCells: {
            mb: Math.round(cellsBytes / 1e5) / 10,
            articles: ARTICLES,
            beforeMs: cellsBefore,
            afterMs: cellsAfter,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
