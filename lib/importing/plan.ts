import { createHash } from 'node:crypto';
import { ID_RE } from '../corpus/manifest';
import { isLetterOrDigitUnit } from '../text/charClass';
import type { Article, Lexicon } from '../types';
import { normalizeDate, type DateOrder } from './dates';
import { articleFileBytes } from './fileBytes';
import { stripControl } from './control';
import { cleanImportedText, QUIRK_TEXT, type QuirkCount } from './quirks';
import type { ImportRecord, Rejection } from './records';
import { beside, type HashLookup } from './contentHashes';

/** What the corpus already holds, for duplicate and outlet checks. */
export interface CorpusState {
  outlets: Set<string>;
  /** Outlet-group ids of corpus.json: a new outlet may not take one (both appear in the same URLs and tables). */
  groups?: Set<string>;
  /** Content hash → id of the article that has it (a Map, or the compact ContentHashes of a streamed import). */
  hashes: HashLookup;
}

/** Choices that apply to every record of an import. */
export interface PlanOptions {
  /** Outlet for records that do not name one. */
  outlet: string | null;
  /** Add outlets that corpus.json does not list yet (otherwise such records are rejected). */
  createOutlets: boolean;
  dateOrder: DateOrder;
  /** Prefix of the note kept with each article (e.g. "FA-KES"). */
  source: string | null;
}

/** The outcome of an import before anything is written: articles to add, duplicates and rejections with reasons. */
export interface ImportPlan {
  articles: Article[];
  newOutlets: string[];
  duplicates: { where: string; of: string }[];
  rejected: Rejection[];
  quirks: Map<string, { count: number; articles: number }>;
  dateFormats: Map<string, number>;
  /** Article id → the record it came from (file, line), to name it if a later check rejects it. */
  origin: Map<string, string>;
  /** Article id → its content hash (contentHash), so the import's running state need not hash each article again. */
  hashes: Map<string, string>;
  /** Article id → its file's bytes, checked to read back exactly (staged as they are, compared byte for byte). */
  files: Map<string, Uint8Array>;
  /** Article id → why its file would not read back exactly (the import rejects it after planning the batch). */
  unreadable: Map<string, string>;
}

const MAX_TITLE = 300;

/**
 * Hash of an article's text with case, punctuation and spacing ignored, so a re-import of the same text is a duplicate.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(letterRuns(text.toLowerCase())).digest('hex');
}

const ASTRAL_LETTER = /^[\p{L}\p{N}]$/u;

/**
 * The runs of letters and digits of a text joined by single spaces: what `replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`
 * gives, by one character loop over a lookup table (the Unicode regex was most of an import's planning time).
 * A surrogate pair is one code point, a letter or not as a whole; a lone surrogate is not a letter. Runs already
 * separated by exactly one space are kept as one slice of the text, so most words are never sliced on their own.
 */
export function letterRuns(text: string): string {
  const pieces: string[] = [];
  // The current piece starts at `from`; the last run seen ended at `end` (-1: no run yet); `at` starts the open run.
  let from = -1;
  let end = -1;
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letter = isLetterOrDigitUnit(c);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        letter = ASTRAL_LETTER.test(text.slice(i, i + 2));
      }
    }
    if (letter) {
      if (at < 0) {
        at = i;
        // Anything but one plain space since the last run: that piece ends there.
        if (from < 0) from = i;
        else if (i !== end + 1 || text.charCodeAt(end) !== 32) {
          pieces.push(text.slice(from, end));
          from = i;
        }
      }
    } else if (at >= 0) {
      end = i;
      at = -1;
    }
    i += width - 1;
  }
  if (at >= 0) end = text.length;
  if (from >= 0) pieces.push(text.slice(from, end));
  return pieces.join(' ');
}

/** The hash of a stored article's body, as contentHash sees it. */
export function articleHash(a: Article): string {
  return contentHash(
    a.segments
      .filter((s) => s.section === 'body')
      .map((s) => s.text)
      .join('\n\n'),
  );
}

/** Single-word names from the lexicon whose stripped possessives the importer restores. */
export function lexiconNames(lex: Lexicon): Set<string> {
  const words = [
    ...lex.actors.flatMap((a) => a.aliases),
    ...lex.groups.flatMap((g) => g.variants.flatMap((v) => v.patterns)),
  ].map((p) => p.text);
  return new Set(words.filter((w) => /^[\p{L}-]+$/u.test(w)));
}

