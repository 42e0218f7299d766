import { describe, expect, test } from 'vitest';
import { articleCredits, creditSources, findCredits } from './credits';

const sources = creditSources([
  { id: 'trt', name: 'TRT World' },
  { id: 'alalam', name: 'Al-Alam' },
  { id: 'reuters', name: 'Reuters' },
]);

describe('credit lines in several styles', () => {
  test.each([
    ['dateline, wire first', 'AP Syria’s state TV has raised the death toll.', 'ahram', [['ap', 'dateline']]],
    ['dateline after a place', 'BEIRUT (AFP) - A car bomb killed six.', 'ahram', [['afp', 'parenthetical']]],
    ['wire and date', 'AFP Tuesday 23 Sep 2014 US-led strikes hit oil fields.', 'ahram', [['afp', 'dateline']]],
    [
      'outlet and agencies',
      'At least 15 civilians died. (TRT World and Agencies)',
      'dailysabah',
      [
        ['trt', 'agencies'],
        ['agencies', 'agencies'],
      ],
    ],
    ['own outlet is no credit', 'Strikes hit the city. (TRT World and Agencies)', 'trt', [['agencies', 'agencies']]],
    ['source line', 'Shelling went on. Source: Reuters', 'ahram', [['reuters', 'source']]],
    ['trailing dash', 'The talks ended without a deal. — AP', 'ahram', [['ap', 'trailing']]],
    ['reported', 'Two were killed, Press TV reported.', 'alalam', [['presstv', 'reported']]],
    ['told', 'There was no base here, Abu Mohammad told AFP.', 'ahram', [['afp', 'told']]],
    ['according to', 'The toll rose to 40, according to SANA.', 'manar', [['sana', 'according']]],
    ['correspondent', 'An AFP correspondent saw the ruins.', 'ahram', [['afp', 'correspondent']]],
    // A wire's name in passing is not a credit, nor is a word that merely contains it (CAPTAIN, MAP).
    ['mention only', 'The AP style guide was revised. The MAP showed it.', 'ahram', []],
    ['Reuters signing its own story', 'BEIRUT (Reuters) - Shelling resumed.', 'reuters', []],
  ])('%s', (_name, text, outlet, expected) => {
    const found = findCredits(text, 0, outlet, sources).map((c) => [c.source, c.style]);
    expect(found).toEqual(expected);
  });

  test.each([
    // "told AFP" credits one sentence, not the whole article.
    ['Two died, a witness told AFP. (Reuters)', ['reuters']],
    ['Two died, a witness told AFP.', []],
  ])('article-level credits of %s', (text, expected) => {
    expect(articleCredits(findCredits(text, 0, 'ahram', sources))).toEqual(expected);
  });

  test('the body start is where a dateline is looked for', () => {
    const text = 'A title\n\nAFP Monday Shelling resumed.';
    expect(findCredits(text, text.indexOf('AFP'), 'ahram', sources).map((c) => c.style)).toEqual(['dateline']);
    expect(findCredits(text, 0, 'ahram', sources)).toEqual([]);
  });
});
