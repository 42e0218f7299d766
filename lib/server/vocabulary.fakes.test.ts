import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { vocabularyRows } from '../vocabulary/run';
import { getBundle } from './bundles';
import { openView, searchOf, vocabularyOf, type View } from './dataset';
import { countedTable } from './vocabulary';
import { keepLexiconReading, vocabularyAnswer } from '../vocabulary/answer';
import { DEFAULT_SCORE } from '../vocabulary/score';
import type { VocabularyTable } from '../vocabulary/table';
import { decodeTable, encodeTable } from '../vocabulary/tableCodec';
import { STORED_TEXT, tableOf } from '../vocabulary/whole';
import { membersOf } from '../view/model';

function view(pathname: string, query: string): View {
  const opened = openView(pathname, new URLSearchParams(`corpus=fa-kes&${query}`));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened.view;
}
const rowsOf = (query: string) => vocabularyOf(view('/vocabulary', query))!.answer.rows;

// Loading and analysing FA-KES (and counting its vocabulary) takes seconds on a busy machine: done once, up front.
const SLOW = 120_000;

describe('FA-KES: the explorer surfaces the naming choices the lexicon did not have', () => {
  beforeAll(() => {
    rowsOf('outlets=manar');
  }, SLOW);

  test('Al-Manar: "Takfiri" is among its top terms against the rest, and distinctive against Reuters', () => {
    // Read in the articles: Al-Manar writes of "a chemical attack by foreign-sponsored Takfiri militants against a
    // residential neighborhood" and "al-Nusra Front and other Takfiri terrorist organizations": its own voice naming
    // the armed opposition by a sectarian label ("those who declare other Muslims apostates"), a real choice; Al-Alam
    // (Iranian, as Al-Manar is Hezbollah's) is the only other heavy user, so against the rest it is top-100, not top-10.
    const rows = rowsOf('outlets=manar');
    const rank = rows.findIndex((r) => r.term === 'Takfiri');
    const r = rows[rank];
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(100);
    // 32 uses in 16 of Al-Manar's 105 articles, checked by reading: grep finds 34 "Takfiri" in its files, one of them
    // in a file header that repeats the title (33 in the texts), and one opens a sentence ("Takfiri groups operating
    // in Syria…") in an article that never writes it mid-sentence, so it is counted "takfiri"; 49 uses in 25
    // articles elsewhere.
    expect([r.y, r.articles, r.articlesTotal, r.yOther, r.articlesOther]).toEqual([32, 16, 105, 49, 25]);
    expect(r.z).toBeGreaterThan(3);
    // Its neighbours are those of the Islamic State's names ("Takfiri terrorists", "ISIL terrorists"): the context rule
    // suggests it as a candidate variant of that group.
    expect(r.candidateFor).toContain('islamic-state');
    const pair = rowsOf('outlets=manar,reuters').find((x) => x.term === 'Takfiri')!;
    expect([pair.y, pair.yOther, pair.distinctive]).toEqual([32, 0, true]);
  });

  test('Daily Sabah: "Daish" is among its top terms, a lexicon variant, used by no other outlet', () => {
    // Read in the articles: "Turkish backed-moderate groups hit 63 Daish targets after determining them via
    // surveillance devices" and "areas that fell under Daish control": Daily Sabah's own spelling of the Arabic
    // acronym, in its own voice.
    const rows = rowsOf('outlets=dailysabah');
    const rank = rows.findIndex((r) => r.term === 'Daish');
    const r = rows[rank];
    expect(rank).toBeLessThan(30);
    // 9 uses in 2 articles, checked by reading: 3 files hold "Daish"; the third writes it once, opening a sentence
    // ("Daish said in a statement…") and nowhere mid-sentence, so it is "daish"; "Daish-controlled" is one word. The
    // issue's 11 (Scattertext) = these 10 whole words + "Daish-controlled". None elsewhere. With 2 articles and ~9,500 n-grams scored, BH q stays above 0.05: rank, not a mark.
    expect([r.y, r.articles, r.yOther]).toEqual([9, 2, 0]);
    expect(r.lexicon).toEqual({ group: 'islamic-state', variant: 'daesh' });
    expect(r.distinctive).toBe(false);
  });

  test(
    'the CLI prints the same rows as the door (one library function)',
    () => {
      const cli = vocabularyRows(loadCorpus(path.resolve('corpus/fa-kes')), {
        outlet: 'manar',
        vs: 'alalam',
        voice: 'all',
        scope: 'all',
        provenance: 'all',
        range: { from: null, to: null },
        minCount: 5,
      });
      const door = rowsOf('outlets=manar,alalam');
      expect(cli.length).toBe(door.length);
      expect(cli.slice(0, 50).map((r) => [r.term, r.y, r.yOther, r.z])).toEqual(
        door.slice(0, 50).map((r) => [r.term, r.y, r.yOther, r.z]),
      );
    },
    SLOW,
  );

  test.each<[string, number]>([
    // Own voice drops the uses inside quotations: one "Takfiri" of the rest is quoted.
    ['outlets=manar&voice=own', 48],
    ['outlets=manar', 49],
  ])(
    'filters reach the counts: %s -> yOther %i',
    (query, yOther) => {
      expect(rowsOf(query).find((r) => r.term === 'Takfiri')!.yOther).toBe(yOther);
    },
    SLOW,
  );

  test('a background corpus is the prior: alpha = alpha0 · count / total of the seeds corpus', () => {
    const seeds = countedTable(getBundle('seeds'), {
      voice: 'all',
      scope: 'all',
      provenance: 'all',
      subset: { from: null, to: null, shared: null },
    });
    const total = seeds.n.reduce((x, y) => x + y, 0);
    const rows = rowsOf('outlets=manar&bg=seeds');
    const takfiri = rows.find((r) => r.term === 'Takfiri')!;
    // The five seed pages never write "Takfiri": half a count.
    expect(seeds.terms.has('Takfiri')).toBe(false);
    expect(takfiri.alpha).toBeCloseTo((takfiri.alpha0 * 0.5) / total, 12);
    // A term the seeds use (3+ times, so kept): its own count.
    const shared = rows.find((r) => seeds.terms.has(r.term))!;
    const c = [...seeds.terms.get(shared.term)!.uses].reduce((x, y) => x + y, 0);
    expect(c).toBeGreaterThanOrEqual(3);
    expect(shared.alpha).toBeCloseTo((shared.alpha0 * c) / total, 12);
  });

  test('a term drill-down lists exactly the uses counted', () => {
    const v = vocabularyOf(view('/vocabulary', 'outlets=dailysabah&term=Daish'))!;
    const counts = v.kwic!.counts.find((c) => c.outlet === 'dailysabah')!;
    expect([counts.hits, counts.articles]).toEqual([9, 2]);
    expect(v.kwic!.rows.total).toBe(9);
    expect(v.kwic!.rows.rows.every((r) => r.term === 'Daish')).toBe(true);
  });

  test('search: any case, per outlet, with rates and article counts', () => {
    const s = searchOf(view('/search', 'term=daish'))!;
    const ds = s.kwic.counts.find((c) => c.outlet === 'dailysabah')!;
    // 10 whole words "Daish"/"daish" in 3 articles ("Daish-controlled" is one word, not a match).
    expect([ds.hits, ds.articles]).toEqual([10, 3]);
    expect(ds.per1k).toBeCloseTo((10 / ds.tokens) * 1000, 12);
    expect(s.kwic.counts.filter((c) => c.outlet !== 'dailysabah').reduce((n, c) => n + c.hits, 0)).toBe(0);
  });
});

