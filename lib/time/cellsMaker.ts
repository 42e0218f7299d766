import { growingF64, growingU32 } from '../growing';
import { CELL_VIEWS, groupCounting, viewSums, type DatedAnalysis, type TimeCells } from './cells';

/** Time cells made a chunk of articles at a time: what the tallies job folds each chunk it reads into, then drops it. */
export interface TimeCellsMaker {
  /** Adds the next articles (their analyses and dates); the order they come in does not change the cells. */
  add(articles: readonly DatedAnalysis[]): void;
  /** The cells of every article added: those makeTimeCells makes of the same articles. */
  finish(): TimeCells;
}

// The id of a name, numbering names in the order first seen.
function idOf(ids: Map<string, number>, name: string): number {
  let id = ids.get(name);
  if (id === undefined) ids.set(name, (id = ids.size));
  return id;
}

/**
 * An empty time cells maker for the lexicon's term groups. Articles come in corpus order, cells are summed in day and
 * outlet order: so per dated article it keeps only its day, outlet, tokens per view and counted mentions per view, group
 * and variant (a few dozen bytes, never its analysis), and sums the cells in their order at the end.
 */
export function timeCellsMaker(groups: readonly { id: string; variants: readonly string[] }[]): TimeCellsMaker {
  const V = CELL_VIEWS.length;
  const G = groups.length;
  const counting = groupCounting(groups);
  const dayIds = new Map<string, number>();
  const outletIds = new Map<string, number>();
  const day = growingU32(1024);
  const outlet = growingU32(1024);
  const tokens = growingF64(1024 * V);
  // Per dated article, where its entries end; an entry is one view and group with a counted mention: v * G + g, how many
  // variants are counted, then (variant, count) pairs in variant order.
  const ends = growingU32(1024);
  const entries = growingU32(4096);
  return {
    add(articles) {
      for (const { analysis, date } of articles) {
        if (date === null) continue;
        day.push(idOf(dayIds, date));
        outlet.push(idOf(outletIds, analysis.outlet));
        CELL_VIEWS.forEach((view, v) => {
          const sums = viewSums(analysis, view, counting);
          tokens.push(sums.tokens);
          sums.ys.forEach((y, g) => {
            const n = y.reduce((s, x) => s + (x > 0 ? 1 : 0), 0);
            if (n === 0) return;
            entries.push(v * G + g);
            entries.push(n);
            y.forEach((x, i) => {
              if (x <= 0) return;
              entries.push(i);
              entries.push(x);
            });
          });
        });
        ends.push(entries.length);
      }
    },
    finish: () => sumCells(groups, { dayIds, outletIds, day, outlet, tokens, ends, entries }),
  };
}

interface Rows {
  dayIds: Map<string, number>;
  outletIds: Map<string, number>;
  day: { done(): Uint32Array };
  outlet: { done(): Uint32Array };
  tokens: { done(): Float64Array };
  ends: { done(): Uint32Array };
  entries: { done(): Uint32Array };
}

// Sums the kept rows into cells: rows in cell order (day, then outlet), one cell's sums held at a time.
function sumCells(groups: readonly { id: string; variants: readonly string[] }[], rows: Rows): TimeCells {
  const V = CELL_VIEWS.length;
  const G = groups.length;
  const days = [...rows.dayIds.keys()].sort();
  const outlets = [...rows.outletIds.keys()].sort();
  const O = outlets.length;
  const dayRank = new Uint32Array(days.length);
  days.forEach((d, r) => (dayRank[rows.dayIds.get(d)!] = r));
  const outletRank = new Uint32Array(O);
  outlets.forEach((o, r) => (outletRank[rows.outletIds.get(o)!] = r));
  const [day, outlet, tokens, ends, entries] = [
    rows.day.done(),
    rows.outlet.done(),
    rows.tokens.done(),
    rows.ends.done(),
    rows.entries.done(),
  ];
  const n = day.length;
  const slotOf = Float64Array.from({ length: n }, (_, r) => dayRank[day[r]] * O + outletRank[outlet[r]]);
  const order = Uint32Array.from({ length: n }, (_, r) => r).sort((x, y) => slotOf[x] - slotOf[y] || x - y);
  const cellSlots = growingF64(1024);
  const cellArticles = growingF64(1024);
  const cellTokens = growingF64(1024 * V);
  const records = Array.from({ length: V * G }, () => growingF64(64));
  const sums = Array.from({ length: V * G }, (_, at) => {
    const k = groups[at % G].variants.length;
    return { groupArticles: 0, counts: new Float64Array(k), products: new Float64Array(k * k) };
  });
  const touched: number[] = [];
  const flush = (c: number) => {
    for (const at of touched.sort((a, b) => a - b)) {
      const sum = sums[at];
      const nz = (xs: Float64Array) => xs.reduce((s, x) => s + (x ? 1 : 0), 0);
      const r = records[at];
      r.push(c);
      r.push(sum.groupArticles);
      for (const xs of [sum.counts, sum.products]) {
        r.push(nz(xs));
        xs.forEach((x, i) => {
          if (!x) return;
          r.push(i);
          r.push(x);
        });
      }
      sum.groupArticles = 0;
      sum.counts.fill(0);
      sum.products.fill(0);
    }
    touched.length = 0;
  };
  for (let q = 0; q < n; q++) {
    const row = order[q];
    const slot = slotOf[row];
    if (cellSlots.length === 0 || cellSlots.at(cellSlots.length - 1) !== slot) {
      if (cellSlots.length > 0) flush(cellSlots.length - 1);
      cellSlots.push(slot);
      cellArticles.push(0);
      for (let v = 0; v < V; v++) cellTokens.push(0);
    }
    const c = cellSlots.length - 1;
    cellArticles.add(c, 1);
    for (let v = 0; v < V; v++) cellTokens.add(c * V + v, tokens[row * V + v]);
    for (let e = row === 0 ? 0 : ends[row - 1]; e < ends[row];) {
      const at = entries[e];
      const m = entries[e + 1];
      const k = groups[at % G].variants.length;
      const sum = sums[at];
      if (sum.groupArticles === 0) touched.push(at);
      sum.groupArticles++;
      const first = e + 2;
      for (let p = 0; p < m; p++) {
        const i = entries[first + 2 * p];
        const y = entries[first + 2 * p + 1];
        sum.counts[i] += y;
        for (let s = p; s < m; s++) sum.products[i * k + entries[first + 2 * s]] += y * entries[first + 2 * s + 1];
      }
      e = first + 2 * m;
    }
  }
  if (cellSlots.length > 0) flush(cellSlots.length - 1);
  const slots = cellSlots.done();
  const all = growingF64(1024);
  const starts = new Float64Array(records.length + 1);
  records.forEach((r, at) => {
    starts[at] = all.length;
    for (const x of r.done()) all.push(x);
  });
  starts[records.length] = all.length;
  return {
    groups: groups.map((g) => ({ id: g.id, variants: [...g.variants] })),
    outlets,
    days,
    cellOutlet: slots.map((s) => s % O),
    cellDay: slots.map((s) => Math.floor(s / O)),
    cellArticles: cellArticles.done(),
    tokens: cellTokens.done(),
    starts,
    records: all.done(),
  };
}
