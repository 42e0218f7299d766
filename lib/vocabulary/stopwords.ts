/**
 * English function words left out of the vocabulary: a unigram in this list is not counted, nor a bigram of two of
 * them ("of the"); a bigram with one ("the regime", "so called") is. Matched on the lowercased token, except that an
 * all-caps token of 2–4 letters keeps its case and so is never a stopword ("IS" is a name, "is" a verb). The list is
 * the usual short one (articles, pronouns, auxiliaries, prepositions, conjunctions), kept short on purpose: words
 * such as "said", "forces" or "against" carry framing and stay in.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or ' +
    'other our ours ourselves out over own same she should so some such than that the their theirs them themselves then ' +
    'there these they this those through to too under until up very was we were what when where which while who whom ' +
    'why will with would you your yours yourself yourselves'
  ).split(' '),
);

/** Whether a vocabulary token (already case-normalised) is a stopword. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
