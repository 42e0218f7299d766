import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchOutlets, generateArticles } from '../../bench/lib/generate';
import { sentencePool } from '../../bench/lib/sentencePool';
import { serializeArticleFile } from '../corpus/articleFile';

// Corpus folders the store's tests run jobs on, written into a scratch root (test-only helpers, like testArticle.ts).

/** A bundled corpus (corpus/<name>) copied into `root`, so a test may store an index for it or edit its files. */
export function copiedCorpus(root: string, name: string): string {
  const dir = path.join(root, name);
  cpSync(path.join(process.cwd(), 'corpus', name), dir, { recursive: true });
  return dir;
}

/** Generated articles from the bench's sentence pool written as the corpus folder `<root>/gen` (several dates, some none). */
export function generatedCorpus(root: string, o: { articles: number; outlets: number; seed: number }): string {
  const dir = path.join(root, 'gen');
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  const manifest = {
    id: 'gen',
    title: 'Generated',
    description: 'generated',
    outlets: benchOutlets(o.outlets),
    outletGroups: [],
  };
  writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify(manifest));
  for (const a of generateArticles(sentencePool(), o))
    writeFileSync(path.join(dir, 'articles', `${a.id}.txt`), serializeArticleFile(a));
  return dir;
}