// \s covers U+2028/U+2029 too, so a pasted title never carries a line separator into the one-line header.
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Sentences for the import's own fixes, next to the cleaning rules' QUIRK_TEXT. */
const PLAN_FIX_TEXT: Record<string, string> = {
  'control-chars': 'control characters and terminal escape sequences removed (NUL, colour codes, …)',
};

/** The sentence the import summary prints for a text-fix rule id. */
export function quirkText(rule: string): string {
  return PLAN_FIX_TEXT[rule] ?? QUIRK_TEXT[rule] ?? rule;
}

// Control characters are removed from every field: a NUL written to an article file makes it unreadable.
function sanitize(r: ImportRecord): { record: ImportRecord; removed: number } {
  let removed = 0;
  const clean = (v: string | null) => {
    if (v === null) return null;
    const c = stripControl(v);
    removed += c.removed;
    return c.text;
  };
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.extra)) extra[clean(k)!] = clean(v)!;
  const record = {
    where: r.where,
    title: clean(r.title),
    text: clean(r.text),
    outlet: clean(r.outlet),
    date: clean(r.date),
    url: clean(r.url),
    extra,
  };
  return { record, removed };
}

/** A plan with nothing in it, to merge per-record plans into. */
export function emptyPlan(): ImportPlan {
  return {
    articles: [],
    newOutlets: [],
    duplicates: [],
    rejected: [],
    quirks: new Map(),
    dateFormats: new Map(),
    origin: new Map(),
    hashes: new Map(),
    files: new Map(),
    unreadable: new Map(),
  };
}

/** Adds a later part of a batch's plan (e.g. one record planned in a worker) to the plan so far. */
export function mergePlan(into: ImportPlan, part: ImportPlan): void {
  for (const a of part.articles) into.articles.push(a);
  for (const o of part.newOutlets) if (!into.newOutlets.includes(o)) into.newOutlets.push(o);
  for (const d of part.duplicates) into.duplicates.push(d);
  for (const r of part.rejected) into.rejected.push(r);
  for (const [rule, q] of part.quirks) {
    const cur = into.quirks.get(rule) ?? { count: 0, articles: 0 };
    into.quirks.set(rule, { count: cur.count + q.count, articles: cur.articles + q.articles });
  }
  for (const [f, n] of part.dateFormats) into.dateFormats.set(f, (into.dateFormats.get(f) ?? 0) + n);
  for (const [id, where] of part.origin) into.origin.set(id, where);
  for (const [id, hash] of part.hashes) into.hashes.set(id, hash);
  for (const [id, bytes] of part.files) into.files.set(id, bytes);
  for (const [id, why] of part.unreadable) into.unreadable.set(id, why);
}

/**
 * Validates and cleans records into articles; every problem is a rejection naming the record, the rest still import.
 * With `shared`, the articles planned are added to state.hashes (for planning a batch one record at a time).
 */
