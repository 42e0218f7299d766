// Draws articles for hand adjudication: a seeded shuffle of a corpus's article ids (sorted), leaving out the
// articles named in tests, so the sample was not used to tune the rules.
// Usage: npx tsx scripts/sample-articles.ts CORPUS SEED N [EXCLUDED_ID ...]
import path from 'node:path';
import { loadCorpus } from '../lib/corpus/load';

/** mulberry32: a small seeded generator, so the draw is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const [corpusId, seedText, nText, ...excluded] = process.argv.slice(2);
const seed = Number(seedText);
const n = Number(nText);
if (!corpusId || !Number.isInteger(seed) || !Number.isInteger(n) || n < 1) {
  console.error('usage: npx tsx scripts/sample-articles.ts CORPUS SEED N [EXCLUDED_ID ...]');
  process.exit(2);
}
const ids = loadCorpus(path.join(process.cwd(), 'corpus', corpusId))
  .articles.map((a) => a.id)
  .filter((id) => !excluded.includes(id))
  .sort();
const random = mulberry32(seed);
// Fisher-Yates.
for (let i = ids.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [ids[i], ids[j]] = [ids[j], ids[i]];
}
console.log(ids.slice(0, n).join('\n'));
