import { isLetterOrDigitUnit } from '../text/charClass';

/** Text with one kind of page furniture removed, and how many pieces were removed. */
export interface FurnitureCut {
  text: string;
  count: number;
}

function isWordUnit(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLetterOrDigitUnit(text.charCodeAt(i));
}

/**
 * Removes the title when the body starts by repeating it. Title and body are compared on their letters and digits
 * only (case-folded), so hyphens, stripped apostrophes, punctuation and line breaks do not matter; one character
 * loop over at most the title's length.
 */
export function cutRepeatedTitle(text: string, title: string): FurnitureCut {
  const key: string[] = [];
  for (let i = 0; i < title.length; i++) if (isWordUnit(title, i)) key.push(title[i].toLowerCase());
  // A short title ("Syria") is likely to open the body as ordinary text.
  if (key.length <= 10) return { text, count: 0 };
  let i = 0;
  let j = 0;
  while (i < text.length && j < key.length) {
    if (isWordUnit(text, i)) {
      if (text[i].toLowerCase() !== key[j]) return { text, count: 0 };
      j++;
    } else if (j === 0 && !/\s/.test(text[i])) return { text, count: 0 };
    i++;
  }
  // The whole title, ending at a word boundary ("Aleppo" must not match the start of "Aleppos").
  if (j < key.length || isWordUnit(text, i)) return { text, count: 0 };
  let k = i;
  while (k < text.length && /[\s.:|-]/.test(text[k])) k++;
  return { text: text.slice(k), count: 1 };
}

// Sputnik's page head: headline, photo credit, section and time, the date, "Get short URL", an optional topic and
// share counts. Only looked for in the first 400 characters.
const SHORT_URL = /^[^\n]{0,400}?Get short URL(?:\s+Topic\s[^()\n]{0,120}\(\d+\))?(?:\s+\d+)*\s+/i;

/** Removes Sputnik's page head, which ends in "Get short URL" and share counts. */
export function cutShortUrlHead(text: string): FurnitureCut {
  const m = SHORT_URL.exec(text);
  return m ? { text: text.slice(m[0].length), count: 1 } : { text, count: 0 };
}

