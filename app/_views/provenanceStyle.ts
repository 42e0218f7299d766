import type { ProvenanceKind } from '@/lib/provenance/model';

/** Sentence tints by provenance: translucent, so they read on light and dark backgrounds alike. */
export const KIND_TINT: Record<ProvenanceKind, string> = {
  original: 'transparent',
  shared: 'rgba(230, 120, 20, 0.22)',
  credited: 'rgba(60, 120, 220, 0.20)',
};

/** Each provenance in words, for legends and titles. */
export const KIND_TEXT: Record<ProvenanceKind, string> = {
  original: 'original (found nowhere else in the corpus, no credit)',
  shared: 'shared (the passage is in other articles of the corpus)',
  credited: 'credited (the article credits a wire or outlet; the passage itself is not in the corpus)',
};

/** What provenance can and cannot say, shown on every provenance view. */
export const TRACING_NOTE =
  'Only text this corpus holds can be traced: a sentence marked original was found in no other article here, ' +
  'which does not show that the outlet wrote it (its source may be outside the corpus). Credited sentences come ' +
  'from articles with a credit line (a dateline such as "AFP", "(Reuters)", "TRT World and agencies", "Source: …") ' +
  'or name their source themselves ("told AFP", "SANA reported").';
