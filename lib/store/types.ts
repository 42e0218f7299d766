import type { ArticleAnalysis } from '../analysis/article';
import type { Article } from '../types';
import type { PackedAnalyses } from './codec';

/** Which analyses a call is about: one corpus, under one lexicon (by lexiconKey) and the current ENGINE_VERSION. */
export interface StoreScope {
  corpus: string;
  lexicon: string;
}

/** Analyses made together (one worker batch), with the articleKey of each, in the order they were packed. */
export interface AnalysedBatch {
  keys: string[];
  packed: PackedAnalyses;
}

/** The start of a stored piece of derived data and the size of the whole (AnalysisStore.derivedHead). */
export interface DerivedHead {
  head: Uint8Array;
  size: number;
}

/**
 * What the server reads and the writers write: analyses keyed by (article key, lexicon key, engine version) and derived data
 * per corpus version (provenance; see lib/store/derived.ts). One interface, one implementation per backend (lib/store/files.ts today; a PostgreSQL
 * one later answers the same calls with its own queries). Reads are synchronous because the data door is: a backend
 * that cannot read synchronously fills an in-memory cache from its prepare step (lib/store/prepare.ts) instead.
 */
export interface AnalysisStore {
  readonly backend: string;
  /** The keys among `keys` that have an analysis stored in the scope. */
  stored(scope: StoreScope, keys: readonly string[]): Set<string>;
  /**
   * Learns what is stored for a scope in steps (yielding between them), so the first read of an analysis does not
   * pay for it on a request: a server warms the scopes it serves in the background.
   */
  warm(scope: StoreScope): Generator<void, void, void>;
  /** The stored analyses of these articles (keys[i] is articles[i]'s key), null where none is stored. */
  read(scope: StoreScope, articles: readonly Article[], keys: readonly string[]): (ArticleAnalysis | null)[];
  /** Stores a batch of analyses durably before it resolves; a batch is stored whole or not at all. */
  put(scope: StoreScope, batch: AnalysedBatch): Promise<void>;
  /**
   * The bytes of one piece of derived data (a `kind` such as "provenance", for one corpus version or other key), or
   * null when none is stored. Derived data is made by workers from stored analyses and can always be made again.
   */
  readDerived(scope: StoreScope, kind: string, key: string): Uint8Array | null;
  /** Whether a piece of derived data is stored (without reading it). */
  hasDerived(scope: StoreScope, kind: string, key: string): boolean;
  /**
   * The first `length` bytes of a piece of derived data (all of it when shorter) and its whole size in bytes, or null
   * when none is stored: what a check of a stored header reads instead of the whole piece.
   */
  derivedHead(scope: StoreScope, kind: string, key: string, length: number): DerivedHead | null;
  /**
   * `length` bytes of a piece of derived data from byte `offset` (fewer when it ends sooner), or null when none is
   * stored: what a reader that kept only a stored header reads a list it needs with, instead of keeping the whole piece.
   */
  derivedRange(scope: StoreScope, kind: string, key: string, offset: number, length: number): Uint8Array | null;
  /** Stores a piece of derived data whole (a reader sees the old bytes or the new, never part). */
  putDerived(scope: StoreScope, kind: string, key: string, bytes: Uint8Array): Promise<void>;
  /** A short string that changes whenever anything is stored for the corpus (part of cached pages' data version). */
  stamp(corpus: string): string;
  /** Bytes stored for a corpus (every lexicon), for the benchmark and /manage. */
  size(corpus: string): number;
}
