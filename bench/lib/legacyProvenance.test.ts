import { describe, expect, test } from 'vitest';
import { DEFAULT_REUSE } from '../../lib/provenance/reuseIndex';
import type { ArticlePageRecord } from '../../lib/provenance/pages';
import { decodeProvenance } from '../../lib/store/derived';
import type { StoredProvenance } from '../../lib/store/provenanceCodec';
import { decodePagesPart } from '../../lib/store/provenancePages';
import { encodePagesPartV1, encodeProvenanceV1 } from './legacyProvenance';

const record: ArticlePageRecord = {
  provenance: { id: 'a', outlet: 'o', date: null, credits: [], credited: [], sentences: [] },
  partners: [{ article: 'b', outlet: 'p', date: '2016-01-01', passages: [] }],
};
const provenance: StoredProvenance = {
  options: DEFAULT_REUSE,
  sources: [{ id: 'afp', names: ['AFP'] }],
  articles: [record.provenance],
  pairs: [[]],
};

describe('the formats stored before binary parts', () => {
  test.each([
    ['a provenance', encodeProvenanceV1(provenance), 'FSP1', (b: Uint8Array) => decodeProvenance(b), provenance],
    ['a page part', encodePagesPartV1([record]), 'FPP1', (b: Uint8Array) => decodePagesPart(b, 'x'), [record]],
  ])('%s: tagged as before, and still read', (_, bytes, tag, decode, want) => {
    expect(Buffer.from(bytes).toString('latin1', 0, 4)).toBe(tag);
    expect(decode(bytes)).toEqual(want);
  });
});
