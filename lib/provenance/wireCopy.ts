import { creditSources } from './credits';
import { buildProvenance, type CorpusProvenance } from './model';

/** A wire sentence that names the Islamic State "IS" (the tests' source article). */
export const WIRE =
  'The IS group claimed the bombing that killed twelve people at a checkpoint near the border town on Sunday.';

/** The wire sentence reprinted a day later with "IS" changed to "Daesh", plus a sentence of the paper's own. */
export const COPY = `${WIRE.replace('IS', 'Daesh')} More follows.`;

/**
 * The provenance of two articles, the tests' smallest reprint: `w` (outlet wire, 2016-01-01, WIRE) and `c` (outlet
 * paper, 2016-01-02, COPY as two sentences), no credit sources.
 */
export function wireAndCopy(): CorpusProvenance {
  return buildProvenance(
    [
      {
        id: 'w',
        outlet: 'wire',
        date: '2016-01-01',
        text: WIRE,
        bodyStart: 0,
        sentences: [{ start: 0, end: WIRE.length }],
      },
      {
        id: 'c',
        outlet: 'paper',
        date: '2016-01-02',
        text: COPY,
        bodyStart: 0,
        sentences: [
          { start: 0, end: COPY.length - 14 },
          { start: COPY.length - 13, end: COPY.length },
        ],
      },
    ],
    creditSources([]),
  );
}
