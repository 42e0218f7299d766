import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { articleKey, lexiconKey, versionKey } from './keys';
import { derivedParts, planPrune, storeKeysOf, type KeptStoreKeys, type ListedScope } from './retention';
import { talliesKeyOf } from './tallies';

const NOW = 1_000_000_000;
const OLD = NOW - 3_600_000;
const o = { engine: 1, now: NOW, graceMs: 600_000 };
// Two kept versions under lexicon aaaa: v1 (articles k1, k2) and v2 (k2, k3).
const kept: KeptStoreKeys[] = [
  { lexicon: 'aaaa', version: 'v1', tallies: 't1', articles: ['k1', 'k2'] },
  { lexicon: 'aaaa', version: 'v2', tallies: 't2', articles: ['k2', 'k3'] },
];
const scope = (folder: string, files: ListedScope['files']): ListedScope[] => [{ folder, files }];
const f = (name: string, extra: Partial<ListedScope['files'][0]> = {}) => ({ name, mtimeMs: OLD, ...extra });

describe('planPrune', () => {
  test.each<[string, ListedScope[], { rewrite: { file: string; keep: number[] }[]; remove: string[] }]>([
    [
      'a scope of a lexicon no kept version uses goes whole (segments and derived data)',
      scope('bbbb-e1', [
        f('seg-a.fsa', { keys: ['k1'] }),
        f('tallies-t1.bin'),
        f('reuse-index-latest.bin'),
        f('ngram-counts-latest.bin'),
        f('index-order-latest.bin'),
      ]),
      {
        rewrite: [],
        remove: [
          'bbbb-e1/index-order-latest.bin',
          'bbbb-e1/ngram-counts-latest.bin',
          'bbbb-e1/reuse-index-latest.bin',
          'bbbb-e1/seg-a.fsa',
          'bbbb-e1/tallies-t1.bin',
        ],
      },
    ],
    [
      'a scope of an older engine goes whole, though its lexicon is kept',
      scope('aaaa-e0', [f('seg-a.fsa', { keys: ['k1'] })]),
      { rewrite: [], remove: ['aaaa-e0/seg-a.fsa'] },
    ],
    [
      'derived data of kept versions stays, of others goes; the latest reuse index stays',
      scope('aaaa-e1', [
        f('provenance-v2-v1.bin'),
        f('provenance-v2-v0.bin'),
        f('vocabulary-v2.bin'),
        f('vocabulary-v0.bin'),
        f('tallies-t2.bin'),
        f('tallies-t0.bin'),
        // Stories are keyed as tallies are (version and dates).
        f('stories-t2.bin'),
        f('stories-t0.bin'),
        // Mention postings are keyed by the version key.
        f('mention-postings-v1.bin'),
        f('mention-postings-v0.bin'),
        // So are the time series' cells.
        f('time-cells-t2.bin'),
        f('time-cells-t0.bin'),
        // The provenance summary by the version key; article pages by it (their index) and in parts `-p<k>`.
        f('provenance-summary-v1.bin'),
        f('provenance-summary-v0.bin'),
        f('provenance-pages-v2.bin'),
        f('provenance-pages-v2-p0.bin'),
        f('provenance-pages-v2-p12.bin'),
        f('provenance-pages-v0.bin'),
        f('provenance-pages-v0-p0.bin'),
        // So is the word index: its head under the version key, its parts `-w<k>`.
        f('word-index-v1.bin'),
        f('word-index-v1-w0.bin'),
        f('word-index-v1-w7.bin'),
        f('word-index-v0.bin'),
        f('word-index-v0-w0.bin'),
        f('word-index-v0-w11.bin'),
        f('reuse-index-latest.bin'),
        // The latest n-gram counts and index order stay, as the reuse index does.
        f('ngram-counts-latest.bin'),
        f('index-order-latest.bin'),
      ]),
      {
        rewrite: [],
        remove: [
          'aaaa-e1/mention-postings-v0.bin',
          'aaaa-e1/provenance-pages-v0-p0.bin',
          'aaaa-e1/provenance-pages-v0.bin',
          'aaaa-e1/provenance-summary-v0.bin',
          'aaaa-e1/provenance-v2-v0.bin',
          'aaaa-e1/stories-t0.bin',
          'aaaa-e1/tallies-t0.bin',
          'aaaa-e1/time-cells-t0.bin',
          'aaaa-e1/vocabulary-v0.bin',
          'aaaa-e1/word-index-v0-w0.bin',
          'aaaa-e1/word-index-v0-w11.bin',
          'aaaa-e1/word-index-v0.bin',
        ],
      },
    ],
    [
      'a segment of live analyses stays, of dead ones goes, of both is written again with the live ones',
      scope('aaaa-e1', [
        f('seg-a.fsa', { keys: ['k1', 'k2'] }),
        f('seg-b.fsa', { keys: ['k0', 'k9'] }),
        f('seg-c.fsa', { keys: ['k0', 'k3', 'k9'] }),
      ]),
      { rewrite: [{ file: 'aaaa-e1/seg-c.fsa', keep: [1] }], remove: ['aaaa-e1/seg-b.fsa'] },
    ],
    [
      'an analysis a newer segment holds is a duplicate in an older one (a prune interrupted before its removals)',
      scope('aaaa-e1', [
        f('seg-1.fsa', { keys: ['k1', 'k2', 'k3'] }),
        f('seg-2.fsa', { keys: ['k0', 'k3'] }),
        f('seg-3.fsa', { keys: ['k2'] }),
      ]),
      // seg-3 keeps k2; seg-2 keeps k3 (k0 is dead); seg-1 keeps only k1, as k2 and k3 are held by newer segments.
      {
        rewrite: [
          { file: 'aaaa-e1/seg-1.fsa', keep: [0] },
          { file: 'aaaa-e1/seg-2.fsa', keep: [1] },
        ],
        remove: [],
      },
    ],
    [
      'a segment in its grace period holds its analyses: older copies go',
      scope('aaaa-e1', [f('seg-1.fsa', { keys: ['k1', 'k2'] }), f('seg-2.fsa', { keys: ['k1', 'k2'], mtimeMs: NOW })]),
      { rewrite: [], remove: ['aaaa-e1/seg-1.fsa'] },
    ],
    [
      'a corpus index of a kept version stays, of another goes, one that cannot be read goes',
      scope('aaaa-e1', [
        f('corpus-index-fp1.bin', { indexVersion: 'v2' }),
        f('corpus-index-fp0.bin', { indexVersion: 'v0' }),
        f('corpus-index-fpx.bin', { indexVersion: null }),
      ]),
      { rewrite: [], remove: ['aaaa-e1/corpus-index-fp0.bin', 'aaaa-e1/corpus-index-fpx.bin'] },
    ],
    [
      'anything written within the grace period stays, even in an unused scope',
      scope('bbbb-e1', [f('seg-a.fsa', { keys: ['k1'], mtimeMs: NOW - 1000 }), f('tallies-t9.bin')]),
      { rewrite: [], remove: ['bbbb-e1/tallies-t9.bin'] },
    ],
    [
      'unknown kinds, other files and folders of another shape are left alone',
      [
        { folder: 'aaaa-e1', files: [f('newkind-v0.bin'), f('notes.txt'), f('.tmp-x')] },
        { folder: 'scratch', files: [f('seg-a.fsa', { keys: ['k0'] })] },
      ],
      { rewrite: [], remove: [] },
    ],
    [
      'provenance in the format before v2 goes (never read again)',
      scope('aaaa-e1', [f('provenance-0123abcd.v8')]),
      { rewrite: [], remove: ['aaaa-e1/provenance-0123abcd.v8'] },
    ],
  ])('%s', (_case, scopes, want) => {
    expect(planPrune(kept, scopes, o)).toEqual(want);
  });

  test('with no kept version every scope is unused', () => {
    expect(planPrune([], scope('aaaa-e1', [f('seg-a.fsa', { keys: ['k1'] })]), o).remove).toEqual([
      'aaaa-e1/seg-a.fsa',
    ]);
  });
});

