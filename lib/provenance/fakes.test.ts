import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { analyzeArticles } from '../analysis/run';
import { corpusProvenance } from './corpusProvenance';
import { reuseRows } from './exportRows';
import { sentenceAt, sideBySide, substitutions } from './views';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const analyses = analyzeArticles(corpus);
const p = corpusProvenance(corpus, analyses);
const text = (id: string) => analyses.find((a) => a.id === id)!.text;
const mentions = new Map(analyses.map((a) => [a.id, a.mentions]));

describe('FA-KES reuse, checked by reading', () => {
  // Read side by side: Jordan Times (2015-07-19) reprints Ahram's AFP story on Al-Bab (2015-07-16) with "IS" written
  // "Daesh" three times (once misspelt "Daesj"), "told AFP" and "said" swapped, "Aleppo province" for "the northern
  // province of Aleppo"; the rest is word for word.
  test('Jordan Times reprints the AFP story Ahram ran three days earlier, with IS made Daesh', () => {
    const jt = 'jordantimes-2aa485ef1515';
    const at = text(jt).indexOf('Since Saturday at least 68 civilians');
    const s = sentenceAt(p, jt, at)!;
    expect(s.kind).toBe('shared');
    expect(s.sourceArticle).toBe('ahram-28a4592b3ae9');
    const [first] = sideBySide(p, jt, 'ahram-28a4592b3ae9');
    const edits = first.left.filter((x) => !x.same).map((x) => text(jt).slice(x.start, x.end));
    expect(edits).toEqual(expect.arrayContaining(['Daesj', 'Daesh', "Daesh's", 'told AFP']));
    const subs = substitutions(p, (id) => mentions.get(id) ?? []);
    const isDaesh = subs.find(
      (x) =>
        x.fromOutlet === 'ahram' && x.toOutlet === 'jordantimes' && x.fromVariant === 'is' && x.toVariant === 'daesh',
    );
    expect(isDaesh?.count).toBeGreaterThanOrEqual(2);
  });

  // Read: Al-Alam's sentence at 57 of alalam-2a2d79c1216b is SANA's sentence word for word (SANA's article is earlier).
  test('Al-Alam shares passages with SANA', () => {
    const s = sentenceAt(p, 'alalam-2a2d79c1216b', 57)!;
    expect(s.kind).toBe('shared');
    expect(s.others.map((o) => o.article)).toContain('sana-18bb54a453f4');
  });

  test('Ahram is mostly credited wire copy', () => {
    const ahram = p.articles.filter((a) => a.outlet === 'ahram');
    // The README's 113 of 149 is any mention of AFP; credit lines (dateline, "(AFP)", source lines) are fewer.
    expect(ahram).toHaveLength(149);
    expect(ahram.filter((a) => a.credited.includes('afp')).length).toBeGreaterThan(50);
  });

  test('every reuse pair is listed once', () => {
    const rows = reuseRows(p);
    const keys = rows.map((r) => [r.article, r.otherArticle].sort().join('|'));
    expect(new Set(keys).size).toBe(rows.length);
    expect(rows.every((r) => r.chars > 0 && r.similarity > 0 && r.similarity <= 1)).toBe(true);
  });
});
