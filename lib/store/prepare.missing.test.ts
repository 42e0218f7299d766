import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fakesTestRoot } from '../server/testRoot';

// FA-KES (every eighth article, for time) prepared once; then three articles are edited and one removed by hand, and
// the preparation runs again from its text-free listing, reading the edited articles in chunks of two. What it stores
// must equal a preparation of the edited folder from nothing.
const root = fakesTestRoot('prepare-missing');
const EDITED = 3;

// Every derived file under a store folder by kind-relative path, as a sha256 (segments are named by time, the corpus
// index by its folder's fingerprint, the reuse index records its making's milliseconds, and the latest n-gram counts
// hold their n-grams in the order the workers finished).
function hashes(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = path.join(rel, name);
    if (statSync(path.join(dir, r)).isDirectory()) Object.assign(out, hashes(dir, r));
    else if (!/^seg-|^corpus-index-|^reuse-index-|^ngram-counts-/.test(name))
      out[r] = createHash('sha256')
        .update(readFileSync(path.join(dir, r)))
        .digest('hex');
  }
  return out;
}

// The kept articles' files, in name order.
const articleFiles = (corpus: string) => readdirSync(path.join(root, corpus, 'articles')).sort();

let progress: { done: number; total: number };

beforeAll(async () => {
  cpSync(path.join(root, 'fa-kes'), path.join(root, 'edited'), { recursive: true });
  rmSync(path.join(root, 'fa-kes'), { recursive: true });
  articleFiles('edited').forEach((name, i) => i % 8 && rmSync(path.join(root, 'edited', 'articles', name)));
  const { completeCorpus, tracked } = await import('./prepare');
  await tracked('edited', 'test', (p) => completeCorpus(p, path.join(root, 'edited')));
  // By hand: a sentence appended to three articles (their analyses are now missing), one article removed.
  const names = articleFiles('edited');
  for (const name of names.slice(0, EDITED)) {
    const file = path.join(root, 'edited', 'articles', name);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nFighters were seen near the border on Monday.\n`);
  }
  rmSync(path.join(root, 'edited', 'articles', names[names.length - 1]));
  cpSync(path.join(root, 'edited'), path.join(root, 'fresh'), { recursive: true });
  await tracked('edited', 'test', async (p) => {
    await completeCorpus(p, path.join(root, 'edited'), undefined, { chunk: 2 });
    progress = { done: p.done, total: p.total };
  });
  await tracked('fresh', 'test', (p) => completeCorpus(p, path.join(root, 'fresh')));
}, 300_000);

describe('completeCorpus after a hand edit', () => {
  test('counts every article of the new version as done', () => {
    const articles = articleFiles('edited').length;
    expect(articles).toBeGreaterThan(90);
    expect(progress).toEqual({ done: articles, total: articles });
  });

  test('stores what a preparation from nothing stores', () => {
    const edited = hashes(path.join(root, '.store', 'edited'));
    const fresh = hashes(path.join(root, '.store', 'fresh'));
    // The new version's files beside the first version's (kept by retention): every one of the fresh store's is there.
    expect(Object.keys(fresh).length).toBeGreaterThan(10);
    for (const [rel, sha] of Object.entries(fresh)) expect([rel, edited[rel]]).toEqual([rel, sha]);
  });
});
