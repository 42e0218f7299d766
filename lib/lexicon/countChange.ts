/**
 * How a lexicon edit would change the counts: mentions and articles per term group (and variant) × outlet, before and
 * after, as the dashboard counts them by default (every voice and section; set-aside mentions are not counted).
 */
import type { Lexicon } from '../types';

/** Counted mentions and the articles they are in. */
export interface CountCell {
  mentions: number;
  articles: number;
}

/** The counts of one analysed corpus, keyed by countKey. */
export type Counts = Map<string, CountCell>;

/** What one article contributes: its outlet and its mentions (set-aside ones are skipped). */
export interface CountedArticle {
  outlet: string;
  mentions: readonly { group: string; variant: string; setAside: string | null }[];
}

/** Outlet key of the all-outlets rows. */
export const ALL_OUTLETS = '';

/** The key of a cell: group, variant ('' for the whole group) and outlet (ALL_OUTLETS for all of them). */
export function countKey(group: string, variant: string, outlet: string): string {
  return `${group}\u0000${variant}\u0000${outlet}`;
}

/** Counts mentions and articles per group and variant, per outlet and over all outlets, in one pass. */
export function countMentions(articles: Iterable<CountedArticle>): Counts {
  const out: Counts = new Map();
  for (const a of articles) {
    const touched = new Set<string>();
    for (const m of a.mentions) {
      if (m.setAside) continue;
      for (const key of [
        countKey(m.group, m.variant, a.outlet),
        countKey(m.group, '', a.outlet),
        countKey(m.group, m.variant, ALL_OUTLETS),
        countKey(m.group, '', ALL_OUTLETS),
      ]) {
        let c = out.get(key);
        if (!c) out.set(key, (c = { mentions: 0, articles: 0 }));
        c.mentions++;
        touched.add(key);
      }
    }
    for (const key of touched) out.get(key)!.articles++;
  }
  return out;
}

/** Whether a row's group or variant is new in the edited lexicon, gone from it, or in both. */
export type ChangeStatus = 'new' | 'removed' | 'kept';

/** One changed cell: its group, variant (null: the whole group), outlet (ALL_OUTLETS: all) and counts. */
export interface CountChange {
  group: string;
  variant: string | null;
  outlet: string;
  status: ChangeStatus;
  before: CountCell;
  after: CountCell;
}

const ZERO: CountCell = { mentions: 0, articles: 0 };

function idsOf(lex: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const g of lex.groups) {
    out.add(countKey(g.id, '', ''));
    for (const v of g.variants) out.add(countKey(g.id, v.id, ''));
  }
  return out;
}

/**
 * Every cell whose counts differ between two analyses (or whose group or variant is new or removed), largest change in
 * mentions first, then by group, variant and outlet.
 */
export function countChanges(before: Counts, after: Counts, oldLex: Lexicon, newLex: Lexicon): CountChange[] {
  const oldIds = idsOf(oldLex);
  const newIds = idsOf(newLex);
  const keys = new Set([...before.keys(), ...after.keys()]);
  const rows: CountChange[] = [];
  for (const key of keys) {
    const b = before.get(key) ?? ZERO;
    const a = after.get(key) ?? ZERO;
    if (b.mentions === a.mentions && b.articles === a.articles) continue;
    const [group, variant, outlet] = key.split('\u0000');
    const id = countKey(group, variant, '');
    rows.push({
      group,
      variant: variant === '' ? null : variant,
      outlet,
      status: !oldIds.has(id) ? 'new' : !newIds.has(id) ? 'removed' : 'kept',
      before: b,
      after: a,
    });
  }
  const size = (r: CountChange) => Math.abs(r.after.mentions - r.before.mentions);
  return rows.sort(
    (x, y) =>
      size(y) - size(x) ||
      x.group.localeCompare(y.group) ||
      (x.variant ?? '').localeCompare(y.variant ?? '') ||
      x.outlet.localeCompare(y.outlet),
  );
}

/** A change written with its sign: +4, −2, ±0. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * One change as a sentence, e.g. `new variant "gunmen" (Armed groups): +27 mentions in 9 articles of Al-Manar` or
 * `"Daesh" (Islamic State): 100 → 111 mentions (+11), 40 → 45 articles, all outlets`.
 */
export function changeSentence(
  c: CountChange,
  names: {
    group: (id: string) => string;
    variant: (group: string, id: string) => string;
    outlet: (id: string) => string;
  },
): string {
  const what =
    c.variant === null ? `group "${names.group(c.group)}"` : `variant "${names.variant(c.group, c.variant)}"`;
  const where = c.outlet === ALL_OUTLETS ? 'all outlets' : names.outlet(c.outlet);
  const inGroup = c.variant === null ? '' : ` (${names.group(c.group)})`;
  if (c.status === 'new')
    return `new ${what}${inGroup}: ${signed(c.after.mentions)} ${c.after.mentions === 1 ? 'mention' : 'mentions'} in ${plural(c.after.articles, 'article', 'articles')} of ${where}`;
  if (c.status === 'removed')
    return `removed ${what}${inGroup}: ${signed(-c.before.mentions)} ${c.before.mentions === 1 ? 'mention' : 'mentions'} in ${plural(c.before.articles, 'article', 'articles')} of ${where}`;
  return `${what}${inGroup}, ${where}: ${c.before.mentions} → ${c.after.mentions} mentions (${signed(c.after.mentions - c.before.mentions)}), ${c.before.articles} → ${c.after.articles} articles (${signed(c.after.articles - c.before.articles)})`;
}
