import path from 'node:path';
import type { ArticleAnalysis } from '../analysis/article';
import { corpusFingerprint } from '../corpus/fingerprint';
import { loadCorpus } from '../corpus/load';
import { hasCorpusIndex, metaOf, putCorpusIndex, textCharsOf } from './corpusIndex';
import { storeAt } from './current';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { hasMentionPostings, makeMentionPostings, putMentionPostings } from './mentionPostings';
import { hasDrillCounts, makeDrillCounts, putDrillCounts } from './drillCounts';
import { hasTallies, makeTallies, putTallies, talliesKeyOf } from './tallies';
import { hasTimeCells, putTimeCells } from './timeCells';
import { makeTimeCells } from '../time/cells';

/**
 * Makes and stores the tallies, time cells and mention postings of a corpus folder's current version from its stored analyses, and
 * the folder's index (the corpus without its text, under the folder's fingerprint) that a restart reads instead of
 * every article file: a worker's job, since it reads the whole corpus. Returns the tallies key; throws when an article has no stored
 * analysis yet. The tallies, time cells and mention postings are keyed by content (the version and tallies keys), so they
 * go through the current backend (PostgreSQL when DATABASE_URL is set): the first instance to make them stores them for
 * every instance. The index is keyed by this folder's fingerprint of file sizes and times, which differ between two
 * instances' replica folders of the same corpus, so it stays in this instance's own store folder (another instance
 * could never read it, and every instance would pull every other one's).
 */
export async function storeTallies(corpusDir: string, storeRoot: string): Promise<string> {
  const before = corpusFingerprint(corpusDir);
  const corpus = loadCorpus(corpusDir);
  const store = storeAt(storeRoot);
  const local = fileStore(storeRoot);
  const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const version = versionKey(keys, scope.lexicon);
  const key = talliesKeyOf(corpus, version);
  // Read once for whichever of the tallies, the time cells and the mention postings is missing.
  let read: ArticleAnalysis[] | null = null;
  const analyses = (): ArticleAnalysis[] => {
    if (read) return read;
    const stored = store.read(scope, corpus.articles, keys);
    const missing = stored.findIndex((a) => a === null);
    if (missing >= 0)
      throw new Error(
        `${scope.corpus}: article ${corpus.articles[missing].id} has no stored analysis, so its tallies wait for it`,
      );
    return (read = stored as ArticleAnalysis[]);
  };
  if (!hasTallies(store, scope, key)) await putTallies(store, scope, key, makeTallies(corpus, analyses()));
  // The time series' sums per outlet and day, under the same key (a store made before them gets them here too).
  if (!hasTimeCells(store, scope, key))
    await putTimeCells(
      store,
      scope,
      key,
      makeTimeCells(
        analyses().map((analysis, i) => ({ analysis, date: corpus.articles[i].date })),
        corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) })),
      ),
    );
  // What a drill-down and an outlet page read instead of the whole text (lib/store/mentionPostings.ts).
  if (!hasMentionPostings(store, scope, version))
    await putMentionPostings(store, scope, version, makeMentionPostings(analyses()));
  // What a drill-down page of mentions reads to cut its page and count its rows (lib/store/drillCounts.ts).
  if (!hasDrillCounts(store, scope, version)) await putDrillCounts(store, scope, version, makeDrillCounts(analyses()));
  // Only for a folder that did not change while it was read: the index must describe exactly the files it is keyed by.
  if (!hasCorpusIndex(local, scope, before) && corpusFingerprint(corpusDir) === before)
    await putCorpusIndex(local, scope, before, {
      meta: metaOf(corpus),
      keys,
      version,
      tallies: key,
      chars: textCharsOf(corpus),
    });
  return key;
}
