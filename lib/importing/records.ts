import { InputError, parseJsonInput } from '../errors';
import { parseCsv } from './csv';
import type { Format } from './files';
import { extractHtml } from './html';

/** One article as read from an input file, before validation: every field may be missing. */
export interface ImportRecord {
  where: string;
  title: string | null;
  text: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  /** Other fields of the source row, kept in the article's note (e.g. FA-KES unit_id, labels). */
  extra: Record<string, string>;
}

/** A record that could not be read at all, with the reason. */
export interface Rejection {
  where: string;
  reason: string;
}

/** Article fields a CSV or JSON column can map to. */
export const FIELDS = ['title', 'text', 'outlet', 'date', 'url'] as const;
export type Field = (typeof FIELDS)[number];
/** Which source column feeds which field. */
export type Mapping = Partial<Record<Field, string>>;

const GUESS: Record<Field, string[]> = {
  title: ['title', 'headline', 'article_title'],
  text: ['text', 'body', 'content', 'article_content'],
  outlet: ['outlet', 'source', 'publisher'],
  date: ['date', 'published', 'published_at'],
  url: ['url', 'link'],
};

/** The mapping to use for a set of columns: explicit entries first, then well-known column names. */
export function resolveMapping(columns: string[], explicit: Mapping): Mapping {
  const out: Mapping = {};
  for (const f of FIELDS) {
    const col = explicit[f] ?? GUESS[f].find((g) => columns.includes(g));
    if (col !== undefined) out[f] = col;
  }
  return out;
}

/** Parses "title=article_title,text=article_content" into a mapping, rejecting unknown fields. */
export function parseMapping(spec: string): Mapping {
  const out: Mapping = {};
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [field, column] = part.split('=').map((s) => s?.trim());
    if (!FIELDS.includes(field as Field) || !column) {
      throw new InputError(
        `--map "${part}"`,
        'is not FIELD=COLUMN',
        `use fields ${FIELDS.join(', ')}, e.g. --map text=article_content,title=article_title`,
      );
    }
    out[field as Field] = column;
  }
  return out;
}

function fromObject(o: Record<string, unknown>, where: string, mapping: Mapping): ImportRecord {
  const map = resolveMapping(Object.keys(o), mapping);
  const get = (f: Field) => {
    const col = map[f];
    const v = col === undefined ? undefined : o[col];
    return v === undefined || v === null || v === '' ? null : String(v);
  };
  const used = new Set(Object.values(map));
  const extra = Object.fromEntries(
    Object.entries(o)
      .filter(([k, v]) => !used.has(k) && v !== null && typeof v !== 'object')
      .map(([k, v]) => [k, String(v)]),
  );
  return {
    where,
    title: get('title'),
    text: get('text'),
    outlet: get('outlet'),
    date: get('date'),
    url: get('url'),
    extra,
  };
}

const HEADER_KEYS = ['title', 'outlet', 'date', 'url'] as const;

/** A plain-text article: optional "key: value" lines (title, outlet, date, url) and a blank line, then the text. */
function fromText(source: string, name: string): ImportRecord {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  if (/^[A-Za-z][\w-]*:\s/.test(lines[0])) {
    for (; i < lines.length && lines[i].trim() !== ''; i++) {
      // [^\n] rather than ".": a title may hold U+2028 (a line separator "." does not match); the plan folds it into a space.
      const m = /^([A-Za-z][\w-]*):[ \t]*([^\n]*)$/.exec(lines[i]);
      const key = m?.[1].toLowerCase();
      if (!m || !HEADER_KEYS.includes(key as (typeof HEADER_KEYS)[number])) {
        throw new InputError(
          `${name} line ${i + 1}`,
          `malformed metadata "${lines[i].slice(0, 60)}"`,
          `the header may only hold ${HEADER_KEYS.join(', ')} as "key: value" lines, then a blank line`,
        );
      }
      if (meta[key!] !== undefined)
        throw new InputError(`${name} line ${i + 1}`, `metadata "${key}" appears twice`, 'keep one');
      meta[key!] = m[2].trim();
    }
  }
  const body = lines.slice(i).join('\n').trim();
  let title = meta.title ?? null;
  let text = body;
  // Without a title header, a short first line is the headline.
  if (!title) {
    const [first, ...rest] = body.split('\n');
    if (first && first.length <= 200 && rest.join('').trim() !== '') {
      title = first.trim();
      text = rest.join('\n').trim();
    }
  }
  return {
    where: name,
    title,
    text,
    outlet: meta.outlet ?? null,
    date: meta.date ?? null,
    url: meta.url ?? null,
    extra: {},
  };
}

