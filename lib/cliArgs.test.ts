import { describe, expect, test } from 'vitest';
import { parseCliArgs } from './cliArgs';

const none = { from: null, to: null };

describe('parseCliArgs', () => {
  test.each([
    [[], { json: false, corpus: null, out: null, options: {}, range: none, vocabulary: null }],
    [['--json', '--corpus', 'x'], { json: true, corpus: 'x', out: null, options: {}, range: none, vocabulary: null }],
    [
      ['--voice', 'own', '--scope', 'body', '--alpha0', '5'],
      {
        json: false,
        corpus: null,
        out: null,
        options: { voice: 'own', scope: 'body', alpha0: 5 },
        range: none,
        vocabulary: null,
      },
    ],
    [
      ['--from', '2016-01-01', '--to', '2016-06-30'],
      {
        json: false,
        corpus: null,
        out: null,
        options: {},
        range: { from: '2016-01-01', to: '2016-06-30' },
        vocabulary: null,
      },
    ],
    [
      ['--provenance', 'original'],
      { json: false, corpus: null, out: null, options: { provenance: 'original' }, range: none, vocabulary: null },
    ],
    [
      ['--vocabulary', 'manar', '--json'],
      {
        json: true,
        corpus: null,
        out: null,
        options: {},
        range: none,
        vocabulary: { outlet: 'manar', vs: null, minCount: 5 },
      },
    ],
    [
      ['--vs', 'alalam', '--vocabulary', 'manar', '--min', '10'],
      {
        json: false,
        corpus: null,
        out: null,
        options: {},
        range: none,
        vocabulary: { outlet: 'manar', vs: 'alalam', minCount: 10 },
      },
    ],
  ])('%j', (argv, expected) => expect(parseCliArgs(argv)).toEqual(expected));
  test.each([
    [['--bogus'], 'argument "--bogus": is not a known flag'],
    [['--vs', 'alalam'], '--vs: only applies with --vocabulary OUTLET'],
    [['--vocabulary', 'manar', '--min', '0'], '--min: "0" is not a whole number from 1 to 9999'],
    [['--vocabulary'], 'flag --vocabulary: needs a value'],
    [['--voice', 'loud'], '"loud" is not all or own'],
    [['--alpha0', '-1'], '"-1" is not a positive number'],
    [['--provenance', 'mine'], '"mine" is not all, original or reused'],
    [['--corpus'], 'flag --corpus: needs a value'],
    [['--from', '2016-02-30'], '--from: "2016-02-30" is not a date written YYYY-MM-DD'],
    [['--from', '2016-07-01', '--to', '2016-06-30'], '--to: 2016-06-30 is before --from 2016-07-01'],
  ])('%j is rejected', (argv, message) => expect(() => parseCliArgs(argv)).toThrow(message));
});