// A photo credit, then a related story's headline (no sentence punctuation), right before an agency dateline
// "MOSCOW (Sputnik)": what is left of a related-story box between the standfirst and the story.
const RELATED =
  /(?<=[.!?"”] {1,3})(?:AP Photo|AFP(?: \d{4})?|REUTERS|Sputnik|Flickr|YouTube\S*)\s[^.!?\n]{0,200}?(?=\s{1,3}[A-Z][A-Z'’ -]{1,40}(?:\s{1,3}\([A-Za-z ]{1,30}\))?\s{1,3}\((?:Sputnik|RIA Novosti)\))/g;

/** Removes related-story links (photo credit and headline) that stand before Sputnik's "CITY (Sputnik)" dateline. */
export function cutRelatedBeforeDateline(text: string): FurnitureCut {
  // Every match ends before a "(Sputnik)" or "(RIA Novosti)" dateline: a text with neither is not scanned.
  if (!text.includes('(Sputnik)') && !text.includes('(RIA Novosti)')) return { text, count: 0 };
  let count = 0;
  const out = text.replace(RELATED, () => {
    count++;
    return '';
  });
  return { text: count ? out.replace(/ {2,}/g, ' ') : text, count };
}

// Words that open the first sentence of a story after The New Arab's tag list.
const OPENERS = new Set([
  'The',
  'A',
  'An',
  'At',
  'In',
  'On',
  'After',
  'As',
  'More',
  'Most',
  'Some',
  'Several',
  'Dozens',
  'Hundreds',
  'Thousands',
  'Scores',
  'Many',
  'This',
  'These',
  'Almost',
  'Nearly',
  'Around',
  'About',
  'Over',
  'Up',
  'Government',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
  'Twenty',
  'Thirty',
  'Forty',
  'Fifty',
]);
// Finite verbs that show the story's first sentence has started.
const VERBS = new Set([
  'said',
  'says',
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'had',
  'killed',
  'struck',
  'launched',
  'carried',
  'accused',
  'returned',
  'pounded',
  'hit',
  'bombed',
  'repelled',
]);
const TAGS = /(?<!\S)Tags:?\s+/g;
const MAX_TAG_WORDS = 30;

/**
 * Removes The New Arab's "Tags" lists, which run into the story without punctuation ("Tags Syria Idlib Assad war
 * Government air raids in ..."). The list ends before the first word that opens a sentence (OPENERS) or after a word
 * with a full stop;
 * a list that reaches a verb ("said", "killed" …) or 30 words first is left in place, as its end cannot be told.
 */
export function cutTagLists(text: string): FurnitureCut {
  // Every match holds "Tags": a text without it is not scanned.
  if (!text.includes('Tags')) return { text, count: 0 };
  let count = 0;
  let out = '';
  let at = 0;
  TAGS.lastIndex = 0;
  for (let m = TAGS.exec(text); m !== null; m = TAGS.exec(text)) {
    const from = m.index + m[0].length;
    const words = /\S+/g;
    words.lastIndex = from;
    let end = -1;
    for (let n = 0, w = words.exec(text); w !== null && n < MAX_TAG_WORDS; n++, w = words.exec(text)) {
      const word = w[0].replace(/[.,;:]$/, '');
      // A verb means the story has begun before any opener: where the tags end cannot be told.
      if (VERBS.has(word)) break;
      if (n > 0 && OPENERS.has(word)) {
        end = w.index;
        break;
      }
      if (/[.!?]$/.test(w[0])) {
        end = w.index + w[0].length;
        break;
      }
    }
    if (end < 0) continue;
    out += text.slice(at, m.index).replace(/\s+$/, ' ');
    at = end;
    while (at < text.length && text[at] === ' ') at++;
    TAGS.lastIndex = at;
    count++;
  }
  return count ? { text: out + text.slice(at), count } : { text, count: 0 };
}

// Lines that credit a source, the writers or the editors, at the very end of a story. Each alternative is bounded.
const CREDITS: RegExp[] = [
  /(?<![\p{L}\p{N}])\(?(?:Additional reporting|Reporting|Writing|Editing|Compiled) by\s[^.!?\n]{0,300}\)?$/iu,
  /\((?:Source|With)\b[^()\n]{1,80}\)$/,
  /(?<![\p{L}\p{N}])Source:? (?:TRT ?World|Reuters|AFP|AP|Agencies)[^.!?\n]{0,60}$/u,
  /(?<!-)-{1,2} ?(?:REUTERS|Reuters|AFP|AP)$/,
  /(?<![\p{L}\p{N}])Agencies contributed to this report\.?$/iu,
  /(?<![\p{L}\p{N}])(?:[A-Z]\. ?[\p{L}-]{2,30}(?: [\p{L}-]{2,30})? ?\/ ?){1,3}[A-Z]\. ?[\p{L}-]{2,30}(?: [\p{L}-]{2,30})?$/u,
];
const MAX_CREDIT_PASSES = 4;

/**
 * Removes credit lines at the end of a story ("Reporting by …; Editing by …", "(Source: …)", "--Reuters", editors'
 * initials).
 */
export function cutCreditLines(text: string): FurnitureCut {
  let count = 0;
  // Trimmed first, so each rule ends at the last character rather than scanning trailing whitespace.
  text = text.trimEnd();
  for (let pass = 0; pass < MAX_CREDIT_PASSES; pass++) {
    const before = text;
    for (const re of CREDITS) {
      const m = re.exec(text);
      if (m) {
        text = text.slice(0, m.index).trimEnd();
        count++;
      }
    }
    if (text === before) break;
  }
  return { text, count };
}
