import type { Section } from '../types';
import type { IndexedArticle } from './searchIndex';

/**
 * A test's article from sentences (each with its section), joined by one space; `quoted` is a stretch of the text made
 * a quotation (its first occurrence, quotes included). Scores and word counts are 0: the index does not read them.
 */
export function indexedArticle(sentences: [Section, string][], quoted: string | null = null): IndexedArticle {
  let text = '';
  const out: IndexedArticle['sentences'][number][] = [];
  for (const [section, s] of sentences) {
    if (text) text += ' ';
    out.push({
      start: text.length,
      end: text.length + s.length,
      section,
      score: 0,
      words: 0,
      ownScore: 0,
      ownWords: 0,
    });
    text += s;
  }
  const at = quoted === null ? -1 : text.indexOf(quoted);
  return { text, sentences: out, quotes: at < 0 ? [] : [{ start: at, end: at + quoted!.length }] };
}

/**
 * Three small articles the word index tests count by hand: "rebels" in a title once and in a body twice (once inside
 * a quotation); a title alone; two "rebels" in a body (the curly apostrophe ends the first word; "don’t" is indexed
 * as "don't").
 */
export function sampleArticles(): IndexedArticle[] {
  return [
    indexedArticle(
      [
        ['title', 'Rebels rest.'],
        ['body', 'Rebels said "rebels fled" today.'],
      ],
      '"rebels fled"',
    ),
    indexedArticle([['title', 'Nothing here.']]),
    indexedArticle([['body', 'REBELS’ don’t rebels.']]),
  ];
}
