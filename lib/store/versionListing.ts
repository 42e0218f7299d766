import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusFingerprint } from '../corpus/fingerprint';
import { articleLayout } from '../corpus/layout';
import { folderFiles, lexiconPathFor, readArticleSource, scanCorpusSteps } from '../corpus/load';
import { InputError, parseJsonInput } from '../errors';
import { parseLexicon } from '../lexicon/parse';
import type { Article, Corpus } from '../types';
import { articleMetaOf, readCorpusIndex, type CorpusMeta } from './corpusIndex';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import type { StoreScope } from './types';

/**
 * A corpus version as a write-time job reads it without its text: every article's metadata, and the text of only the
 * articles it asks for (`articlesAt`), read again from their files when asked.
 */
export type ListedCorpus = CorpusMeta & {
  /** The articles at these positions with their text, read from their files (each checked against its key). */
  articlesAt(positions: readonly number[]): Article[];
};

/** A corpus version as a job takes it: loaded whole (tests, old callers) or listed without its text. */
export type JobCorpus = Corpus | ListedCorpus;

/** A corpus folder's current version without its text: what the tallies, vocabulary and stories jobs start from. */
export interface VersionListing {
  corpus: ListedCorpus;
  /** The corpus without its text and without a reader: what a corpus index stores. */
  meta: CorpusMeta;
  /** Each article's articleKey, in corpus order. */
  keys: string[];
  /** The version key (lib/store/keys.ts). */
  version: string;
  scope: StoreScope;
  /** The folder's fingerprint taken before it was read (what a corpus index made from this listing is stored under). */
  fingerprint: string;
  /** The length of all articles' analysed text together, or null when the index it came from did not hold it. */
  chars: number | null;
  /** Whether it came from the stored corpus index (no article file read) rather than a scan of the files. */
  fromIndex: boolean;
}

/** The articles at these positions of a job's corpus, with their text. */
export function articlesAt(corpus: JobCorpus, positions: readonly number[]): Article[] {
  if ('articlesAt' in corpus) return corpus.articlesAt(positions);
  return positions.map((i) => corpus.articles[i]);
}

/** The articles from position `from` up to (not including) `to` of a job's corpus, with their text. */
export function articlesIn(corpus: JobCorpus, from: number, to: number): Article[] {
  if (!('articlesAt' in corpus)) return corpus.articles.slice(from, to);
  const end = Math.min(to, corpus.articles.length);
  return corpus.articlesAt(Array.from({ length: Math.max(0, end - from) }, (_, k) => from + k));
}

/**
 * The listing of a corpus folder's current version: from the corpus index stored in `storeRoot`'s own folder when the
 * folder's fingerprint matches it (no article file is read), else by reading the article files in steps and keeping
 * only each one's metadata and key (never every text at once). Throws, as loadCorpus does, on a folder without
 * corpus.json or a manifest or lexicon that does not parse.
 */
export function versionListing(corpusDir: string, storeRoot: string): VersionListing {
  return drained(versionListingSteps(corpusDir, storeRoot));
}

/**
 * versionListing in steps, for a caller that gives its event loop back between them: a scan yields every LOAD_STEP
 * article files (the stored index is read in one step).
 */
export function* versionListingSteps(corpusDir: string, storeRoot: string): Generator<number, VersionListing, void> {
  if (!existsSync(path.join(corpusDir, 'corpus.json')))
    throw new InputError(
      path.basename(corpusDir),
      'has no corpus.json',
      'point --corpus at a folder with corpus.json and articles/',
    );
  const fingerprint = corpusFingerprint(corpusDir);
  const lexicon = lexiconOf(corpusDir);
  if (lexicon) {
    const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(lexicon) };
    const index = readCorpusIndex(fileStore(storeRoot), scope, fingerprint);
    if (index)
      return {
        corpus: listed(corpusDir, index.meta, index.keys),
        meta: index.meta,
        keys: index.keys,
        version: index.version,
        scope,
        fingerprint,
        chars: index.chars ?? null,
        fromIndex: true,
      };
  }
  return yield* scannedListingSteps(corpusDir, fingerprint);
}

/** The listing of a corpus folder made by reading every article file once, in steps (no stored index is read). */
export function scannedListing(corpusDir: string, fingerprint = corpusFingerprint(corpusDir)): VersionListing {
  return drained(scannedListingSteps(corpusDir, fingerprint));
}

// A generator's value, its steps run on this thread without a pause.
function drained<T>(steps: Generator<number, T, void>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

function* scannedListingSteps(corpusDir: string, fingerprint: string): Generator<number, VersionListing, void> {
  const keys: string[] = [];
  let chars = 0;
  // Each article's key and text length are taken while its text is at hand; only its metadata is kept.
  const steps = scanCorpusSteps(folderFiles(corpusDir), (a) => {
    keys.push(articleKey(a));
    chars += articleLayout(a).text.length;
    return articleMetaOf(a);
  });
  const meta = yield* steps;
  const lexicon = lexiconKey(meta.lexicon);
  return {
    corpus: listed(corpusDir, meta, keys),
    meta,
    keys,
    version: versionKey(keys, lexicon),
    scope: { corpus: path.basename(corpusDir), lexicon },
    fingerprint,
    chars,
    fromIndex: false,
  };
}

// The folder's parsed lexicon, or null when it does not parse (the scan then reports why, as loadCorpus does).
function lexiconOf(corpusDir: string): Corpus['lexicon'] | null {
  try {
    const file = lexiconPathFor(corpusDir);
    return parseLexicon(parseJsonInput(readFileSync(file, 'utf8'), path.basename(file)), path.basename(file));
  } catch {
    return null;
  }
}

// Metadata that reads an article's text from its file when asked: articles/<id>.txt, parsed and checked as the loader
// does, then checked against the key the listing holds, so a file edited since the listing was made is an error, never
// another article's text counted under this version.
function listed(corpusDir: string, meta: CorpusMeta, keys: readonly string[]): ListedCorpus {
  const files = folderFiles(corpusDir);
  const outletIds = new Set(meta.outlets.map((o) => o.id));
  const name = path.basename(corpusDir);
  const read = (i: number): Article => {
    const m = meta.articles[i];
    if (!m) throw new Error(`${name}: no article at position ${i} (the version lists ${meta.articles.length})`);
    const file = `${m.id}.txt`;
    const where = `${name}/articles/${file}`;
    const source = files.read(`articles/${file}`);
    if (source === null)
      throw new Error(`${where} was removed while its version was being prepared: the next preparation starts again`);
    const a = readArticleSource(source, file, where, outletIds);
    if (articleKey(a) !== keys[i])
      throw new Error(`${where} changed while its version was being prepared: the next preparation starts again`);
    return a;
  };
  return { ...meta, articlesAt: (positions) => positions.map(read) };
}
