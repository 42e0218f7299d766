import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

// The snapshot module reads its root and retention when first imported, so both are set before it loads.
const root = mkdtempSync(path.join(tmpdir(), 'framescope-snap-'));
const snaps = path.join(root, '.snapshots');
process.env.FRAMESCOPE_SNAPSHOTS = snaps;
process.env.FRAMESCOPE_KEEP_VERSIONS = '3';
let m: typeof import('./snapshots');
let load: typeof import('./load');
beforeAll(async () => {
  m = await import('./snapshots');
  load = await import('./load');
});

const article = (id: string, words: string) => `id: ${id}\noutlet: voa\ntitle: ${id}\n\n## body\n${words}\n`;
function corpus(id: string): string {
  const dir = path.join(root, id);
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  writeFileSync(
    path.join(dir, 'corpus.json'),
    JSON.stringify({ id, title: 'T', outlets: [{ id: 'voa', name: 'VOA', kind: 'k' }] }),
  );
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(dir, 'lexicon.json'));
  return dir;
}
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const manifestOf = (corpus: string, version: string) =>
  JSON.parse(readFileSync(path.join(snaps, 'versions', corpus, `${version}.json`), 'utf8'));

describe('snapshots with retention', () => {
  test('five versions, three kept: listing, status, exact reconstruction, diffs, pruned blobs', async () => {
    const dir = corpus('ret');
    const versions: string[] = [];
    const states: Record<string, string>[] = [];
    for (let i = 0; i < 5; i++) {
      writeFileSync(path.join(dir, 'articles', `a${i}.txt`), article(`a${i}`, `Kurdish militants, version ${i}.`));
      // a0 is edited in every version, so its old texts belong to pruned versions only.
      writeFileSync(path.join(dir, 'articles', 'a0.txt'), article('a0', `First article, edit ${i}.`));
      versions.push((await m.recordVersion(dir)).version);
      states.push(
        Object.fromEntries(
          readdirSync(path.join(dir, 'articles')).map((f) => [f, readFileSync(path.join(dir, 'articles', f), 'utf8')]),
        ),
      );
    }
    expect(new Set(versions).size).toBe(5);
    expect(m.listSnapshots('ret').map((v) => v.version)).toEqual([versions[4], versions[3], versions[2]]);
    expect(m.listSnapshots('ret').map((v) => v.articles)).toEqual([5, 4, 3]);
    expect([0, 1, 2, 3, 4].map((i) => m.versionStatus('ret', versions[i]))).toEqual([
      'pruned',
      'pruned',
      'kept',
      'kept',
      'current',
    ]);
    expect(m.versionStatus('ret', 'abcdef123456')).toBe('unknown');
    expect(m.versionStatus('ret', '../../etc')).toBe('unknown');
    expect(m.snapshotFiles('ret', versions[0])).toBeNull();
    // Each kept version reads back to the same version hash, i.e. exactly the same bytes.
    for (const i of [2, 3, 4]) {
      const files = m.snapshotFiles('ret', versions[i])!;
      expect(load.loadCorpusFrom(files).version).toBe(versions[i]);
      expect(files.articleFiles()).toEqual(Object.keys(states[i]).sort());
    }
    // Version 3 changed a0 and added a3: its manifest lists those two files, not all five.
    expect(Object.keys(manifestOf('ret', versions[3]).files).sort()).toEqual(['articles/a0.txt', 'articles/a3.txt']);
    // The oldest kept version was a diff against a pruned one: it is now a whole list.
    expect(manifestOf('ret', versions[2]).base).toBeNull();
    expect(existsSync(path.join(snaps, 'versions', 'ret', `${versions[0]}.json`))).toBe(false);
    // Blobs left: the texts of kept versions only (worked out here from the saved folder states).
    const kept = new Set<string>();
    for (const i of [2, 3, 4]) for (const t of Object.values(states[i])) kept.add(sha(t));
    for (const f of ['corpus.json', 'lexicon.json']) kept.add(sha(readFileSync(path.join(dir, f), 'utf8')));
    const blobs = readdirSync(path.join(snaps, 'blobs'), { recursive: true })
      .map(String)
      .filter((f) => /[0-9a-f]{64}$/.test(f))
      .map((f) => path.basename(f));
    expect(new Set(blobs)).toEqual(kept);
  });

  test('recording the same folder twice keeps one version', async () => {
    const dir = corpus('same');
    writeFileSync(path.join(dir, 'articles', 'a.txt'), article('a', 'Rebels.'));
    await m.recordVersion(dir);
    await m.recordVersion(dir);
    expect(m.listSnapshots('same')).toHaveLength(1);
  });

  test('a long chain of diffs is cut by a whole list every 20 versions', async () => {
    process.env.FRAMESCOPE_KEEP_VERSIONS = '50';
    const dir = corpus('chain');
    const versions: string[] = [];
    for (let i = 0; i < 23; i++) {
      writeFileSync(path.join(dir, 'articles', 'a.txt'), article('a', `Edit ${i}.`));
      versions.push((await m.recordVersion(dir)).version);
    }
    process.env.FRAMESCOPE_KEEP_VERSIONS = '3';
    // Version 0 is a whole list, 1 to 20 are diffs at depth 1 to 20; version 21 would be depth 21, so it is whole.
    expect(versions.map((v) => manifestOf('chain', v).base === null)).toEqual(
      versions.map((_, i) => i === 0 || i === 21),
    );
    for (const i of [20, 22])
      expect(load.loadCorpusFrom(m.snapshotFiles('chain', versions[i])!).version).toBe(versions[i]);
  });

  test('snapshots from before the index (one whole manifest per version) are listed and read, and migrated on the next write', async () => {
    const dir = corpus('legacy');
    writeFileSync(path.join(dir, 'articles', 'a.txt'), article('a', 'Rebels.'));
    const c = load.loadCorpus(dir);
    const files: Record<string, string> = {};
    for (const rel of ['corpus.json', 'lexicon.json', 'articles/a.txt']) {
      const text = readFileSync(path.join(dir, rel), 'utf8');
      files[rel] = sha(text);
      mkdirSync(path.join(snaps, 'blobs', sha(text).slice(0, 2)), { recursive: true });
      writeFileSync(path.join(snaps, 'blobs', sha(text).slice(0, 2), sha(text)), text);
    }
    mkdirSync(path.join(snaps, 'versions', 'legacy'), { recursive: true });
    writeFileSync(
      path.join(snaps, 'versions', 'legacy', `${c.version}.json`),
      JSON.stringify({
        corpus: 'legacy',
        version: c.version,
        created: '2026-01-01T00:00:00.000Z',
        articles: 1,
        lexicon: 'lexicon.json',
        files,
      }),
    );
    expect(m.listSnapshots('legacy').map((v) => v.version)).toEqual([c.version]);
    expect(load.loadCorpusFrom(m.snapshotFiles('legacy', c.version)!).version).toBe(c.version);
    expect(existsSync(path.join(snaps, 'versions', 'legacy', 'index.json'))).toBe(false);
    writeFileSync(path.join(dir, 'articles', 'b.txt'), article('b', 'Fighters.'));
    await m.recordVersion(dir);
    expect(m.listSnapshots('legacy')).toHaveLength(2);
    expect(statSync(path.join(snaps, 'versions', 'legacy', 'index.json')).isFile()).toBe(true);
    rmSync(dir, { recursive: true });
  });
});