describe('derivedParts', () => {
  test.each([
    ['provenance-v2-37af08fee7498f60.bin', { kind: 'provenance-v2', key: '37af08fee7498f60' }],
    ['reuse-index-latest.bin', { kind: 'reuse-index', key: 'latest' }],
    ['ngram-counts-latest.bin', { kind: 'ngram-counts', key: 'latest' }],
    ['index-order-latest.bin', { kind: 'index-order', key: 'latest' }],
    ['corpus-index-816586370a57779d.bin', { kind: 'corpus-index', key: '816586370a57779d' }],
    ['tallies-4515f4e8b4128a4f.bin', { kind: 'tallies', key: '4515f4e8b4128a4f' }],
    ['vocabulary-37af08fee7498f60.bin', { kind: 'vocabulary', key: '37af08fee7498f60' }],
    ['stories-4515f4e8b4128a4f.bin', { kind: 'stories', key: '4515f4e8b4128a4f' }],
    ['mention-postings-37af08fee7498f60.bin', { kind: 'mention-postings', key: '37af08fee7498f60' }],
    ['time-cells-4515f4e8b4128a4f.bin', { kind: 'time-cells', key: '4515f4e8b4128a4f' }],
    ['provenance-summary-37af08fee7498f60.bin', { kind: 'provenance-summary', key: '37af08fee7498f60' }],
    ['provenance-pages-37af08fee7498f60-p3.bin', { kind: 'provenance-pages', key: '37af08fee7498f60-p3' }],
    ['word-index-37af08fee7498f60.bin', { kind: 'word-index', key: '37af08fee7498f60' }],
    ['seg-mwrix647-h6e-hrwvte.fsa', null],
    ['provenance-37af08fee7498f60.v8', null],
    ['other-kind-x.bin', null],
  ])('%s', (name, want) => {
    expect(derivedParts(name)).toEqual(want);
  });
});

describe('storeKeysOf', () => {
  test('names the keys the store files of a loaded version are written under', () => {
    const seeds = loadCorpus('corpus/seeds');
    const k = storeKeysOf(seeds);
    // Computed here from the key functions themselves, in the order prepare.ts and talliesJob.ts use them.
    const articles = seeds.articles.map(articleKey);
    const lexicon = lexiconKey(seeds.lexicon);
    const version = versionKey(articles, lexicon);
    expect(k).toEqual({ lexicon, version, tallies: talliesKeyOf(seeds, version), articles });
    // The seeds hold 5 articles (corpus/seeds/articles has 5 files), each with its own key.
    expect(new Set(k.articles).size).toBe(5);
  });
});
