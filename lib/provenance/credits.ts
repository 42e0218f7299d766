/** A source an article may credit: a wire agency or an outlet, with the names it is credited by. */
export interface CreditSource {
  id: string;
  names: string[];
}

/**
 * How a credit is written. Article-level styles say the article's text comes from elsewhere: `dateline` ("AFP
 * Tuesday…", "BEIRUT (Reuters) -" at the start of the body), `parenthetical` ("(AFP)"), `agencies` ("TRT World and
 * agencies"), `source` ("Source: Reuters"), `trailing` ("… — AP" at the end). Sentence-level styles credit one
 * sentence's report: `reported` ("Press TV reported"), `told` ("told AFP"), `according` ("according to SANA"),
 * `correspondent` ("an AFP correspondent").
 */
export type CreditStyle =
  | 'dateline'
  | 'parenthetical'
  | 'agencies'
  | 'source'
  | 'trailing'
  | 'reported'
  | 'told'
  | 'according'
  | 'correspondent';

/** The styles that credit the whole article rather than one sentence. */
export const ARTICLE_STYLES: readonly CreditStyle[] = ['dateline', 'parenthetical', 'agencies', 'source', 'trailing'];

/** One credit found in an article: which source, how, and where (character offsets of the name). */
export interface Credit {
  source: string;
  style: CreditStyle;
  start: number;
  end: number;
}

/** The wires the detector knows besides the corpus's own outlets (names are matched case-sensitively, whole words). */
export const WIRES: readonly CreditSource[] = [
  { id: 'afp', names: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { id: 'ap', names: ['AP', 'Associated Press'] },
  { id: 'reuters', names: ['Reuters'] },
  { id: 'dpa', names: ['dpa', 'DPA'] },
  { id: 'xinhua', names: ['Xinhua'] },
  { id: 'anadolu', names: ['Anadolu Agency', 'Anadolu'] },
  { id: 'sana', names: ['SANA'] },
  { id: 'fna', names: ['FNA', 'Fars News Agency', 'Fars'] },
  { id: 'irna', names: ['IRNA'] },
  { id: 'tasnim', names: ['Tasnim'] },
  { id: 'presstv', names: ['Press TV', 'PressTV'] },
  { id: 'agencies', names: ['agencies', 'Agencies'] },
];

/** The wires plus the corpus's outlets (by name and id), merged by id so "Reuters" the outlet is "reuters" the wire. */
export function creditSources(outlets: { id: string; name: string }[]): CreditSource[] {
  const byId = new Map(WIRES.map((w) => [w.id, [...w.names]]));
  for (const o of outlets) {
    const names = byId.get(o.id) ?? [];
    // Short names ("AP") are matched only where a wire's short name is; an outlet's display name must be longer.
    if (o.name.length >= 4 && !names.includes(o.name)) names.push(o.name);
    byId.set(o.id, names);
  }
  return [...byId].map(([id, names]) => ({ id, names }));
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function before(text: string, at: number, width: number): string {
  return text.slice(Math.max(0, at - width), at);
}

// Dashes and separators a credit line uses.
const DASH = /[-–—:]/;

function styleOf(text: string, start: number, end: number, bodyStart: number, name: string): CreditStyle | null {
  const prev = before(text, start, 16);
  const next = text.slice(end, end + 16);
  if (name === 'agencies' || name === 'Agencies') {
    // "agencies" alone credits nothing in particular unless it closes a credit line: "X and agencies".
    return /\band $/.test(prev) ? 'agencies' : null;
  }
  if (/^ and [Aa]gencies/.test(next)) return 'agencies';
  if (prev.endsWith('(') && (next.startsWith(')') || next.startsWith(' and'))) return 'parenthetical';
  if (/\b[Ss]ource:? ?$/.test(prev)) return 'source';
  if (start - bodyStart <= 40 && start >= bodyStart) {
    const lead = text.slice(bodyStart, start);
    // The body opens with the credit, or with a dateline such as "BEIRUT -" before it.
    if (lead.trim() === '' || /^[\p{Lu}\s,.'-]{2,40}$/u.test(lead)) return 'dateline';
  }
  if (text.length - end <= 3 && DASH.test(prev.slice(-3))) return 'trailing';
  if (/^,? (reported|reports|said in a report)\b/.test(next)) return 'reported';
  if (/\btold $/.test(prev)) return 'told';
  if (/\baccording to (the )?$/.test(prev)) return 'according';
  if (/^('?s)? correspondent/.test(next)) return 'correspondent';
  return null;
}

/**
 * The credits in an article: each known source name found as a whole word and written in one of the credit styles.
 * The article's own outlet is never a credit (Reuters signing "(Reuters)" is not reprinting). One indexOf scan per
 * name, so linear in the text for a fixed list of sources.
 */
export function findCredits(text: string, bodyStart: number, outlet: string, sources: CreditSource[]): Credit[] {
  const out: Credit[] = [];
  for (const s of sources) {
    if (s.id === outlet) continue;
    for (const name of s.names) {
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
        const end = at + name.length;
        if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
        const style = styleOf(text, at, end, bodyStart, name);
        if (style) out.push({ source: s.id, style, start: at, end });
      }
    }
  }
  // A longer name found at the same place as a shorter one ("Anadolu Agency", "Anadolu") is one credit.
  const sorted = out.sort((a, b) => a.start - b.start || b.end - a.end);
  return sorted.filter((c, i) => i === 0 || c.start >= sorted[i - 1].end || c.source !== sorted[i - 1].source);
}

/** The sources an article's credit lines name (article-level styles only), sorted. */
export function articleCredits(credits: Credit[]): string[] {
  return [...new Set(credits.filter((c) => ARTICLE_STYLES.includes(c.style)).map((c) => c.source))].sort();
}
