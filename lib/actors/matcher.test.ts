import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon/parse';
import { compileActors, scanActors } from './matcher';

const lex = parseLexicon(
  {
    groups: [
      {
        id: 'g',
        label: 'Q?',
        short: 'Q',
        axis: { negative: 'n', positive: 'p' },
        variants: [
          { id: 'a', label: 'A', patterns: ['alpha'], stance: 0, rationale: 'r' },
          { id: 'b', label: 'B', patterns: ['beta'], stance: 1, rationale: 'r' },
        ],
      },
    ],
    actors: [
      { id: 'turkey', label: 'Turkey', kind: 'state', aliases: ['Turkey', 'Turkish'] },
      {
        id: 'proxy',
        label: 'Turkish-backed',
        kind: 'non-state',
        aliases: ['Turkish-backed', 'Syrian rebels'],
        backedBy: 'turkey',
      },
      { id: 'is', label: 'IS', kind: 'non-state', aliases: [{ text: 'IS', caseSensitive: true }, 'Islamic State'] },
    ],
  },
  'lex.json',
);
const m = compileActors(lex.actors);
const hits = (text: string) => scanActors(m, text).map((h) => `${h.text}=${h.actor}`);

describe('scanActors', () => {
  test.each([
    ['Turkish troops entered', ['Turkish=turkey']],
    ['Turkish-backed rebels', ['Turkish-backed=proxy']],
    ["Turkey's army and Syrian rebels", ["Turkey's=turkey", 'Syrian rebels=proxy']],
    ['this is IS territory', ['IS=is']],
    ['the Islamic State group', ['Islamic State=is']],
    ['Turkishness and Turkeys', []],
  ])('%s', (text, expected) => expect(hits(text)).toEqual(expected));

  test('a lexicon without actors finds nothing', () => {
    expect(scanActors(compileActors([]), 'Turkey')).toEqual([]);
  });
});
