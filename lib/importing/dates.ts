/** How to read an all-numeric date such as 4/5/2017: month first (US) or day first. */
export type DateOrder = 'mdy' | 'dmy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Reads a date in one of the common formats as YYYY-MM-DD, with the format it recognised; null if it cannot. */
export function normalizeDate(raw: string, order: DateOrder): { date: string; format: string } | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return wrap(iso(+m[1], +m[2], +m[3]), 'YYYY-MM-DD');
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    return order === 'mdy' ? wrap(iso(+m[3], a, b), 'M/D/YYYY') : wrap(iso(+m[3], b, a), 'D/M/YYYY');
  }
  m = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m && month(m[2]) > 0) return wrap(iso(+m[3], month(m[2]), +m[1]), 'D Month YYYY');
  m = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && month(m[1]) > 0) return wrap(iso(+m[3], month(m[1]), +m[2]), 'Month D YYYY');
  return null;
}

function wrap(date: string | null, format: string): { date: string; format: string } | null {
  return date ? { date, format } : null;
}
