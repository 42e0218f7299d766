import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';
import { parseLexicon } from '../lexicon/parse';
import type { Article, Corpus } from '../types';
import { parseArticleFile } from './articleFile';
import { parseManifest } from './manifest';

/** The folder that holds the corpora and the default lexicon (FRAMESCOPE_CORPUS_ROOT overrides it, e.g. for tests). */
export const CORPUS_ROOT = process.env.FRAMESCOPE_CORPUS_ROOT
  ? path.resolve(process.env.FRAMESCOPE_CORPUS_ROOT)
  : path.join(process.cwd(), 'corpus');

/** The lexicon a corpus uses: its own lexicon.json if it has one, else the bundled default. */
export function lexiconPathFor(dir: string): string {
  const own = path.join(dir, 'lexicon.json');
  return existsSync(own) ? own : path.join(CORPUS_ROOT, 'lexicon.json');
}

/** Read access to one version of a corpus: its folder on disk, or a snapshot of it. */
export interface CorpusFiles {
  /** Where the files are, for error messages. */
  dir: string;
  /** A file's text by path relative to the corpus folder, or null if it does not exist. */
  read(rel: string): string | null;
  /** The article file names (articles/*.txt), sorted. */
  articleFiles(): string[];
  /** Path of the lexicon file, relative to the corpus folder or absolute for the bundled default. */
  lexicon: string;
}

/** The files of a corpus folder on disk. */
export function folderFiles(dir: string): CorpusFiles {
  const articleDir = path.join(dir, 'articles');
  return {
    dir,
    read: (rel) => {
      const file = path.resolve(dir, rel);
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
    articleFiles: () =>
      existsSync(articleDir)
        ? readdirSync(articleDir)
            .filter((f) => f.endsWith('.txt'))
            .sort()
        : [],
    lexicon: lexiconPathFor(dir),
  };
}

function parseJson(source: string, file: string): unknown {
  try {
    return JSON.parse(source);
  } catch (e) {
    throw new InputError(file, `is not valid JSON (${(e as Error).message})`, 'fix the syntax');
  }
}

/** Loads and validates a corpus folder (corpus.json, articles/*.txt, optional lexicon.json). */
export function loadCorpus(dir: string): Corpus {
  if (!existsSync(path.join(dir, 'corpus.json')))
    throw new InputError(dir, 'has no corpus.json', 'point --corpus at a folder with corpus.json and articles/');
  return loadCorpusFrom(folderFiles(dir));
}

/** Loads and validates one version of a corpus from its files; the version is a hash of exactly these bytes. */
export function loadCorpusFrom(files: CorpusFiles): Corpus {
  const manifestFile = path.join(files.dir, 'corpus.json');
  const manifestSource = files.read('corpus.json');
  if (manifestSource === null)
    throw new InputError(files.dir, 'has no corpus.json', 'point --corpus at a folder with corpus.json and articles/');
  const manifest = parseManifest(parseJson(manifestSource, manifestFile), manifestFile);
  const lexiconFile = path.isAbsolute(files.lexicon) ? files.lexicon : path.join(files.dir, files.lexicon);
  const lexiconSource = files.read(files.lexicon);
  if (lexiconSource === null) throw new InputError(lexiconFile, 'cannot be read', 'check that the file exists');
  const lexicon = parseLexicon(parseJson(lexiconSource, lexiconFile), lexiconFile);
  const hash = createHash('sha256');
  hash.update(manifestSource).update('\0').update(lexiconSource).update('\0');
  const articles: Article[] = [];
  const outletIds = new Set(manifest.outlets.map((o) => o.id));
  const seen = new Set<string>();
  const articleDir = path.join(files.dir, 'articles');
  for (const f of files.articleFiles()) {
    const file = path.join(articleDir, f);
    const source = files.read(`articles/${f}`) ?? '';
    hash.update(f).update('\0').update(source).update('\0');
    const a = parseArticleFile(source, file);
    if (`${a.id}.txt` !== f)
      throw new InputError(
        file,
        `id "${a.id}" does not match the file name`,
        `rename the file to ${a.id}.txt or change the id`,
      );
    if (!outletIds.has(a.outlet))
      throw new InputError(
        file,
        `unknown outlet "${a.outlet}"`,
        `use one of ${[...outletIds].join(', ')} or add it to corpus.json`,
      );
    if (seen.has(a.id))
      throw new InputError(file, `article id "${a.id}" appears twice`, 'give each article its own id');
    if (a.raw && !isRawPath(a.raw))
      throw new InputError(
        file,
        `raw path "${a.raw}" must be a file name under raw/`,
        'write e.g. "raw: raw/page.txt"',
      );
    seen.add(a.id);
    articles.push(a);
  }
  if (articles.length === 0)
    throw new InputError(articleDir, 'holds no article files (*.txt)', 'add articles or run the import');
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
