import { describe, expect, test } from 'vitest';
import { insideSpan, mergeSpans, quoteSpans } from './quotes';

const quoted = (text: string) => quoteSpans(text).map((s) => text.slice(s.start, s.end));

describe('quoteSpans', () => {
  test.each([
    ['straight double quotes', 'He said "no deal" today.', ['"no deal"']],
    ['curly double quotes', 'aimed at “terror groups” such as', ['“terror groups”']],
    ['an apostrophe is not a quote', 'Syria’s border and the Workers’ Party and we’ve', []],
    ['straight single quotes around a phrase', "to deal ISIS 'lasting defeat'", ["'lasting defeat'"]],
    ['curly single quotes', 'USA ‘ready to invade capital’', ['‘ready to invade capital’']],
    ['possessive inside a single-quoted phrase', "the 'Iraq's sovereignty' line", ["'Iraq's sovereignty'"]],
    [
      'nested curly opening quote is absorbed',
      '“I said: “Our soldiers should come”, he added',
      ['“I said: “Our soldiers should come”'],
    ],
    [
      'an unclosed quote runs to the end of its paragraph',
      '“We will fight on.\n\nNext paragraph.',
      ['“We will fight on.'],
    ],
    ['an unmatched closing quote is ignored', 'odd” text', []],
  ])('%s', (_rule, text, expected) => expect(quoted(text)).toEqual(expected));
});

describe('insideSpan and mergeSpans', () => {
  const spans = mergeSpans([
    { start: 10, end: 20 },
    { start: 12, end: 15 },
    { start: 30, end: 35 },
  ]);
  test('merges nested spans', () =>
    expect(spans).toEqual([
      { start: 10, end: 20 },
      { start: 30, end: 35 },
    ]));
  test.each([
    [10, false],
    [11, true],
    [19, true],
    [20, false],
    [25, false],
    [31, true],
  ])('position %i inside: %s', (pos, expected) => expect(insideSpan(spans, pos)).toBe(expected));
});
