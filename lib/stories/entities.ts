/**
 * The names and numbers of an article, in a form that survives transliteration: what tells one event from another
 * (places, people, groups, death tolls) when outlets write their own report of it in their own words.
 */

// Capitalised words that open sentences or name nothing in particular.
const COMMON = new Set(
  (
    'the a an and but in on at of for to by with from as after before while when where this that these those it its ' +
    'he she they we his her their our there here some many most more other such no not one two three four five six ' +
    'seven eight nine ten monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december mr mrs ms dr president minister said says according'
  ).split(' '),
);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * A transliteration-tolerant key of a name: lower-cased, vowels dropped, doubled letters and a final "h" removed, so
 * Qamishli and Qameshli, Hasaka, Hasakeh and Hasakah, Manbij and Menbij meet.
 */
export function nameKey(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) {
    if (VOWELS.has(ch)) continue;
    if (out.endsWith(ch)) continue;
    out += ch;
  }
  if (out.length > 2 && out.endsWith('h')) out = out.slice(0, -1);
  return out;
}

// Words (letters with their combining marks, inner apostrophes and hyphens split) and digit runs.
const TOKEN = /[\p{L}\p{M}]+|\p{Nd}+/gu;
const SENTENCE_END = /[.!?\n:;"“”]/;

/**
 * The entity terms of a text, one pass: each capitalised word that does not open a sentence (and is not a common
 * word), as "n:" plus its name key; each number of one to four digits that is not a year, as "#" plus the number.
 */
export function entityTerms(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  let first = true;
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    const at = m.index;
    // A sentence ends between the previous token and this one: this token opens the next sentence.
    for (let i = last; i < at && !first; i++) if (SENTENCE_END.test(text[i])) first = true;
    last = at + w.length;
    const opens = first;
    first = false;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(w);
      if (w.length <= 4 && !(n >= 1900 && n <= 2099) && n > 1) out.push(`#${n}`);
      continue;
    }
    if (opens || w.length < 3 || w[0] === w[0].toLowerCase() || COMMON.has(w.toLowerCase())) continue;
    const key = nameKey(w);
    if (key.length >= 2) out.push(`n:${key}`);
  }
  return out;
}
