import { counted, inScope, voiceTokens } from '../analysis/filters';
import { CELL_VIEWS, type DatedAnalysis, type TimeCells } from './cells';

// One cell's sums while they change: articles, tokens per option, and per option x group its record's numbers.
interface Sums {
  articles: number;
  tokens: number[];
  groups: Map<number, { groupArticles: number; counts: number[]; products: number[] }>;
}

/**
 * A new version's time cells from the previous version's and the articles it adds (with their dates): every number in
 * a cell is a sum over its articles, so the added articles' sums are added to their cells (cells, days and outlets made
 * as needed). Exactly the cells made from every article of the new version when it keeps every article of the previous
 * one with the same date (the caller's check: an article removed or moved to another day cannot be taken out of a
 * cell without its analysis). The groups must be the previous cells' groups, in order.
 */
export function addToTimeCells(prev: TimeCells, added: readonly DatedAnalysis[]): TimeCells {
  const V = CELL_VIEWS.length;
  const G = prev.groups.length;
  const cells = new Map<string, Sums>();
  const cellKey = (day: string, outlet: string) => `${day}\u0000${outlet}`;
  for (let c = 0; c < prev.cellArticles.length; c++)
    cells.set(cellKey(prev.days[prev.cellDay[c]], prev.outlets[prev.cellOutlet[c]]), {
      articles: prev.cellArticles[c],
      tokens: Array.from(prev.tokens.subarray(c * V, c * V + V)),
      groups: new Map(),
    });
  const order = [...cells.keys()];
  // Each option x group's records, read back into their cells' sums.
  for (let at = 0; at < V * G; at++) {
    const k = prev.groups[at % G].variants.length;
    const r = prev.records;
    for (let i = prev.starts[at]; i < prev.starts[at + 1];) {
      const sums = cells.get(order[r[i]])!;
      const counts = new Array<number>(k).fill(0);
      const products = new Array<number>(k * k).fill(0);
      const groupArticles = r[i + 1];
      let j = i + 2;
      for (let n = r[j++]; n > 0; n--, j += 2) counts[r[j]] = r[j + 1];
      for (let n = r[j++]; n > 0; n--, j += 2) products[r[j]] = r[j + 1];
      sums.groups.set(at, { groupArticles, counts, products });
      i = j;
    }
  }
  const groupAt = new Map(prev.groups.map((g, i) => [g.id, i]));
  const variantAt = prev.groups.map((g) => new Map(g.variants.map((v, i) => [v, i])));
  for (const a of added) {
    if (a.date === null) continue;
    const key = cellKey(a.date, a.analysis.outlet);
    let sums = cells.get(key);
    if (!sums) cells.set(key, (sums = { articles: 0, tokens: new Array<number>(V).fill(0), groups: new Map() }));
    sums.articles++;
    CELL_VIEWS.forEach((view, v) => {
      for (const [section, t] of Object.entries(a.analysis.tokens))
        if (inScope(section, view)) sums.tokens[v] += voiceTokens(t, view);
      const ys = prev.groups.map((g) => new Array<number>(g.variants.length).fill(0));
      for (const m of a.analysis.mentions) {
        // Set-aside mentions are in no group's sums (as in makeTimeCells).
        if (m.setAside || !counted(m, view)) continue;
        const g = groupAt.get(m.group);
        const i = g === undefined ? undefined : variantAt[g].get(m.variant);
        if (i !== undefined) ys[g!][i]++;
      }
      ys.forEach((y, g) => {
        if (!y.some((x) => x > 0)) return;
        const k = y.length;
        let rec = sums.groups.get(v * G + g);
        if (!rec)
          sums.groups.set(
            v * G + g,
            (rec = {
              groupArticles: 0,
              counts: new Array<number>(k).fill(0),
              products: new Array<number>(k * k).fill(0),
            }),
          );
        rec.groupArticles++;
        for (let i = 0; i < k; i++) {
          rec.counts[i] += y[i];
          if (y[i]) for (let j = i; j < k; j++) rec.products[i * k + j] += y[i] * y[j];
        }
      });
    });
  }
  const split = [...cells.keys()].map((key) => key.split('\u0000') as [string, string]);
  const days = [...new Set(split.map(([d]) => d))].sort();
  const outlets = [...new Set(split.map(([, o]) => o))].sort();
  const dayAt = new Map(days.map((d, i) => [d, i]));
  const outletAt = new Map(outlets.map((o, i) => [o, i]));
  const slotted = split
    .map(([d, o]) => ({ slot: dayAt.get(d)! * outlets.length + outletAt.get(o)!, sums: cells.get(cellKey(d, o))! }))
    .sort((x, y) => x.slot - y.slot);
  const records: number[][] = Array.from({ length: V * G }, () => []);
  slotted.forEach(({ sums }, c) => {
    for (const [at, rec] of sums.groups) {
      const nz = (xs: number[]) => xs.flatMap((x, i) => (x ? [i, x] : []));
      const counts = nz(rec.counts);
      const products = nz(rec.products);
      records[at].push(c, rec.groupArticles, counts.length / 2, ...counts, products.length / 2, ...products);
    }
  });
  const starts = new Float64Array(V * G + 1);
  let size = 0;
  records.forEach((r, at) => {
    starts[at] = size;
    size += r.length;
  });
  starts[V * G] = size;
  const all = new Float64Array(size);
  records.forEach((r, at) => all.set(r, starts[at]));
  return {
    groups: prev.groups.map((g) => ({ id: g.id, variants: [...g.variants] })),
    outlets,
    days,
    cellOutlet: Float64Array.from(slotted, (s) => s.slot % outlets.length),
    cellDay: Float64Array.from(slotted, (s) => Math.floor(s.slot / outlets.length)),
    cellArticles: Float64Array.from(slotted, (s) => s.sums.articles),
    tokens: Float64Array.from(slotted.flatMap((s) => s.sums.tokens)),
    starts,
    records: all,
  };
}
