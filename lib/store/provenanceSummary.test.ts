import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ProvenanceSummary } from '../provenance/summary';
import { fileStore } from './files';
import {
  decodeProvenanceSummary,
  encodeProvenanceSummary,
  hasProvenanceSummary,
  putProvenanceSummary,
  readProvenanceSummary,
} from './provenanceSummary';

const summary: ProvenanceSummary = {
  outlets: ['wire', 'paper'],
  summaries: [
    {
      articles: 1,
      sentences: { original: 0, shared: 1, credited: 0 },
      words: { original: 0, shared: 19, credited: 0 },
      creditedArticles: 0,
      sourceOutlets: [],
      creditedSources: [],
    },
    {
      articles: 1,
      sentences: { original: 1, shared: 1, credited: 0 },
      words: { original: 2, shared: 19, credited: 0 },
      creditedArticles: 0,
      sourceOutlets: [{ outlet: 'wire', sentences: 1 }],
      creditedSources: [],
    },
  ],
  matrix: [
    [0, 0],
    [1, 0],
  ],
  substitutions: [],
  ids: ['w', 'c'],
  outletOf: [0, 1],
  sentences: [0, 1, 0, 1, 1, 0],
};
const bytesOf = (s: unknown) => Buffer.from(`FPS1${JSON.stringify(s)}`, 'utf8');

describe('provenance summary bytes', () => {
  test('round trip', () => expect(decodeProvenanceSummary(encodeProvenanceSummary(summary), 'x')).toEqual(summary));

  test.each([
    ['no tag', Buffer.from('{}'), 'does not start with FPS1'],
    ['not JSON', Buffer.from('FPS1{'), 'not JSON after its tag'],
    ['outlets not ids', bytesOf({ ...summary, outlets: [1, 2] }), '"outlets" is not a list of ids'],
    ['a summary short', bytesOf({ ...summary, summaries: [] }), 'one summary per outlet (2)'],
    ['matrix 2 x 1', bytesOf({ ...summary, matrix: [[0], [1]] }), '"matrix" is not 2 x 2 counts'],
    [
      'negative count',
      bytesOf({
        ...summary,
        matrix: [
          [0, -1],
          [1, 0],
        ],
      }),
      '"matrix" is not 2 x 2 counts',
    ],
    ['no substitutions', bytesOf({ ...summary, substitutions: null }), '"substitutions" is not a list'],
    ['outlet past the list', bytesOf({ ...summary, outletOf: [0, 2] }), 'one of the 2 outlets for each of the 2'],
    ['counts short', bytesOf({ ...summary, sentences: [0, 1, 0] }), '3 counts for each of the 2 articles'],
  ])('%s: refused, saying what and where', (_, bytes, why) => {
    expect(() => decodeProvenanceSummary(bytes, 'corpus/provenance-summary-v1')).toThrow(
      `corpus/provenance-summary-v1: not readable as a provenance summary`,
    );
    expect(() => decodeProvenanceSummary(bytes, 'here')).toThrow(why);
  });

  test('stored, found and read; unreadable bytes read as none', async () => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-summary-')));
    const scope = { corpus: 'c', lexicon: 'l' };
    expect(hasProvenanceSummary(store, scope, 'v1')).toBe(false);
    expect(readProvenanceSummary(store, scope, 'v1')).toBeNull();
    await putProvenanceSummary(store, scope, 'v1', summary);
    expect(hasProvenanceSummary(store, scope, 'v1')).toBe(true);
    expect(readProvenanceSummary(store, scope, 'v1')).toEqual(summary);
    await store.putDerived(scope, 'provenance-summary', 'v2', Buffer.from('FPS1[]'));
    expect(readProvenanceSummary(store, scope, 'v2')).toBeNull();
  });
});
