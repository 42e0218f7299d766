import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';
import { parseLexicon } from '../lexicon/parse';
import type { Article, Corpus } from '../types';
import { parseArticleFile } from './articleFile';
import { parseManifest } from './manifest';

/** The folder that holds the bundled corpora and the default lexicon. */
export const CORPUS_ROOT = path.join(process.cwd(), 'corpus');

function readJson(file: string): unknown {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(file, 'cannot be read', 'check that the file exists');
  }
  try {
    return JSON.parse(source);
  } catch (e) {
    throw new InputError(file, `is not valid JSON (${(e as Error).message})`, 'fix the syntax');
  }
}

/** The lexicon a corpus uses: its own lexicon.json if it has one, else the bundled default. */
export function lexiconPathFor(dir: string): string {
  const own = path.join(dir, 'lexicon.json');
  return existsSync(own) ? own : path.join(CORPUS_ROOT, 'lexicon.json');
}

/** Loads and validates a corpus folder (corpus.json, articles/*.txt, optional lexicon.json). */
export function loadCorpus(dir: string): Corpus {
  const manifestFile = path.join(dir, 'corpus.json');
  if (!existsSync(manifestFile)) throw new InputError(dir, 'has no corpus.json', 'point --corpus at a folder with corpus.json and articles/');
  const manifest = parseManifest(readJson(manifestFile), manifestFile);
  const lexiconFile = lexiconPathFor(dir);
  const lexiconSource = readFileSync(lexiconFile, 'utf8');
  const lexicon = parseLexicon(readJson(lexiconFile), lexiconFile);
  const articleDir = path.join(dir, 'articles');
  const files = existsSync(articleDir) ? readdirSync(articleDir).filter((f) => f.endsWith('.txt')).sort() : [];
  const hash = createHash('sha256');
  hash.update(readFileSync(manifestFile)).update('\0').update(lexiconSource).update('\0');
  const articles: Article[] = [];
  const outletIds = new Set(manifest.outlets.map((o) => o.id));
  const seen = new Set<string>();
  for (const f of files) {
    const file = path.join(articleDir, f);
    const source = readFileSync(file, 'utf8');
    hash.update(f).update('\0').update(source).update('\0');
    const a = parseArticleFile(source, file);
    if (`${a.id}.txt` !== f) throw new InputError(file, `id "${a.id}" does not match the file name`, `rename the file to ${a.id}.txt or change the id`);
    if (!outletIds.has(a.outlet)) throw new InputError(file, `unknown outlet "${a.outlet}"`, `use one of ${[...outletIds].join(', ')} or add it to corpus.json`);
    if (seen.has(a.id)) throw new InputError(file, `article id "${a.id}" appears twice`, 'give each article its own id');
    if (a.raw && !isRawPath(a.raw)) throw new InputError(file, `raw path "${a.raw}" must be a file name under raw/`, 'write e.g. "raw: raw/page.txt"');
    seen.add(a.id);
    articles.push(a);
  }
  if (articles.length === 0) throw new InputError(articleDir, 'holds no article files (*.txt)', 'add articles or run the import');
  return { ...manifest, version: hash.digest('hex').slice(0, 12), articles, lexicon };
}

function isRawPath(p: string): boolean {
  return /^raw\/[A-Za-z0-9._-]+$/.test(p) && !p.includes('..');
}

/** The captured original of an article, or null when it has none. */
export function readRaw(dir: string, article: Article): string | null {
  if (!article.raw || !isRawPath(article.raw)) return null;
  const file = path.join(dir, article.raw);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
