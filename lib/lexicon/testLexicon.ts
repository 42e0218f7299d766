import type { Lexicon } from '../types';
import { parseLexicon } from './parse';

/** A small lexicon for tests: the Islamic State names, two armed-group labels, scare quotes, and exclusions. */
export function testLexicon(): Lexicon {
  return parseLexicon(
    {
      groups: [
        {
          id: 'is',
          label: 'Name of IS?',
          short: 'IS',
          axis: { negative: 'n', positive: 'p' },
          variants: [
            { id: 'daesh', label: 'Daesh', patterns: ['Daesh'], stance: -1, rationale: 'r' },
            { id: 'isis', label: 'ISIS', patterns: ['ISIS'], stance: 0, rationale: 'r' },
            { id: 'is', label: 'IS', patterns: [{ text: 'IS', caseSensitive: true }], stance: 0.25, rationale: 'r' },
            { id: 'islamic-state', label: 'Islamic State', patterns: ['Islamic State'], stance: 0.5, rationale: 'r' },
          ],
        },
        {
          id: 'armed',
          label: 'Armed groups?',
          short: 'Armed',
          axis: { negative: 'n', positive: 'p' },
          variants: [
            { id: 'militants', label: 'militants', patterns: ['militant', 'militants'], stance: -0.5, rationale: 'r' },
            {
              id: 'terrorists',
              label: 'terrorists',
              patterns: ['terrorists', 'terror group', 'terror groups'],
              stance: -1,
              rationale: 'r',
            },
            { id: 'forces', label: 'forces', patterns: ['forces'], stance: 0.75, rationale: 'r' },
          ],
        },
        {
          id: 'distancing',
          label: 'Distance?',
          short: 'Distance',
          axis: { negative: 'n', positive: 'p' },
          variants: [
            { id: 'so-called', label: 'so-called', patterns: ['so-called'], stance: -1, rationale: 'r' },
            {
              id: 'scare-quotes',
              label: 'scare quotes',
              detector: 'scare-quotes',
              maxWords: 4,
              stance: -0.75,
              rationale: 'r',
            },
          ],
        },
      ],
      exclusions: [
        { text: 'Syrian Democratic Forces' },
        { text: 'special forces' },
        { text: "People's Protection Units" },
        { text: 'co-operation' },
      ],
    },
    'test-lexicon.json',
  );
}

/** A valid variant as lexicon JSON (id "v1", label "V1", pattern "alpha", stance 0), with the fields given replaced. */
export function testVariant(over: object = {}): object {
  return { id: 'v1', label: 'V1', patterns: ['alpha'], stance: 0, rationale: 'r', ...over };
}
