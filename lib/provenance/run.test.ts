import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS } from '../analysis/aggregate';
import { analyzeCorpus } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { analyzeWithProvenance } from './run';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));

describe('analyzeWithProvenance', () => {
  test('with all text, the statistics are those of the plain analysis', () => {
    const ex = analyzeWithProvenance(corpus, DEFAULT_OPTIONS);
    const plain = analyzeCorpus(corpus, DEFAULT_OPTIONS);
    expect(ex.counts).toEqual(plain.counts);
    expect(ex.mentions).toEqual(plain.mentions);
    expect(ex.corpus.options.provenance).toBe('all');
  });

  test.each([
    // News24's page credits AP in its caption ("(AP)"), so all its text is credited, none original.
    ['original', 'news24', 0],
    ['reused', 'news24', 1],
    // Press TV's page credits no one and shares no passage with the other four pages.
    ['original', 'presstv', 1],
    ['reused', 'presstv', 0],
  ] as const)('provenance=%s: %s has %i articles', (provenance, outlet, n) => {
    const ex = analyzeWithProvenance(corpus, { ...DEFAULT_OPTIONS, provenance });
    expect(ex.outlets.find((o) => o.id === outlet)!.articles).toBe(n);
    // Every sentence is listed whatever the option.
    expect(ex.provenance.filter((r) => r.article.startsWith(outlet)).length).toBeGreaterThan(10);
  });
});
