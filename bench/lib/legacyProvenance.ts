import { serialize } from 'node:v8';
import type { ArticlePageRecord } from '../../lib/provenance/pages';
import { PROVENANCE_PART } from '../../lib/store/derived';
import type { StoredProvenance } from '../../lib/store/provenanceCodec';

/*
 * The formats provenance was stored in before the binary parts (FSP2, FPP2), kept to measure old against new and to
 * prove that stores written before still read.
 */

/** A provenance's bytes as stored before FSP2: "FSP1", a v8 header's length (u32 LE), the header, v8 parts. */
export function encodeProvenanceV1(p: StoredProvenance): Uint8Array {
  const parts = <T>(list: T[]) => {
    const out: Buffer[] = [];
    for (let i = 0; i < list.length; i += PROVENANCE_PART) out.push(serialize(list.slice(i, i + PROVENANCE_PART)));
    return out;
  };
  const articles = parts(p.articles);
  const pairs = parts(p.pairs);
  const header = serialize({
    options: p.options,
    sources: p.sources,
    articles: articles.map((b) => b.length),
    pairs: pairs.map((b) => b.length),
  });
  const prefix = Buffer.alloc(8);
  prefix.write('FSP1', 0, 'latin1');
  prefix.writeUInt32LE(header.length, 4);
  return Buffer.concat([prefix, header, ...articles, ...pairs]);
}

/** A page part's bytes as stored before FPP2: "FPP1" and the records as JSON. */
export function encodePagesPartV1(records: ArticlePageRecord[]): Uint8Array {
  return Buffer.from(`FPP1${JSON.stringify(records)}`, 'utf8');
}
