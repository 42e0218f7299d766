import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, parseJsonInput } from '../errors';
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

const parseJson = (source: string, file: string): unknown => parseJsonInput(source, file);

/** Loads and validates a corpus folder (corpus.json, articles/*.txt, optional lexicon.json). */
export function loadCorpus(dir: string): LoadedCorpus {
  if (!existsSync(path.join(dir, 'corpus.json')))
    throw new InputError(
      path.basename(dir),
      'has no corpus.json',
      'point --corpus at a folder with corpus.json and articles/',
    );
  return loadCorpusFrom(folderFiles(dir));
}

/**
 * loadCorpus giving the event loop back between steps of LOAD_STEP article files: the server's watcher and background
 * preparation read a whole corpus this way (100,000 article files are seconds of reading), never in one piece.
 */
export async function loadCorpusYielding(dir: string): Promise<LoadedCorpus> {
  if (!existsSync(path.join(dir, 'corpus.json')))
    throw new InputError(
      path.basename(dir),
      'has no corpus.json',
      'point --corpus at a folder with corpus.json and articles/',
    );
  const steps = loadCorpusSteps(folderFiles(dir));
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** An article file the loader skipped, with why: the rest of the corpus still loads and serves. */
export interface LoadWarning {
  /** Path relative to the corpus root, e.g. "seeds/articles/x1.txt". */
  file: string;
  message: string;
}

/** A corpus as loaded, with the article files it skipped. */
export type LoadedCorpus = Corpus & { warnings: LoadWarning[] };

// Messages name files relative to the corpus root ("seeds/articles/x.txt"): absolute server paths stay private.
function shown(files: CorpusFiles, rel: string): string {
  if (path.isAbsolute(rel)) return path.basename(rel);
  return path.isAbsolute(files.dir) ? path.join(path.basename(files.dir), rel) : path.join(files.dir, rel);
}

/**
 * Parses and checks one article file as the loader does (format, id = file name, known outlet, raw path); an import
 * reads every staged file back through this before committing it.
 */
export function readArticleSource(
  source: string,
  fileName: string,
  where: string,
  outletIds: ReadonlySet<string>,
): Article {
  const a = parseArticleFile(source, where);
  if (`${a.id}.txt` !== fileName)
    throw new InputError(
      where,
      `id "${a.id}" does not match the file name`,
      `rename the file to ${a.id}.txt or change the id`,
    );
  if (!outletIds.has(a.outlet))
    throw new InputError(
      where,
      `unknown outlet "${a.outlet}"`,
      `use one of ${[...outletIds].join(', ')} or add it to corpus.json`,
    );
  if (a.raw && !isRawPath(a.raw))
    throw new InputError(where, `raw path "${a.raw}" must be a file name under raw/`, 'write e.g. "raw: raw/page.txt"');
  return a;
}

/**
 * Loads and validates one version of a corpus from its files; the version is a hash of exactly these bytes. A broken
 * corpus.json or lexicon stops the load; a broken article file is skipped and named in `warnings`.
 */
export function loadCorpusFrom(files: CorpusFiles): LoadedCorpus {
  const steps = loadCorpusSteps(files);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Article files read between two steps of loadCorpusSteps. */
export const LOAD_STEP = 250;

/**
 * loadCorpusFrom in steps: yields how many article files it has read after every `every` of them, so a caller can give
 * the event loop back between steps (the server reads a large corpus in the background this way); returns the corpus.
 */
export function* loadCorpusSteps(files: CorpusFiles, every = LOAD_STEP): Generator<number, LoadedCorpus, void> {
  return yield* scanCorpusSteps(files, (a) => a, every);
}

/** A corpus as scanned: the loaded corpus with each article replaced by what the scan kept of it. */
export type ScannedCorpus<T> = Omit<LoadedCorpus, 'articles'> & { articles: T[] };

/**
 * loadCorpusSteps keeping of each article only what `keep` returns, so a caller that needs every article's text once
 * (to hash it) but not all of them at once never holds the whole corpus text: the same checks, version and warnings.
 */
export function* scanCorpusSteps<T>(
  files: CorpusFiles,
  keep: (a: Article) => T,
  every = LOAD_STEP,
): Generator<number, ScannedCorpus<T>, void> {
  const manifestFile = shown(files, 'corpus.json');
  const manifestSource = files.read('corpus.json');
  if (manifestSource === null)
    throw new InputError(manifestFile, 'does not exist', 'point --corpus at a folder with corpus.json and articles/');
  const manifest = parseManifest(parseJson(manifestSource, manifestFile), manifestFile);
  const lexiconFile = shown(files, files.lexicon);
  const lexiconSource = files.read(files.lexicon);
  if (lexiconSource === null) throw new InputError(lexiconFile, 'cannot be read', 'check that the file exists');
  const lexicon = parseLexicon(parseJson(lexiconSource, lexiconFile), lexiconFile);
  const hash = createHash('sha256');
  hash.update(manifestSource).update('\0').update(lexiconSource).update('\0');
  const articles: T[] = [];
  const warnings: LoadWarning[] = [];
  const outletIds = new Set(manifest.outlets.map((o) => o.id));
  const seen = new Set<string>();
  const names = files.articleFiles();
  for (const [n, f] of names.entries()) {
    if (n > 0 && n % every === 0) yield n;
    const file = shown(files, `articles/${f}`);
    let source: string | null;
    try {
      source = files.read(`articles/${f}`);
    } catch (e) {
      // An unreadable file (permissions, I/O error) is skipped like a malformed one; the message drops the server path.
      warnings.push({ file, message: `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    hash
      .update(f)
      .update('\0')
      .update(source ?? '')
      .update('\0');
    try {
      const a = readArticleSource(source ?? '', f, file, outletIds);
      if (seen.has(a.id))
        throw new InputError(file, `article id "${a.id}" appears twice`, 'give each article its own id');
      seen.add(a.id);
      articles.push(keep(a));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      warnings.push({ file, message: e.message });
    }
  }
  if (articles.length === 0) {
    const why = warnings.length
      ? `holds no readable article file (${warnings.length} skipped; first: ${warnings[0].message})`
      : 'holds no article files (*.txt)';
    throw new InputError(shown(files, 'articles'), why, 'add articles or run the import');
  }
  return { ...manifest, version: hash.digest('hex').slice(0, 12), articles, lexicon, warnings };
}

function isRawPath(p: string): boolean {
  return /^raw\/[A-Za-z0-9._-]+$/.test(p) && !p.includes('..');
}

/** The captured original of an article, or null when it has none. */
export function readRaw(dir: string, article: Pick<Article, 'raw'>): string | null {
  if (!article.raw || !isRawPath(article.raw)) return null;
  const file = path.join(dir, article.raw);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
