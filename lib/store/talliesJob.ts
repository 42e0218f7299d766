import type { ArticleAnalysis } from '../analysis/article';
import { corpusFingerprint } from '../corpus/fingerprint';
import { hasCorpusIndex, putCorpusIndex } from './corpusIndex';
import { storeAt } from './current';
import { fileStore } from './files';
import { hasMentionPostings, makeMentionPostings, putMentionPostings } from './mentionPostings';
import { hasDrillCounts, makeDrillCounts, putDrillCounts } from './drillCounts';
import { hasTallies, makeTallies, putTallies, talliesKey, talliesKeyOf } from './tallies';
import { hasTimeCells, putTimeCells, readTimeCells } from './timeCells';
import { addToTimeCells } from '../time/cellsUpdate';
import type { TimeCells } from '../time/cells';
import { articlesAt, versionListing, type JobCorpus } from './versionListing';
import type { AnalysisStore, StoreScope } from './types';
import { previousAt, readIndexOrder } from './ngramCounts';
import { makeTimeCells } from '../time/cells';
import { timedStage, timedStageSync } from './stageTimes';
import { readTallyAnalyses } from './tallyAnalyses';

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
  // The version without its text (the stored index when the folder still matches it): texts are read a chunk at a time.
  const listing = timedStageSync('tallies.list-corpus', () => versionListing(corpusDir, storeRoot));
  const { corpus, keys, version, scope, fingerprint: before } = listing;
  const store = storeAt(storeRoot);
  const local = fileStore(storeRoot);
  const key = talliesKeyOf(corpus, version);
  // Read once for whichever of the tallies, the time cells, the mention postings and the drill-down counts is missing.
  let read: ArticleAnalysis[] | null = null;
  const analyses = (): ArticleAnalysis[] =>
    (read ??= timedStageSync('tallies.read-analyses', () => readTallyAnalyses(store, scope, corpus, keys)));
  if (!hasTallies(store, scope, key)) {
    const all = analyses();
    await timedStage('tallies.tallies', () => putTallies(store, scope, key, makeTallies(corpus, all)));
  }
  // The time series' sums per outlet and day, under the same key (a store made before them gets them here too).
  if (!hasTimeCells(store, scope, key))
    await timedStage('tallies.time-cells', () =>
      putTimeCells(store, scope, key, versionTimeCells(store, scope, corpus, keys, analyses)),
    );
  // What a drill-down and an outlet page read instead of the whole text (lib/store/mentionPostings.ts).
  if (!hasMentionPostings(store, scope, version)) {
    const all = analyses();
    await timedStage('tallies.mention-postings', () =>
      putMentionPostings(store, scope, version, makeMentionPostings(all)),
    );
  }
  // What a drill-down page of mentions reads to cut its page and count its rows (lib/store/drillCounts.ts).
  if (!hasDrillCounts(store, scope, version)) {
    const all = analyses();
    await timedStage('tallies.drill-counts', () => putDrillCounts(store, scope, version, makeDrillCounts(all)));
  }
  // Only for a folder that did not change while it was read: the index must describe exactly the files it is keyed by.
  // A listing made from the index means it is stored; one made by a scan holds the text length.
  if (!hasCorpusIndex(local, scope, before) && corpusFingerprint(corpusDir) === before)
    await timedStage('tallies.corpus-index', () =>
      putCorpusIndex(local, scope, before, {
        meta: listing.meta,
        keys,
        version,
        tallies: key,
        chars: listing.chars ?? undefined,
      }),
    );
  return key;
}

/**
 * A version's time cells, made the cheapest exact way: the cells of the latest version whose order is stored
 * (lib/store/ngramCounts.ts) plus the sums of the articles this version adds, read alone (lib/time/cellsUpdate.ts),
 * when this version keeps every article of that one on the same date and the same term groups; else from every
 * analysis (`all`, read once for the whole job).
 */
export function versionTimeCells(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: JobCorpus,
  keys: readonly string[],
  all: () => ArticleAnalysis[],
): TimeCells {
  const groups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
  const order = readIndexOrder(store, scope);
  const oldAt = order?.dates && previousAt(order.keys, keys);
  const dates = order?.dates;
  if (oldAt && dates) {
    let kept = 0;
    let sameDays = true;
    oldAt.forEach((o, i) => {
      if (o < 0) return;
      kept++;
      if (dates[o] !== corpus.articles[i].date) sameDays = false;
    });
    const prev =
      kept === order.keys.length && sameDays ? readTimeCells(store, scope, talliesKey(order.version, dates)) : null;
    if (prev && JSON.stringify(prev.groups) === JSON.stringify(groups)) {
      const added = [...oldAt.keys()].filter((i) => oldAt[i] < 0);
      const articles = articlesAt(corpus, added);
      const analyses = store.read(
        scope,
        articles,
        added.map((i) => keys[i]),
      );
      const missing = analyses.findIndex((a) => a === null);
      if (missing >= 0)
        throw new Error(
          `${scope.corpus}: article ${articles[missing].id} has no stored analysis, so its time cells wait for it`,
        );
      return addToTimeCells(
        prev,
        analyses.map((analysis, j) => ({ analysis: analysis!, date: articles[j].date })),
      );
    }
  }
  return makeTimeCells(
    all().map((analysis, i) => ({ analysis, date: corpus.articles[i].date })),
    groups,
  );
}
