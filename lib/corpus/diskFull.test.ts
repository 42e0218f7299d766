import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { ImportItem, ImportOptions } from './importer';

// Every fs write of the code under test goes through these wrappers; `fail` picks which call runs out of space.
const disk = vi.hoisted(() => ({
  fail: null as null | { fn: string; after: number; when?: (p: string) => boolean },
  calls: 0,
}));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const wrap = <F extends (...a: never[]) => unknown>(name: string, f: F) =>
    ((...args: Parameters<F>) => {
      const rule = disk.fail;
      if (rule && rule.fn === name && (!rule.when || rule.when(String(args[name === 'linkSync' ? 1 : 0])))) {
        if (disk.calls++ >= rule.after)
          throw Object.assign(new Error(`ENOSPC: no space left on device, ${name} '/srv/secret/path'`), {
            code: 'ENOSPC',
            errno: -28,
          });
      }
      return f(...args);
    }) as unknown as F;
  const out = {
    ...fs,
    writeFileSync: wrap('writeFileSync', fs.writeFileSync),
    linkSync: wrap('linkSync', fs.linkSync),
  };
  return { ...out, default: out };
});

const root = mkdtempSync(path.join(tmpdir(), 'framescope-enospc-'));
process.env.FRAMESCOPE_CORPUS_ROOT = root;
process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
let importItems: typeof import('./importer').importItems;
let loadCorpus: typeof import('./load').loadCorpus;
let StorageError: typeof import('./commit').StorageError;
beforeAll(async () => {
  ({ importItems } = await import('./importer'));
  ({ loadCorpus } = await import('./load'));
  ({ StorageError } = await import('./commit'));
});

let n = 0;
function seeds(): string {
  const id = `seeds-${++n}`;
  cpSync(path.join(process.cwd(), 'corpus', 'seeds'), path.join(root, id), { recursive: true });
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  writeFileSync(
    path.join(root, id, 'corpus.json'),
    JSON.stringify({ ...JSON.parse(readFileSync(path.join(root, id, 'corpus.json'), 'utf8')), id }),
  );
  return id;
}
const opts = (corpus: string): ImportOptions => ({
  corpus,
  title: null,
  attribution: null,
  outlet: 'voa',
  createOutlets: false,
  mapping: {},
  dateOrder: 'mdy',
  source: null,
  dryRun: false,
});
// Three distinct articles (distinct content hashes).
const batch = (): ImportItem[] =>
  [1, 2, 3].map((i) => ({
    name: `a${i}.txt`,
    format: null,
    bytes: new TextEncoder().encode(
      `title: Report ${i}\n\nTurkish-backed rebels clashed with Kurdish fighters near village ${i} on Friday.`,
    ),
  }));
// Everything under the corpus folder that is not a finished file: staging, temporary files, locks.
const debris = (id: string) =>
  [...readdirSync(path.join(root, id)), ...readdirSync(path.join(root, id, 'articles'))].filter((f) =>
    f.startsWith('.'),
  );

async function storageError(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(StorageError);
  return e as InstanceType<typeof StorageError>;
}

describe('a full disk during an import', () => {
  test('while staging: nothing is stored, the answer says so, no temporary file is left', async () => {
    const id = seeds();
    disk.calls = 0;
    disk.fail = { fn: 'writeFileSync', after: 2, when: (p) => p.includes('.staging') };
    const e = await storageError(importItems(batch(), opts(id)));
    disk.fail = null;
    expect(e.stored).toEqual([]);
    expect(e.message).toContain('ENOSPC: the disk is full');
    expect(e.message).toContain('Nothing was stored');
    expect(e.message).not.toContain('/srv/secret');
    expect(debris(id)).toEqual([]);
    // The seeds' 5 articles, unchanged and whole.
    expect(loadCorpus(path.join(root, id))).toMatchObject({ warnings: [], articles: expect.any(Array) });
    expect(loadCorpus(path.join(root, id)).articles).toHaveLength(5);
  });

  test('mid-commit: the answer lists exactly the one article stored before the failure', async () => {
    const id = seeds();
    disk.calls = 0;
    disk.fail = { fn: 'linkSync', after: 1, when: (p) => p.includes(`${id}/articles/`) };
    const e = await storageError(importItems(batch(), opts(id)));
    disk.fail = null;
    expect(e.stored).toHaveLength(1);
    expect(e.message).toContain('1 article(s) were stored before the failure');
    expect(debris(id)).toEqual([]);
    const c = loadCorpus(path.join(root, id));
    expect(c.warnings).toEqual([]);
    expect(c.articles.map((a) => a.id)).toContain(e.stored[0]);
    expect(c.articles).toHaveLength(6);
  });

  test('while writing the version snapshot: the import stands, with a warning', async () => {
    const id = seeds();
    disk.calls = 0;
    disk.fail = { fn: 'writeFileSync', after: 0, when: (p) => p.includes('.snapshots') };
    const r = await importItems(batch(), opts(id));
    disk.fail = null;
    expect(r.written).toHaveLength(3);
    expect(r.warnings).toEqual([expect.stringContaining('the version snapshot could not be written (ENOSPC)')]);
    expect(r.versionAfter).toBe(loadCorpus(path.join(root, id)).version);
    expect(
      readdirSync(path.join(root, '.snapshots'), { recursive: true }).filter((f) => String(f).endsWith('.tmp')),
    ).toEqual([]);
  });
});
