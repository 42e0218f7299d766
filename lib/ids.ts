/** The syntax of every id a URL or a corpus file may name: corpora, outlets, groups, variants, actors. */
export const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The same rule for an HTML input's `pattern` attribute (anchored by the browser). */
export const ID_PATTERN = '[a-z0-9][a-z0-9\\-]{0,63}';
