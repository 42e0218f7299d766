import { creditSources } from '../provenance/credits';
import { emptyProvenance, reindexProvenance, type CorpusProvenance, type ProvenanceInput } from '../provenance/model';
import { DEFAULT_REUSE } from '../provenance/reuseIndex';
import { storeAt } from './current';
import { hasProvenance, putReuseIndex, readProvenance, readProvenanceByPart, readReuseIndex } from './derived';
import { restoreFromInputs } from './provenanceCodec';
import { STORED_PARTS, storeArticlesByPart, type PartSizes } from './provenanceParts';
import {
  MissingAnalysisError,
  PROVENANCE_READ_CHUNK,
  readProvenanceInputs,
  type ProvenanceInputs,
} from './provenanceInputs';
import { InputSpill } from './provenanceSpill';
import { hasProvenanceSummary, putProvenanceSummary } from './provenanceSummary';
import { hasProvenancePages, putProvenancePages } from './provenancePages';
import { summariseProvenance } from '../provenance/summary';
import type { ReuseIndexMade, StoredReuseIndex } from './reuseIndexCodec';
import { makeSentenceKinds, putSentenceKinds, readSentenceKinds } from './sentenceKinds';
import type { AnalysisStore, StoreScope } from './types';
import { versionListing, type ListedCorpus } from './versionListing';

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
  // Its articles decoded a part at a time as the job keeps or replaces each: only its pairs are held whole.
  const stored = readProvenanceByPart(store, scope, index.version);
  if (!stored || stored.articles !== index.keys.length || stored.pairs.length !== index.keys.length) return null;
  return { index, stored };
}

/**
 * The index of a version made from the previous version's index and provenance, which articles need their provenance
 * computed again, and where the others' previous results are.
 */
function reindexFrom(
  { index, stored }: NonNullable<ReturnType<typeof readPrevious>>,
  inputs: ProvenanceInput[],
  keys: string[],
  dates: (string | null)[],
  sources: ReturnType<typeof creditSources>,
) {
  const prev = {
    index: { options: index.options, postings: index.postings, candidates: index.candidates, pairs: stored.pairs },
    sources: stored.sources,
  };
  const prevOf = previousPositions(index, keys, dates);
  const { provenance, redo } = reindexProvenance(prev, inputs, sources, prevOf);
  return { provenance, redo, previous: (i: number) => stored.articleAt(prevOf[i]) };
}

// The corpus page's summary of a provenance, with each article's mentions as the job keeps them.
function summaryOf(p: CorpusProvenance, mentions: ProvenanceInputs['mentions']) {
  return summariseProvenance(p, (id) => mentions.get(id) ?? []);
}

// A whole computation: no article has a previous result.
const none = (n: number) => new Int32Array(n).fill(-1);
const noPrevious = (i: number): never => {
  throw new Error(`provenance: article ${i} has no previous result to keep (a whole computation redoes every one)`);
};

/**
 * A corpus folder's version as the job reads it: its scope, article keys, version key, dates and outlets, and its
 * articles without their text (the version listing, lib/store/versionListing.ts): readProvenanceInputs reads only the
 * texts of the chunk of analyses it decodes, so the whole corpus's text is never held.
 */
function versionOf(corpusDir: string, storeRoot: string) {
  const { corpus, scope, keys, version } = versionListing(corpusDir, storeRoot);
  return { scope, keys, version, dates: corpus.articles.map((a) => a.date), outlets: corpus.outlets, articles: corpus };
}

/**
 * Computes the provenance of a corpus folder's current version from its stored analyses and stores it, its sentence
 * kinds (what a drill-down marks its rows with), its summary (what the corpus provenance page reads), each article's page record and the reuse index the next version is made from (a worker's job: reuse detection reads the whole corpus). With a stored index of
 * an earlier version, only what the articles added and removed since change is redone. The analyses are read `chunk` at
 * a time and only their provenance inputs kept (lib/store/provenanceInputs.ts); each article's provenance is made,
 * stored and dropped a part at a time (`parts`, the store's sizes unless a test asks for others;
 * lib/store/provenanceParts.ts). Throws when an article has no stored analysis yet.
 */
