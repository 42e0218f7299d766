import { describe, expect, test } from 'vitest';
import { cleanImportedText, FOOTERS } from './quirks';

const ctx = {
  title: 'Kurdish Forces Kill 16 ISIL Terrorists in Syria',
  names: new Set(['Assad', 'Kurds', 'Turkey', 'Daesh']),
};
const clean = (text: string) => cleanImportedText(text, ctx);

describe('cleanImportedText', () => {
  test.each([
    [
      'dateline and repeated title',
      '13-12-2014 Kurdish Forces Kill 16 ISIL Terrorists in Syria. Kurdish forces killed at least 16.',
      'Kurdish forces killed at least 16.',
      ['dateline', 'repeated-title'],
    ],
    [
      'repeated title broken over lines',
      'Kurdish Forces Kill 16\nISIL Terrorists in  Syria. The rest stays.',
      'The rest stays.',
      ['repeated-title'],
    ],
    [
      'day-name dateline',
      'Wed 05 Apr 2017 Victims of a suspected attack were seen.',
      'Victims of a suspected attack were seen.',
      ['dateline'],
    ],
    [
      'stripped possessives of lexicon names and -a names',
      'Assads forces and Turkeys army left Syrias north.',
      "Assad's forces and Turkey's army left Syria's north.",
      ['possessive-restored'],
    ],
    ['plurals that are names stay', 'The Kurds and Hamas met.', 'The Kurds and Hamas met.', []],
    [
      'contractions',
      'They dont know and it isnt clear.',
      "They don't know and it isn't clear.",
      ['contraction-restored'],
    ],
    [
      'U+FFFD',
      'Minister avu\uFFFD\uFFFDolu said \uFFFD\uFFFDTime is running out.',
      'Minister avuolu said Time is running out.',
      ['replacement-char'],
    ],
    [
      'Reuters footer',
      'The army advanced. Our Standards:The Thomson Reuters Trust Principles.',
      'The army advanced.',
      ['footer'],
    ],
    [
      'Sputnik head, related link and a credit line, each counted',
      '19.04.2017(updated 1041 19.04.2017) Get short URL 0 73 The SDF advanced. AP Photo Syrian Kurds Set Up Body to Govern Raqqa After Daesh Defeat MOSCOW (Sputnik) The SDF advanced 0.3 miles. Reporting by Tom Perry; Editing by Ron Popeski',
      'The SDF advanced. MOSCOW (Sputnik) The SDF advanced 0.3 miles.',
      ['short-url', 'related-links', 'credit-line'],
    ],
    [
      'The New Arab tag list',
      'The attack killed five. Tags Syria Idlib Assad war Government air raids in a northwestern town killed 27.',
      'The attack killed five. Government air raids in a northwestern town killed 27.',
      ['tag-list'],
    ],
    [
      'update stamp',
      'Strikes hit. Last Update: Friday 23 August 2013 KSA 11:13 - GMT 08:13 5',
      'Strikes hit.',
      ['footer'],
    ],
  ])('%s', (_case, input, expected, rules) => {
    const r = clean(input);
    expect(r.text).toBe(expected);
    expect(r.quirks.map((q) => q.rule).sort()).toEqual([...rules].sort());
  });
});

describe('contractions', () => {
  // Read off each text: only whole lowercase contraction words are restored.
  test.each<[string, string, number]>([
    ['They dont know and it isnt clear.', "They don't know and it isn't clear.", 2],
    ['Dont and dontx and x_dont stay.', 'Dont and dontx and x_dont stay.', 0],
    ['The constructor of the dam spoke.', 'The constructor of the dam spoke.', 0],
  ])('%j', (text, out, n) => {
    const r = cleanImportedText(text, ctx);
    expect(r.text).toBe(out);
    expect(r.quirks.find((q) => q.rule === 'contraction-restored')?.count ?? 0).toBe(n);
  });
});

// A footer rule is skipped on a text holding none of its literals, so each literal must be a part every match holds:
// read off each pattern (none sits in an optional group or an alternative without it), and checked here on samples the
// rule removes, which it no longer matches once the literal is changed.
describe('footer rules and their literals', () => {
  test.each<[number, string, string]>([
    [0, 'The army advanced. Category News Latest updates More links', 'The army advanced.'],
    [0, 'The army advanced. A picture is worth a thousand words. Gallery', 'The army advanced.'],
    [1, 'The army advanced. Our Standards:The Thomson Reuters Trust Principles.', 'The army advanced.'],
    [2, 'Strikes hit. Last Update: Friday 23 August 2013 KSA 11:13 - GMT 08:13 5', 'Strikes hit.'],
    [3, 'Strikes hit. 12 Tags Syria Idlib Community standards Discussion and more', 'Strikes hit.'],
    [4, 'Strikes hit (AFP) Twitter', 'Strikes hit (AFP)'],
    [5, 'Strikes hit. Read Also', 'Strikes hit.'],
  ])('rule %i removes its footer, and needs its literal', (rule, text, kept) => {
    const [re, literals] = FOOTERS[rule];
    expect(text.replace(re, '')).toBe(kept);
    const hit = literals.filter((l) => text.includes(l));
    expect(hit.length).toBeGreaterThan(0);
    // The first letter of the literal lowered: the rule (case-sensitive) no longer finds the footer.
    const changed = hit.reduce((t, l) => t.replace(l, l[0].toLowerCase() + l.slice(1)), text);
    expect(changed.replace(re, '')).toBe(changed);
  });
});
