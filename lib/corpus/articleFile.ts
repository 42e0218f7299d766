import { InputError } from '../errors';
import { SECTIONS, type Article, type Section, type Segment } from '../types';

const KEYS = ['id', 'outlet', 'title', 'date', 'url', 'raw', 'note'] as const;
type Key = (typeof KEYS)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses an article file: "key: value" header lines, a blank line, then sections introduced by
 * "## title", "## caption" or "## body" lines, in page order.
 */
export function parseArticleFile(source: string, file: string): Article {
  if (source.includes('\u0000'))
    throw new InputError(file, 'contains NUL bytes (binary data?)', 'save the article as UTF-8 text');
  const lines = (source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source).split('\n');
  const meta: Partial<Record<Key, string>> = {};
  let i = 0;
  for (; i < lines.length && lines[i].trim() !== ''; i++) {
    // [^\n] rather than ".": a value may hold U+2028, which "." does not match.
    const m = /^([a-z]+):[ \t]*([^\n]*)$/.exec(lines[i]);
    if (!m)
      throw new InputError(
        `${file} line ${i + 1}`,
        `"${lines[i].slice(0, 60)}" is not a "key: value" header line`,
        'start the file with lines like "outlet: presstv", then a blank line',
      );
    const key = m[1] as Key;
    if (!KEYS.includes(key))
      throw new InputError(`${file} line ${i + 1}`, `unknown header "${m[1]}"`, `use only ${KEYS.join(', ')}`);
    if (meta[key] !== undefined)
      throw new InputError(`${file} line ${i + 1}`, `header "${key}" appears twice`, 'keep one');
    meta[key] = m[2].trim();
  }
  for (const key of ['id', 'outlet', 'title'] as const) {
    if (!meta[key])
      throw new InputError(file, `header "${key}" is missing or empty`, `add a line "${key}: ..." to the header`);
  }
  if (meta.date && !DATE.test(meta.date))
    throw new InputError(
      file,
      `date "${meta.date}" is not YYYY-MM-DD`,
      'write the date as e.g. 2016-08-30, or leave it empty',
    );
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (i++; i < lines.length; i++) {
    const head = /^## (\S+)\s*$/.exec(lines[i]);
    if (head) {
      const section = head[1] as Section;
      if (!SECTIONS.includes(section))
        throw new InputError(
          `${file} line ${i + 1}`,
          `unknown section "${head[1]}"`,
          `use ## ${SECTIONS.join(', ## ')}`,
        );
      current = { section, text: '' };
      segments.push(current);
    } else if (current) {
      current.text += (current.text === '' ? '' : '\n') + lines[i];
    } else if (lines[i].trim() !== '') {
      throw new InputError(
        `${file} line ${i + 1}`,
        'text before the first section heading',
        'put "## body" (or ## title, ## caption) above it',
      );
    }
  }
  for (const s of segments) s.text = s.text.trim();
  const kept = segments.filter((s) => s.text !== '');
  if (!kept.some((s) => s.section === 'body'))
    throw new InputError(file, 'has no "## body" section with text', 'add the article text under a "## body" line');
  return {
    id: meta.id!,
    outlet: meta.outlet!,
    title: meta.title!,
    date: meta.date || null,
    url: meta.url || null,
    raw: meta.raw || null,
    note: meta.note || null,
    segments: kept,
  };
}

const HEADING = /^## \S+\s*$/;

/**
 * A text line such as "## body" (a pasted title, a Markdown heading) would read back as a section heading; a leading
 * space keeps it text. The parser trims each section, so a first or last line reads back exactly as it was.
 */
function escapeHeadings(text: string): string {
  return text
    .split('\n')
    .map((line) => (HEADING.test(line) ? ` ${line}` : line))
    .join('\n');
}

/** Writes an article in the format parseArticleFile reads (the round trip is exact). */
export function serializeArticleFile(a: Article): string {
  const head = KEYS.map((k) => [k, a[k]] as const)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  const body = a.segments.map((s) => `## ${s.section}\n${escapeHeadings(s.text)}`);
  return `${head.join('\n')}\n\n${body.join('\n\n')}\n`;
}
