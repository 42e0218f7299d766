import { describe, expect, test } from 'vitest';
import { parseServeArgs } from './serveArgs';

describe('parseServeArgs', () => {
  test.each([
    [[], undefined, { port: 3000, host: undefined }],
    [[], '4000', { port: 4000, host: undefined }],
    [['-p', '3210', '-H', '127.0.0.1'], '4000', { port: 3210, host: '127.0.0.1' }],
    [['--port', '8080', '--hostname', 'localhost'], undefined, { port: 8080, host: 'localhost' }],
  ])('%j with PORT=%s', (argv, env, expected) => expect(parseServeArgs(argv, env)).toEqual(expected));

  test.each([
    [['--bogus'], undefined, 'argument "--bogus": is not a known flag'],
    [['-p'], undefined, 'flag -p: needs a value'],
    [['-p', '-H'], undefined, 'flag -p: needs a value'],
    [['-p', '70000'], undefined, '-p: "70000" is not a port number'],
    [['-p', '3e3'], undefined, '-p: "3e3" is not a port number'],
    [[], 'abc', 'PORT: "abc" is not a port number'],
  ])('%j with PORT=%s is rejected', (argv, env, message) => expect(() => parseServeArgs(argv, env)).toThrow(message));
});
