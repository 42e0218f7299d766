import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lazyDoc } from '../provenance/reuseIndex';
import { wordsOf, type Words } from '../provenance/words';
import { InputSpill, spilledInput } from './provenanceSpill';

const dir = mkdtempSync(path.join(tmpdir(), 'framescope-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Words as plain arrays (a spill's words read their offsets through getters).
const plain = (w: Words) => ({ starts: w.starts, ends: w.ends, hashes: w.hashes });

const spans = (text: string) => {
  const out: { start: number; end: number }[] = [];
  for (let at = 0; at < text.length; at += 7) out.push({ start: at, end: Math.min(text.length, at + 7) });
  return out;
};

// Texts of each kind the file stores differently: one byte per unit (ASCII, Latin-1), two (other scripts, a lone
// surrogate, which UTF-8 would not keep), empty, and one larger than the write buffer (2 bytes per unit and 8 per
// span: 1.1 MB, written past it).
const TEXTS: [string, string][] = [
  ['ASCII', 'Islamic State fighters took the town, officials said.'],
  ['Latin-1', 'Le groupe État islamique a revendiqué l’attaque à Raqqa.'.replace('’', "'")],
  ['curly quotes', 'The group’s “caliphate” fell; Daesh’s fighters fled.'],
  ['Arabic', 'تنظيم الدولة الإسلامية في العراق والشام'],
  ['a lone surrogate', 'broken \ud800 text with words'],
  ['empty', ''],
  ['larger than the write buffer', 'ISIS wire copy reprinted. '.repeat(14_000) + '“end”'],
];

describe('InputSpill', () => {
  test.each(TEXTS)(
    '%s: text, spans and words read back as given',
    (_name, text) => {
      // Three articles around it, so the record is read from the middle of the file, not only its end.
      const spill = new InputSpill(3, dir);
      try {
        spill.add(0, 'first article text', spans('first article text'));
        spill.add(1, text, spans(text));
        spill.add(2, 'third', spans('third'));
        expect(spill.textAt(1)).toBe(text);
        expect(spill.sentencesAt(1)).toEqual(spans(text));
        expect(plain(spill.words(1))).toEqual(wordsOf(text));
        // Hashed on the first read and appended: the second read comes from the cache, the same words.
        expect(plain(spill.words(1))).toEqual(wordsOf(text));
        expect(spill.textAt(0)).toBe('first article text');
        expect(spill.textAt(2)).toBe('third');
      } finally {
        spill.close();
      }
    },
    30_000,
  );

  // More articles than the decoded-words cache holds (2,048), so later reads come back from the file.
  test.each([[1], [2049], [5000]])(
    '%i articles: every article’s words read back from the file',
    (n) => {
      const spill = new InputSpill(n, dir);
      try {
        const text = (i: number) => `Article ${i} says Daesh ${i % 7} times; ISIS ${i * 31} words.`;
        for (let i = 0; i < n; i++) spill.add(i, text(i), spans(text(i)));
        for (let i = 0; i < n; i++) expect(plain(spill.words(i))).toEqual(wordsOf(text(i)));
        for (let i = n - 1; i >= 0; i--) {
          expect(plain(spill.words(i))).toEqual(wordsOf(text(i)));
          expect(spill.textAt(i)).toBe(text(i));
        }
      } finally {
        spill.close();
      }
    },
    30_000,
  );

  // Slabs of 8 hashes: articles fill one, overflow into the next, or (longer than a slab) get one of their own.
  test.each([
    ['fitting one slab', [3, 5]],
    ['overflowing into a second', [3, 4, 6]],
    ['one longer than a slab between others', [3, 12, 2, 8, 9, 1]],
    ['no words at all', [0, 0, 8, 0]],
  ])('hashes in slabs, %s: every article reads its own', (_name, counts) => {
    const spill = new InputSpill(counts.length, dir, 8);
    try {
      const text = (i: number) => Array.from({ length: counts[i] }, (_, k) => `w${i}x${k}`).join(' ');
      counts.forEach((_, i) => spill.add(i, text(i), []));
      // Made in order, then read back after every other article's hashes were placed.
      counts.forEach((_, i) => spill.words(i));
      counts.forEach((c, i) => {
        expect(spill.words(i).hashes).toEqual(wordsOf(text(i)).hashes);
        expect(spill.words(i).hashes.length).toBe(c);
      });
    } finally {
      spill.close();
    }
  });

  test.each([
    ['added twice', (s: InputSpill) => s.add(0, 'b', []), 'article 0 was added twice'],
    ['read before it was added', (s: InputSpill) => s.textAt(1), 'article 1 was read before it was added'],
    ['outside the spill', (s: InputSpill) => s.words(2), 'article 2 is outside 0..1'],
    ['not a position', (s: InputSpill) => s.sentencesAt(0.5), 'article 0.5 is outside 0..1'],
  ])('an article %s is refused', (_name, run, error) => {
    const spill = new InputSpill(2, dir);
    try {
      spill.add(0, 'a', []);
      expect(() => run(spill)).toThrow(`provenance spill: ${error}`);
    } finally {
      spill.close();
    }
  });

  test('its file is gone as soon as it is open, so no job leaves one behind', () => {
    const spill = new InputSpill(1, dir);
    spill.add(0, 'still readable', []);
    expect(readdirSync(dir)).toEqual([]);
    expect(spill.textAt(0)).toBe('still readable');
    spill.close();
    expect(() => spill.textAt(0)).toThrow();
  });
});

describe('spilledInput', () => {
  const text = 'Officials said Islamic State fighters held the town.';
  const held = { id: 'a1', outlet: 'Wire', date: '2016-01-02', bodyStart: 9 };

  test.each([
    ['text', (x: ReturnType<typeof spilledInput>) => x.text, text],
    ['sentences', (x: ReturnType<typeof spilledInput>) => x.sentences, spans(text)],
    ['words', (x: ReturnType<typeof spilledInput>) => plain(x.words), wordsOf(text)],
    ['id', (x: ReturnType<typeof spilledInput>) => x.id, 'a1'],
    ['body start', (x: ReturnType<typeof spilledInput>) => x.bodyStart, 9],
  ])('reads its %s', (_name, read, want) => {
    const spill = new InputSpill(1, dir);
    try {
      spill.add(0, text, spans(text));
      expect(read(spilledInput(spill, 0, held))).toEqual(want);
    } finally {
      spill.close();
    }
  });

  test('a spread copy holds no text, sentences or words of its own', () => {
    const spill = new InputSpill(1, dir);
    try {
      spill.add(0, text, spans(text));
      expect(Object.keys({ ...spilledInput(spill, 0, held) }).sort()).toEqual(['bodyStart', 'date', 'id', 'outlet']);
    } finally {
      spill.close();
    }
  });

  test('its document reads text and words through it (getters), with the words hashing its text gives', () => {
    const spill = new InputSpill(1, dir);
    try {
      spill.add(0, text, spans(text));
      const doc = lazyDoc(spilledInput(spill, 0, held), 0, 5);
      expect(Object.getOwnPropertyDescriptor(doc, 'text')?.get).toBeTypeOf('function');
      expect(doc.text).toBe(text);
      expect(plain(doc.words)).toEqual(wordsOf(text));
      // 8 words, so 4 five-word shingles (counted by reading the text).
      expect(doc.shingles.length).toBe(4);
    } finally {
      spill.close();
    }
  });
});
