import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { lexiconPathFor } from './load';

/**
 * A cheap fingerprint of a corpus folder: name, size, mtime and ctime of corpus.json, the lexicon it uses and every
 * articles/*.txt, without reading any content. An article edited in place changes it (its mtime and ctime move), as
 * does an added or removed file; temporary and staged files do not. Reading the folder costs one stat per file.
 */
export function corpusFingerprint(dir: string): string {
  const h = createHash('sha1');
  const add = (file: string, name: string) => {
    try {
      const s = statSync(file);
      h.update(`${name}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\n`);
    } catch {
      h.update(`${name}\0-\n`);
    }
  };
  add(path.join(dir, 'corpus.json'), 'corpus.json');
  add(lexiconPathFor(dir), path.basename(lexiconPathFor(dir)));
  const articles = path.join(dir, 'articles');
  if (existsSync(articles))
    for (const f of readdirSync(articles)
      .filter((x) => x.endsWith('.txt'))
      .sort())
      add(path.join(articles, f), f);
  return h.digest('hex').slice(0, 16);
}
