import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine, type ArticleAnalysis } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import type { Span } from '../text/quotes';
import type { Corpus } from '../types';
import { CountedWords } from './countedWords';
import { countVocabulary, DEFAULT_LIMITS, type ArticleText } from './table';
import { articleTextsOf } from './texts';
import { articleTokens, ngrams } from './tokens';
import { STORED_TEXT } from './whole';

// FA-KES analysed once for the tests below (several seconds on a loaded machine).
let faKes: { corpus: Corpus; analyses: ArticleAnalysis[] } | null = null;
function analysedFaKes() {
  if (!faKes) {
    const corpus = loadCorpus('corpus/fa-kes');
    const engine = compileEngine(corpus.lexicon);
    faKes = { corpus, analyses: corpus.articles.map((a) => analyzeArticle(a, engine)) };
  }
  return faKes;
}

// What CountedWords read, as (text, joined) per sentence, for comparison with articleTokens.
function read(w: CountedWords, text: string, sentences: readonly Span[], skip: readonly Span[] = []) {
  w.read(text, sentences, skip);
  return sentences.map((_, si) => {
    const out: [string, boolean, number, number][] = [];
    for (let k = w.sentenceFrom[si]; k < w.sentenceFrom[si + 1]; k++)
      out.push([w.formText[w.form[k]], w.joined[k] === 1, w.tokenStart[k], w.tokenEnd[k]]);
    return out;
  });
}
const reference = (text: string, sentences: readonly Span[], skip: Span[] = []) =>
  articleTokens(text, sentences, skip).map((ts) => ts.map((t) => [t.text, t.joined, t.start, t.end]));

// Sentence spans of a text split after each ". " (the test texts are written so).
function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++)
    if (text[i] === '.' && text[i + 1] === ' ') {
      out.push({ start, end: i + 1 });
      start = i + 2;
    }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

