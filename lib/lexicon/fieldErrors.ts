/** Where the form shows an error that parseLexicon located by path. */

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
