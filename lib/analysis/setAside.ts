import type { ActorHit } from '../actors/matcher';
import { isLetterOrDigitUnit } from '../text/charClass';
import type { ActorKind, Mention, SetAside, TermGroup } from '../types';

/**
 * What the set-aside rules read around a mention: the text, its sentence, the actor aliases found and each actor's
 * kind.
 */
export interface SetAsideContext {
  text: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Every actor alias in the text, sorted by start. */
  hits: ActorHit[];
  kinds: Map<string, ActorKind | null>;
}

const isWordUnit = (c: number) => isLetterOrDigitUnit(c) || c === 0x2d || c === 0x27 || c === 0x2019;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011;
const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** The word right before `pos` in the same sentence, lowercased, with apostrophes as ' ("" if none). */
export function wordBefore(text: string, pos: number, sentenceStart: number): string {
  let end = pos;
  while (end > sentenceStart && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > sentenceStart && isWordUnit(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase().replace(/’/g, "'");
}

/**
 * Whether the label stands right next to a quoted name that starts with a capital: after it (operation "Euphrates
 * Shield", operation 'Olive Branch') or before it, in double quotes (the "Euphrates Shield" operation).
 */
export function besideQuotedName(
  text: string,
  m: { start: number; end: number },
  sentenceStart: number,
  sentenceEnd: number,
): boolean {
  let i = m.end;
  while (i < sentenceEnd && isSpace(text.charCodeAt(i))) i++;
  if (i < sentenceEnd && '"“‘\''.includes(text[i]) && isUpper(text[i + 1])) return true;
  let j = m.start;
  while (j > sentenceStart && isSpace(text.charCodeAt(j - 1))) j--;
  if (j === m.start || j <= sentenceStart || !'"”'.includes(text[j - 1])) return false;
  let k = j - 1;
  while (k > sentenceStart && isWordUnit(text.charCodeAt(k - 1))) k--;
  return k < j - 1 && isUpper(text[k]);
}

/** Whether the sentence names one of the actors before `pos` (the subject of "Turkey launched an operation"). */
function namedBefore(ctx: SetAsideContext, actors: string[], pos: number): boolean {
  let lo = 0;
  let hi = ctx.hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.hits[mid].start < ctx.sentenceStart) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ctx.hits.length && ctx.hits[i].end <= pos; i++)
    if (actors.includes(ctx.hits[i].actor)) return true;
  return false;
}

/**
 * Why an attributed mention is not counted in its group, or null when it counts (README "Whose labels count"):
 * a label beside a quoted name is part of the name; a non-state group sets aside labels attributed only to state
 * actors and unattributed labels right after a generic word ("ground forces"); a group about named actors sets aside
 * labels attributed to other actors, and unattributed labels whose sentence names none of its actors before them.
 */
export function setAsideOf(
  m: Pick<Mention, 'start' | 'end' | 'actors'>,
  g: TermGroup,
  ctx: SetAsideContext,
): SetAside | null {
  if (g.namesInQuotes && besideQuotedName(ctx.text, m, ctx.sentenceStart, ctx.sentenceEnd)) return 'quoted-name';
  const about = g.about;
  if (!about) return null;
  if ('kind' in about) {
    if (m.actors.length) return m.actors.every((a) => ctx.kinds.get(a) === 'state') ? 'state' : null;
    // In a compound ("two rebel-besieged villages") the word before describes the compound's noun, not the label.
    if (isHyphen(ctx.text.charCodeAt(m.end))) return null;
    return about.genericWords.includes(wordBefore(ctx.text, m.start, ctx.sentenceStart)) ? 'generic' : null;
  }
  if (m.actors.length) return m.actors.some((a) => about.actors.includes(a)) ? null : 'other-actor';
  return namedBefore(ctx, about.actors, m.start) ? null : 'no-actor';
}
