/** Where the form shows an error that parseLexicon located by path. */
import type { LexiconDraft } from './form';

/** The DOM id of the form input for a lexicon path (`groups[0].variants[1].stance` → `lex-groups-0-variants-1-stance`). */
export function fieldDomId(path: string): string {
  let out = 'lex-';
  for (const ch of path) out += /[A-Za-z0-9]/.test(ch) ? ch : out.endsWith('-') ? '' : '-';
  return out.replace(/-$/, '');
}

/** The parent of a path (`a[0].b` → `a[0]`, `a[0]` → `a`, `a` → ''). */
export function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const bracket = path.lastIndexOf('[');
  return path.slice(0, Math.max(dot, bracket, 0));
}

/**
 * The path of the nearest field the form shows for an error's path: the field itself, or else its closest shown
 * ancestor (an error about a group's variant list is shown at the group); '' (the form as a whole) if none.
 */
export function errorAnchor(path: string, shown: ReadonlySet<string>): string {
  let p = path;
  while (p !== '' && !shown.has(p)) p = parentPath(p);
  return p;
}

/**
 * Every path the lexicon form has an input or a list for, so that errorAnchor places each error at a field the form
 * really shows; the form renders exactly these (app/_components/admin/lexiconFields.tsx).
 */
export function formPaths(d: LexiconDraft): Set<string> {
  const out = new Set<string>(['groups', 'exclusions', 'actors']);
  const add = (base: string, keys: readonly string[]) => {
    out.add(base);
    for (const k of keys) out.add(`${base}.${k}`);
  };
  d.groups.forEach((g, i) => {
    const gp = `groups[${i}]`;
    add(gp, GROUP_FIELDS);
    g.variants.forEach((v, j) => {
      const vp = `${gp}.variants[${j}]`;
      add(vp, VARIANT_FIELDS);
      v.patterns.forEach((_p, k) => out.add(`${vp}.patterns[${k}]`));
    });
  });
  d.exclusions.forEach((_e, i) => add(`exclusions[${i}]`, ['note']));
  d.actors.forEach((a, i) => {
    add(`actors[${i}]`, ACTOR_FIELDS);
    a.aliases.forEach((_p, k) => out.add(`actors[${i}].aliases[${k}]`));
  });
  return out;
}

/** The inputs of a group the form shows (paths relative to the group). */
export const GROUP_FIELDS = [
  'id',
  'label',
  'short',
  'axis.negative',
  'axis.positive',
  'attributeActors',
  'namesInQuotes',
  'about',
  'about.genericWords',
  'about.actors',
  'variants',
] as const;
/** The inputs of a variant the form shows. */
export const VARIANT_FIELDS = ['id', 'label', 'patterns', 'stance', 'rationale', 'detector', 'maxWords'] as const;
/** The inputs of an actor the form shows. */
export const ACTOR_FIELDS = ['id', 'label', 'kind', 'aliases', 'backedBy', 'note'] as const;
