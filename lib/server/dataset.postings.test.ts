import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fakesTestRoot } from './testRoot';
import type { Selection } from '../url/state';

// Issue #19: a drill-down answered from the stored mention postings (only the articles its selection names, read
// alone) equals the drill-down answered from the whole text's export rows, the code that was there before and is the
// independent implementation here. Every selection of FA-KES is tried, then the query, sorts, period and page.
const root = fakesTestRoot('postings');

type Dataset = typeof import('./dataset');
type Bundles = typeof import('./bundles');
let dataset: Dataset;
let bundles: Bundles;
beforeAll(async () => {
  const { completeCorpus, tracked } = await import('../store/prepare');
  await tracked('fa-kes', 'test', (p) => completeCorpus(p, path.join(root, 'fa-kes')));
  dataset = await import('./dataset');
  bundles = await import('./bundles');
}, 240_000);

function both(params: Record<string, string>) {
  const opened = dataset.openView('/', new URLSearchParams({ corpus: 'fa-kes', ...params }));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  const bundle = bundles.getBundle('fa-kes');
  const postings = bundles.postingsOf(bundle);
  if (!postings) throw new Error('no postings stored');
  // Today's answer first: it decodes the provenance, which the postings' answer then marks its rows with as well.
  const before = dataset.drillDown(opened.view);
  const after = dataset.drillFromPostings(opened.view, postings);
  return { before, after };
}

const stats = () => {
  const opened = dataset.openView('/', new URLSearchParams({ corpus: 'fa-kes' }));
  if (!opened.ok) throw new Error('no view');
  return opened.view.stats;
};

function selections(): Selection[] {
  const s = stats();
  const outlets = [...s.outlets.map((o) => o.id), ...s.outletGroups.map((g) => g.id)];
  const actors = s.actors.map((a) => a.id);
  const out: Selection[] = [];
  for (const outlet of outlets) {
    out.push({ kind: 'sentiment', outlet });
    for (const g of s.groups)
      for (const variant of [null, ...g.variants.map((v) => v.id)])
        out.push({ kind: 'mentions', outlet, group: g.id, variant });
    for (const actor of actors) {
      out.push({ kind: 'tone', outlet, actor });
      out.push({ kind: 'actor', outlet, actor, group: 'armed-groups', variant: null });
      out.push({ kind: 'actor', outlet, actor, group: 'armed-groups', variant: 'militants' });
    }
    for (const reason of ['state', 'generic', 'no-actor'] as const)
      out.push({ kind: 'setAside', outlet, group: 'armed-groups', reason });
  }
  return out;
}

const param = (sel: Selection) =>
  sel.kind === 'sentiment'
    ? `s.${sel.outlet}`
    : sel.kind === 'tone'
      ? `t.${sel.outlet}.${sel.actor}`
      : sel.kind === 'setAside'
        ? `x.${sel.outlet}.${sel.group}.${sel.reason}`
        : [sel.kind === 'actor' ? 'a' : 'm', sel.outlet, ...(sel.kind === 'actor' ? [sel.actor] : []), sel.group]
            .concat(sel.variant ? [sel.variant] : [])
            .join('.');

describe('drill-downs from the postings equal drill-downs from the whole text (FA-KES)', () => {
  test('every selection of every outlet and outlet group', () => {
    let rows = 0;
    let nonEmpty = 0;
    const all = selections();
    for (const sel of all) {
      const { before, after } = both({ sel: param(sel) });
      expect(after, param(sel)).toEqual(before);
      rows += before!.rows.total;
      if (before!.rows.total > 0) nonEmpty++;
    }
    // The comparison is not vacuous: most selections hold rows, and provenance marks are compared too.
    expect(all.length).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(300);
    expect(rows).toBeGreaterThan(10_000);
  }, 240_000);

  const many = 'm.state-media.armed-groups';
  test.each([
    ['a text query', { sel: many, q: 'aleppo' }],
    ['a query matching no row', { sel: many, q: 'zzzzqq' }],
    ...['outlet', 'variant', 'voice', 'left', 'right'].map((sort) => [`sorted by ${sort}`, { sel: many, sort }]),
    ['page 2', { sel: many, page: '2' }],
    ['page 2 sorted by right context', { sel: many, page: '2', sort: 'right' }],
    ['a month (time-series point)', { sel: many, at: '2016-07' }],
    ['a quarter', { sel: many, at: '2014-Q3' }],
    ['a week', { sel: many, at: '2016-W30' }],
    ['own voice, body only', { sel: many, voice: 'own', scope: 'body' }],
    ['a date range cutting months', { sel: many, from: '2015-06-15', to: '2016-02-10' }],
    ['an actor with a query', { sel: 'a.state-media.unattributed.armed-groups', q: 'forces' }],
    ['sentiment page 3 with a query', { sel: 's.reuters', q: 'the', page: '3' }],
    ['sentiment in a date range', { sel: 's.sana', from: '2016-01-01', to: '2016-06-30' }],
    ['tone toward an actor, own voice', { sel: 't.trt.turkey', voice: 'own' }],
  ] as [string, Record<string, string>][])('%s', (_, params) => {
    const { before, after } = both(params);
    expect(after).toEqual(before);
  });

  test('the views above hold rows (a page 2 exists)', () => {
    const { before } = both({ sel: many, page: '2' });
    expect(before!.rows.page).toBe(2);
    expect(before!.rows.first).toBe(101);
  });
});

describe('an outlet page’s article list from the postings equals the export’s', () => {
  test.each([
    ['trt', {}],
    ['state-media', { voice: 'own' }],
    // Reuters' articles are dated 2013-2017 (read off their files); the range keeps its two of July 2015.
    ['reuters', { scope: 'body', from: '2015-01-01', to: '2015-12-31' }],
    ['sana', { voice: 'own', scope: 'body' }],
  ] as [string, Record<string, string>][])('%s %j', async (id, params) => {
    const { articleRowsOf } = await import('./drillStored');
    const { membersOf } = await import('../view/model');
    const opened = dataset.openView(`/outlet/${id}`, new URLSearchParams({ corpus: 'fa-kes', ...params }));
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const bundle = bundles.getBundle('fa-kes');
    const before = dataset.articlesOf(opened.view, id);
    const after = articleRowsOf(
      bundle,
      bundles.postingsOf(bundle)!,
      opened.view.query,
      new Set(membersOf(opened.view.stats, id)),
    );
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });
});
