import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { lexiconPathFor } from './load';

// The files a fingerprint reads, by name, in a fixed order: corpus.json, the lexicon, then articles/*.txt sorted. The
// i-th file's path and name are made when asked (`at`), so a scan of a million articles holds their names alone.
function filesOf(dir: string, articleNames: string[]): { count: number; at: (i: number) => [string, string] } {
  const lexicon = lexiconPathFor(dir);
  const articles = path.join(dir, 'articles');
  const sorted = articleNames.filter((x) => x.endsWith('.txt')).sort();
  return {
    count: sorted.length + 2,
    at: (i) =>
      i === 0
        ? [path.join(dir, 'corpus.json'), 'corpus.json']
        : i === 1
          ? [lexicon, path.basename(lexicon)]
          : [path.join(articles, sorted[i - 2]), sorted[i - 2]],
  };
}

// One file's line of the digest: its name, and its size, mtime and ctime when it could be read.
const lineOf = (name: string, s: Stats | null) =>
  s ? `${name}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\n` : `${name}\0-\n`;

function digest(files: ReturnType<typeof filesOf>, stats: (i: number) => Stats | null): string {
  const h = createHash('sha1');
  for (let i = 0; i < files.count; i++) h.update(lineOf(files.at(i)[1], stats(i)));
  return h.digest('hex').slice(0, 16);
}

/**
 * A cheap fingerprint of a corpus folder: name, size, mtime and ctime of corpus.json, the lexicon it uses and every
 * articles/*.txt, without reading any content. An article edited in place changes it (its mtime and ctime move), as
 * does an added or removed file; temporary and staged files do not. Reading the folder costs one stat per file.
 */
export function corpusFingerprint(dir: string): string {
  const articles = path.join(dir, 'articles');
  const files = filesOf(dir, existsSync(articles) ? readdirSync(articles) : []);
  return digest(files, (i) => {
    try {
      return statSync(files.at(i)[0]);
    } catch {
      return null;
    }
  });
}

// Stats in flight at once: enough to keep the disk busy, few enough to leave the event loop to requests.
const PARALLEL = 64;

/**
 * The same fingerprint as corpusFingerprint, read with asynchronous stats a few at a time, so the server's watcher
 * can scan a folder of 100,000 articles without holding up requests.
 */
export async function corpusFingerprintAsync(dir: string): Promise<string> {
  const names = await readdir(path.join(dir, 'articles')).catch(() => [] as string[]);
  const files = filesOf(dir, names);
  // Each batch's lines are hashed as soon as its stats are in (in the same order as digest's): holding every file's
  // Stats until the end cost about 0.6 KB per article for the whole scan (a watcher at 1,000,000 articles is often in one).
  const h = createHash('sha1');
  for (let i = 0; i < files.count; i += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, files.count - i) }, (_, j) => files.at(i + j));
    const stats = await Promise.all(batch.map(([file]) => stat(file).catch(() => null)));
    batch.forEach(([, name], j) => h.update(lineOf(name, stats[j])));
  }
  return h.digest('hex').slice(0, 16);
}
