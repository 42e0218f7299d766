import Sentiment from 'sentiment';
import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { Matcher } from '../lexicon/matcher';
import { patternSource } from '../lexicon/matcher';
import type { Lexicon } from '../types';
import { ABBREVIATIONS } from '../text/sentences';

/** The lower bound: one pass of the compiled lexicon regex over each text, counting matches and nothing else. */
export function scanBaseline(texts: string[], matcher: Matcher): number {
  let n = 0;
  const re = new RegExp(matcher.regex.source, matcher.regex.flags);
  for (const t of texts) {
    re.lastIndex = 0;
    while (re.exec(t) !== null) n++;
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
  const patterns = lexicon.groups.flatMap((g) => g.variants.flatMap((v) => v.patterns)).map((p) => new RegExp(`\\b${patternSource(p)}\\b`, p.caseSensitive ? 'gu' : 'giu'));
  let sum = 0;
  for (const t of texts) {
    sum += words.tokenize(t).length + sentences.tokenize(t).length + afinn.analyze(t).score;
    for (const re of patterns) sum += (t.match(re) ?? []).length;
  }
  return sum;
}
