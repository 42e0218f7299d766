import { beforeAll, describe, expect, test } from 'vitest';
import { seededTestRoot } from '../../lib/server/testRoot';

seededTestRoot('proxyask');
let ask: typeof import('./proxyAsk');
beforeAll(async () => {
  ask = await import('./proxyAsk');
});

describe('proxyAsk', () => {
  test('a view of the seeds opens, and its check passes with no loading answer (five articles are read in place)', async () => {
    expect(ask.openAt('/', 'corpus=seeds')).toBeTruthy();
    await expect(ask.untilPassed('/', 'corpus=seeds')).resolves.toBe(0);
  });

  test.each([['corpus=no-such-corpus'], ['voice=loud']])('a URL with a problem (%s) is refused, naming it', (q) => {
    expect(() => ask.openAt('/', q)).toThrow(`/?${q}`);
  });
});
