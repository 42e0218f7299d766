// How long each warm-up of a bundle built from the store holds the event loop (lib/server/drillStored.ts runs each on
// its own turn), whole decode against the range readers, on a store made by the bench: the drill-down counts
// (readDrillCounts / openDrillCounts), the sentence kinds (readSentenceKinds / openSentenceKinds) and the mention
// postings (readMentionPostings / openMentionPostings), each read `--runs` times alternating (default 5), medians in ms.
// A shared machine's load moves every figure: compare the two columns of one run. Prints one JSON line.
// Usage: FRAMESCOPE_CORPUS_ROOT=<dir> FRAMESCOPE_BACKGROUND_ANALYSIS=1 npx tsx bench/warm-turns.ts [--runs 5]
import { getBundle, getExport } from '../lib/server/bundles';
import { currentStore } from '../lib/store/current';
import { positionOf } from '../lib/store/corpusIndex';
import { readDrillCounts } from '../lib/store/drillCounts';
import { openDrillCounts } from '../lib/store/drillCountsRanges';
import { readMentionPostings } from '../lib/store/mentionPostings';
import { openMentionPostings } from '../lib/store/mentionPostingsRanges';
import { readSentenceKinds } from '../lib/store/sentenceKinds';
import { openSentenceKinds } from '../lib/store/sentenceKindsRanges';
import { numberFlag } from './lib/storeBench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;

function main(): void {
  const whole = { from: null, to: null, shared: null };
  getExport({ corpus: 'bench', version: null, voice: 'all', scope: 'all', provenance: 'all', subset: whole });
  const b = getBundle('bench');
  if (!b.storeKey) throw new Error('the bench corpus was not read from the store');
  const { scope, version } = b.storeKey;
  const store = currentStore();
  const ids = b.meta.articles.map((a) => a.id);
  const position = (id: string) => positionOf(b.meta, id);
  const pairs: Record<string, [() => unknown, () => unknown]> = {
    drillCounts: [() => readDrillCounts(store, scope, version), () => openDrillCounts(store, scope, version)],
    sentenceKinds: [
      () => readSentenceKinds(store, scope, version),
      () => openSentenceKinds(store, scope, version, { ids, position }),
    ],
    postings: [() => readMentionPostings(store, scope, version), () => openMentionPostings(store, scope, version)],
  };
  const runs = numberFlag(process.argv, '--runs') ?? 5;
  const out: Record<string, unknown> = { articles: ids.length, runs };
  for (const [name, [whole, ranges]] of Object.entries(pairs)) {
    const times: [number[], number[]] = [[], []];
    for (let r = 0; r < runs; r++)
      [whole, ranges].forEach((read, k) => {
        const t = performance.now();
        if (!read()) throw new Error(`${name}: nothing stored to read`);
        times[k].push(performance.now() - t);
      });
    out[name] = { wholeMs: round(median(times[0])), rangesMs: round(median(times[1])) };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

main();
