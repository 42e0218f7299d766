import Sentiment from 'sentiment';
import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { Matcher } from '../../lib/lexicon/matcher';
import { patternSource } from '../../lib/lexicon/matcher';
import type { Lexicon } from '../../lib/types';
import { ABBREVIATIONS } from '../../lib/text/sentences';

/**
 * The lower bound: the engine's own lexicon scan and nothing else, one pass of its compiled regex over each
 * lowercased text (plus the few case-sensitive terms) ending at an ASCII word end, counting matches without
 * resolving them to variants or checking Unicode word boundaries.
 */
export function scanBaseline(texts: string[], matcher: Matcher): number {
  let n = 0;
  const count = (re: RegExp, text: string) => {
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
  };
  const folded = matcher.folded && new RegExp(`${matcher.folded.source}(?![A-Za-z0-9])`, matcher.folded.flags);
  const cased = matcher.cased && new RegExp(`${matcher.cased.source}(?![A-Za-z0-9])`, matcher.cased.flags);
  const exact = !folded && !cased ? new RegExp(matcher.regex.source, matcher.regex.flags) : null;
  for (const t of texts) {
    if (folded) count(folded, t.toLowerCase());
    if (cased) count(cased, t);
    if (exact) count(exact, t);
  }
  return n;
}

/**
 * The pipeline a user would write with the same libraries: natural's word and sentence tokenizers,
 * sentiment.analyze per article, and one regular expression per lexicon pattern. Returns a checksum.
 */
export function naiveBaseline(texts: string[], lexicon: Lexicon): number {
  const words = new WordTokenizer();
  const sentences = new SentenceTokenizer(ABBREVIATIONS, false);
  const afinn = new Sentiment();
  const patterns = lexicon.groups
    .flatMap((g) => g.variants.flatMap((v) => v.patterns))
    .map((p) => new RegExp(`\\b${patternSource(p)}\\b`, p.caseSensitive ? 'gu' : 'giu'));
  let sum = 0;
  for (const t of texts) {
    sum += words.tokenize(t).length + sentences.tokenize(t).length + afinn.analyze(t).score;
    for (const re of patterns) sum += (t.match(re) ?? []).length;
  }
  return sum;
}
