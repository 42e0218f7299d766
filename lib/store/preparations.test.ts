import { describe, expect, test } from 'vitest';
import { isPreparing, preparationOf, registry, type Preparation } from './preparations';

const prep = (corpus: string, finished: boolean): Preparation => ({
  corpus,
  version: 'v',
  done: 0,
  total: 1,
  error: null,
  finished,
});

describe('isPreparing', () => {
  test.each([
    ['none registered', null, false],
    ['a running preparation', false, true],
    ['a finished preparation', true, false],
  ])('%s', (_, finished, expected) => {
    const corpus = `preparations-test-${String(finished)}`;
    if (finished !== null) registry.set(corpus, prep(corpus, finished));
    expect(isPreparing(corpus)).toBe(expected);
    expect(preparationOf(corpus)?.finished).toBe(finished ?? undefined);
    registry.delete(corpus);
  });
});
