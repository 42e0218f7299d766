/**
 * Calendar periods for time series: which period an ISO date falls in, the periods between two dates, and the bin
 * chosen automatically for a span. Everything is UTC calendar arithmetic on YYYY-MM-DD strings (no time zones).
 */

/** A period length. */
export type Bin = 'day' | 'week' | 'month' | 'quarter';

/** Every bin, shortest first. */
export const BINS: readonly Bin[] = ['day', 'week', 'month', 'quarter'];

/** One period: its id (2016-07-04, 2016-W27, 2016-07, 2016-Q3) and its first and last day. */
export interface Period {
  id: string;
  bin: Bin;
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days from one ISO date to another (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** An ISO date moved by whole days. */
export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

// ISO 8601 weeks start on Monday; week 1 holds the year's first Thursday, so the week's year is its Thursday's year.
function isoWeek(date: string): { year: number; week: number; monday: string } {
  const ms = toMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const monday = ms - weekday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return { year, week, monday: fromMs(monday) };
}

function lastDayOfMonth(year: number, month: number): string {
  return fromMs(Date.UTC(year, month, 0));
}

/** The period of a bin that holds an ISO date. */
export function periodOf(date: string, bin: Bin): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (bin) {
    case 'day':
      return { id: date, bin, start: date, end: date };
    case 'week': {
      const w = isoWeek(date);
      return { id: `${w.year}-W${pad(w.week)}`, bin, start: w.monday, end: addDays(w.monday, 6) };
    }
    case 'month':
      return { id: date.slice(0, 7), bin, start: `${date.slice(0, 7)}-01`, end: lastDayOfMonth(year, month) };
    case 'quarter': {
      const q = Math.floor((month - 1) / 3) + 1;
      const first = (q - 1) * 3 + 1;
      return { id: `${year}-Q${q}`, bin, start: `${year}-${pad(first)}-01`, end: lastDayOfMonth(year, first + 2) };
    }
  }
}

const PERIOD_IDS: [RegExp, Bin][] = [
  [/^\d{4}-\d{2}-\d{2}$/, 'day'],
  [/^\d{4}-W\d{2}$/, 'week'],
  [/^\d{4}-\d{2}$/, 'month'],
  [/^\d{4}-Q[1-4]$/, 'quarter'],
];

/** The period a period id names, or null when the id is not one (e.g. month 13, week 54, 2015-W53: no such week). */
export function parsePeriod(id: string): Period | null {
  const hit = PERIOD_IDS.find(([re]) => re.test(id));
  if (!hit) return null;
  const bin = hit[1];
  let date: string;
  if (bin === 'day') date = id;
  else if (bin === 'month') date = `${id}-01`;
  else if (bin === 'quarter') date = `${id.slice(0, 4)}-${pad((Number(id.slice(6)) - 1) * 3 + 1)}-01`;
  else {
    // Week 1's Monday is the Monday of the week holding 4 January.
    const jan4 = `${id.slice(0, 4)}-01-04`;
    date = addDays(isoWeek(jan4).monday, (Number(id.slice(6)) - 1) * 7);
  }
  if (!isIsoDate(date)) return null;
  const p = periodOf(date, bin);
  return p.id === id ? p : null;
}

/** Every period of a bin from the one holding `first` to the one holding `last`, gaps included, in order. */
export function periodsBetween(first: string, last: string, bin: Bin): Period[] {
  const out: Period[] = [];
  if (first > last) return out;
  let p = periodOf(first, bin);
  const end = periodOf(last, bin).id;
  for (;;) {
    out.push(p);
    if (p.id === end) return out;
    p = periodOf(addDays(p.end, 1), bin);
  }
}

/** Spans up to these many days get this bin: about 90 periods at most for spans up to 25 years. */
const AUTO: [number, Bin][] = [
  [92, 'day'],
  [2 * 366, 'week'],
  [8 * 366, 'month'],
];

/** The bin for a span of dates: day up to 92 days, week up to 2 years, month up to 8 years, quarter beyond. */
export function autoBin(first: string, last: string): Bin {
  const span = daysBetween(first, last) + 1;
  return AUTO.find(([days]) => span <= days)?.[1] ?? 'quarter';
}
