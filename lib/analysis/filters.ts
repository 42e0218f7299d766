import { SECTIONS, type AnalysisOptions, type ProvenanceFilter, type Section } from '../types';

/**
 * What the voice and scope options mean, in one place: which sections count, which mentions count, which reading of
 * a sentence counts, and how each is said on screen. The engine, the drill-downs and the captions all read these.
 */
export type Filters = Pick<AnalysisOptions, 'voice' | 'scope' | 'provenance'>;

/** Every provenance option, the default first. */
export const PROVENANCE_FILTERS: readonly ProvenanceFilter[] = ['all', 'original', 'reused'];

/**
 * Whether a sentence of the given provenance counts under the provenance option: `original` keeps sentences found
 * nowhere else and not credited to a wire or another outlet; `reused` keeps the shared and credited ones.
 */
export function keptByProvenance(kind: 'original' | 'shared' | 'credited', o: Filters): boolean {
  const p = o.provenance ?? 'all';
  return p === 'all' || (p === 'original') === (kind === 'original');
}

/** The provenance option in words (empty for all text, which every caption already implies). */
export function provenanceCaption(o: Filters): string {
  const p = o.provenance ?? 'all';
  if (p === 'original')
    return 'original text only (sentences shared with other articles or credited to a source left out)';
  if (p === 'reused') return 'reused text only (sentences shared with other articles or credited to a source)';
  return '';
}

/** The sections counted under the scope option. */
export function scopeSections(o: Filters): Section[] {
  return o.scope === 'all' ? [...SECTIONS] : ['body'];
}

/** Whether a section is counted under the scope option. */
export function inScope(section: string, o: Filters): boolean {
  return o.scope === 'all' || section === 'body';
}

/** Whether a mention is counted under the options (section scope and voice). */
export function counted(m: { section: string; voice: string }, o: Filters): boolean {
  return inScope(m.section, o) && (o.voice === 'all' || m.voice === 'own');
}

/** A mention count under the voice option, from its own-voice and quoted parts. */
export function voiceCount(own: number, quoted: number, o: Filters): number {
  return o.voice === 'own' ? own : own + quoted;
}

/** A token count under the voice option, from all tokens and the own-voice ones. */
export function voiceTokens(t: { all: number; own: number }, o: Filters): number {
  return o.voice === 'own' ? t.own : t.all;
}

/** A sentence's AFINN score and word count under the voice option (own voice: quoted stretches removed). */
export function sentenceReading(
  s: { score: number; words: number; ownScore: number; ownWords: number },
  o: Filters,
): { score: number; words: number } {
  return o.voice === 'own' ? { score: s.ownScore, words: s.ownWords } : { score: s.score, words: s.words };
}

/** The voice option in words. */
export function voiceCaption(o: Filters): string {
  return o.voice === 'own' ? "the outlet's own voice only (quotations excluded)" : 'own voice and quotations';
}

/** The scope option in words. */
export function scopeCaption(o: Filters): string {
  return o.scope === 'body' ? 'article body only' : 'title, captions and body';
}

/** Both options in words, as every chart's caption says what it counts. */
export function filterCaption(o: Filters): string {
  const provenance = provenanceCaption(o);
  return `${voiceCaption(o)}; ${scopeCaption(o)}${provenance ? `; ${provenance}` : ''}`;
}

/** A date range of the view state: first and last article date counted (ISO, inclusive), null for open-ended. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/** Whether a date range restricts anything. */
export function hasDateRange(r: DateRange): boolean {
  return r.from !== null || r.to !== null;
}

/**
 * Whether an article with this date is counted: with no range every article is; with a range, only articles dated in
 * it (an undated article cannot be placed in a range, so it is left out, and counted apart by dateCounts).
 */
export function dateKept(date: string | null, r: DateRange): boolean {
  if (!hasDateRange(r)) return true;
  if (date === null) return false;
  return (r.from === null || date >= r.from) && (r.to === null || date <= r.to);
}

/** How a date range splits a corpus's articles: counted, dated outside the range, undated (left out under a range). */
export interface DateCounts {
  kept: number;
  outside: number;
  undated: number;
}

/** Counts the articles a date range keeps and leaves out, undated apart. */
export function dateCounts(dates: Iterable<string | null>, r: DateRange): DateCounts {
  const c: DateCounts = { kept: 0, outside: 0, undated: 0 };
  for (const d of dates) {
    if (dateKept(d, r)) c.kept++;
    else if (d === null) c.undated++;
    else c.outside++;
  }
  return c;
}

/** The date range in words, with what it leaves out, or null when no range is set. */
export function dateCaption(r: DateRange, c: DateCounts): string | null {
  if (!hasDateRange(r)) return null;
  const span =
    r.from && r.to ? `dated ${r.from} to ${r.to}` : r.from ? `dated ${r.from} or later` : `dated ${r.to} or earlier`;
  const total = c.kept + c.outside + c.undated;
  const undated = c.undated ? `; ${c.undated} undated ${c.undated === 1 ? 'article' : 'articles'} excluded` : '';
  return `articles ${span} (${c.kept.toLocaleString('en-US')} of ${total.toLocaleString('en-US')})${undated}`;
}

/** What "same stories only" left, in words, or null when the mode is off. */
export function sharedCaption(shared: { stories: number; articles: number } | null): string | null {
  if (!shared) return null;
  const s = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  return `same stories only: ${s(shared.stories, 'story', 'stories')} every compared outlet covered, ${s(shared.articles, 'article', 'articles')} of theirs`;
}

/**
 * Everything a view counts, in words, for captions that travel without the page (embeds, data packages): voice,
 * scope and provenance, then the date range with what it left out, then "same stories only".
 */
export function viewCaption(
  o: Filters & DateRange,
  dates: DateCounts,
  shared: { stories: number; articles: number } | null,
): string {
  return [filterCaption(o), dateCaption(o, dates), sharedCaption(shared)].filter((x) => x !== null).join('; ');
}
