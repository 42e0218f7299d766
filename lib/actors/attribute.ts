import type { ActorRule } from '../types';
import type { ActorHit } from './matcher';
import { sentenceTokens, type WordToken } from './words';

/** What attribution needs from one sentence: its text, the actor aliases in it and the other label mentions in it. */
export interface SentenceContext {
  text: string;
  start: number;
  end: number;
  hits: ActorHit[];
  labels: { start: number; end: number }[];
  /** Backing actor id → its proxy actor id ("turkey" → "turkish-backed"). */
  proxyOf: Map<string, string>;
  /** The sentence's words, when the caller attributes several labels of one sentence and has them already. */
  tokens?: WordToken[];
}

/** The actors a label mention is attributed to, with the rule and words that named them. */
export interface Attribution {
  actors: string[];
  cue: { rule: ActorRule; text: string } | null;
}

type Token = WordToken;

type Resolved = { actor: string; text: string } | 'blocked' | null;

const MAX_MODIFIERS = 4;
const MAX_OBJECT_TOKENS = 8;
// A group noun or a kind of force between a name and the label keeps the chain going ("IS group fighters", "YPG
// ground forces").
const GROUP_NOUN = /^(?:group|group's|group’s|organi[sz]ation|movement|ground|military|army|naval|elite)$/i;
// Past participles that designate right after the actor, with no relative pronoun ("the PKK listed as a terrorist
// organisation").
const PARTICIPLE =
  /^(?:considered|regarded|designated|branded|labelled|labeled|deemed|seen|viewed|described|listed|classified)$/i;
const OPPOSED = /^(?:anti|counter|non)[-‐‑]/i;
const PROXY = /[-‐‑](?:backed|supported|sponsored|funded|armed|trained)$/i;
const CONNECTOR =
  /^["”’')]?\s+(of|from|within|among|aligned with|allied with|allied to|loyal to|linked to|tied to|affiliated with|belonging to|backed by|supported by|sponsored by|such as|like|including)\s+/i;
const LIST_CONNECTORS = new Set(['such as', 'like', 'including']);
const BACKING_CONNECTORS = new Set(['backed by', 'supported by', 'sponsored by']);
const PHRASE_END = /[.;:!?()[\]—–]|\s-\s/;
const DESIGNATION =
  /\b(?:consider|considers|considered|considering|regard|regards|regarded|regarding|designate|designates|designated|designating|call|calls|called|calling|brand|brands|branded|branding|labels|labelled|labeled|labelling|labeling|deem|deems|deemed|see|sees|seen|saw|view|views|viewed|describe|describes|described|list|lists|listed|classify|classifies|classified)\b/gi;
// Object of the designation verb (up to four words), then optional "as" and article, right before the label.
const DESIGNATED = /^((?:\s+(?!(?:as|a|an)\b)[\p{L}\p{N}'’.()-]+){0,4}?)(?:\s+as)?(?:\s+(?:a|an|the))?\s+$/iu;
// What links a designation back to an actor named before it: a relative clause, a passive, or an apposition.
const SUBJECT_MARKER =
  /(?:,\s*)?(?:\b(?:which|who|whom|that)\b(?:\s+[\p{L}\p{N}'’.-]+){0,3}|\b(?:is|are|was|were|been|being)(?:\s+(?:also|widely|officially|long|formally|now))?|\ban?\s+(?:group|organi[sz]ation|force|militia|movement|party)|,)\s*$/iu;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && a.end > b.start;

/** The actor one word names: its alias, the proxy actor for "X-backed", nothing for "anti-X". */
function resolve(tok: Token, ctx: SentenceContext): Resolved {
  let h: ActorHit | undefined;
  for (const x of ctx.hits) if (overlaps(x, tok)) h = x;
  if (!h) return null;
  if (OPPOSED.test(tok.text)) return 'blocked';
  if (PROXY.test(tok.text) && h.end < tok.end) {
    const proxy = ctx.proxyOf.get(h.actor);
    return proxy ? { actor: proxy, text: tok.text } : 'blocked';
  }
  return { actor: h.actor, text: h.text };
}

function firstActors(tokens: Token[], ctx: SentenceContext, all: boolean): { actors: string[]; text: string } | null {
  const actors: string[] = [];
  const texts: string[] = [];
  for (const t of tokens) {
    const r = resolve(t, ctx);
    if (!r || r === 'blocked' || actors.includes(r.actor)) continue;
    actors.push(r.actor);
    texts.push(r.text);
    if (!all) break;
  }
  return actors.length ? { actors, text: texts.join(', ') } : null;
}

function result(rule: ActorRule, found: { actors: string[]; text: string } | null): Attribution | null {
  return found ? { actors: found.actors, cue: { rule, text: found.text } } : null;
}

/** Walks left over the words that modify the label; returns the nearest actor and where the modifiers begin. */
function modifier(
  m: { start: number },
  tokens: Token[],
  ctx: SentenceContext,
): { found: Attribution | null; chainStart: number } {
  let pos = m.start;
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last].end > m.start) last--;
  for (let k = last; k >= 0 && k > last - MAX_MODIFIERS; k--) {
    const tok = tokens[k];
    if (!/^\s*$/.test(ctx.text.slice(tok.end, pos))) break;
    const isModifier =
      ctx.hits.some((h) => overlaps(h, tok)) ||
      ctx.labels.some((l) => overlaps(l, tok)) ||
      /[-‐‑]/.test(tok.text) ||
      /^\p{Lu}/u.test(tok.text) ||
      GROUP_NOUN.test(tok.text);
    if (!isModifier) break;
    const r = resolve(tok, ctx);
    if (r && r !== 'blocked')
      return { found: { actors: [r.actor], cue: { rule: 'modifier', text: r.text } }, chainStart: tok.start };
    pos = tok.start;
  }
  return { found: null, chainStart: pos };
}

function ofPhrase(m: { end: number }, tokens: Token[], ctx: SentenceContext): Attribution | null {
  const after = ctx.text.slice(m.end, ctx.end);
  const c = CONNECTOR.exec(after);
  if (!c) return null;
  const connector = c[1].toLowerCase().replace(/\s+/g, ' ');
  const from = m.end + c[0].length;
  const rest = ctx.text.slice(from, ctx.end);
  const stop = LIST_CONNECTORS.has(connector) ? PHRASE_END : new RegExp(`${PHRASE_END.source}|,`);
  const cut = stop.exec(rest);
  const to = from + (cut ? cut.index : rest.length);
  // A word may carry the sentence's full stop ("loyal to President Bashar al-Assad."): it counts if it starts inside.
  const region = tokens.filter((t) => t.start >= from && t.start < to).slice(0, MAX_OBJECT_TOKENS);
  const found = firstActors(region, ctx, LIST_CONNECTORS.has(connector));
  if (!found) return null;
  if (BACKING_CONNECTORS.has(connector)) {
    const proxy = ctx.proxyOf.get(found.actors[0]);
    return proxy ? { actors: [proxy], cue: { rule: 'of-phrase', text: `${c[1]} ${found.text}` } } : null;
  }
  return { actors: found.actors, cue: { rule: 'of-phrase', text: `${c[1]} ${found.text}` } };
}

function apposition(m: { end: number }, chainStart: number, tokens: Token[], ctx: SentenceContext): Attribution | null {
  const paren = /^["”’']?\s*\(\s*/.exec(ctx.text.slice(m.end, ctx.end));
  if (paren) {
    const from = m.end + paren[0].length;
    const close = ctx.text.indexOf(')', from);
    const to = close < 0 || close > ctx.end ? ctx.end : close;
    const found = result(
      'apposition',
      firstActors(
        tokens.filter((t) => t.start >= from && t.end <= to),
        ctx,
        false,
      ),
    );
    if (found) return found;
  }
  const before = ctx.text.slice(ctx.start, chainStart);
  const comma = /\)?\s*,\s+(?:a|an|the)\s+$/i.exec(before);
  if (!comma) return null;
  const at = ctx.start + comma.index;
  const tok = tokens.find((t) => t.end === at);
  return tok ? result('apposition', firstActors([tok], ctx, false)) : null;
}

// A parenthetical that ends right before the passive marker: ", which …," or "— which … —".
const PAREN_CLOSE = /(?:,|\s[—–-])\s*$/;
const PAREN_OPEN = /(?:,|\s[—–-])\s*(?:which|who|whose|that)\b/gi;

/** Where a relative clause set off by commas or dashes starts, when it ends right before `end`; else null. */
function parentheticalStart(ctx: SentenceContext, end: number): number | null {
  const before = ctx.text.slice(ctx.start, end);
  const close = PAREN_CLOSE.exec(before);
  if (!close) return null;
  const opens = [...before.slice(0, close.index).matchAll(PAREN_OPEN)];
  const open = opens[opens.length - 1];
  return open ? ctx.start + open.index : null;
}

function designation(chainStart: number, tokens: Token[], ctx: SentenceContext): Attribution | null {
  const before = ctx.text.slice(ctx.start, chainStart);
  const verbs = [...before.matchAll(DESIGNATION)];
  const verb = verbs[verbs.length - 1];
  if (!verb) return null;
  const verbStart = ctx.start + verb.index;
  const verbEnd = verbStart + verb[0].length;
  const between = DESIGNATED.exec(ctx.text.slice(verbEnd, chainStart));
  if (!between) return null;
  if (between[1].trim() !== '') {
    const objectEnd = verbEnd + between[1].length;
    return result(
      'designation',
      firstActors(
        tokens.filter((t) => t.start >= verbEnd && t.end <= objectEnd),
        ctx,
        false,
      ),
    );
  }
  const marker = SUBJECT_MARKER.exec(ctx.text.slice(ctx.start, verbStart));
  if (!marker) {
    if (!PARTICIPLE.test(verb[0])) return null;
    const before = tokens.filter((t) => t.end <= verbStart).pop();
    const r = before ? resolve(before, ctx) : null;
    return r && r !== 'blocked'
      ? { actors: [r.actor], cue: { rule: 'designation', text: `${r.text} … ${verb[0]}` } }
      : null;
  }
  const markerStart = ctx.start + marker.index;
  // "The PKK, which has fought Turkey since 1984, is considered …": the subject stands before the parenthetical.
  const subjectEnd = parentheticalStart(ctx, markerStart + (marker[0].startsWith(',') ? 1 : 0)) ?? markerStart;
  const candidates = tokens
    .filter((t) => t.end <= subjectEnd)
    .reverse()
    .slice(0, 3);
  for (const t of candidates) {
    const r = resolve(t, ctx);
    if (r && r !== 'blocked')
      return { actors: [r.actor], cue: { rule: 'designation', text: `${r.text} … ${verb[0]}` } };
  }
  return null;
}

/**
 * Attributes one label mention to the actors its phrase names, trying in order: an alias that contains the label
 * ("Syrian rebels"), the nearest modifier ("Kurdish militants", "US-backed militias"), an of-phrase ("militants from
 * the YPG", "terror groups such as Daesh and the PYD"), an apposition ("militants (YPG)", "the PKK, a militant group")
 * and a designation ("the PKK as a terrorist organisation", "Kurdish fighters, who they consider terrorists").
 */
export function attributeMention(m: { start: number; end: number }, ctx: SentenceContext): Attribution {
  const containing = ctx.hits.find((h) => h.start <= m.start && h.end >= m.end);
  if (containing) return { actors: [containing.actor], cue: { rule: 'alias', text: containing.text } };
  const tokens = ctx.tokens ?? sentenceTokens(ctx.text, ctx.start, ctx.end);
  const { found, chainStart } = modifier(m, tokens, ctx);
  return (
    found ??
    ofPhrase(m, tokens, ctx) ??
    apposition(m, chainStart, tokens, ctx) ??
    designation(chainStart, tokens, ctx) ?? { actors: [], cue: null }
  );
}
