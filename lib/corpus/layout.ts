import type { Article, Section } from '../types';

/** A segment placed in the article's full text. */
export interface PlacedSegment {
  section: Section;
  start: number;
  end: number;
}

/** The text all offsets refer to: segments joined by a blank line, with where each one sits. */
export function articleLayout(article: Pick<Article, 'segments'>): { text: string; segments: PlacedSegment[] } {
  let text = '';
  const segments: PlacedSegment[] = [];
  for (const seg of article.segments) {
    if (text !== '') text += '\n\n';
    segments.push({ section: seg.section, start: text.length, end: text.length + seg.text.length });
    text += seg.text;
  }
  return { text, segments };
}

/** Splits [start, end) of text into paragraphs (blank-line separated), as offsets. */
export function paragraphs(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n[ \t]*\n/g;
  re.lastIndex = start;
  let from = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end });
  return out.filter((p) => text.slice(p.start, p.end).trim() !== '');
}
