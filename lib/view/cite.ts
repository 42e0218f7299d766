/** What a citation of one dashboard view names. */
export interface CiteInput {
  /** What the view or chart shows. */
  title: string;
  /** The view's URL with the corpus version pinned. */
  url: string;
  corpusTitle: string;
  corpusId: string;
  version: string;
  attribution: string | null;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function checkedDate(d: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new Error(`citation: accessed = "${d}" is not a YYYY-MM-DD date`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** An APA 7 reference for a view: author, year, title, description with corpus and version, retrieval date, URL. */
export function apaCitation(c: CiteInput): string {
  const [y, m, d] = checkedDate(c.accessed);
  const source = c.attribution ? ` ${c.attribution.trim().replace(/\.?$/, '.')}` : '';
  return `Framescope. (${y}). ${c.title} [Data visualization; corpus ${c.corpusTitle}, version ${c.version}].${source} Retrieved ${MONTHS[m - 1]} ${d}, ${y}, from ${c.url}`;
}

const bibEscape = (s: string) => s.replace(/[\\{}]/g, (ch) => `\\${ch}`).replace(/([&%$#_])/g, '\\$1');

/** A BibTeX @misc entry for a view, keyed by corpus, version and access date; special characters escaped. */
export function bibtexCitation(c: CiteInput): string {
  const [y] = checkedDate(c.accessed);
  const key = `framescope-${c.corpusId}-${c.version}-${c.accessed}`.replace(/[^A-Za-z0-9-]/g, '');
  const note = `Corpus: ${c.corpusTitle} (${c.corpusId}), version ${c.version}.${c.attribution ? ` ${c.attribution}` : ''} Accessed ${c.accessed}.`;
  return [
    `@misc{${key},`,
    `  author = {{Framescope}},`,
    `  title = {${bibEscape(c.title)}},`,
    `  year = {${y}},`,
    `  howpublished = {\\url{${c.url.replace(/[%#]/g, (ch) => `\\${ch}`)}}},`,
    `  note = {${bibEscape(note)}}`,
    `}`,
  ].join('\n');
}
