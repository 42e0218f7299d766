import { describe, expect, test } from 'vitest';
import { COPY, WIRE, wireAndCopy } from './wireCopy';

describe('wireAndCopy', () => {
  // Read by hand: the wire's sentence is held by the copy too, so both are shared (the kind says where a sentence's
  // words stand, not who wrote them first); the copy's second sentence is its own.
  test.each([
    ['w', 0, 'shared'],
    ['c', 0, 'shared'],
    ['c', 1, 'original'],
  ])('article %s sentence %i is %s', (id, k, kind) => {
    const p = wireAndCopy();
    expect(p.articles[p.byId.get(id)!].sentences[k].kind).toBe(kind);
  });

  test('the copy is the wire with "IS" read as "Daesh", and one sentence more', () => {
    expect(COPY).toBe(`${WIRE.replace('IS', 'Daesh')} More follows.`);
  });
});