/** Reads every record of one decoded file; unreadable records are rejected with their line, the rest still import. */
export function readRecords(
  source: string,
  name: string,
  format: Format,
  mapping: Mapping,
  firstLine = 1,
): { records: ImportRecord[]; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  if (format === 'text') return { records: [fromText(source, name)], rejected };
  if (format === 'html') {
    const h = extractHtml(source, name);
    return {
      records: [
        {
          where: name,
          title: h.title,
          text: h.paragraphs.join('\n\n'),
          outlet: null,
          date: h.date,
          url: null,
          extra: {},
        },
      ],
      rejected,
    };
  }
  if (format === 'json') {
    const json = parseJsonInput(source, name, 'fix the syntax, or use JSONL for one article per line');
    const list = Array.isArray(json) ? json : (json as { articles?: unknown })?.articles;
    if (!Array.isArray(list))
      throw new InputError(
        name,
        'must be a list of articles, or an object with an "articles" list',
        'write [{"title": ..., "text": ..., "outlet": ...}]',
      );
    const records: ImportRecord[] = [];
    list.forEach((o, i) => {
      if (typeof o !== 'object' || o === null || Array.isArray(o))
        rejected.push({ where: `${name} [${i}]`, reason: 'is not an object' });
      else records.push(fromObject(o as Record<string, unknown>, `${name} [${i}]`, mapping));
    });
    return { records, rejected };
  }
  if (format === 'jsonl') {
    const records: ImportRecord[] = [];
    source.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${name} line ${firstLine + i}`;
      try {
        const o = JSON.parse(line);
        if (typeof o !== 'object' || o === null || Array.isArray(o))
          rejected.push({ where, reason: 'is not a JSON object' });
        else records.push(fromObject(o, where, mapping));
      } catch (e) {
        rejected.push({ where, reason: `is not valid JSON (${(e as Error).message})` });
      }
    });
    return { records, rejected };
  }
  const { header, records: rows } = parseCsv(source, name);
  const map = resolveMapping(header, mapping);
  for (const f of ['text'] as const) {
    if (!map[f] || !header.includes(map[f]!)) {
      throw new InputError(
        name,
        `has no column for the article ${f}${map[f] ? ` ("${map[f]}")` : ''}; its columns are ${header.join(', ')}`,
        `map one with --map ${f}=COLUMN`,
      );
    }
  }
  for (const [f, col] of Object.entries(map)) {
    if (!header.includes(col))
      throw new InputError(
        name,
        `is missing the column "${col}" mapped to ${f}; its columns are ${header.join(', ')}`,
        `fix --map ${f}=COLUMN`,
      );
  }
  if (rows.length === 0)
    throw new InputError(
      name,
      `has a header row (${header.join(', ')}) but no article rows`,
      'add one row per article below the header',
    );
  const records: ImportRecord[] = [];
  for (const r of rows) {
    const where = `${name} line ${r.line}`;
    if (r.cells.length !== header.length) {
      rejected.push({
        where,
        reason: `has ${r.cells.length} fields but the header has ${header.length} (${r.cells.length < header.length ? 'missing' : 'extra'} columns; quote fields that contain commas)`,
      });
      continue;
    }
    records.push(fromObject(Object.fromEntries(header.map((h, i) => [h, r.cells[i]])), where, map));
  }
  return { records, rejected };
}
