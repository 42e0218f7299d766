import { describe, expect, test } from 'vitest';
import { cutCreditLines, cutRelatedBeforeDateline, cutRepeatedTitle, cutShortUrlHead, cutTagLists } from './furniture';

// Real FA-KES texts (CSV records named by outlet and what they show), shortened after the part a rule reads; each
// expected text was checked by reading the record.
describe('cutRepeatedTitle', () => {
  test.each([
    [
      'a hyphen in the title (SANA, line 417: title and body were one)',
      '35 cases of suffocation in terrorist chemical attack on al-Hamadaniyeh area in Aleppo city',
      '35 cases of suffocation in terrorist chemical attack on al-Hamadaniyeh area in Aleppo city',
      '',
    ],
    [
      'hyphen and stripped apostrophe',
      "Turkey's Erdogan says anti-ISIS push nears al-Bab",
      'Turkeys Erdogan says anti-ISIS push nears al-Bab. Turkish-backed rebels advanced.',
      'Turkish-backed rebels advanced.',
    ],
    [
      'the title across a line break and punctuation',
      'Kurdish Forces Kill 16 ISIL Terrorists in Syria',
      'Kurdish Forces Kill 16\nISIL Terrorists in  Syria: The rest stays.',
      'The rest stays.',
    ],
    [
      'only a prefix of a word',
      'Strikes hit rebel areas of Aleppo',
      'Strikes hit rebel areas of Aleppos east. More.',
      'Strikes hit rebel areas of Aleppos east. More.',
    ],
    [
      'a body that does not start with the title',
      'Strikes hit rebel areas of Aleppo',
      'Air strikes hit rebel areas of Aleppo.',
      'Air strikes hit rebel areas of Aleppo.',
    ],
    ['a title too short to tell', 'Syria war', 'Syria war rages on.', 'Syria war rages on.'],
  ])('%s', (_case, title, text, expected) => expect(cutRepeatedTitle(text, title).text).toBe(expected));
});

describe('Sputnik page heads and related links', () => {
  test.each([
    [
      'head with update stamp and share counts',
      '19.04.2017(updated 1041 19.04.2017) Get short URL 0 73 The Kurdish-led Syrian Democratic Forces (SDF) have managed to advance.',
      'The Kurdish-led Syrian Democratic Forces (SDF) have managed to advance.',
    ],
    [
      'head with the headline, a credit and a topic',
      'Kurdish SDF Kills 23 Daesh Militants as Part of Operation to Liberate al-Tabqa REUTERS Rodi Said Middle East 1730 28.04.2017Get short URL Topic Battle Against Daesh in Syria (180) 0 54 The Kurdish-led Syrian Democratic Forces (SDF) killed 23 Daesh members.',
      'The Kurdish-led Syrian Democratic Forces (SDF) killed 23 Daesh members.',
    ],
    ['no head', '24.08.2013 Syrian state media accused rebels.', '24.08.2013 Syrian state media accused rebels.'],
  ])('%s', (_case, text, expected) => expect(cutShortUrlHead(text).text).toBe(expected));

  test.each([
    [
      'AP photo and headline',
      'in the area since Monday local media reported Wednesday. AP Photo Syrian Kurds Set Up Body to Govern Raqqa After Daesh Defeat MOSCOW (Sputnik) According to the Firat news agency',
      'in the area since Monday local media reported Wednesday. MOSCOW (Sputnik) According to the Firat news agency',
      1,
    ],
    [
      'Reuters credit and headline',
      'local media reported. REUTERS Rodi Said SDF Media Team Member Among Journalists Injured in Tabqa Operation MOSCOW (Sputnik) The Al-Masdar news outlet',
      'local media reported. MOSCOW (Sputnik) The Al-Masdar news outlet',
      1,
    ],
    [
      'a dateline with no link before it',
      'killed 10 civilians in Syria. MOSCOW October 18 (RIA Novosti) - The Syrian Observatory',
      'killed 10 civilians in Syria. MOSCOW October 18 (RIA Novosti) - The Syrian Observatory',
      0,
    ],
  ])('%s', (_case, text, expected, count) => expect(cutRelatedBeforeDateline(text)).toEqual({ text: expected, count }));
});

describe('cutTagLists (The New Arab)', () => {
  test.each([
    [
      'ends before an opener',
      'after they confess to spying. Tags Syria Islamic State activists murder video Palmyra The Islamic State group has released a new video.',
      'after they confess to spying. The Islamic State group has released a new video.',
      1,
    ],
    [
      'ends with a full stop',
      'a monitoring group said Tags Nusra Front al-Qaeda Aleppo Syria Assad extremism war. A suicide bomber from Syrias al Qaeda offshoot',
      'a monitoring group said A suicide bomber from Syrias al Qaeda offshoot',
      1,
    ],
    [
      'a number word opens the story',
      'intra-opposition violence. Tags Jaish al-Islam Syria Ghouta Islamic State Syrian opposition Fourteen members of the Jaish al-Islam rebel group were killed.',
      'intra-opposition violence. Fourteen members of the Jaish al-Islam rebel group were killed.',
      1,
    ],
    [
      'left when a verb comes before any opener',
      'for a second day. Tags Syria Idlib Bashar al-Assad SOHR al-Qaeda al-Nusra Syrian rebels launched a huge offensive on government-held areas.',
      'for a second day. Tags Syria Idlib Bashar al-Assad SOHR al-Qaeda al-Nusra Syrian rebels launched a huge offensive on government-held areas.',
      0,
    ],
    [
      '"tags" inside a word or sentence stays',
      'The price tags rose. Hashtags spread.',
      'The price tags rose. Hashtags spread.',
      0,
    ],
  ])('%s', (_case, text, expected, count) => expect(cutTagLists(text)).toEqual({ text: expected, count }));
});

describe('cutCreditLines', () => {
  test.each([
    [
      'Reuters writers and editors',
      'control much of the desert in the north and east. Reporting by Sylvia Westall; Editing by Ron Popeski',
      'control much of the desert in the north and east.',
      1,
    ],
    [
      'additional reporting',
      'rival rebel groups also battling Assad. Additional reporting by Tom Perry; Editing by Gareth Jones Stephen Powell Lynne ODonnell and Giles Elgood',
      'rival rebel groups also battling Assad.',
      1,
    ],
    [
      'the Coalition source',
      'with the internationally-banned phosphorous. (Source: Syrian Coalition)',
      'with the internationally-banned phosphorous.',
      1,
    ],
    [
      'TRT source',
      'covered by a truce with the regime. Source TRTWorld and agencies',
      'covered by a truce with the regime.',
      1,
    ],
    [
      'NNA agency tag',
      'taken over by the Syrian army in an advance in December. --Reuters',
      'taken over by the Syrian army in an advance in December.',
      1,
    ],
    ['SANA editors', 'causing material damage. M. al-Frieh/H. Said', 'causing material damage.', 1],
    ['Al Arabiya', 'for more than four months. (With Reuters)', 'for more than four months.', 1],
    [
      'an ordinary last sentence',
      'The army said it was reporting by radio.',
      'The army said it was reporting by radio.',
      0,
    ],
  ])('%s', (_case, text, expected, count) => expect(cutCreditLines(text)).toEqual({ text: expected, count }));

  test('a long text ending in spaces is cut in linear time', () => {
    const text = `${'word '.repeat(200_000)}${' '.repeat(200_000)}`;
    const t0 = performance.now();
    cutCreditLines(text);
    cutTagLists(text);
    cutRelatedBeforeDateline(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
