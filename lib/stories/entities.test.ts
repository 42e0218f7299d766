import { describe, expect, test } from 'vitest';
import { entityTerms, nameKey } from './entities';

describe('nameKey: spellings of one name meet', () => {
  test.each<[string[], string]>([
    [['Qamishli', 'Qameshli', 'QAMISHLI'], 'qmshl'],
    [['Hasaka', 'Hasakeh', 'Hasakah'], 'hsk'],
    [['Manbij', 'Menbij'], 'mnbj'],
    [['Tokhar', 'Tukhar'], 'tkhr'],
    [['Daatour', 'Daatur'], 'dtr'],
  ])('%j -> %s', (spellings, key) => {
    for (const s of spellings) expect(nameKey(s)).toBe(key);
  });

  test.each([
    ['Aleppo', 'lp'],
    ['Idlib', 'dlb'],
  ])('%s -> %s (different names stay apart)', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('entityTerms', () => {
  test.each<[string, string, string[]]>([
    [
      'names inside a sentence and numbers; the word opening a sentence and years left out',
      'Airstrikes killed 21 civilians in Manbij on Monday in 2016. Residents of Tokhar fled.',
      ['#21', 'n:mnbj', 'n:tkhr'],
    ],
    ['common capitalised words are not names', 'He said The President met Mr Smith in Qamishli.', ['n:smt', 'n:qmshl']],
    ['one is not a count worth keeping; five digits are not a toll', 'It killed 1 of 12345 people.', []],
    ['a name after a colon opens a clause', 'Source: Reuters reported.', []],
    ['lower-case words are never names', 'the islamic state group in raqqa', []],
  ])('%s', (_, text, terms) => expect(entityTerms(text)).toEqual(terms));

  test('time grows linearly with the text (one pass; gaps between tokens read once)', () => {
    const unit = 'Fighters in Manbij killed 21 people near Tokhar.   ...   ';
    const time = (k: number) => {
      const text = unit.repeat(k);
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) entityTerms(text);
      return performance.now() - t0;
    };
    time(200);
    const small = time(2_000);
    const large = time(20_000);
    // 10x the text; allow 30x for noise on a shared machine (a quadratic pass would be ~100x).
    expect(large / Math.max(small, 0.5)).toBeLessThan(30);
  });
});
