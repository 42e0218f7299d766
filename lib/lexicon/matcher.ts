import type { Lexicon, Pattern } from '../types';
import { patternKey } from './parse';

/** What a matched phrase stands for: a label variant, or an exclusion that suppresses labels. */
export type MatchTarget = { kind: 'variant'; group: string; variant: string } | { kind: 'exclusion' };

/** One raw match of the compiled lexicon in a text. */
export interface Match {
  start: number;
  end: number;
  text: string;
  target: MatchTarget;
}

/** Phrases compiled into a single regular expression and a table from matched text to what it stands for. */
export interface PhraseMatcher<T> {
  regex: RegExp;
  lookup: Map<string, T>;
}

/** A lexicon compiled into a single regular expression and a lookup table. */
export type Matcher = PhraseMatcher<MatchTarget>;

function escapeChar(ch: string, caseSensitive: boolean): string {
  if (ch === "'" || ch === '’') return "['’]";
  if (/\s/.test(ch)) return '\\s+';
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  // Case-folding per character keeps one regex for mixed case-sensitive and -insensitive patterns.
  if (!caseSensitive && lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
  // Only true metacharacters: in unicode mode a needless escape such as \- is a syntax error.
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Turns a literal pattern into regex source: whitespace matches any whitespace run, apostrophes either form. */
export function patternSource(p: Pattern): string {
  let out = '';
  let inSpace = false;
  for (const ch of p.text) {
    if (/\s/.test(ch)) {
      if (!inSpace) out += '\\s+';
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += escapeChar(ch, p.caseSensitive);
  }
  return out;
}

/** Compiles phrases into one whole-word matcher (longest alternative first, possessives allowed). */
export function compilePhrases<T>(entries: { pattern: Pattern; target: T }[]): PhraseMatcher<T> {
  // Alternation takes the first alternative that matches, so longer phrases go first.
  const sorted = [...entries].sort((a, b) => b.pattern.text.length - a.pattern.text.length);
  const lookup = new Map<string, T>();
  for (const e of sorted) lookup.set(patternKey(e.pattern.text, e.pattern.caseSensitive), e.target);
  const alternation = sorted.map((e) => patternSource(e.pattern)).join('|');
  const source = `(?<![\\p{L}\\p{N}])(${alternation})(?:['’]s|s['’]|['’])?(?![\\p{L}\\p{N}])`;
  return { regex: new RegExp(source, 'gu'), lookup };
}

/** Finds every phrase of a matcher in a text in one left-to-right pass; each span is counted once. */
export function scanPhrases<T>(matcher: PhraseMatcher<T>, text: string): { start: number; end: number; text: string; target: T }[] {
  const out: { start: number; end: number; text: string; target: T }[] = [];
  const re = new RegExp(matcher.regex.source, matcher.regex.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const core = m[1];
    const target = matcher.lookup.get(patternKey(core, true)) ?? matcher.lookup.get(patternKey(core, false));
    if (target === undefined) throw new Error(`matcher lookup failed for "${core}": the compiled regex and lookup disagree`);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], target });
  }
  return out;
}

/** Compiles every variant pattern and exclusion of a lexicon into one matcher (longest alternative first). */
export function compileLexicon(lexicon: Lexicon): Matcher {
  const entries: { pattern: Pattern; target: MatchTarget }[] = [];
  for (const g of lexicon.groups) {
    for (const v of g.variants) {
      for (const p of v.patterns) entries.push({ pattern: p, target: { kind: 'variant', group: g.id, variant: v.id } });
    }
  }
  for (const e of lexicon.exclusions) entries.push({ pattern: e.pattern, target: { kind: 'exclusion' } });
  return compilePhrases(entries);
}

/** Finds every lexicon phrase in a text in one left-to-right pass; each span is counted once. */
export function scan(matcher: Matcher, text: string): Match[] {
  return scanPhrases(matcher, text);
}
