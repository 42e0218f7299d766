import type { Lexicon, Pattern } from '../types';
import { phraseTrie } from '../text/trie';
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

/**
 * Phrases compiled for scanning: `regex` is the exact matcher (one alternation with Unicode word boundaries);
 * `folded` (case-insensitive phrases as a prefix trie, run over the lowercased text) and `cased` (the
 * case-sensitive ones) find the same spans several times faster, and hand anything unusual back to `regex`.
 */
export interface PhraseMatcher<T> {
  regex: RegExp;
  lookup: Map<string, T>;
  /** Targets of matched texts already looked up, so a phrase seen again costs one map read. */
  seen: Map<string, T>;
  /** The exact regex anchored at one position, made on first need. */
  sticky?: RegExp;
  folded: RegExp | null;
  cased: RegExp | null;
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

const SUFFIX = "((?:['’]s|s['’]|['’])?)";

/** Compiles phrases into one whole-word matcher (longest alternative first, possessives allowed). */
export function compilePhrases<T>(entries: { pattern: Pattern; target: T }[]): PhraseMatcher<T> {
  // Alternation takes the first alternative that matches, so longer phrases go first.
  const sorted = [...entries].sort((a, b) => b.pattern.text.length - a.pattern.text.length);
  const lookup = new Map<string, T>();
  for (const e of sorted) lookup.set(patternKey(e.pattern.text, e.pattern.caseSensitive), e.target);
  const alternation = sorted.map((e) => patternSource(e.pattern)).join('|');
  const source = `(?<![\\p{L}\\p{N}])(${alternation})(?:['’]s|s['’]|['’])?(?![\\p{L}\\p{N}])`;
  const fold = sorted.filter((e) => !e.pattern.caseSensitive).map((e) => e.pattern.text.toLowerCase());
  const keep = sorted.filter((e) => e.pattern.caseSensitive).map((e) => e.pattern.text);
  // \b is the cheap first test; it equals the Unicode boundary whenever a phrase starts with an ASCII letter or digit.
  const fast = [...fold, ...keep].every((t) => /^[A-Za-z0-9]/.test(t));
  return {
    regex: new RegExp(source, 'gu'),
    lookup,
    seen: new Map(),
    folded: fast && fold.length ? new RegExp(`\\b(${phraseTrie(fold)})${SUFFIX}`, 'g') : null,
    cased: fast && keep.length ? new RegExp(`\\b(${phraseTrie(keep)})${SUFFIX}`, 'g') : null,
  };
}

type Found<T> = { start: number; end: number; text: string; target: T };

const ASCII_WORD = /[A-Za-z0-9]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return ch < '\u0080' ? ASCII_WORD.test(ch) : WORD_CHAR.test(ch);
}

function lookupTarget<T>(matcher: PhraseMatcher<T>, core: string): T {
  const known = matcher.seen.get(core);
  if (known !== undefined) return known;
  const target = matcher.lookup.get(patternKey(core, true)) ?? matcher.lookup.get(patternKey(core, false));
  if (target === undefined)
    throw new Error(`matcher lookup failed for "${core}": the compiled regex and lookup disagree`);
  // Bounded: distinct spellings of lexicon phrases are few, but a pathological text should not grow it forever.
  if (matcher.seen.size < 10_000) matcher.seen.set(core, target);
  return target;
}

function scanExact<T>(matcher: PhraseMatcher<T>, text: string): Found<T>[] {
  const out: Found<T>[] = [];
  const re = new RegExp(matcher.regex.source, matcher.regex.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], target: lookupTarget(matcher, m[1]) });
  }
  return out;
}

/** Candidate spans of one fast regex; a span whose edges the ASCII test cannot settle is re-matched exactly there. */
function scanFast<T>(matcher: PhraseMatcher<T>, fast: RegExp, haystack: string, text: string): Found<T>[] {
  const out: Found<T>[] = [];
  // Scans never interleave (JavaScript runs one at a time), so the compiled objects are reused rather than rebuilt per
  // text.
  const re = fast;
  re.lastIndex = 0;
  const exact = (matcher.sticky ??= new RegExp(matcher.regex.source, 'uy'));
  for (let m = re.exec(haystack); m !== null; m = re.exec(haystack)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isWordChar(text[start - 1])) {
      re.lastIndex = start + 1;
      continue;
    }
    if (!isWordChar(text[end])) {
      const core = text.slice(start, start + m[1].length);
      out.push({ start, end, text: text.slice(start, end), target: lookupTarget(matcher, core) });
      continue;
    }
    // A word character right after the phrase: the exact matcher backtracks to a shorter phrase, or none.
    exact.lastIndex = start;
    const e = exact.exec(text);
    if (e) {
      out.push({ start, end: start + e[0].length, text: e[0], target: lookupTarget(matcher, e[1]) });
      re.lastIndex = start + e[0].length;
    } else re.lastIndex = start + 1;
  }
  return out;
}

/** Finds every phrase of a matcher in a text in one left-to-right pass; each span is counted once. */
export function scanPhrases<T>(matcher: PhraseMatcher<T>, text: string): Found<T>[] {
  if (!matcher.folded && !matcher.cased) return scanExact(matcher, text);
  let lower = '';
  if (matcher.folded) {
    lower = text.toLowerCase();
    // \b misses a phrase after "_", and a few letters change length when lowercased: both take the exact path.
    if (lower.length !== text.length || text.includes('_')) return scanExact(matcher, text);
  } else if (text.includes('_')) return scanExact(matcher, text);
  const folded = matcher.folded ? scanFast(matcher, matcher.folded, lower, text) : [];
  if (!matcher.cased) return folded;
  const cased = scanFast(matcher, matcher.cased, text, text);
  if (cased.length === 0) return folded;
  // One alternation keeps the leftmost match and, at one position, the longest: merge the two lists that way.
  const all = [...folded, ...cased].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found<T>[] = [];
  for (const f of all) if (out.length === 0 || f.start >= out[out.length - 1].end) out.push(f);
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

/**
 * The same spans as scanPhrases, found only by the exact single-alternation regex (the reference the fast path must
 * equal).
 */
export function scanPhrasesExactly<T>(matcher: PhraseMatcher<T>, text: string): Found<T>[] {
  return scanExact(matcher, text);
}
