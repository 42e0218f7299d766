import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copySeedsAs, fakesTestRoot } from './testRoot';

// Issue #19: a page of a drill-down of mentions in the default order is read from the stored drill-down counts and the
// page's own articles (pagedMentions), and equals the page the whole text's export rows give (drillDown outside the
// production server: the code that was there before, the independent implementation here), for the largest
// selections, every page, each voice and scope, a period and a date range.
const root = fakesTestRoot('paged');

type Dataset = typeof import('./dataset');
type Bundles = typeof import('./bundles');
type Stored = typeof import('./drillStored');
let dataset: Dataset;
let bundles: Bundles;
let stored: Stored;
let membersOf: (typeof import('../view/model'))['membersOf'];
beforeAll(async () => {
  const { completeCorpus, tracked } = await import('../store/prepare');
  // The seeds 40 times over, ids starting "a" or "Z" in turn: the folder's (byte) order puts every "Z" first, the
  // position order's collator every "a" first, so a page cut in the folder's order would pick the wrong articles.
  const dir = copySeedsAs(root, 'mixed');
  const articles = path.join(dir, 'articles');
  for (const name of readdirSync(articles)) {
    const text = readFileSync(path.join(articles, name), 'utf8');
    const article = name.replace(/\.txt$/, '');
    rmSync(path.join(articles, name));
    for (let i = 0; i < 40; i++) {
      const id = `${i % 2 ? 'Z' : 'a'}${i}-${article}`;
      writeFileSync(path.join(articles, `${id}.txt`), text.replace(`id: ${article}\n`, `id: ${id}\n`));
    }
  }
  // Made before either corpus is prepared: copying the seeds writes the lexicon file again.
  await tracked('fa-kes', 'test', (p) => completeCorpus(p, path.join(root, 'fa-kes')));
  await tracked('mixed', 'test', (p) => completeCorpus(p, dir));
  dataset = await import('./dataset');
  bundles = await import('./bundles');
  stored = await import('./drillStored');
  membersOf = (await import('../view/model')).membersOf;
}, 240_000);

function both(params: Record<string, string>, corpus = 'fa-kes') {
  const opened = dataset.openView('/', new URLSearchParams({ corpus, ...params }));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  const { view } = opened;
  const b = bundles.getBundle(corpus);
  const before = dataset.drillDown(view);
  const after = dataset.drillFromPostings(view, bundles.postingsOf(b)!);
  const titles = new Map(b.meta.articles.map((a) => [a.id, a.title ?? a.id]));
  const members = new Set(membersOf(view.stats, view.query.sel!.outlet));
  const page = stored.pagedMentions(b, view.query, view.query.sel!, members, titles);
  return { before, after, page };
}

const big = 'm.state-media.armed-groups';
const selections: [string, string][] = [
  ['an outlet group’s term group (many articles)', big],
  ['one variant', 'm.state-media.armed-groups.rebels'],
  ['one outlet', 'm.reuters.islamic-state'],
  ['an actor’s labels, set-aside ones kept', 'a.state-media.unattributed.armed-groups'],
  ['an actor’s labels of one variant', 'a.state-media.unattributed.armed-groups.militants'],
  ['a set-aside reason', 'x.state-media.armed-groups.generic'],
  ['a selection with no rows', 'm.reuters.islamic-state.isil'],
];

