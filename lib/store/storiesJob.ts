import { storiesOfTexts } from '../analysis/slice';
import type { Story } from '../stories/cluster';
import { storeAt } from './current';
import { versionListing } from './versionListing';
import { talliesKey } from './tallies';
import type { AnalysisStore, StoreScope } from './types';
import { timedStage, timedStageSync } from './stageTimes';

/** The kind of derived data holding a corpus version's stories (articles grouped by the event they report). */
export const STORIES_KIND = 'stories';

/**
 * The key of a version's stories: the tallies key (version key and every article's date, in corpus order), since
 * stories read each article's text, outlet, title and date, and a changed date keeps the version key.
 */
export function storiesKey(version: string, dates: readonly (string | null)[]): string {
  return talliesKey(version, dates);
}

const FORMAT = 1;

/** A version's stories as stored bytes (JSON, with a format number). */
export function encodeStories(stories: readonly Story[]): Uint8Array {
  return Buffer.from(JSON.stringify({ format: FORMAT, stories }));
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Stored stories read back, or null when the bytes are not stories of this format (then they are made again). */
export function decodeStories(bytes: Uint8Array): Story[] | null {
  try {
    const p = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as {
      format?: unknown;
      stories?: unknown;
    };
    if (p?.format !== FORMAT || !Array.isArray(p.stories)) return null;
    for (const s of p.stories as Partial<Story>[])
      if (
        typeof s?.id !== 'string' ||
        typeof s.label !== 'string' ||
        typeof s.from !== 'string' ||
        typeof s.to !== 'string' ||
        !isStrings(s.articles) ||
        !isStrings(s.outlets)
      )
        return null;
    return p.stories as Story[];
  } catch {
    return null;
  }
}

/** A version's stored stories, or null when none are stored or they cannot be read. */
export function readStories(store: AnalysisStore, scope: StoreScope, key: string): Story[] | null {
  const bytes = store.readDerived(scope, STORIES_KIND, key);
  return bytes ? decodeStories(bytes) : null;
}

/** Whether a version's stories are stored and readable. */
export function hasStories(store: AnalysisStore, scope: StoreScope, key: string): boolean {
  return store.hasDerived(scope, STORIES_KIND, key) && readStories(store, scope, key) !== null;
}

/**
 * Clusters and stores the stories of a corpus folder's current version, from its articles' text (no analysis is
 * read): a worker's job, since it reads the whole corpus (85 s at 100,000 generated articles in the bench). The text is
 * never held whole: each article's file is read again whenever clustering reads its text (lib/store/versionListing.ts).
 * Skipped when stored. Returns the stories key.
 */
export async function storeStories(corpusDir: string, storeRoot: string): Promise<string> {
  const { corpus, version, scope } = timedStageSync('stories.list-corpus', () => versionListing(corpusDir, storeRoot));
  const store = storeAt(storeRoot);
  const key = storiesKey(
    version,
    corpus.articles.map((a) => a.date),
  );
  if (!hasStories(store, scope, key))
    await timedStage('stories.cluster', () =>
      store.putDerived(
        scope,
        STORIES_KIND,
        key,
        encodeStories(storiesOfTexts(corpus.articles, (i) => corpus.articlesAt([i])[0])),
      ),
    );
  return key;
}
