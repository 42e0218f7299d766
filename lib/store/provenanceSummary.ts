import type { ProvenanceSummary } from '../provenance/summary';
import { derivedKind } from './derivedKind';
import type { AnalysisStore, StoreScope } from './types';

/** The kind of derived data holding a version's provenance summary (what the corpus provenance page reads). */
export const PROVENANCE_SUMMARY = 'provenance-summary';

const MAGIC = 'FPS1';

/** The stored bytes of a provenance summary: a tag, then the summary as JSON. */
export function encodeProvenanceSummary(s: ProvenanceSummary): Uint8Array {
  return Buffer.from(MAGIC + JSON.stringify(s), 'utf8');
}

const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => Number.isInteger(n) && n >= 0);

/** A provenance summary from its bytes; throws naming `where` and what is wrong when they are not of this format. */
export function decodeProvenanceSummary(bytes: Uint8Array, where: string): ProvenanceSummary {
  const bad = (why: string) =>
    new Error(`${where}: not readable as a provenance summary (${why}); delete the file and the server makes it again`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!text.startsWith(MAGIC)) throw bad(`it does not start with ${MAGIC}`);
  let s: Partial<ProvenanceSummary>;
  try {
    s = JSON.parse(text.slice(MAGIC.length)) as Partial<ProvenanceSummary>;
  } catch {
    throw bad('it is not JSON after its tag');
  }
  const { outlets, summaries, matrix, substitutions, ids, outletOf, sentences } = s;
  if (!Array.isArray(outlets) || !outlets.every((o) => typeof o === 'string'))
    throw bad('"outlets" is not a list of ids');
  if (!Array.isArray(summaries) || summaries.length !== outlets.length)
    throw bad(`"summaries" does not hold one summary per outlet (${outlets.length})`);
  if (
    !Array.isArray(matrix) ||
    matrix.length !== outlets.length ||
    !matrix.every((r) => numbers(r) && r.length === outlets.length)
  )
    throw bad(`"matrix" is not ${outlets.length} x ${outlets.length} counts`);
  if (!Array.isArray(substitutions)) throw bad('"substitutions" is not a list');
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw bad('"ids" is not a list of article ids');
  if (!numbers(outletOf) || outletOf.length !== ids.length || outletOf.some((o) => o >= outlets.length))
    throw bad(`"outletOf" does not name one of the ${outlets.length} outlets for each of the ${ids.length} articles`);
  if (!numbers(sentences) || sentences.length !== 3 * ids.length)
    throw bad(`"sentences" does not hold 3 counts for each of the ${ids.length} articles`);
  return s as ProvenanceSummary;
}

// The kind's has/read/put from its codec (lib/store/derivedKind.ts): a summary that does not decode reads as null, so
// the next provenance job of the corpus makes it again; until then the page reads the whole provenance.
const summaries = derivedKind(PROVENANCE_SUMMARY, encodeProvenanceSummary, decodeProvenanceSummary);

/** Whether a version's provenance summary is stored. */
export function hasProvenanceSummary(store: AnalysisStore, scope: StoreScope, version: string): boolean {
  return summaries.has(store, scope, version);
}

/** A version's stored provenance summary, or null when none is stored or it cannot be read. */
export function readProvenanceSummary(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
): ProvenanceSummary | null {
  return summaries.read(store, scope, version);
}

/** Stores a version's provenance summary. */
export function putProvenanceSummary(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  s: ProvenanceSummary,
): Promise<void> {
  return summaries.put(store, scope, version, s);
}