describe('a page from the stored counts equals the page from the whole text (FA-KES)', () => {
  test.each(selections)('%s (%s), every page', (_, sel) => {
    const first = both({ sel });
    expect(first.page).not.toBeNull();
    const pages = first.before!.rows.pages;
    // Past the last page, the last page is shown, as pageOf clamps it.
    for (const page of [...Array.from({ length: pages }, (_, i) => i + 1), pages + 3]) {
      const { before, after, page: read } = both({ sel, page: String(page) });
      expect(after, `${sel} page ${page}`).toEqual(before);
      // The page read alone carries no provenance marks: the door adds them (the whole text's rows may have them).
      const unmarked = before!.rows.rows.map((r) => {
        const copy = { ...r };
        delete copy.provenance;
        return copy;
      });
      expect(read!.rows).toEqual(unmarked);
    }
  });

  test.each([
    ['own voice, body only', { sel: big, voice: 'own', scope: 'body', page: '2' }],
    ['all voices, body only', { sel: big, scope: 'body', page: '3' }],
    ['own voice, all sections', { sel: big, voice: 'own' }],
    ['a month (time-series point)', { sel: big, at: '2016-07' }],
    ['a quarter, page 2', { sel: big, at: '2016-Q3', page: '2' }],
    ['a date range cutting months', { sel: big, from: '2015-06-15', to: '2016-02-10', page: '2' }],
    ['an actor, own voice', { sel: 'a.state-media.unattributed.armed-groups', voice: 'own', page: '2' }],
  ] as [string, Record<string, string>][])('%s', (_, params) => {
    const { before, after, page } = both(params);
    expect(page).not.toBeNull();
    expect(after).toEqual(before);
  });

  test.each([
    ['a text query', { sel: big, q: 'aleppo' }],
    ['another order', { sel: big, sort: 'right' }],
    ['a sentiment drill-down', { sel: 's.reuters' }],
    ['a tone drill-down', { sel: 't.trt.turkey' }],
  ] as [string, Record<string, string>][])('%s is read whole, as before', (_, params) => {
    const { before, after, page } = both(params);
    expect(page).toBeNull();
    expect(after).toEqual(before);
  });

  test('the big selection spans several pages of full rows', () => {
    const { before } = both({ sel: big, page: '2' });
    // Not vacuous: state media's armed-groups mentions fill more than two pages of 100.
    expect(before!.rows.pages).toBeGreaterThan(2);
    expect(before!.rows.rows).toHaveLength(100);
    expect(before!.rows.first).toBe(101);
  });
});

describe('pages follow the position order, not the folder’s order', () => {
  test('the two orders differ in this corpus (else the test below would prove nothing)', () => {
    const ranks = stored.ranksOf(bundles.getBundle('mixed'))!;
    expect(ranks).not.toBeNull();
    expect([...ranks].some((r, i) => r !== i)).toBe(true);
  });

  test.each([
    ['a term group', 'm.voa.armed-groups'],
    ['one variant', 'm.presstv.islamic-state.daesh'],
    ['an actor’s labels', 'a.news24.unattributed.armed-groups'],
  ])('%s (%s): every page equals the whole text’s', (_, sel) => {
    const pages = both({ sel }, 'mixed').before!.rows.pages;
    // Not vacuous: 40 copies of each seed give these selections more than one page.
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const { before, after, page: read } = both({ sel, page: String(page) }, 'mixed');
      expect(read).not.toBeNull();
      expect(after, `${sel} page ${page}`).toEqual(before);
    }
  });
});

describe('positionRanks', () => {
  // The independent answer: a plain sort with the collator (the one ranksOf made before), its places per id.
  const bySort = (ids: string[]) => {
    const order = ids
      .map((_, i) => i)
      .sort((x, y) => new Intl.Collator('en', { sensitivity: 'base' }).compare(ids[x], ids[y]));
    const r = new Int32Array(ids.length);
    order.forEach((i, k) => (r[i] = k));
    return [...r];
  };
  test.each([
    ['already in order (one pass)', ['a-1', 'a-2', 'b-0', 'c']],
    ['in byte order, upper case first', ['Zeta', 'alpha', 'beta']],
    ['punctuation the collator orders otherwise', ['a_b', 'a.b', 'a-b', 'a1', 'ab']],
    ['reversed', ['e', 'd', 'c', 'b', 'a']],
    ['none', []],
  ])('%s', (_, ids) => {
    expect([...stored.positionRanks(ids)!]).toEqual(bySort(ids));
  });

  test.each([
    ['ids equal but for case', ['a', 'B', 'A']],
    ['ids equal twice', ['x', 'x']],
  ])('%s: no ranks (the rows of tied ids would interleave)', (_, ids) => {
    expect(stored.positionRanks(ids)).toBeNull();
  });
});
