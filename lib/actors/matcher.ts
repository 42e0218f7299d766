import { patternKey } from '../lexicon/parse';
import { patternSource } from '../lexicon/matcher';
import type { Actor } from '../types';

/** One place where the text names an actor by one of its aliases. */
export interface ActorHit {
  start: number;
  end: number;
  text: string;
  actor: string;
}

/** Every actor alias compiled into one regular expression and a lookup table. */
export interface ActorMatcher {
  regex: RegExp | null;
  lookup: Map<string, string>;
}

/** Compiles the actors' aliases into one matcher, longest alias first. */
export function compileActors(actors: Actor[]): ActorMatcher {
  const entries = actors.flatMap((a) => a.aliases.map((p) => ({ p, actor: a.id })));
  if (entries.length === 0) return { regex: null, lookup: new Map() };
  entries.sort((a, b) => b.p.text.length - a.p.text.length);
  const lookup = new Map<string, string>();
  for (const e of entries) lookup.set(patternKey(e.p.text, e.p.caseSensitive), e.actor);
  const source = `(?<![\\p{L}\\p{N}])(${entries.map((e) => patternSource(e.p)).join('|')})(?:['’]s|s['’]|['’])?(?![\\p{L}\\p{N}])`;
  return { regex: new RegExp(source, 'gu'), lookup };
}

/** Finds every actor alias in a text in one left-to-right pass. */
export function scanActors(matcher: ActorMatcher, text: string): ActorHit[] {
  if (!matcher.regex) return [];
  const out: ActorHit[] = [];
  const re = new RegExp(matcher.regex.source, matcher.regex.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const core = m[1];
    const actor = matcher.lookup.get(patternKey(core, true)) ?? matcher.lookup.get(patternKey(core, false));
    if (!actor) throw new Error(`actor lookup failed for "${core}": the compiled regex and lookup disagree`);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], actor });
  }
  return out;
}
