import { describe, expect, test } from 'vitest';
import { ABBREVIATIONS, sentenceSpans } from './sentences';
import { countTokens } from './tokens';

const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  test.each([
    ['two sentences', 'Turkey moved. The US objected.', ['Turkey moved.', 'The US objected.']],
    [
      'U.S. is an abbreviation',
      'The U.S. Defense Department said so. Then it left.',
      ['The U.S. Defense Department said so.', 'Then it left.'],
    ],
    [
      'an ellipsis before lowercase continues the sentence',
      '“We have called upon Turkey... to stay focused.” Carter said.',
      ['“We have called upon Turkey... to stay focused.”', 'Carter said.'],
    ],
    [
      'numbers keep their decimal point',
      'Some 2.7 million fled. Many returned.',
      ['Some 2.7 million fled.', 'Many returned.'],
    ],
    ['a heading without a full stop', 'Turkish troops', ['Turkish troops']],
    ['empty text', '   ', []],
  ])('%s', (_rule, text, expected) => expect(split(text)).toEqual(expected));

  test('offsets are shifted by the base', () => {
    expect(sentenceSpans('A b. C d.', 100)).toEqual([
      { start: 100, end: 104 },
      { start: 105, end: 109 },
    ]);
  });
});

describe('countTokens', () => {
  test.each([
    ['plain words', 'Kurdish militants seized it', [], 4, 4],
    ['apostrophes join', "Syria’s Workers' don’t", [], 3, 3],
    ['hyphen splits', 'US-backed anti-ISIS', [], 4, 4],
    ['tokens inside quotes are not own voice', 'He said "no deal" today', [{ start: 8, end: 17 }], 5, 3],
  ])('%s', (_rule, text, quotes, all, own) => expect(countTokens(text, 0, text.length, quotes)).toEqual({ all, own }));
});

test('no abbreviation is a prefix of another (the period lookup relies on it to match natural)', () => {
  const lower = ABBREVIATIONS.map((a) => a.toLowerCase());
  expect(lower.filter((a) => lower.some((b) => b !== a && b.startsWith(a)))).toEqual([]);
});
