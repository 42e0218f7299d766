import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { derivedName } from './derived';
import { fileStore, scopeFolder } from './files';
import {
  encodeSentenceKinds,
  kindAt,
  kindOfSentence,
  makeSentenceKinds,
  putSentenceKinds,
  SENTENCE_KINDS,
} from './sentenceKinds';
import { openSentenceKinds, storedKindAt, storedKindOfSentence } from './sentenceKindsRanges';

const root = mkdtempSync(path.join(tmpdir(), 'framescope-kinds-ranges-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scope = { corpus: 'c', lexicon: 'lex' };
const store = fileStore(root);
const fileOf = (key: string) => path.join(root, scopeFolder(scope), derivedName(SENTENCE_KINDS, key));

// Four articles: one with three sentences (a gap between the second and third), one with none, one with one, one with
// two; every kind appears.
const whole = makeSentenceKinds([
  {
    id: 'a',
    sentences: [
      { start: 0, end: 10, kind: 'original' },
      { start: 11, end: 20, kind: 'shared' },
      { start: 25, end: 40, kind: 'credited' },
    ],
  },
  { id: 'b', sentences: [] },
  { id: 'c', sentences: [{ start: 3, end: 9, kind: 'shared' }] },
  {
    id: 'd',
    sentences: [
      { start: 0, end: 5, kind: 'credited' },
      { start: 5, end: 12, kind: 'original' },
    ],
  },
]);
const bytes = Buffer.from(encodeSentenceKinds(whole));
const ids = ['a', 'b', 'c', 'd'];
const asked = [...ids, 'e'];

describe('sentence kinds read by their ranges', () => {
  // By the version's own lookup (its ids in the same order), and by a map of the stored ids (another order, or none).
  test.each([
    ['the version’s lookup', { ids, position: (id: string) => ids.indexOf(id) }],
    [
      'a map of the stored ids (the version lists them in another order)',
      { ids: ['b', 'a', 'c', 'd'], position: () => 0 },
    ],
    ['a map of the stored ids (no version given)', undefined],
  ])('give every sentence the kind the whole decode gives, through %s', async (_case, version) => {
    await putSentenceKinds(store, scope, 'v', whole);
    const k = openSentenceKinds(store, scope, 'v', version)!;
    for (const id of asked) {
      for (let s = -1; s <= 4; s++)
        expect([id, s, storedKindOfSentence(k, id, s)]).toEqual([id, s, kindOfSentence(whole, id, s)]);
      expect(storedKindOfSentence(k, id, 1.5)).toBe(kindOfSentence(whole, id, 1.5));
      for (let pos = -1; pos <= 42; pos++)
        expect([id, pos, storedKindAt(k, id, pos)]).toEqual([id, pos, kindAt(whole, id, pos)]);
    }
    // Not every answer is null: the comparison above would hold for a reader that reads nothing.
    expect(storedKindAt(k, 'a', 30)).toBe('credited');
  });

  // Bytes the whole decoder refuses (it then reads as null) are not opened either.
  test.each([
    ['none stored', null],
    ['cut short in its spans', bytes.subarray(0, bytes.length - 1)],
    ['longer than its offsets say', Buffer.concat([bytes, Buffer.alloc(1)])],
    ['cut short in its header', bytes.subarray(0, 12)],
    ['of another format', Buffer.concat([Buffer.from('FDC1'), bytes.subarray(4)])],
  ])('opens nothing for %s', (_case, stored) => {
    const key = `bad-${_case.replace(/ /g, '-')}`;
    if (stored) writeFileSync(fileOf(key), stored);
    expect(openSentenceKinds(store, scope, key)).toBeNull();
    // Nor through the version's ids, whose header is compared instead of parsed.
    expect(openSentenceKinds(store, scope, key, { ids, position: (id) => ids.indexOf(id) })).toBeNull();
  });

  test('reads no spans of an article with a kind past the list, nor once the file changed under it', async () => {
    // The last byte is article d's second sentence's kind.
    const wrong = Buffer.from(bytes);
    wrong[wrong.length - 1] = 3;
    writeFileSync(fileOf('wrong'), wrong);
    const k = openSentenceKinds(store, scope, 'wrong')!;
    expect(k.article('d')).toBeNull();
    expect(storedKindAt(k, 'a', 30)).toBe('credited');
    await putSentenceKinds(store, scope, 'changed', whole);
    const c = openSentenceKinds(store, scope, 'changed')!;
    writeFileSync(fileOf('changed'), Buffer.concat([bytes, Buffer.alloc(9)]));
    expect(c.article('a')).toBeNull();
  });
});
