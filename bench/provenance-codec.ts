// Stored provenance and provenance page parts, old formats (FSP1 v8 parts, FPP1 JSON) against the binary ones (FSP2,
// FPP2), in one process on the same generated corpus (the bench's generator, sentences resampled from one pool):
//   npx tsx bench/provenance-codec.ts [--articles N] [--repeats R]
// Prints bytes, encode and decode ms (medians of R repeats, wall time on a shared machine) and the decode ms of the
// largest page part, whole and of its largest record alone (what an article's provenance page reads).
import { isDeepStrictEqual } from 'node:util';
import { decodeProvenance, encodeProvenance } from '../lib/store/derived';
import { compactProvenance } from '../lib/store/provenanceCodec';
import { decodePagesPart, decodePagesRecord, encodePagesPart } from '../lib/store/provenancePages';
import { encodePagesPartV1, encodeProvenanceV1 } from './lib/legacyProvenance';
import { generatedProvenance, pagePartsOf } from './lib/provenanceBench';
import { sentencePool } from './lib/sentencePool';
import { numberFlag, tenth } from './lib/storeBench';

const articles = numberFlag(process.argv, '--articles') ?? 10_000;
const repeats = numberFlag(process.argv, '--repeats') ?? 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median ms of `repeats` runs of f, and its last result. */
function timed<T>(f: () => T): { ms: number; value: T } {
  const ms: number[] = [];
  let value: T;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    value = f();
    ms.push(performance.now() - t);
  }
  return { ms: tenth(median(ms)), value: value! };
}

const mb = (n: number) => Math.round(n / 1e4) / 100;
const log = (s: string) => console.error(`[provenance-codec] ${s}`);

function main() {
  let t = performance.now();
  const p = generatedProvenance(sentencePool(), articles, 40, 2016);
  log(`provenance of ${articles} generated articles made in ${Math.round(performance.now() - t)} ms`);
  const stored = compactProvenance(p);

  const oldEnc = timed(() => encodeProvenanceV1(stored));
  const newEnc = timed(() => encodeProvenance(stored));
  const oldDec = timed(() => decodeProvenance(oldEnc.value));
  const newDec = timed(() => decodeProvenance(newEnc.value));
  if (!isDeepStrictEqual(newDec.value, oldDec.value)) throw new Error('the binary provenance did not read back equal');
  log('provenance: both formats read back equal');

  t = performance.now();
  const parts = pagePartsOf(p);
  log(`${parts.length} page parts made in ${Math.round(performance.now() - t)} ms`);
  const pages = parts.map((records) => {
    const oldBytes = timed(() => encodePagesPartV1(records));
    const newBytes = timed(() => encodePagesPart(records));
    return { records, old: oldBytes, new: newBytes };
  });
  const sum = (f: (x: (typeof pages)[number]) => number) => tenth(pages.reduce((s, x) => s + f(x), 0));
  const decodeAll = (which: 'old' | 'new') => sum((x) => timed(() => decodePagesPart(x[which].value, 'bench')).ms);
  const largest = pages.reduce((a, b) => (b.old.value.length > a.old.value.length ? b : a));
  const widest = largest.records.reduce(
    (best, r, j) => (r.partners.length > largest.records[best].partners.length ? j : best),
    0,
  );
  const oneOld = timed(() => decodePagesRecord(largest.old.value, 'bench', widest));
  const oneNew = timed(() => decodePagesRecord(largest.new.value, 'bench', widest));
  const wholeOld = timed(() => decodePagesPart(largest.old.value, 'bench'));
  const wholeNew = timed(() => decodePagesPart(largest.new.value, 'bench'));
  if (!isDeepStrictEqual(oneNew.value, oneOld.value) || !isDeepStrictEqual(wholeNew.value, wholeOld.value))
    throw new Error('the binary page part did not read back equal');

  const figures = {
    articles,
    repeats,
    provenance: {
      pairs: p.index.pairs.reduce((s, x) => s + x.length, 0) / 2,
      old: { mb: mb(oldEnc.value.length), encodeMs: oldEnc.ms, decodeMs: oldDec.ms },
      new: { mb: mb(newEnc.value.length), encodeMs: newEnc.ms, decodeMs: newDec.ms },
    },
    pages: {
      parts: pages.length,
      old: {
        mb: mb(sum((x) => x.old.value.length)),
        encodeMs: sum((x) => x.old.ms),
        decodeMs: decodeAll('old'),
      },
      new: {
        mb: mb(sum((x) => x.new.value.length)),
        encodeMs: sum((x) => x.new.ms),
        decodeMs: decodeAll('new'),
      },
      largestPart: {
        oldMb: mb(largest.old.value.length),
        newMb: mb(largest.new.value.length),
        partners: largest.records[widest].partners.length,
        oldDecodeMs: wholeOld.ms,
        newDecodeMs: wholeNew.ms,
        oldRecordMs: oneOld.ms,
        newRecordMs: oneNew.ms,
      },
    },
  };
  console.log(JSON.stringify(figures, null, 2));
}

main();
