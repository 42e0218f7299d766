/**
 * The one link from a discovered or searched term to the lexicon editor. The vocabulary explorer and term search link
 * through it, and /manage reads its `add` parameter, so both sides agree on the URL.
 */

/** The /manage link that opens the lexicon editor with `term` ready to add to a group of `corpus`. */
export function addToLexiconHref(corpus: string, term: string): string {
  return `/manage?corpus=${encodeURIComponent(corpus)}&add=${encodeURIComponent(term)}#lexicon-editor`;
}
