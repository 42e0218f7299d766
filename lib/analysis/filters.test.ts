import { describe, expect, test } from 'vitest';
import { counted, filterCaption, inScope, keptByProvenance, scopeSections, sentenceReading } from './filters';

const all = { voice: 'all', scope: 'all' } as const;
const own = { voice: 'own', scope: 'all' } as const;
const body = { voice: 'all', scope: 'body' } as const;
const ownBody = { voice: 'own', scope: 'body' } as const;

describe('the meaning of voice and scope', () => {
  test.each([
    [all, ['title', 'caption', 'body']],
    [body, ['body']],
    [ownBody, ['body']],
  ])('%o counts sections %o', (o, sections) => expect(scopeSections(o)).toEqual(sections));

  test.each([
    ['title', all, true],
    ['caption', body, false],
    ['body', body, true],
  ])('section %s under %o: %s', (section, o, expected) => expect(inScope(section, o)).toBe(expected));

  test.each([
    [{ section: 'body', voice: 'quoted' }, all, true],
    [{ section: 'body', voice: 'quoted' }, own, false],
    [{ section: 'title', voice: 'own' }, ownBody, false],
    [{ section: 'body', voice: 'own' }, ownBody, true],
  ])('mention %o under %o counted: %s', (m, o, expected) => expect(counted(m, o)).toBe(expected));

  const s = { score: -3, words: 12, ownScore: -1, ownWords: 5 };
  test.each([
    [all, { score: -3, words: 12 }],
    [own, { score: -1, words: 5 }],
  ])('sentence reading under %o', (o, expected) => expect(sentenceReading(s, o)).toEqual(expected));

  test.each([
    [all, 'own voice and quotations; title, captions and body'],
    [ownBody, "the outlet's own voice only (quotations excluded); article body only"],
    [
      { ...all, provenance: 'original' as const },
      'own voice and quotations; title, captions and body; original text only (sentences shared with other articles or credited to a source left out)',
    ],
  ])('caption of %o', (o, expected) => expect(filterCaption(o)).toBe(expected));

  test.each([
    ['original', 'all', true],
    ['shared', 'all', true],
    ['original', 'original', true],
    ['shared', 'original', false],
    ['credited', 'original', false],
    ['original', 'reused', false],
    ['shared', 'reused', true],
    ['credited', 'reused', true],
  ] as const)('a %s sentence under provenance=%s counts: %s', (kind, provenance, expected) =>
    expect(keptByProvenance(kind, { ...all, provenance })).toBe(expected),
  );
});
