import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon/parse';
import { DEFAULT_OPTIONS, articleCounts, articleRows } from './aggregate';
import { analyzeArticle, compileEngine } from './article';

const file = path.join(process.cwd(), 'corpus', 'lexicon.json');
const engine = compileEngine(parseLexicon(JSON.parse(readFileSync(file, 'utf8')), file));
const source = {
  id: 'a',
  outlet: 'o',
  title: 'Daesh strikes',
  date: null,
  url: null,
  raw: null,
  note: null,
  segments: [
    { section: 'title' as const, text: 'Daesh strikes' },
    { section: 'body' as const, text: 'ISIS claimed it. A spokesman said "Daesh will win".' },
  ],
};
const a = analyzeArticle(source, engine);

describe('articleCounts', () => {
  // Read off the text: "Daesh" in the title (own voice), "ISIS" in the body (own voice), "Daesh" quoted in the body,
  // and the short quotation "Daesh will win" itself, which the lexicon's scare-quotes variant counts in the outlet's
  // own voice.
  test.each([
    ['all', 'all', 4],
    ['all', 'body', 3],
    ['own', 'all', 3],
    ['own', 'body', 2],
  ] as const)('voice %s, scope %s: %i counted mentions, and the export row’s numbers', (voice, scope, mentions) => {
    const c = articleCounts(a, { voice, scope });
    expect(c.mentions).toBe(mentions);
    const row = articleRows(a, source, { ...DEFAULT_OPTIONS, voice, scope }).article;
    expect(row.mentions).toBe(mentions);
    expect(c.tokens).toBe(row.tokens);
    expect(c.score).toBe(row.score);
    expect(c.words > 0 ? c.score / c.words : null).toBe(row.comparative);
  });
});
