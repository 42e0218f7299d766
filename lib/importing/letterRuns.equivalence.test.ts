// letterRuns (the content hash's pass) gives exactly what the pass it replaced gave, on every FA-KES article (its raw CSV
// bodies when the dataset is present, and the stored bodies with and without their apostrophes) and on 2,000 generated
// articles. The replaced pass is kept here as the independent implementation.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateArticles } from '../../bench/lib/generate';
import { sentencePool } from '../../bench/lib/sentencePool';
import { loadCorpus } from '../corpus/load';
import { isLetterOrDigitUnit } from '../text/charClass';
import { letterRuns } from './plan';
import { readRecords } from './records';

// letterRuns before: every run sliced on its own.
const ASTRAL_LETTER = /^[\p{L}\p{N}]$/u;
function letterRunsBySlices(text: string): string {
  const runs: string[] = [];
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letter = isLetterOrDigitUnit(c);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        letter = ASTRAL_LETTER.test(text.slice(i, i + 2));
      }
    }
    if (letter) {
      if (at < 0) at = i;
    } else if (at >= 0) {
      runs.push(text.slice(at, i));
      at = -1;
    }
    i += width - 1;
  }
  if (at >= 0) runs.push(text.slice(at));
  return runs.join(' ');
}

const csv = path.resolve(process.cwd(), '../shared/datasets/fa-kes/FA-KES-Dataset.csv');
const stored = loadCorpus('corpus/fa-kes').articles.map((a) => a.segments.map((s) => s.text).join('\n\n'));
const texts: [string, string[]][] = [
  ['FA-KES stored bodies', stored],
  // Stripped apostrophes join words differently (a lone "'" between letters was a separator).
  ['FA-KES stored bodies without apostrophes', stored.map((t) => t.replace(/['’]/g, ''))],
  [
    '2,000 generated articles without apostrophes',
    generateArticles(sentencePool(), { articles: 2000, outlets: 10, seed: 7 }).map((a) =>
      a.segments.map((s) => s.text.replace(/['’]/g, '')).join('\n\n'),
    ),
  ],
];
if (existsSync(csv))
  texts.push([
    'FA-KES raw CSV bodies',
    readRecords(readFileSync(csv, 'utf8'), 'fa-kes.csv', 'csv', { text: 'article_content' }).records.map(
      (r) => r.text ?? '',
    ),
  ]);

describe('letterRuns equals the pass it replaced', () => {
  test.each(texts)('%s', (_name, list) => {
    expect(list.length).toBeGreaterThan(700);
    for (const t of list) {
      expect(letterRuns(t)).toBe(letterRunsBySlices(t));
      expect(letterRuns(t.toLowerCase())).toBe(letterRunsBySlices(t.toLowerCase()));
    }
  });

  // Inputs made to trip the single-space joining: tabs, non-breaking and double spaces, astral letters and lone
  // surrogates next to runs, leading and trailing separators.
  test.each([
    ['a b', 'a  b', 'a\tb', 'a\u00a0b', ' a b ', 'a b.', '.a b', 'a - b c'],
    ['𝐀 b', 'a 𝐀', 'a 😀 b', 'a\ud800 b', 'a \udc00b', '\ud835\udc00\ud835\udc01 c', 'x😀y z'],
    ['', ' ', '  ', '.', 'a', 'é è', '١٢ ٣'],
  ])('letterRuns on %j …', (...inputs) => {
    for (const t of inputs) expect(letterRuns(t)).toBe(letterRunsBySlices(t));
  });
});
