/**
 * The one link from a discovered term to the lexicon editor (issue #17's seam between the explorer/search and the
 * form editor): the manage page of the corpus, with the term to add, scrolled to the editor.
 */
export function addToLexiconHref(corpus: string, term: string): string {
  return `/manage?${new URLSearchParams({ corpus, add: term }).toString()}#lexicon-editor`;
}
