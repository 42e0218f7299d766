import type { ArticleAnalysis } from '../analysis/article';
import { corpusFingerprint } from '../corpus/fingerprint';
import { hasCorpusIndex, putCorpusIndex } from './corpusIndex';
import { storeAt } from './current';
import { fileStore } from './files';
import { hasMentionPostings, mentionPostingsMaker, putMentionPostings } from './mentionPostings';
import { drillCountsMaker, hasDrillCounts, putDrillCounts } from './drillCounts';
import { hasTallies, putTallies, talliesKey, talliesKeyOf, talliesMaker } from './tallies';
import { hasTimeCells, putTimeCells, readTimeCells } from './timeCells';
import { addToTimeCells } from '../time/cellsUpdate';
import type { TimeCells } from '../time/cells';
import { articlesAt, versionListing, type JobCorpus } from './versionListing';
import type { AnalysisStore, StoreScope } from './types';
import { previousAt, readIndexOrder } from './ngramCounts';
import { makeTimeCells } from '../time/cells';
import { timedStage, timedStageSync } from './stageTimes';
import { eachTallyChunk } from './tallyAnalyses';
import { timeCellsMaker } from '../time/cellsMaker';

/**
 * Makes and stores the tallies, time cells, mention postings and drill-down counts of a corpus folder's current version
 * from its stored analyses (read a chunk at a time, never all held), and
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
  // The time series' sums per outlet and day, under the same key (a store made before them gets them here too): from
  // the latest version's cells when they can be, else made with the rest below.
  const cellsStored = hasTimeCells(store, scope, key);
  const addedCells = cellsStored
    ? null
    : timedStageSync('tallies.added-time-cells', () => addedTimeCells(store, scope, corpus, keys));
  // Whichever of the tallies, the time cells, the mention postings (what a drill-down and an outlet page read instead
  // of the whole text) and the drill-down counts (what a page of mentions reads to cut its page and count its rows) is
  // missing, made in one read of the analyses, a chunk at a time: each chunk is folded into every maker, then dropped.
  const makers = {
    tallies: hasTallies(store, scope, key) ? null : talliesMaker(corpus),
    cells: addedCells || cellsStored ? null : timeCellsMaker(groupsOf(corpus)),
    postings: hasMentionPostings(store, scope, version) ? null : mentionPostingsMaker(),
    drill: hasDrillCounts(store, scope, version) ? null : drillCountsMaker(),
  };
  if (makers.tallies || makers.cells || makers.postings || makers.drill)
    timedStageSync('tallies.read-analyses', () =>
      eachTallyChunk(store, scope, corpus, keys, (views, from) => {
        makers.tallies?.add(views);
        makers.cells?.add(views.map((analysis, k) => ({ analysis, date: corpus.articles[from + k].date })));
        makers.postings?.add(views);
        makers.drill?.add(views);
      }),
    );
  // Each made and stored in turn, and let go before the next is made.
  if (makers.tallies) {
    const made = makers.tallies.finish();
    makers.tallies = null;
    await timedStage('tallies.tallies', () => putTallies(store, scope, key, made));
  }
  const cells = addedCells ?? makers.cells?.finish();
  makers.cells = null;
  if (cells) await timedStage('tallies.time-cells', () => putTimeCells(store, scope, key, cells));
  if (makers.postings) {
    const made = makers.postings.finish();
    makers.postings = null;
    await timedStage('tallies.mention-postings', () => putMentionPostings(store, scope, version, made));
  }
  if (makers.drill) {
    const made = makers.drill.finish();
    makers.drill = null;
    await timedStage('tallies.drill-counts', () => putDrillCounts(store, scope, version, made));
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

// The lexicon's term groups as time cells hold them: ids, with their variants' ids in order.
const groupsOf = (corpus: JobCorpus) =>
  corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));

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
  return (
    addedTimeCells(store, scope, corpus, keys) ??
    makeTimeCells(
      all().map((analysis, i) => ({ analysis, date: corpus.articles[i].date })),
      groupsOf(corpus),
    )
  );
}

/**
 * A version's time cells from the latest version's stored cells plus the sums of the articles this version adds (read
 * alone), or null when that version's cells cannot be carried over (none stored, an article of it removed or moved to
 * another day, other term groups): then they are made from every analysis.
 */
export function addedTimeCells(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: JobCorpus,
  keys: readonly string[],
): TimeCells | null {
  const groups = groupsOf(corpus);
  const order = readIndexOrder(store, scope);
  const oldAt = order?.dates && previousAt(order.keys, keys);
  const dates = order?.dates;
  if (!oldAt || !dates) return null;
  let kept = 0;
  let sameDays = true;
  oldAt.forEach((o, i) => {
    if (o < 0) return;
    kept++;
    if (dates[o] !== corpus.articles[i].date) sameDays = false;
  });
  const prev =
    kept === order.keys.length && sameDays ? readTimeCells(store, scope, talliesKey(order.version, dates)) : null;
  if (!prev || JSON.stringify(prev.groups) !== JSON.stringify(groups)) return null;
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
