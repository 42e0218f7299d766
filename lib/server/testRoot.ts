import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/** The admin token a seeded test root signs in with. */
export const TEST_ADMIN_TOKEN = 'test-token-123';

/** The Authorization header value of that token. */
export const TEST_AUTH = `Bearer ${TEST_ADMIN_TOKEN}`;

/**
 * A fresh temporary corpus root (framescope-<name>-*) holding copies of the bundled seeds corpus and lexicon, with the
 * corpus root, snapshot root and admin token of the environment pointed at it. The routes, dataset and bundles read
 * these when they first load, so call it before importing them (tests import them in beforeAll).
 */
export function seededTestRoot(name: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `framescope-${name}-`));
  process.env.FRAMESCOPE_CORPUS_ROOT = root;
  process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
  process.env.FRAMESCOPE_ADMIN_TOKEN = TEST_ADMIN_TOKEN;
  cpSync(path.join(process.cwd(), 'corpus', 'seeds'), path.join(root, 'seeds'), { recursive: true });
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  return root;
}

/**
 * A fresh temporary corpus root (framescope-<name>-*) as the production server sees it: the corpus and snapshot roots
 * of the environment point at it, and views never analyse (FRAMESCOPE_BACKGROUND_ANALYSIS). Call it before importing
 * the modules that read these.
 */
export function serverTestRoot(name: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `framescope-${name}-`));
  process.env.FRAMESCOPE_CORPUS_ROOT = root;
  process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
  process.env.FRAMESCOPE_BACKGROUND_ANALYSIS = '1';
  return root;
}

/**
 * A fresh temporary corpus root (framescope-<name>-*) holding copies of the bundled FA-KES corpus and lexicon, with the
 * corpus and snapshot roots of the environment pointed at it and neither FRAMESCOPE_BACKGROUND_ANALYSIS nor
 * FRAMESCOPE_STORE set (tests turn the production mode on where they compare it). Call it before importing the modules.
 */
export function fakesTestRoot(name: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `framescope-${name}-`));
  process.env.FRAMESCOPE_CORPUS_ROOT = root;
  process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
  delete process.env.FRAMESCOPE_BACKGROUND_ANALYSIS;
  delete process.env.FRAMESCOPE_STORE;
  cpSync(path.join(process.cwd(), 'corpus', 'fa-kes'), path.join(root, 'fa-kes'), { recursive: true });
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  return root;
}

/** Copies the bundled lexicon and the seeds corpus into a test root as corpus `id`; returns the corpus folder. */
export function copySeedsAs(root: string, id: string): string {
  const dir = path.join(root, id);
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  cpSync(path.join(process.cwd(), 'corpus', 'seeds'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8'));
  writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify({ ...manifest, id }));
  return dir;
}

/**
 * Copies the seeds as corpus `id` with each article `copies` times in all (ids suffixed `-c<i>`), so that the corpus is
 * over FRAMESCOPE_TEXT_HERE_ARTICLES, then has the server's watcher prepare it; resolves once prepared, throwing what
 * the preparation reported if it failed. Returns the corpus folder.
 */
export async function preparedSeedCopies(root: string, id: string, copies: number): Promise<string> {
  const dir = copySeedsAs(root, id);
  const articles = path.join(dir, 'articles');
  for (const name of readdirSync(articles)) {
    const text = readFileSync(path.join(articles, name), 'utf8');
    const article = name.replace(/\.txt$/, '');
    for (let i = 1; i < copies; i++)
      writeFileSync(
        path.join(articles, `${article}-c${i}.txt`),
        text.replace(`id: ${article}\n`, `id: ${article}-c${i}\n`),
      );
  }
  await (await import('./bundles')).noticeChanges();
  const p = await (await import('../store/prepare')).settled(id);
  if (p?.error) throw new Error(`corpus ${id} was not prepared: ${p.error}`);
  return dir;
}

/**
 * The corpus loader module with its two whole-corpus reads (loadCorpusFrom, loadCorpusSteps) calling `counted` first:
 * a test's `vi.mock('../corpus/load', ...)` factory returns it to count whole-corpus reads.
 */
export function countingLoads<M extends { loadCorpusFrom: unknown; loadCorpusSteps: unknown }>(
  m: M,
  counted: () => void,
): M {
  const count =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A) => {
      counted();
      return f(...a);
    };
  return {
    ...m,
    loadCorpusFrom: count(m.loadCorpusFrom as (...a: unknown[]) => unknown),
    loadCorpusSteps: count(m.loadCorpusSteps as (...a: unknown[]) => unknown),
  };
}

/** What a call threw, or null when it returned: the proxy's checks answer by throwing. */
export function thrownBy(f: () => unknown): unknown {
  try {
    f();
    return null;
  } catch (e) {
    return e;
  }
}

/**
 * A fresh copy of the server's modules over the same corpus root and store: what a restarted server holds before its
 * first view. The bundles both module copies of a server share (lib/server/bundles.ts) go with the process, so they go
 * here too. Tests that mock a module keep their mocks (vi.mock is hoisted per file).
 */
export async function restartedServer() {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('framescope.bundles')];
  return {
    bundles: await import('./bundles'),
    dataset: await import('./dataset'),
    prepare: await import('../store/prepare'),
  };
}
