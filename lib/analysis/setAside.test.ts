import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon/parse';
import { analyzeArticle, compileEngine } from './article';
import { besideQuotedName, wordBefore } from './setAside';

const file = path.join(process.cwd(), 'corpus', 'lexicon.json');
const engine = compileEngine(parseLexicon(JSON.parse(readFileSync(file, 'utf8')), file));

/** Every mention of one group in a text as "text→actors: reason" (reason "counted" when not set aside). */
function verdicts(text: string, group: string): string[] {
  const a = analyzeArticle(
    {
      id: 'a',
      outlet: 'o',
      title: 't',
      date: null,
      url: null,
      raw: null,
      note: null,
      segments: [{ section: 'body', text }],
    },
    engine,
  );
  return a.mentions
    .filter((m) => m.group === group)
    .map((m) => `${m.text}→${m.actors.join('+') || '-'}: ${m.setAside ?? 'counted'}`);
}

// Real FA-KES sentences (article id beside each); every expected verdict was checked by reading the sentence.
describe('armed groups: labels of state actors and generic uses are set aside', () => {
  test.each([
    // attributed only to a state actor
    [
      'trt-4a264f04855b',
      "In Iraq the extremist group is fighting for survival against Iraqi forces and their allies in the last neighbourhoods it still holds in the western part of Mosul Iraq's second largest city.",
      ['forces→iraq: state'],
    ],
    [
      'alalam-75f481417762',
      'The General Command called the bombing a serious and blatant aggression against Syrian forces and said it was "conclusive evidence" that the US and its allies support ISIL terrorist group.',
      ['forces→syrian-government: state', 'terrorist group→islamic-state: counted'],
    ],
    [
      'alaraby-106aa74637d3',
      'An air raid has hit a village controlled by the IS group killing civilians including three children close to an area where Turkish forces are advancing.',
      ['forces→turkey: state'],
    ],
    [
      'ahram-beadcff47cfe',
      'Most of Hasakeh city the capital of the northeastern province by the same name is controlled by Kurdish forces while the rest is held by fighters loyal to President Bashar al-Assad.',
      ['forces→kurdish-groups: counted', 'fighters→syrian-government: state'],
    ],
    // generic: unattributed, right after a generic word
    [
      'ahram-beadcff47cfe',
      'Since Wednesday clashes between the two forces have rocked the city leaving 23 civilians - including nine children - and 16 combattants dead the Observatory said.',
      ['forces→-: generic'],
    ],
    [
      'manar-94bc1bc1df97',
      'Local activists called on residents to avoid gathering for fear of additional attacks in the town which has regularly been the scene of fighting between rebels and regime forces.',
      ['rebels→-: counted', 'forces→-: generic'],
    ],
    [
      'ahram-a8e64c38f62b',
      'The government forces which had advanced to within seven kilometres (four miles) of Tabqa airbase were driven back.',
      ['forces→-: generic'],
    ],
    // a label inside a compound is not read with the word before it (arabiya-de7c4af5d0e6)
    [
      'arabiya-de7c4af5d0e6',
      'The residents alongside hundreds of pro-government fighters had left the two rebel-besieged villages in northwest Idlib province.',
      ['fighters→-: counted', 'rebel→-: counted'],
    ],
    // a non-state actor before a generic word keeps the label
    [
      'ahram-80e89bd22a4b',
      'But YPG ground forces backed by US-led air strikes were able to repel the IS fighters.',
      ['forces→kurdish-groups: counted', 'fighters→islamic-state: counted'],
    ],
    [
      'manar-a729cd1bbbd7',
      'Kurdish Forces Kill 16 ISIL Terrorists in Syria',
      ['Forces→kurdish-groups: counted', 'Terrorists→islamic-state: counted'],
    ],
  ])('%s: %s', (_id, sentence, expected) => expect(verdicts(sentence, 'armed-groups')).toEqual(expected));
});

describe('the Turkish operation: only operations of Turkey and its proxies count', () => {
  test.each([
    [
      'trt-3134739423b8',
      'Ankara began the unprecedented cross-border operation on August 24 saying it was targeting both DAESH and the YPG which Turkey considers a terrorist group.',
      ['operation→-: counted'],
    ],
    [
      'sputnik-34772f462f17',
      'The battle for Al Tabqah is part of the SDF offensive aimed at liberation of the Daesh-occupied city of Raqqa which is considered to be the capital of the so-called caliphate.',
      ['offensive→kurdish-groups: other-actor'],
    ],
    [
      'manar-7395ad9e9e38',
      'A number of terrorists at the center were killed in the operation.',
      ['operation→-: no-actor'],
    ],
    [
      'manar-32be453ddf20',
      'It comes after Turkey on Saturday suffered its first fatality since launching operation "Euphrates Shield" in Syria blaming Kurdish militia in a fight for control of the border region.',
      ['operation→-: quoted-name'],
    ],
  ])('%s: %s', (_id, sentence, expected) => expect(verdicts(sentence, 'operation')).toEqual(expected));
});

describe('wordBefore and besideQuotedName', () => {
  test.each([
    ['the two forces', 8, 'two'],
    ["Assad's forces", 8, "assad's"],
    ['forces', 0, ''],
    ['regime  forces', 8, 'regime'],
  ])('word before %j at %i is %j', (text, pos, word) => expect(wordBefore(text, pos, 0)).toBe(word));

  test.each([
    ['launching operation "Euphrates Shield" in Syria', 'operation', true],
    ["the operation 'Olive Branch' began", 'operation', true],
    ['the "Euphrates Shield" operation began', 'operation', true],
    ["the Kurds' operation began", 'operation', false],
    ['the operation "was a success"', 'operation', false],
    ['the operation began', 'operation', false],
  ])('%j: beside a quoted name is %s', (text, label, expected) => {
    const start = text.indexOf(label);
    expect(besideQuotedName(text, { start, end: start + label.length }, 0, text.length)).toBe(expected);
  });
});