export function planImport(
  records: ImportRecord[],
  state: CorpusState,
  o: PlanOptions,
  names: Set<string>,
  shared = false,
): ImportPlan {
  const plan = emptyPlan();
  // shared: the caller plans one record at a time and keeps state.hashes as the batch's running list (no copy per call);
  // otherwise the batch's own hashes are kept beside the state's, not in a copy of them (a corpus's worth per batch).
  const seen = shared ? state.hashes : beside(state.hashes);
  const reject = (where: string, reason: string) => plan.rejected.push({ where, reason });
  for (const original of records) {
    const { record: r, removed } = sanitize(original);
    const outlet = (r.outlet ?? o.outlet ?? '').trim().toLowerCase();
    if (!outlet) {
      reject(r.where, 'names no outlet; give one with --outlet ID, an "outlet" header or an outlet column');
      continue;
    }
    if (!ID_RE.test(outlet)) {
      reject(r.where, `outlet "${outlet.slice(0, 40)}" is not an id (lowercase letters, digits, hyphens)`);
      continue;
    }
    if (!state.outlets.has(outlet) && !plan.newOutlets.includes(outlet)) {
      if (state.groups?.has(outlet)) {
        reject(
          r.where,
          `outlet "${outlet}" is the id of an outlet group in corpus.json, not of an outlet (choose another id for the new outlet)`,
        );
        continue;
      }
      if (!o.createOutlets) {
        reject(
          r.where,
          `unknown outlet "${outlet}"; known: ${[...state.outlets].join(', ') || 'none'} (add it to corpus.json or pass --create-outlets)`,
        );
        continue;
      }
    }
    const title = oneLine(r.title ?? '');
    if (!title) {
      reject(r.where, 'has no title');
      continue;
    }
    if (title.length > MAX_TITLE) {
      reject(r.where, `title is ${title.length} characters, over ${MAX_TITLE}: is the title column mapped right?`);
      continue;
    }
    let date: string | null = null;
    if (r.date && r.date.trim()) {
      const d = normalizeDate(r.date, o.dateOrder);
      if (!d) {
        reject(
          r.where,
          `date "${r.date.slice(0, 40)}" is not a date (YYYY-MM-DD, M/D/YYYY, "5 April 2017", "April 5 2017")`,
        );
        continue;
      }
      date = d.date;
      plan.dateFormats.set(d.format, (plan.dateFormats.get(d.format) ?? 0) + 1);
    }
    const cleaned = cleanImportedText(r.text ?? '', { title, names });
    const words = wordsUpTo(cleaned.text, 5);
    if (words < 5) {
      const had = (r.text ?? '').trim() !== '';
      reject(
        r.where,
        words === 0
          ? `has no article text${had ? ' beyond its dateline and title' : ''}`
          : `has only ${words} words of article text`,
      );
      continue;
    }
    const hash = contentHash(cleaned.text);
    const dup = seen.get(hash);
    if (dup) {
      plan.duplicates.push({ where: r.where, of: dup });
      continue;
    }
    const id = `${outlet}-${hash.slice(0, 12)}`;
    seen.set(hash, id);
    plan.origin.set(id, r.where);
    plan.hashes.set(id, hash);
    // An outlet is created only with an article that is kept, so a rejected record never leaves an empty outlet behind.
    if (!state.outlets.has(outlet) && !plan.newOutlets.includes(outlet)) plan.newOutlets.push(outlet);
    for (const q of cleaned.quirks) addQuirk(plan, q);
    if (removed > 0) addQuirk(plan, { rule: 'control-chars', count: removed });
    const extra = Object.entries(r.extra)
      .map(([k, v]) => `${k}=${oneLine(v)}`)
      .join('; ');
    const note = oneLine([o.source, extra].filter(Boolean).join(': ')).slice(0, 500) || null;
    const url = r.url && /^https?:\/\/\S+$/.test(r.url.trim()) ? r.url.trim() : null;
    const article: Article = {
      id,
      outlet,
      title,
      date,
      url,
      raw: null,
      note,
      segments: [
        { section: 'title', text: title },
        { section: 'body', text: bodyText(cleaned.text) },
      ],
    };
    plan.articles.push(article);
    // Serialised and read back once, here (on the plan worker for a large batch), for the check and the staging both.
    const file = articleFileBytes(article);
    if ('bytes' in file) plan.files.set(id, file.bytes);
    else plan.unreadable.set(id, file.problem);
  }
  return plan;
}

/**
 * An article's body as stored: runs of blank lines folded to one, and a line such as "## body" (which would read back as
 * a section heading) given a leading space. Each pass is skipped when the text lacks what it looks for.
 */
export function bodyText(text: string): string {
  const folded = text.includes('\n\n\n') ? text.replace(/\n{3,}/g, '\n\n') : text;
  return folded.includes('## ') ? folded.replace(/^(## \S+\s*)$/gm, ' $1') : folded;
}

/**
 * The white-space separated words of a text that hold a letter or digit, counted up to `most` (a record needs 5: the
 * whole text need not be split to know it has them).
 */
export function wordsUpTo(text: string, most: number): number {
  let n = 0;
  for (const m of text.matchAll(/\S+/g)) if (LETTER_OR_DIGIT.test(m[0]) && ++n >= most) break;
  return n;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function addQuirk(plan: ImportPlan, q: QuirkCount) {
  const cur = plan.quirks.get(q.rule) ?? { count: 0, articles: 0 };
  plan.quirks.set(q.rule, { count: cur.count + q.count, articles: cur.articles + 1 });
}
