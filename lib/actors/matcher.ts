import { compilePhrases, scanPhrases, type PhraseMatcher } from '../lexicon/matcher';
import type { Actor } from '../types';

/** One place where the text names an actor by one of its aliases. */
export interface ActorHit {
  start: number;
  end: number;
  text: string;
  actor: string;
}

/** Every actor alias compiled into one matcher (null when the lexicon lists no actors). */
export type ActorMatcher = PhraseMatcher<string> | null;

/** Compiles the actors' aliases into one matcher, longest alias first. */
export function compileActors(actors: Actor[]): ActorMatcher {
  const entries = actors.flatMap((a) => a.aliases.map((pattern) => ({ pattern, target: a.id })));
  return entries.length ? compilePhrases(entries) : null;
}

/** Finds every actor alias in a text in one left-to-right pass. */
export function scanActors(matcher: ActorMatcher, text: string): ActorHit[] {
  return matcher
    ? scanPhrases(matcher, text).map((m) => ({ start: m.start, end: m.end, text: m.text, actor: m.target }))
    : [];
}
