// Worker entry (worker_threads) for the provenance of a pinned old version whose provenance the store lacks (and for
// the stories of a large version the store lacks, clustered from its snapshot's text): reuse
// detection reads the whole corpus (about 20 minutes at 100,000 articles), so it never runs on the server's thread. The
// worker reads the kept version's files from its snapshot, unpacks the analyses the server sent (packed with
// lib/store/codec.ts, since some were made in memory and are in no store), and sends back the provenance as the store
// would hold it (encodeProvenance), for the server to decode in steps. It writes nothing: a read never writes.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpusFrom } from '../corpus/load';
import { snapshotFiles } from '../corpus/snapshots';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { unpackAnalyses, type PackedAnalyses } from '../store/codec';
import { encodeProvenance } from '../store/derived';
import { compactProvenance } from '../store/provenanceCodec';
import { corpusStoriesOfText } from '../analysis/slice';
import type { Story } from '../stories/cluster';

/** A kept version of a corpus (its snapshot) and its analyses in the snapshot's article order, packed. */
export interface PinnedProvenanceJob {
  corpus: string;
  version: string;
  packed: PackedAnalyses;
}

/** The worker's one answer: the encoded provenance (its buffer moved), or why it could not be made. */
export type PinnedProvenanceReply = { bytes: Uint8Array } | { error: string };

/** A kept version of a corpus whose stories are clustered from its snapshot's article text (no analysis needed). */
export interface PinnedStoriesJob {
  kind: 'stories';
  corpus: string;
  version: string;
}

/** The answer to a stories job: the version's stories, or why they could not be made. */
export type PinnedStoriesReply = { stories: Story[] } | { error: string };

/** The stories of a kept version, from its snapshot's files. */
export function pinnedStories(job: PinnedStoriesJob): Story[] {
  return corpusStoriesOfText(snapshotCorpus(job.corpus, job.version));
}

// A kept version's files, loaded and checked to be that version.
function snapshotCorpus(corpusId: string, version: string) {
  const files = snapshotFiles(corpusId, version);
  if (!files) throw new Error('its snapshot is no longer kept (pruned or removed)');
  const corpus = loadCorpusFrom(files);
  if (corpus.version !== version) throw new Error(`its snapshot reads as version ${corpus.version}`);
  return corpus;
}

/** Marks a worker started to make a pinned version's provenance (and not a thread that merely imports this file). */
export const PROVENANCE_WORKER_DATA = { framescopePinnedProvenance: true };

/** The encoded provenance of a kept version, from its snapshot's files and the given analyses. */
export function pinnedProvenanceBytes(job: PinnedProvenanceJob): Uint8Array {
  const corpus = snapshotCorpus(job.corpus, job.version);
  const analyses = unpackAnalyses(job.packed, corpus.articles);
  const bytes = encodeProvenance(compactProvenance(corpusProvenance(corpus, analyses)));
  // A small encoding may sit in Node's shared buffer pool, which cannot be moved to another thread: copied out then.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

if (parentPort && (workerData as typeof PROVENANCE_WORKER_DATA | null)?.framescopePinnedProvenance) {
  parentPort.once('message', (job: PinnedProvenanceJob | PinnedStoriesJob) => {
    let reply: PinnedProvenanceReply | PinnedStoriesReply;
    try {
      reply = 'kind' in job ? { stories: pinnedStories(job) } : { bytes: pinnedProvenanceBytes(job) };
    } catch (e) {
      reply = { error: (e as Error).message };
    }
    const transfer = 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : [];
    parentPort!.postMessage(reply, transfer);
  });
}