describe('CountedWords reads the tokens articleTokens makes', () => {
  // Each row exercises one rule of tokens.ts; the expected tokens are read off the text by hand.
  test.each<[string, string, string[][]]>([
    ['sentence start lowercased', 'Rebels fled the city.', [['rebels', 'fled', 'the', 'city']]],
    ['mid-sentence capital kept', 'Then Takfiri gunmen fled.', [['then', 'Takfiri', 'gunmen', 'fled']]],
    [
      'a capital restored at the start when the article writes it mid-sentence',
      'Takfiri gunmen fled. Then the Takfiri groups left.',
      [
        ['Takfiri', 'gunmen', 'fled'],
        ['then', 'the', 'Takfiri', 'groups', 'left'],
      ],
    ],
    ['acronyms keep case, dots dropped', 'The U.S., UN and IS said.', [['the', 'US', 'UN', 'and', 'IS', 'said']]],
    ['possessive dropped', "Then Assad's army’s gains.", [['then', 'Assad', 'army', 'gains']]],
    ['digits and one letter dropped', 'In 2016 a plan F-16 jets.', [['in', 'plan', 'jets']]],
    ['title case lowercases', 'Syrian Army Takes Aleppo Back.', [['syrian', 'army', 'takes', 'aleppo', 'back']]],
    ['shouting lowercased', 'Then REBELS attacked.', [['then', 'rebels', 'attacked']]],
    // "blander" and "blinder" share length and the five hashed characters (b, l, n, e, r): one hash, two surfaces,
    // told apart by their pooled characters.
    ['same hash, two words', 'Then blander blinder blander.', [['then', 'blander', 'blinder', 'blander']]],
    // Words of up to 8 Latin-1 characters are looked up by their packed characters: words sharing the first four
    // ("attacked", "attacker"), a prefix of another ("an", "and"), 8 and 9 characters ("militant", "militants"),
    // Latin-1 letters ("café") and a letter above Latin-1 ("Erdoğan", looked up by hash) each stay their own word.
    [
      'short words packed',
      'Then an attacker and militants attacked a militant café. Erdoğan said an Erdoğan café.',
      [
        ['then', 'an', 'attacker', 'and', 'militants', 'attacked', 'militant', 'café'],
        ['Erdoğan', 'said', 'an', 'Erdoğan', 'café'],
      ],
    ],
  ])('%s', (_, text, tokens) => {
    const sentences = sentencesOf(text);
    const got = read(new CountedWords(), text, sentences);
    expect(got.map((s) => s.map((t) => t[0]))).toEqual(tokens);
    expect(got).toEqual(reference(text, sentences));
  });

  test.each<[string, number[]]>([
    // "2016" breaks the bigram with "in"; "plan" follows a dropped word; "jets" follows "F-16": not joined.
    ['In 2016 plan F-16 jets', [0, 0, 0]],
    // A comma breaks the bigram: "fled" is not joined to "rebels".
    ['Rebels, fled the city', [0, 0, 1, 1]],
  ])('joined flags of %s', (text, joined) => {
    const w = new CountedWords();
    w.read(text, [{ start: 0, end: text.length }], []);
    expect(Array.from(w.joined.subarray(0, w.tokenCount))).toEqual(joined);
  });

  test('words starting in a skip span are left out and break bigrams', () => {
    const text = 'Rebels said we fled today';
    const skip = [{ start: 11, end: 20 }];
    const got = read(new CountedWords(), text, [{ start: 0, end: text.length }], skip);
    // "we" (12) and "fled" (15) start inside the skip span (11-20); "today" (20) is then not joined to "said".
    expect(got[0].map((t) => [t[0], t[1]])).toEqual([
      ['rebels', false],
      ['said', true],
      ['today', false],
    ]);
    expect(got).toEqual(reference(text, [{ start: 0, end: text.length }], skip));
  });

  test('every sentence of FA-KES and the seeds, read by one reader kept across articles', () => {
    const w = new CountedWords();
    let tokens = 0;
    const seeds = loadCorpus('corpus/seeds');
    const seedEngine = compileEngine(seeds.lexicon);
    const analyses = [...analysedFaKes().analyses, ...seeds.articles.map((a) => analyzeArticle(a, seedEngine))];
    for (const an of analyses) {
      const got = read(w, an.text, an.sentences, an.quotes);
      const want = reference(an.text, an.sentences, an.quotes);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect([an.id, got]).toEqual([an.id, want]);
      tokens += got.reduce((s, x) => s + x.length, 0);
    }
    // Not vacuous: 215,805 tokens were compared when this test was written.
    expect(tokens).toBeGreaterThan(200_000);
  }, 120_000);
});

// A second counter, written with strings and maps from articleTokens and ngrams (the per-view term search's reading),
// that the typed-array counter must agree with term by term.
function referenceTable(texts: readonly ArticleText[], outlets: readonly string[], G: number) {
  const terms = new Map<string, { uses: number[]; articles: number[]; withGroup: number[] }>();
  const n = outlets.map(() => 0);
  const groupNgrams = new Array<number>(G).fill(0);
  for (const a of texts) {
    const o = outlets.indexOf(a.outlet);
    if (o < 0 || a.sentences.length === 0) continue;
    const seen = new Set<string>();
    articleTokens(a.text, a.sentences, a.skip as Span[]).forEach((tokens, si) => {
      const s = a.sentences[si];
      const here = a.mentions.filter((m) => m.start >= s.start && m.start < s.end);
      const groups = [...new Set(here.map((m) => m.group))];
      const inMention = tokens.map((t) => here.some((m) => m.start < t.end && m.end > t.start));
      ngrams(tokens, (term, first, last) => {
        const row = terms.get(term) ?? {
          uses: outlets.map(() => 0),
          articles: outlets.map(() => 0),
          withGroup: new Array<number>(G).fill(0),
        };
        terms.set(term, row);
        row.uses[o]++;
        n[o]++;
        if (!seen.has(term)) row.articles[o]++;
        seen.add(term);
        if (!inMention[first] && !inMention[last])
          for (const g of groups) {
            row.withGroup[g]++;
            groupNgrams[g]++;
          }
      });
    });
  }
  return { terms, n, groupNgrams };
}