export async function storeProvenance(
  corpusDir: string,
  storeRoot: string,
  chunk = PROVENANCE_READ_CHUNK,
  parts: PartSizes = STORED_PARTS,
): Promise<ProvenanceRun> {
  const { scope, keys, version, dates, outlets, articles } = versionOf(corpusDir, storeRoot);
  const store = storeAt(storeRoot);
  if (hasProvenance(store, scope, version)) {
    // A store made before sentence kinds were stored (or with an unreadable file) gets them from its provenance.
    if (!readSentenceKinds(store, scope, version)) {
      const stored = readProvenance(store, scope, version);
      if (stored) await putSentenceKinds(store, scope, version, makeSentenceKinds(stored.articles));
    }
    // Likewise the summary and article pages, which need the analyses too (mentions, texts and word offsets).
    const summary = hasProvenanceSummary(store, scope, version);
    const pages = hasProvenancePages(store, scope, version);
    const stored = !summary || !pages ? readProvenance(store, scope, version) : null;
    if (stored) {
      const spill = new InputSpill(keys.length);
      try {
        const read = readInputsIfStored(store, scope, articles, keys, chunk, spill);
        if (read) {
          const p = restoreFromInputs(stored, read.inputs);
          if (!summary) await putProvenanceSummary(store, scope, version, summaryOf(p, read.mentions));
          if (!pages) await putProvenancePages(store, scope, version, p);
        }
      } finally {
        spill.close();
      }
    }
    return { version, made: null };
  }
  // Texts, sentence spans and words wait in a scratch file, not the heap (lib/store/provenanceSpill.ts).
  const spill = new InputSpill(keys.length);
  try {
    return await makeProvenance(store, scope, { keys, version, dates, outlets, articles }, chunk, parts, spill);
  } finally {
    spill.close();
  }
}

// The job's making of a version's provenance (storeProvenance when none is stored), its inputs read into `spill`.
async function makeProvenance(
  store: AnalysisStore,
  scope: StoreScope,
  { keys, version, dates, outlets, articles }: Omit<ReturnType<typeof versionOf>, 'scope'>,
  chunk: number,
  parts: PartSizes,
  spill: InputSpill,
): Promise<ProvenanceRun> {
  const { inputs, mentions } = readProvenanceInputs(store, scope, articles, keys, chunk, spill);
  // From here as before the inputs were read in chunks, so `made` times compare with earlier runs.
  const t = performance.now();
  const sources = creditSources(outlets);
  const previous = readPrevious(store, scope);
  const read = performance.now();
  const {
    provenance: p,
    redo,
    previous: before,
  } = previous
    ? reindexFrom(previous, inputs, keys, dates, sources)
    : { ...reindexProvenance(emptyProvenance(sources), inputs, sources, none(inputs.length)), previous: noPrevious };
  const indexed = performance.now();
  const stored = await storeArticlesByPart(store, scope, version, p, redo, before, mentions, parts);
  const done = performance.now();
  // Articles are made and written a part at a time: as before, reading counts the previous results kept, and writing
  // is the rest of the time after the index is made, less computing articles.
  const run: ReuseIndexMade = {
    mode: previous ? 'incremental' : 'full',
    ms: Math.round(done - t),
    readMs: Math.round(read - t + stored.previousMs),
    writeMs: Math.round(done - indexed - stored.computeMs - stored.previousMs),
    recomputed: stored.computed,
  };
  const { postings, candidates, options } = p.index;
  await putReuseIndex(store, scope, { version, keys, dates, options, postings, candidates, made: run });
  return { version, made: run };
}

// The inputs when every article's analysis is stored, else null (the summary and pages then wait, as before).
function readInputsIfStored(
  store: AnalysisStore,
  scope: StoreScope,
  articles: ListedCorpus,
  keys: string[],
  chunk: number,
  spill: InputSpill,
): ProvenanceInputs | null {
  try {
    return readProvenanceInputs(store, scope, articles, keys, chunk, spill);
  } catch (e) {
    if (e instanceof MissingAnalysisError) return null;
    throw e;
  }
}
