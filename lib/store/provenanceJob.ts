import path from 'node:path';
import type { ArticleAnalysis } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import { provenanceInput } from '../provenance/corpusProvenance';
import { creditSources } from '../provenance/credits';
import { buildProvenance, updateProvenance, type CorpusProvenance } from '../provenance/model';
import { DEFAULT_REUSE } from '../provenance/reuseIndex';
import { storeAt } from './current';
import { hasProvenance, putProvenance, putReuseIndex, readProvenance, readReuseIndex } from './derived';
import { articleKey, lexiconKey, versionKey } from './keys';
import { compactProvenance, restoreProvenance } from './provenanceCodec';
import { hasProvenanceSummary, putProvenanceSummary } from './provenanceSummary';
import { hasProvenancePages, putProvenancePages } from './provenancePages';
import { summariseProvenance } from '../provenance/summary';
import type { ReuseIndexMade, StoredReuseIndex } from './reuseIndexCodec';
import { makeSentenceKinds, putSentenceKinds, readSentenceKinds } from './sentenceKinds';
import type { AnalysisStore, StoreScope } from './types';

/** What a provenance job did: the version it made provenance for, and how (nothing when it was already stored). */
export interface ProvenanceRun {
  version: string;
  made: ReuseIndexMade | null;
}

// A survivor must have the same analysed text (article key) and the same date: a date decides which is the source.
const survivorKey = (key: string, date: string | null) => `${key}\0${date ?? '-'}`;

/** For each article of the new version, its index in the stored index's version, or -1 (added, changed or redated). */
export function previousPositions(
  index: Pick<StoredReuseIndex, 'keys' | 'dates'>,
  keys: readonly string[],
  dates: readonly (string | null)[],
): Int32Array {
  const at = new Map(index.keys.map((k, i) => [survivorKey(k, index.dates[i]), i]));
  return Int32Array.from(keys, (k, i) => at.get(survivorKey(k, dates[i])) ?? -1);
}

/**
 * The store's latest reuse index and its version's stored provenance, when both are there and were made with the
 * settings in use; null when the next version has to be made whole.
 */
function readPrevious(store: AnalysisStore, scope: StoreScope) {
  const index = readReuseIndex(store, scope);
  if (!index || JSON.stringify(index.options) !== JSON.stringify(DEFAULT_REUSE)) return null;
  const stored = readProvenance(store, scope, index.version);
  if (!stored || stored.articles.length !== index.keys.length || stored.pairs.length !== index.keys.length) return null;
  return { index, stored };
}

/** The provenance of a version made from the previous version's index and provenance. */
function updateFrom(
  { index, stored }: NonNullable<ReturnType<typeof readPrevious>>,
  inputs: ReturnType<typeof provenanceInput>[],
  keys: string[],
  dates: (string | null)[],
  sources: ReturnType<typeof creditSources>,
): { provenance: CorpusProvenance; recomputed: number } {
  const prev = {
    index: { options: index.options, postings: index.postings, candidates: index.candidates, pairs: stored.pairs },
    sources: stored.sources,
    articles: stored.articles,
  };
  const { provenance, recomputed } = updateProvenance(prev, inputs, sources, previousPositions(index, keys, dates));
  return { provenance, recomputed: recomputed.length };
}

// The corpus page's summary of a provenance made from these analyses (same order).
function summaryOf(p: CorpusProvenance, analyses: readonly ArticleAnalysis[]) {
  const mentions = new Map(analyses.map((a) => [a.id, a.mentions]));
  return summariseProvenance(p, (id) => mentions.get(id) ?? []);
}

/**
 * Computes the provenance of a corpus folder's current version from its stored analyses and stores it, its sentence
 * kinds (what a drill-down marks its rows with), its summary (what the corpus provenance page reads), each article's page record and the reuse index the next version is made from (a worker's job: reuse detection reads the whole corpus). With a stored index of
 * an earlier version, only what the articles added and removed since change is redone. Throws when an article has no
 * stored analysis yet.
 */
export async function storeProvenance(corpusDir: string, storeRoot: string): Promise<ProvenanceRun> {
  const corpus = loadCorpus(corpusDir);
  const store = storeAt(storeRoot);
  const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const version = versionKey(keys, scope.lexicon);
  if (hasProvenance(store, scope, version)) {
    // A store made before sentence kinds were stored (or with an unreadable file) gets them from its provenance.
    if (!readSentenceKinds(store, scope, version)) {
      const stored = readProvenance(store, scope, version);
      if (stored) await putSentenceKinds(store, scope, version, makeSentenceKinds(stored.articles));
    }
    // Likewise the summary and article pages, which need the analyses too (mentions, texts and word offsets).
    const summary = hasProvenanceSummary(store, scope, version);
    const pages = hasProvenancePages(store, scope, version);
    if (!summary || !pages) {
      const stored = readProvenance(store, scope, version);
      const analyses = store.read(scope, corpus.articles, keys);
      if (stored && analyses.every((a) => a !== null)) {
        const dates = new Map(corpus.articles.map((a) => [a.id, a.date]));
        const p = restoreProvenance(stored, analyses as ArticleAnalysis[], dates);
        if (!summary) await putProvenanceSummary(store, scope, version, summaryOf(p, analyses as ArticleAnalysis[]));
        if (!pages) await putProvenancePages(store, scope, version, p);
      }
    }
    return { version, made: null };
  }
  const analyses = store.read(scope, corpus.articles, keys);
  const missing = analyses.findIndex((a) => a === null);
  if (missing >= 0)
    throw new Error(
      `${scope.corpus}: article ${corpus.articles[missing].id} has no stored analysis, so provenance waits for it`,
    );
  const t = performance.now();
  const dates = corpus.articles.map((a) => a.date);
  const inputs = (analyses as ArticleAnalysis[]).map((a, i) => provenanceInput(a, dates[i]));
  const sources = creditSources(corpus.outlets);
  const previous = readPrevious(store, scope);
  const read = performance.now();
  const update = previous && updateFrom(previous, inputs, keys, dates, sources);
  const p = update?.provenance ?? buildProvenance(inputs, sources);
  const computed = performance.now();
  // The provenance first: an index names a version whose provenance is stored, so the next version can read it.
  await putProvenance(store, scope, version, compactProvenance(p));
  await putSentenceKinds(store, scope, version, makeSentenceKinds(p.articles));
  await putProvenanceSummary(store, scope, version, summaryOf(p, analyses as ArticleAnalysis[]));
  await putProvenancePages(store, scope, version, p);
  const done = performance.now();
  const made: ReuseIndexMade = {
    mode: update ? 'incremental' : 'full',
    ms: Math.round(done - t),
    readMs: Math.round(read - t),
    writeMs: Math.round(done - computed),
    recomputed: update ? update.recomputed : inputs.length,
  };
  const { postings, candidates, options } = p.index;
  await putReuseIndex(store, scope, { version, keys, dates, options, postings, candidates, made });
  return { version, made };
}
