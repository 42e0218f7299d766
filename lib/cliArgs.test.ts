import { describe, expect, test } from 'vitest';
import { parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  test.each([
    [[], { json: false, corpus: null, out: null, options: {} }],
    [['--json', '--corpus', 'x'], { json: true, corpus: 'x', out: null, options: {} }],
    [
      ['--voice', 'own', '--scope', 'body', '--alpha0', '5'],
      { json: false, corpus: null, out: null, options: { voice: 'own', scope: 'body', alpha0: 5 } },
    ],
    [['--provenance', 'original'], { json: false, corpus: null, out: null, options: { provenance: 'original' } }],
  ])('%j', (argv, expected) => expect(parseCliArgs(argv)).toEqual(expected));
  test.each([
    [['--bogus'], 'argument "--bogus": is not a known flag'],
    [['--voice', 'loud'], '"loud" is not all or own'],
    [['--alpha0', '-1'], '"-1" is not a positive number'],
    [['--provenance', 'mine'], '"mine" is not all, original or reused'],
    [['--corpus'], 'flag --corpus: needs a value'],
  ])('%j is rejected', (argv, message) => expect(() => parseCliArgs(argv)).toThrow(message));
});
