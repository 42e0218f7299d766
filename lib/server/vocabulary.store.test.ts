import { beforeAll, describe, expect, test } from 'vitest';
import { copySeedsAs, serverTestRoot } from './testRoot';
import type { VocabularyTable } from '../vocabulary/table';
import type { Answer } from './offThreadAnswers';

// As in the production server (views never analyse nor count on the request thread). The modules read the roots when
// first imported, so they load after these are set.
const root = serverTestRoot('vocabulary');
// The seeds are far below the size answered on the request thread: every answer goes to a worker here.
process.env.FRAMESCOPE_ANSWER_HERE_CHARS = '0';

let bundles: typeof import('./bundles');
let prepare: typeof import('../store/prepare');
let vocabulary: typeof import('./vocabulary');
let dataset: typeof import('./dataset');
let whole: typeof import('../vocabulary/whole');
let search: typeof import('../vocabulary/search');
beforeAll(async () => {
  bundles = await import('./bundles');
  prepare = await import('../store/prepare');
  vocabulary = await import('./vocabulary');
  dataset = await import('./dataset');
  whole = await import('../vocabulary/whole');
  search = await import('../vocabulary/search');
  copySeedsAs(root, 's');
  // Nothing stored yet: the server's watcher (never a view) starts the background preparation (analyses, tallies,
  // provenance, vocabulary table).
  expect((await bundles.noticeChanges()).map((p) => p.corpus)).toEqual(['s']);
  await prepare.settled('s');
}, 120_000);

const whole0 = { from: null, to: null, shared: null };
const src = { corpus: 's', version: null };
// A table as plain rows, to compare two tables n-gram by n-gram.
const rowsOf = (t: VocabularyTable) => ({
  terms: [...t.terms].map(([term, r]) => [term, [...r.uses], [...r.articles], [...r.withGroup]]),
  n: t.n,
  tokens: t.tokens,
  articles: t.articles,
  groupNgrams: t.groupNgrams,
});

async function settle<T>(ask: () => Answer<T>): Promise<Answer<T>> {
  for (let i = 0; i < 600; i++) {
    const a = ask();
    if (a.state !== 'counting') return a;
    await new Promise((r) => setTimeout(r, 50));
  }
  return ask();
}

describe('write-time vocabulary tables and answers off the request thread', () => {
  test('the preparation stored the whole-text table: read at once, the same as counting here', () => {
    const b = bundles.getBundle('s');
    const q = { voice: 'all', scope: 'all', provenance: 'all', subset: whole0 } as const;
    const stored = vocabulary.storedTable(b, q);
    expect(stored).not.toBeNull();
    const a = vocabulary.vocabularyTable(b, q, src);
    expect(a.state).toBe('ready');
    const here = whole.tableOf(b.corpus, b.live.analyses).table;
    expect(rowsOf(stored!)).toEqual(rowsOf(here));
    // The seeds' five pages give a table worth comparing (not an empty one).
    expect(here.terms.size).toBeGreaterThan(100);
  });

  test.each([
    ['own voice', { voice: 'own', scope: 'all', provenance: 'all' }],
    ['body only', { voice: 'all', scope: 'body', provenance: 'all' }],
  ] as const)(
    'a %s table is counted on a worker: counting first, then the same as counting here',
    async (_c, f) => {
      const b = bundles.getBundle('s');
      const q = { ...f, subset: whole0 };
      expect(vocabulary.storedTable(b, q)).toBeNull();
      expect(vocabulary.vocabularyTable(b, q, src).state).toBe('counting');
      const a = await settle(() => vocabulary.vocabularyTable(b, q, src));
      expect(a.state).toBe('ready');
      const here = whole.tableOf(b.corpus, b.live.analyses, f).table;
      expect(rowsOf((a as { value: VocabularyTable }).value)).toEqual(rowsOf(here));
    },
    60_000,
  );

  test('a search is answered on a worker, with the same counts and sentences as searching here', async () => {
    const b = bundles.getBundle('s');
    const q = { voice: 'all', scope: 'all', provenance: 'all', subset: whole0 } as const;
    const parsed = search.parseSearch('Daesh');
    if (!parsed.ok) throw new Error(parsed.message);
    const finder = { kind: 'search', pattern: parsed.pattern } as const;
    const titles = () => new Map(b.corpus.articles.map((x) => [x.id, x.title]));
    const ask = () => vocabulary.occurrencesOf(b, q, src, titles, null, finder);
    expect(ask().state).toBe('counting');
    const a = await settle(ask);
    if (a.state !== 'ready') throw new Error(JSON.stringify(a));
    const here = vocabulary.occurrences(
      vocabulary.articleTexts(b, q),
      b.corpus.outlets.map((o) => o.id),
      titles(),
      null,
      finder,
    );
    expect(a.value).toEqual(here);
    expect(here.rows.length).toBeGreaterThan(0);
  }, 60_000);

  test('a search of all text is answered from the stored word index: nothing to wait for, no worker', () => {
    const o = dataset.openView('/search', new URLSearchParams('corpus=s&term=rebels'));
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    expect(dataset.pendingOf(o.view)).toBeNull();
    expect(dataset.searchOf(o.view)!.kwic.counts.some((c) => c.hits > 0)).toBe(true);
  });

  test('the door says a new search the index cannot answer (a provenance filter) is counting, then answers it', async () => {
    const open = () => {
      const o = dataset.openView('/search', new URLSearchParams('corpus=s&term=rebels&provenance=original'));
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      return o.view;
    };
    expect(dataset.pendingOf(open())).toMatchObject({
      counting: true,
      message: expect.stringMatching(/^Searching s for "rebels" \(/),
    });
    for (let i = 0; i < 600 && dataset.pendingOf(open()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(dataset.pendingOf(open())).toBeNull();
    expect(dataset.searchOf(open())!.kwic.counts.length).toBeGreaterThan(0);
  }, 60_000);

  test.each([
    ['a small corpus: nothing to wait for (the page answers)', '100000', null],
    ['a large one under a provenance filter: its worker is started', '0', { counting: true }],
  ])('the proxy check of a URL, %s', (_case, chars, pending) => {
    process.env.FRAMESCOPE_ANSWER_HERE_CHARS = chars;
    try {
      const p = dataset.pendingFor('/search', new URLSearchParams('corpus=s&term=fighters&provenance=reused'));
      if (pending === null) expect(p).toBeNull();
      else expect(p).toMatchObject(pending);
    } finally {
      process.env.FRAMESCOPE_ANSWER_HERE_CHARS = '0';
    }
  });
});
