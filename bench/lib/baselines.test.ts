import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../../lib/corpus/load';
import { compileLexicon } from '../../lib/lexicon/matcher';
import { scanBaseline } from './baselines';

const matcher = compileLexicon(loadCorpus('corpus/seeds').lexicon);

describe('scanBaseline counts lexicon terms in one pass', () => {
  test.each([
    ['folded and case-sensitive terms', ['Daesh and ISIS fighters; IS held it.'], 4],
    ['"is" in lowercase is not the acronym', ['This is what it is.'], 0],
    ['several texts add up', ['Rebels.', 'Militants and rebels.'], 3],
  ])('%s', (_case, texts, expected) => expect(scanBaseline(texts, matcher)).toBe(expected));
});
