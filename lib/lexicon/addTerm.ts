/** Pure edits of a lexicon draft that the form's buttons and "add to lexicon" make. */
import type { GroupDraft, LexiconDraft, PatternDraft, VariantDraft } from './form';

/** Where an added term goes: a new variant of a group, one more pattern of a variant, a new group, or an exclusion. */
export type AddTarget =
  | { kind: 'variant'; group: number }
  | { kind: 'pattern'; group: number; variant: number }
  | { kind: 'group' }
  | { kind: 'exclusion' };

/** An id from a term (lowercase letters, digits, hyphens; at most 64), made unique against `taken` with -2, -3… */
export function slugId(term: string, taken: Iterable<string>, fallback = 'term'): string {
  let base = '';
  // One pass: letters and digits are kept (accents dropped), any run of anything else becomes one hyphen.
  for (const ch of term.normalize('NFKD').toLowerCase()) {
    if (/[a-z0-9]/.test(ch)) base += ch;
    // Accents, apostrophes and the ayn/hamza letters of transliterations (Da'esh, Dāʿish) join a word, not split it.
    else if (/[\p{M}\p{Lm}'’]/u.test(ch)) continue;
    else if (base !== '' && !base.endsWith('-')) base += '-';
  }
  base = base.replace(/-$/, '').slice(0, 60).replace(/-$/, '') || fallback;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** A new, empty variant with the given id (stance and rationale left for the editor to fill). */
export function blankVariant(id: string, label = '', patterns: PatternDraft[] = []): VariantDraft {
  return { id, label, patterns, stance: '', rationale: '', detector: '', maxWords: '', extra: {} };
}

/** A new, empty term group with the given id and variants. */
export function blankGroup(id: string, variants: VariantDraft[] = []): GroupDraft {
  return {
    id,
    label: '',
    short: '',
    axisNegative: '',
    axisPositive: '',
    attributeActors: false,
    namesInQuotes: false,
    aboutMode: 'none',
    genericWords: '',
    aboutActors: '',
    variants,
    extra: {},
  };
}

const allVariantIds = (g: GroupDraft) => g.variants.map((v) => v.id);

/** Where a term already stands in a draft: a variant pattern (with its group) or an exclusion. */
export interface TermUse {
  kind: 'pattern' | 'exclusion';
  group: number | null;
  /** For the reader: "Islamic State › Daesh" or "exclusion". */
  label: string;
}

// As the matcher compares: case-insensitive unless the pattern is marked case-sensitive.
const samePattern = (p: PatternDraft, phrase: string) =>
  p.caseSensitive ? p.text.trim() === phrase : p.text.trim().toLowerCase() === phrase.toLowerCase();

/** Every place a term is already a pattern or an exclusion of the draft, so adding it again can be refused or explained. */
export function usesOf(d: LexiconDraft, term: string): TermUse[] {
  const phrase = term.trim().replace(/\s+/g, ' ');
  const out: TermUse[] = [];
  d.groups.forEach((g, gi) => {
    for (const v of g.variants)
      if (v.patterns.some((p) => samePattern(p, phrase)))
        out.push({ kind: 'pattern', group: gi, label: `${g.short || g.id} › ${v.label || v.id}` });
  });
  if (d.exclusions.some((x) => samePattern(x, phrase)))
    out.push({ kind: 'exclusion', group: null, label: 'an exclusion (never counted)' });
  return out;
}

/**
 * The draft with `term` added at `target`, and the path of the field to fill next (stance of a new variant, label of a
 * new group), or an error message when the target does not exist.
 */
export function addTerm(
  d: LexiconDraft,
  term: string,
  target: AddTarget,
): { draft: LexiconDraft; focus: string } | { error: string } {
  const phrase = term.trim().replace(/\s+/g, ' ');
  if (phrase === '') return { error: 'there is no term to add' };
  const pattern: PatternDraft = { text: phrase, caseSensitive: false };
  const groups = d.groups.slice();
  // A pattern twice in one group would count each mention twice, and an exclusion twice says nothing new.
  const twice = usesOf(d, phrase).find((u) =>
    target.kind === 'exclusion'
      ? u.kind === 'exclusion'
      : u.kind === 'pattern' && 'group' in target && u.group === target.group,
  );
  if (twice)
    return {
      error:
        twice.kind === 'exclusion'
          ? `"${phrase}" is already an exclusion`
          : `"${phrase}" is already counted in this group, as ${twice.label}; edit that variant instead`,
    };
  switch (target.kind) {
    case 'exclusion':
      return {
        draft: { ...d, exclusions: [...d.exclusions, { ...pattern, note: '', extra: {} }] },
        focus: `exclusions[${d.exclusions.length}].note`,
      };
    case 'group': {
      const id = slugId(
        phrase,
        groups.map((g) => g.id),
      );
      groups.push(blankGroup(id, [blankVariant(slugId(phrase, []), phrase, [pattern])]));
      return { draft: { ...d, groups }, focus: `groups[${groups.length - 1}].label` };
    }
    case 'variant': {
      const g = groups[target.group];
      if (!g) return { error: `there is no group ${target.group + 1}` };
      const v = blankVariant(slugId(phrase, allVariantIds(g)), phrase, [pattern]);
      groups[target.group] = { ...g, variants: [...g.variants, v] };
      return { draft: { ...d, groups }, focus: `groups[${target.group}].variants[${g.variants.length}].stance` };
    }
    case 'pattern': {
      const g = groups[target.group];
      const v = g?.variants[target.variant];
      if (!g || !v) return { error: `there is no variant ${target.variant + 1} in group ${target.group + 1}` };
      const variants = g.variants.slice();
      variants[target.variant] = { ...v, patterns: [...v.patterns, pattern] };
      groups[target.group] = { ...g, variants };
      return {
        draft: { ...d, groups },
        focus: `groups[${target.group}].variants[${target.variant}].patterns[${v.patterns.length}]`,
      };
    }
  }
}
