import { describe, expect, test } from 'vitest';
import { parseCliArgs } from './cliArgs';

const none = { from: null, to: null };

describe('parseCliArgs', () => {
  test.each([
    [[], { json: false, corpus: null, out: null, options: {}, range: none }],
    [['--json', '--corpus', 'x'], { json: true, corpus: 'x', out: null, options: {}, range: none }],
    [
      ['--voice', 'own', '--scope', 'body', '--alpha0', '5'],
      { json: false, corpus: null, out: null, options: { voice: 'own', scope: 'body', alpha0: 5 }, range: none },
    ],
    [
      ['--from', '2016-01-01', '--to', '2016-06-30'],
      { json: false, corpus: null, out: null, options: {}, range: { from: '2016-01-01', to: '2016-06-30' } },
    ],
    [
      ['--provenance', 'original'],
      { json: false, corpus: null, out: null, options: { provenance: 'original' }, range: none },
    ],
  ])('%j', (argv, expected) => expect(parseCliArgs(argv)).toEqual(expected));
  test.each([
    [['--bogus'], 'argument "--bogus": is not a known flag'],
    [['--voice', 'loud'], '"loud" is not all or own'],
    [['--alpha0', '-1'], '"-1" is not a positive number'],
    [['--provenance', 'mine'], '"mine" is not all, original or reused'],
    [['--corpus'], 'flag --corpus: needs a value'],
    [['--from', '2016-02-30'], '--from: "2016-02-30" is not a date written YYYY-MM-DD'],
    [['--from', '2016-07-01', '--to', '2016-06-30'], '--to: 2016-06-30 is before --from 2016-07-01'],
  ])('%j is rejected', (argv, message) => expect(() => parseCliArgs(argv)).toThrow(message));
});
