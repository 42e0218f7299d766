// The cleaning passes skip a whole-text scan when the character every match of it needs is absent (a CR, U+FFFD, a
// control character, three newlines, "## "). Each guarded pass must give exactly what the unguarded pass gave: checked on
// texts that hold those characters and texts that do not, and on 2,000 generated articles. The unguarded passes are
// kept here as the reference.
import { describe, expect, test } from 'vitest';
import { generateArticles } from '../../bench/lib/generate';
import { sentencePool } from '../../bench/lib/sentencePool';
import { parseArticleFile, serializeArticleFile } from '../corpus/articleFile';
import { stripControl } from './control';
import { bodyText } from './plan';
import { cleanImportedText } from './quirks';

// The passes before the guards, as they were written.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
function stripControlBefore(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text
    .replace(ANSI, () => {
      removed++;
      return '';
    })
    .replace(CONTROL, () => {
      removed++;
      return '';
    });
  return { text: out, removed };
}
const bodyTextBefore = (text: string) => text.replace(/\n{3,}/g, '\n\n').replace(/^(## \S+\s*)$/gm, ' $1');
// cleanImportedText's first two passes before the guards; the passes after them are unchanged, so the cleaned text of
// the guarded and of this input must be equal.
function firstPassesBefore(input: string): { text: string; fffd: number } {
  const text = input.replace(/\r\n?/g, '\n');
  const fffd = (text.match(/\uFFFD/g) ?? []).length;
  return {
    text: text.replace(/(?<!\s)\s*\uFFFD+\s*/g, (m) => (/\s/.test(m[0]) || /\s/.test(m[m.length - 1]) ? ' ' : '')),
    fffd,
  };
}

const TEXTS = [
  'Plain text with nothing to fix.',
  'Windows\r\nline ends\r\nand a lone\rCR.',
  'Bytes lost \uFFFD here and\uFFFD\uFFFD there \uFFFD.',
  'Colour \x1b[31mred\x1b[0m and a bell\x07 and DEL\x7f and C1\x85.',
  'An OSC \x1b]0;title\x07 and a bare ESC\x1b.',
  'Paragraph one.\n\n\n\nParagraph two.\n\n\nThree.',
  'Text\n## body\nmore\n##  not\n## caption  \nend',
  'All of it:\r\n\r\n\r\n## body\r\n\uFFFD\x1b[1m bold\x1b[0m\x00 end',
  '',
];

describe('guarded scans give what the unguarded scans gave', () => {
  const generated = generateArticles(sentencePool(), { articles: 2000, outlets: 12, seed: 2016 });
  const texts = [...TEXTS, ...generated.flatMap((a) => a.segments.map((s) => s.text))];

  test.each(TEXTS.map((t, i) => [i, t]))('stripControl, text %i', (_, t) => {
    expect(stripControl(t)).toEqual(stripControlBefore(t));
  });

  test.each(TEXTS.map((t, i) => [i, t]))('bodyText, text %i', (_, t) => {
    expect(bodyText(t)).toBe(bodyTextBefore(t));
  });

  test.each(TEXTS.map((t, i) => [i, t]))('cleanImportedText, text %i', (_, t) => {
    const before = firstPassesBefore(t);
    const now = cleanImportedText(t, { title: 'A title', names: new Set(['Assad']) });
    const after = cleanImportedText(before.text, { title: 'A title', names: new Set(['Assad']) });
    expect(now.text).toBe(after.text);
    expect(now.quirks.find((q) => q.rule === 'replacement-char')?.count ?? 0).toBe(before.fffd);
  });

  test('every pass on 2,000 generated articles (and the article files read back the same)', () => {
    let differ = 0;
    for (const t of texts) {
      if (JSON.stringify(stripControl(t)) !== JSON.stringify(stripControlBefore(t))) differ++;
      if (bodyText(t) !== bodyTextBefore(t)) differ++;
    }
    for (const a of generated.slice(0, 200)) {
      const file = serializeArticleFile(a);
      expect(parseArticleFile(file.replace(/\n/g, '\r\n'), 'a.txt')).toEqual(parseArticleFile(file, 'a.txt'));
    }
    expect(differ).toBe(0);
    expect(texts.length).toBeGreaterThan(4000);
  });

  // The fixed texts do reach every guarded pass (else the comparisons above could pass on texts no guard lets through).
  test('the fixed texts hold what each guard looks for', () => {
    for (const c of ['\r', '\uFFFD', '\x1b', '\n\n\n', '## ']) expect(TEXTS.some((t) => t.includes(c))).toBe(true);
  });
});