describe('the counter against a second implementation', () => {
  test('FA-KES: every kept n-gram with its uses, articles and co-occurrence; totals and distinct n-grams', () => {
    const { corpus, analyses } = analysedFaKes();
    const texts = articleTextsOf(analyses, corpus.lexicon.groups, null, STORED_TEXT);
    const outlets = corpus.outlets.map((o) => o.id);
    const G = corpus.lexicon.groups.length;
    const table = countVocabulary(
      texts,
      outlets,
      corpus.lexicon.groups.map((g) => g.id),
    );
    const ref = referenceTable(texts, outlets, G);
    const kept = [...ref.terms].filter(([, r]) => r.uses.reduce((s, x) => s + x, 0) >= DEFAULT_LIMITS.minCount);
    expect(table.pruning.distinct).toBe(ref.terms.size);
    expect([...table.terms.keys()]).toEqual(kept.map(([t]) => t).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const rows = (
      m: Iterable<[string, { uses: ArrayLike<number>; articles: ArrayLike<number>; withGroup: ArrayLike<number> }]>,
    ) => new Map([...m].map(([t, r]) => [t, [Array.from(r.uses), Array.from(r.articles), Array.from(r.withGroup)]]));
    expect(rows(table.terms)).toEqual(rows(kept));
    expect(table.n).toEqual(ref.n);
    expect(table.groupNgrams).toEqual(ref.groupNgrams);
    // The words the issue names are in it: "Takfiri" (91 by Scattertext on FA-KES) and "Daish".
    expect(table.terms.has('Takfiri') && table.terms.has('Daish')).toBe(true);
  }, 120_000);
});

// Lossy counting written with strings: when a new n-gram would make `liveCap`, the floor rises and n-grams used at most
// `floor` times are dropped until a tenth of the cap is free (table.ts prune), wherever in an article that happens.
function lossyReference(texts: readonly ArticleText[], outlets: readonly string[], liveCap: number) {
  const terms = new Map<string, { uses: number[]; articles: number[]; last: number }>();
  let floor = 0;
  texts.forEach((a, art) => {
    const o = outlets.indexOf(a.outlet);
    for (const tokens of articleTokens(a.text, a.sentences, a.skip as Span[]))
      ngrams(tokens, (term) => {
        let row = terms.get(term);
        if (!row) {
          if (terms.size >= liveCap)
            while (terms.size >= liveCap * 0.9) {
              floor++;
              for (const [t, r] of terms) if (r.uses.reduce((s, x) => s + x, 0) <= floor) terms.delete(t);
            }
          row = { uses: outlets.map(() => 0), articles: outlets.map(() => 0), last: -1 };
          terms.set(term, row);
        }
        row.uses[o]++;
        if (row.last !== art) row.articles[o]++;
        row.last = art;
      });
  });
  return terms;
}

describe('lossy counting against a second implementation', () => {
  test.each([300, 1000, 5000])(
    'the first 80 FA-KES articles, live cap %i',
    (liveCap) => {
      const { corpus, analyses } = analysedFaKes();
      const texts = articleTextsOf(analyses.slice(0, 80), corpus.lexicon.groups, null, STORED_TEXT);
      const outlets = corpus.outlets.map((o) => o.id);
      const table = countVocabulary(
        texts,
        outlets,
        corpus.lexicon.groups.map((g) => g.id),
        { minCount: 1, cap: 1_000_000, liveCap },
      );
      const ref = lossyReference(texts, outlets, liveCap);
      expect(table.pruning.lossy).toBe(true);
      const rows = [...table.terms].map(([t, r]) => [t, Array.from(r.uses), Array.from(r.articles)]);
      const want = [...ref]
        .map(([t, r]) => [t, r.uses, r.articles])
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
      expect(rows).toEqual(want);
    },
    120_000,
  );
});
