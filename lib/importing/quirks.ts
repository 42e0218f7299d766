import { cutCreditLines, cutRelatedBeforeDateline, cutRepeatedTitle, cutShortUrlHead, cutTagLists } from './furniture';

/** What one cleaning rule did to one text. */
export interface QuirkCount {
  rule: string;
  count: number;
}

/** Context a cleaning rule may use: the article's title and the names the lexicon looks for. */
export interface QuirkContext {
  title: string;
  /** Single-word names from the lexicon (actor aliases, variant patterns), for restoring stripped possessives. */
  names: Set<string>;
}

/** Rule ids with the sentence the import summary prints for them. */
export const QUIRK_TEXT: Record<string, string> = {
  'replacement-char': 'U+FFFD replacement characters removed (bytes lost before import)',
  'possessive-restored':
    "stripped apostrophes restored in possessives of lexicon names and -a names (Assads → Assad's, Syrias → Syria's)",
  'contraction-restored': "stripped apostrophes restored in contractions (dont → don't)",
  dateline: 'leading datelines removed ("Wed 05 Apr 2017", "Published October 2 2017")',
  'repeated-title': 'the title repeated at the start of the body removed',
  footer: 'page boilerplate removed from the end of the body (share bars, site menus, "Read Also", update stamps)',
  'short-url': 'Sputnik page heads removed (headline, photo credit, date, "Get short URL", share counts)',
  'related-links': 'related-story links removed before a "CITY (Sputnik)" dateline (photo credit and headline)',
  'tag-list': 'The New Arab "Tags" lists removed',
  'credit-line':
    'credit lines removed from the end ("Reporting by …; Editing by …", "(Source: …)", "--Reuters", editors\' initials)',
};

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+';
const MON = '[A-Z][a-z]{2,8}\\.?';
const DATELINE = new RegExp(
  `^(?:(?:Date of publication|Published|Updated|Last updated|Posted)(?:\\s*:\\s+|\\s+))?(?:${DAY})?` +
    `(?:\\d{1,2}\\s+${MON},?\\s+\\d{4}|${MON}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{4}-\\d{2}-\\d{2})` +
    '(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*(?:GMT|UTC|AM|PM|am|pm))?)?\\s+',
);
// Linear time: (?<!\s) lets a leading \s* start only where a whitespace run begins (not at each of its spaces), and
// lazy scans are bounded, so no input makes a rule retry the same stretch of text from every position.
// Each with the literal text every match of it contains (case-sensitive, as the rule is): a text without any of them is
// not scanned by the rule at all (the scans were most of an import's cleaning time, on texts with no footer).
/** The footer rules, each with the literals one of which any match contains (exported for the test that checks it). */
export const FOOTERS: [RegExp, string[]][] = [
  [
    /(?<!\s)\s*(?:Category News Latest updates|A picture is worth a thousand words\.)[\s\S]*$/,
    ['Category News Latest updates', 'A picture is worth a thousand words.'],
  ],
  [/(?<!\s)\s*Our Standards:\s*The Thomson Reuters Trust Principles\.?\s*$/, ['Our Standards:']],
  [/(?<!\s)\s*Last Update:[^\n]{0,300}?GMT \d{1,2}:\d{2}(?:\s+\d+)?\s*$/, ['Last Update:']],
  [
    /(?<![\s\d])\s*(?:\d+\s+)*(?:Tags\s[^\n]{0,500}?)?Community standards\s*Discussion[\s\S]*$/,
    ['Community standards'],
  ],
  [/(?<=\))\s*Twitter\s*$/, ['Twitter']],
  [/(?<!\s)\s*Read Also\s*$/, ['Read Also']],
];
const CONTRACTIONS: Record<string, string> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  wasnt: "wasn't",
  arent: "aren't",
  werent: "weren't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  hasnt: "hasn't",
  havent: "haven't",
  hadnt: "hadn't",
  cant: "can't",
  wont: "won't",
  theres: "there's",
  thats: "that's",
  whats: "what's",
};
// Only the contraction words are matched: a callback per word of the text was a large share of an import's planning,
// and the lookup of any word in a plain object found "constructor" (Object's), replacing that word with a function.
const CONTRACTION_WORDS = new RegExp(`\\b(?:${Object.keys(CONTRACTIONS).join('|')})\\b`, 'g');
// Names ending in consonant + "as" that are not possessives of a name ending in "a".
const NOT_POSSESSIVE = new Set(['Hamas', 'Abbas', 'Texas', 'Kansas', 'Arkansas', 'Caracas', 'Vegas', 'Americas']);

function count(text: string, re: RegExp, replace: (m: string) => string): { text: string; count: number } {
  let n = 0;
  const out = text.replace(re, (m) => {
    const r = replace(m);
    if (r !== m) n++;
    return r;
  });
  return { text: out, count: n };
}

/** Cleans imported article text of known corpus quirks (see QUIRK_TEXT) and says how often each rule fired. */
export function cleanImportedText(input: string, ctx: QuirkContext): { text: string; quirks: QuirkCount[] } {
  const quirks: QuirkCount[] = [];
  const note = (rule: string, n: number) => n > 0 && quirks.push({ rule, count: n });
  // Each scan is skipped when the one character every match needs is absent (most texts): a scan of the whole text
  // per rule was a large share of an import's cleaning time.
  let text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  if (text.includes('\uFFFD')) {
    const fffd = (text.match(/\uFFFD/g) ?? []).length;
    text = text.replace(/(?<!\s)\s*\uFFFD+\s*/g, (m) => (/\s/.test(m[0]) || /\s/.test(m[m.length - 1]) ? ' ' : ''));
    note('replacement-char', fffd);
  }

  const d = DATELINE.exec(text);
  if (d) text = text.slice(d[0].length);
  note('dateline', d ? 1 : 0);
  const head = cutShortUrlHead(text);
  text = head.text;
  note('short-url', head.count);
  const repeated = cutRepeatedTitle(text, ctx.title);
  text = repeated.text;
  note('repeated-title', repeated.count);
  const related = cutRelatedBeforeDateline(text);
  text = related.text;
  note('related-links', related.count);
  let footers = 0;
  for (const [f, literals] of FOOTERS) {
    if (!literals.some((l) => text.includes(l))) continue;
    const before = text;
    text = text.replace(f, '');
    if (text !== before) footers++;
  }
  note('footer', footers);
  // After the footers: Sputnik's tag list is part of its comment-box footer and goes with it.
  const tags = cutTagLists(text);
  text = tags.text;
  note('tag-list', tags.count);
  const credits = cutCreditLines(text);
  text = credits.text;
  note('credit-line', credits.count);

  const poss = count(text, /\b(\p{Lu}[\p{L}-]{0,60}?)s\b(?!['’])/gu, (m) => {
    const stem = m.slice(0, -1);
    if (ctx.names.has(m) || NOT_POSSESSIVE.has(m)) return m;
    return ctx.names.has(stem) || (/(?:[^aeiou]|[^aeiou]i)a$/.test(stem) && stem.length > 3) ? `${stem}'s` : m;
  });
  text = poss.text;
  note('possessive-restored', poss.count);
  const con = count(text, CONTRACTION_WORDS, (m) => CONTRACTIONS[m]);
  text = con.text;
  note('contraction-restored', con.count);
  return { text: text.trim(), quirks };
}
