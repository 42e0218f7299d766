import type { Span } from '../text/quotes';

/** A run of article text with what it is: part of a mention (group, variant, voice) and/or inside a quotation. */
export interface Piece {
  text: string;
  start: number;
  mention: { group: string; variant: string; voice: string; setAside?: string | null } | null;
  quoted: boolean;
}

/**
 * Cuts [from, to) of a text into pieces at mention and quotation boundaries. Mentions are taken in order
 * and one overlapping an earlier one is skipped (a scare-quote marker spans the label inside it).
 */
export function highlightPieces(
  text: string,
  from: number,
  to: number,
  mentions: { start: number; end: number; group: string; variant: string; voice: string; setAside?: string | null }[],
  quotes: Span[],
): Piece[] {
  const kept: typeof mentions = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < from || m.end > to) continue;
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  const cuts = new Set<number>([from, to]);
  for (const m of kept) cuts.add(m.start).add(m.end);
  for (const q of quotes) for (const p of [q.start, q.end]) if (p > from && p < to) cuts.add(p);
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const m = kept.find((x) => x.start <= a && b <= x.end) ?? null;
    pieces.push({
      text: text.slice(a, b),
      start: a,
      mention: m && { group: m.group, variant: m.variant, voice: m.voice },
      quoted: quotes.some((q) => q.start <= a && b <= q.end),
    });
  }
  return pieces;
}
