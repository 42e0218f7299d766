import { describe, expect, test } from 'vitest';
import { compileLexicon, scan } from './matcher';
import { testLexicon } from './testLexicon';

const matcher = compileLexicon(testLexicon());
const found = (text: string) =>
  scan(matcher, text).map((m) => (m.target.kind === 'variant' ? `${m.target.variant}:${m.text}` : `EXCL:${m.text}`));

describe('matching rules', () => {
  test.each([
    ['whole words only', 'The militantsmen and antimilitants met militants.', ['militants:militants']],
    ['acronyms are case-sensitive: "IS" never matches "is"', 'This is what IS wants; it is.', ['is:IS']],
    ['"Isis" and "ISIS" are one variant', 'Isis and ISIS and isis', ['isis:Isis', 'isis:ISIS', 'isis:isis']],
    ['"DAESH" is Daesh', 'Held by DAESH since 2013', ['daesh:DAESH']],
    ['"IS" does not match inside "ISIS"', 'ISIS', ['isis:ISIS']],
    ['hyphenated compounds count', 'the anti-ISIS coalition took ISIS-held towns', ['isis:ISIS', 'isis:ISIS']],
    [
      'a compound modifier before the label counts',
      'Turkish-backed militants seized Jarablus',
      ['militants:militants'],
    ],
    ["possessive 's", "the militants's weapons", ["militants:militants's"]],
    ['possessive ’s', 'Daesh’s capital', ['daesh:Daesh’s']],
    ["plural possessive s'", "a militant's and the militants' camp", ["militants:militant's", "militants:militants'"]],
    ['bare ’ after s', 'referring to Isis’ de facto capital', ['isis:Isis’']],
    [
      'multi-word terms across line breaks',
      'the Islamic\nState  and a terror\n group',
      ['islamic-state:Islamic\nState', 'terrorists:terror\n group'],
    ],
    ['the longest match wins (plural over singular)', 'two terror groups', ['terrorists:terror groups']],
    [
      'named entities are exclusions, never labels',
      'the Syrian Democratic Forces and Kurdish forces',
      ['EXCL:Syrian Democratic Forces', 'forces:forces'],
    ],
    ['exclusions with apostrophes match either form', 'People’s Protection Units', ['EXCL:People’s Protection Units']],
    ['a hyphenated word that merely contains a label is excluded', 'co-operation on Syria', ['EXCL:co-operation']],
    ['special forces are state forces', 'Turkish special forces, tanks', ['EXCL:special forces']],
    ['punctuation boundaries', '(IS formerly ISIS/ISIL)', ['is:IS', 'isis:ISIS']],
  ])('%s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  test('offsets point at the matched text', () => {
    const text = 'Kurdish militants and Daesh';
    for (const m of scan(matcher, text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
