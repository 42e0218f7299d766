import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fakesTestRoot } from '../server/testRoot';

// FA-KES's corpus twice (every fourth article, for time): one prepared step after step, as the server does, the other
// with provenance beside the other steps, as the CLI does. The parallel run must store the same bytes.
const root = fakesTestRoot('prepare');
const CORPORA = ['serial', 'parallel'] as const;

// Every file the steps store under a folder, by path relative to it, as a sha256. The analyses' segment files are
// made before the steps and named by the time they were written; the corpus index is named by its folder's
// fingerprint (paths and times), so it is compared under its kind's name.
function hashes(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = path.join(rel, name);
    if (statSync(path.join(dir, r)).isDirectory()) Object.assign(out, hashes(dir, r));
    else if (!name.startsWith('seg-'))
      out[r.replace(/corpus-index-[0-9a-f]+/, 'corpus-index')] = createHash('sha256')
        .update(readFileSync(path.join(dir, r)))
        .digest('hex');
  }
  return out;
}

// The reuse index records how long its making took: the one field that may differ between two runs.
const timed = (rel: string) => /reuse-index/.test(rel);

beforeAll(async () => {
  for (const corpus of CORPORA) {
    cpSync(path.join(root, 'fa-kes'), path.join(root, corpus), { recursive: true });
    const articles = path.join(root, corpus, 'articles');
    readdirSync(articles)
      .sort()
      .forEach((name, i) => i % 4 && rmSync(path.join(articles, name)));
  }
  rmSync(path.join(root, 'fa-kes'), { recursive: true });
  const { completeCorpus, tracked } = await import('./prepare');
  await tracked('serial', 'test', (p) => completeCorpus(p, path.join(root, 'serial')));
  await tracked('parallel', 'test', (p) =>
    completeCorpus(p, path.join(root, 'parallel'), undefined, { parallel: true }),
  );
}, 300_000);

describe('completeCorpus with provenance beside the other steps', () => {
  test('stores the same files with the same bytes as step after step', () => {
    const serial = hashes(path.join(root, '.store', 'serial'));
    const parallel = hashes(path.join(root, '.store', 'parallel'));
    expect(Object.keys(parallel)).toEqual(Object.keys(serial));
    // Provenance, sentence kinds, pages, tallies, time cells, postings, vocabulary, word index and stories at least.
    expect(Object.keys(serial).length).toBeGreaterThan(10);
    for (const [rel, sha] of Object.entries(serial)) if (!timed(rel)) expect([rel, parallel[rel]]).toEqual([rel, sha]);
  });
});
