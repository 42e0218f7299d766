import { CELL_VIEWS, groupCounting, viewSums, type DatedAnalysis, type TimeCells } from './cells';

// The added articles' sums of one cell: articles, tokens per option, and per option x group (v * G + g) its record's
// sums (articles mentioning the group, counts per variant, products per variant pair i <= j as i * k + j).
interface AddedCell {
  articles: number;
  tokens: number[];
  groups: Map<number, { groupArticles: number; counts: number[]; products: number[] }>;
}

// Per cell key (day NUL outlet), the added articles' sums.
function addedSums(added: readonly DatedAnalysis[], groups: TimeCells['groups']): Map<string, AddedCell> {
  const V = CELL_VIEWS.length;
  const G = groups.length;
  const counting = groupCounting(groups);
  const cells = new Map<string, AddedCell>();
  for (const a of added) {
    if (a.date === null) continue;
    const key = `${a.date}\u0000${a.analysis.outlet}`;
    let sums = cells.get(key);
    if (!sums) cells.set(key, (sums = { articles: 0, tokens: new Array<number>(V).fill(0), groups: new Map() }));
    sums.articles++;
    CELL_VIEWS.forEach((view, v) => {
      const { tokens, ys } = viewSums(a.analysis, view, counting);
      sums.tokens[v] += tokens;
      ys.forEach((y, g) => {
        if (!y.some((x) => x > 0)) return;
        const k = y.length;
        let rec = sums.groups.get(v * G + g);
        if (!rec) {
          rec = { groupArticles: 0, counts: new Array<number>(k).fill(0), products: new Array<number>(k * k).fill(0) };
          sums.groups.set(v * G + g, rec);
        }
        rec.groupArticles++;
        for (let i = 0; i < k; i++) {
          rec.counts[i] += y[i];
          if (y[i]) for (let j = i; j < k; j++) rec.products[i * k + j] += y[i] * y[j];
        }
      });
    });
  }
  return cells;
}

const nonZero = (xs: number[]) => xs.flatMap((x, i) => (x ? [i, x] : []));

/**
 * A new version's time cells from the previous version's and the articles it adds (with their dates): every number in
 * a cell is a sum over its articles, so the added articles' sums are added to their cells (cells, days and outlets made
 * as needed) and every other record is copied with its cell renumbered. Exactly the cells made from every article of
 * the new version when it keeps every article of the previous one with the same date (the caller's check: an article
 * removed or moved to another day cannot be taken out of a cell without its analysis). The groups are the previous
 * cells' groups, in order.
 */
export function addToTimeCells(prev: TimeCells, added: readonly DatedAnalysis[]): TimeCells {
  const V = CELL_VIEWS.length;
  const G = prev.groups.length;
  const sums = addedSums(added, prev.groups);
  const split = [...sums.keys()].map((key) => key.split('\u0000') as [string, string]);
  const days = [...new Set([...prev.days, ...split.map(([d]) => d)])].sort();
  const outlets = [...new Set([...prev.outlets, ...split.map(([, o]) => o)])].sort();
  const dayAt = new Map(days.map((d, i) => [d, i]));
  const outletAt = new Map(outlets.map((o, i) => [o, i]));
  const O = outlets.length;
  // Every cell's slot (day, then outlet) in the new numbering: the previous cells keep their order, as both are sorted.
  const prevSlot = Array.from(
    prev.cellArticles,
    (_, c) => dayAt.get(prev.days[prev.cellDay[c]])! * O + outletAt.get(prev.outlets[prev.cellOutlet[c]])!,
  );
  const addedAt = new Map(
    split.map(([d, o]) => [dayAt.get(d)! * O + outletAt.get(o)!, sums.get(`${d}\u0000${o}`)!] as const),
  );
  const slots = [...new Set([...prevSlot, ...addedAt.keys()])].sort((a, b) => a - b);
  const cellOf = new Map(slots.map((s, c) => [s, c]));
  const n = slots.length;
  const cellArticles = new Float64Array(n);
  const tokens = new Float64Array(n * V);
  prevSlot.forEach((s, c) => {
    const to = cellOf.get(s)!;
    cellArticles[to] = prev.cellArticles[c];
    tokens.set(prev.tokens.subarray(c * V, c * V + V), to * V);
  });
  for (const [s, a] of addedAt) {
    const to = cellOf.get(s)!;
    cellArticles[to] += a.articles;
    a.tokens.forEach((x, v) => (tokens[to * V + v] += x));
  }
  // Per option x group, the added records in new cell order, merged into the previous records (both in cell order).
  const out: number[] = [];
  const starts = new Float64Array(V * G + 1);
  const r = prev.records;
  const addedCells = [...addedAt.keys()].sort((a, b) => a - b).map((s) => [cellOf.get(s)!, addedAt.get(s)!] as const);
  for (let at = 0; at < V * G; at++) {
    starts[at] = out.length;
    const mine = addedCells.filter(([, a]) => a.groups.has(at));
    let y = 0;
    const push = (cell: number, groupArticles: number, counts: number[], products: number[]) => {
      const c = nonZero(counts);
      const p = nonZero(products);
      out.push(cell, groupArticles, c.length / 2, ...c, p.length / 2, ...p);
    };
    for (let i = prev.starts[at]; i < prev.starts[at + 1];) {
      const cell = cellOf.get(prevSlot[r[i]])!;
      let j = i + 2;
      j += 1 + 2 * r[j];
      j += 1 + 2 * r[j];
      while (y < mine.length && mine[y][0] < cell) {
        const rec = mine[y++][1].groups.get(at)!;
        push(mine[y - 1][0], rec.groupArticles, rec.counts, rec.products);
      }
      if (y < mine.length && mine[y][0] === cell) {
        // The one cell both hold: the previous record's sums plus the added ones, written again.
        const rec = mine[y++][1].groups.get(at)!;
        const counts = [...rec.counts];
        const products = [...rec.products];
        let q = i + 2;
        for (let m = r[q++]; m > 0; m--, q += 2) counts[r[q]] += r[q + 1];
        for (let m = r[q++]; m > 0; m--, q += 2) products[r[q]] += r[q + 1];
        push(cell, r[i + 1] + rec.groupArticles, counts, products);
      } else {
        out.push(cell);
        for (let q = i + 1; q < j; q++) out.push(r[q]);
      }
      i = j;
    }
    while (y < mine.length) {
      const rec = mine[y++][1].groups.get(at)!;
      push(mine[y - 1][0], rec.groupArticles, rec.counts, rec.products);
    }
  }
  starts[V * G] = out.length;
  return {
    groups: prev.groups.map((g) => ({ id: g.id, variants: [...g.variants] })),
    outlets,
    days,
    cellOutlet: Float64Array.from(slots, (s) => s % O),
    cellDay: Float64Array.from(slots, (s) => Math.floor(s / O)),
    cellArticles,
    tokens,
    starts,
    records: Float64Array.from(out),
  };
}