describe('FA-KES: the table the store keeps answers exactly as counting on request did', () => {
  // The stored path: counted by the worker's function, through the codec's bytes with its lexicon reading, as the
  // explorer reads it; the on-request path: the server's own counting (countedTable) and lexicon reading.
  let stored: VocabularyTable;
  let onRequest: VocabularyTable;
  beforeAll(() => {
    const b = getBundle('fa-kes');
    const made = tableOf(b.corpus, b.live.analyses);
    const back = decodeTable(encodeTable(made.table, made.reading))!;
    keepLexiconReading(back.table, back.reading!);
    stored = back.table;
    onRequest = countedTable(b, { ...STORED_TEXT, subset: { from: null, to: null, shared: null } });
  }, SLOW);

  test.each([
    ['manar', null],
    ['manar', 'reuters'],
    ['dailysabah', null],
    ['sana', 'alalam'],
    ['state-media', null],
    ['russian-media', 'turkish-media'],
  ])('%s against %s (null: the rest): the same rows, scores and candidates', (a, vs) => {
    const c = loadCorpus(path.join('corpus', 'fa-kes'));
    const sideA = membersOf(c, a);
    const sideB = (vs ? membersOf(c, vs) : c.outlets.map((o) => o.id)).filter((m) => !sideA.includes(m));
    const answer = (t: VocabularyTable) => vocabularyAnswer(c.lexicon, t, sideA, sideB, DEFAULT_SCORE, null);
    const x = answer(stored);
    const y = answer(onRequest);
    expect(x.rows).toEqual(y.rows);
    expect(x.candidates).toEqual(y.candidates);
    expect(x.contexts).toEqual(y.contexts);
    expect(x.sides).toEqual(y.sides);
    // A comparison worth making: hundreds of n-grams scored.
    expect(x.rows.length).toBeGreaterThan(200);
  });
});
