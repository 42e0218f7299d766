/** Shared types of the framing engine: corpus, lexicon, mentions and the export format. */

/** Which article section a piece of text belongs to. */
export type Section = 'title' | 'caption' | 'body';

/** Every section, in article order. */
export const SECTIONS: readonly Section[] = ['title', 'caption', 'body'];

/** Whether a mention is the outlet's own words or inside a quotation. */
export type Voice = 'own' | 'quoted';

/** An outlet's metadata, from the corpus's corpus.json. */
export interface Outlet {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  site: string | null;
}

/** A named set of outlets that the analysis treats like one outlet. */
export interface OutletGroup {
  id: string;
  label: string;
  members: string[];
}

/** One contiguous run of article text with its section tag. */
export interface Segment {
  section: Section;
  text: string;
}

/** One article: metadata, the cleaned text as tagged segments, and where its raw original is. */
export interface Article {
  id: string;
  outlet: string;
  title: string;
  date: string | null;
  url: string | null;
  raw: string | null;
  note: string | null;
  segments: Segment[];
}

/** A whole corpus as loaded from disk. */
export interface Corpus {
  id: string;
  title: string;
  description: string;
  attribution: string | null;
  version: string;
  outlets: Outlet[];
  outletGroups: OutletGroup[];
  articles: Article[];
  lexicon: Lexicon;
}

/** A literal phrase to look for; case-insensitive unless caseSensitive is set. */
export interface Pattern {
  text: string;
  caseSensitive: boolean;
}

/** One answer to a term group's question, e.g. "Daesh". */
export interface Variant {
  id: string;
  label: string;
  patterns: Pattern[];
  /** Set for variants found by a rule rather than by patterns. */
  detector: 'scare-quotes' | null;
  maxWords: number;
  stance: number;
  rationale: string;
}

/** One question with its alternative answers, e.g. "What does the outlet call the Islamic State?". */
export interface TermGroup {
  id: string;
  label: string;
  short: string;
  axis: { negative: string; positive: string };
  variants: Variant[];
  /** Whether each mention of this group is attributed to the actor its phrase names (the actor lens). */
  attributeActors: boolean;
  /**
   * Whose labels the group's question is about; a mention about anyone else is set aside (see SetAside), not counted.
   * `non-state`: labels of non-state actors (armed groups); a list of actor ids: labels of those actors (the Turkish
   * operation); null: every mention counts.
   */
  about: { kind: 'non-state'; genericWords: string[] } | { actors: string[] } | null;
  /** Whether a label right next to a quoted capitalised name (operation "Euphrates Shield") is part of that name. */
  namesInQuotes: boolean;
}

/** Whether an actor is a state (its government, army, security forces) or a non-state group. */
export type ActorKind = 'state' | 'non-state';

/**
 * Why a mention is not counted in its group although its words match: `state`: attributed only to state actors
 * ("Turkish forces"); `generic`: unattributed and used generically ("ground forces", "the two forces");
 * `other-actor`: attributed to actors the group is not about ("the SDF offensive"); `no-actor`: the group is about
 * named actors and neither the phrase nor its sentence before it names one; `quoted-name`: part of a quoted name
 * (operation "Euphrates Shield").
 */
export type SetAside = 'state' | 'generic' | 'other-actor' | 'no-actor' | 'quoted-name';

/** Every set-aside reason, in the order the export lists them. */
export const SET_ASIDE: readonly SetAside[] = ['state', 'generic', 'other-actor', 'no-actor', 'quoted-name'];

/** A party to the conflict, found in text by its aliases, e.g. Kurdish groups: YPG, PYD, SDF, Kurdish. */
export interface Actor {
  id: string;
  label: string;
  aliases: Pattern[];
  /**
   * For proxy actors ("Turkish-backed groups"): the actor that backs them, so "X-backed" and "backed by X" resolve
   * here.
   */
  backedBy: string | null;
  /** State or non-state; null in lexicons without a non-state group (older lexicons), where nothing reads it. */
  kind: ActorKind | null;
  note: string;
}

/** A named entity that contains a label word and must never count as a label use. */
export interface Exclusion {
  pattern: Pattern;
  note: string;
}

/** The validated lexicon. */
export interface Lexicon {
  groups: TermGroup[];
  exclusions: Exclusion[];
  actors: Actor[];
}

/** Which phrase rule tied a label to its actor (see README "Actor lens"). */
export type ActorRule = 'alias' | 'modifier' | 'of-phrase' | 'apposition' | 'designation';

/** One counted use of a lexicon variant, traceable to its text. */
export interface Mention {
  article: string;
  outlet: string;
  group: string;
  variant: string;
  start: number;
  end: number;
  text: string;
  section: Section;
  voice: Voice;
  sentence: number;
  /** Actors the label is attributed to (empty: unattributed, or the group is not attributed). */
  actors: string[];
  /** The rule and the words that named the actor, or null. */
  actorCue: { rule: ActorRule; text: string } | null;
  /** Why the mention is not counted in its group (it is counted in the set-aside table instead), or null: counted. */
  setAside: SetAside | null;
}

/** One sentence of an article with its offsets and AFINN sentiment (all words and own voice only). */
export interface Sentence {
  start: number;
  end: number;
  section: Section;
  score: number;
  words: number;
  ownScore: number;
  ownWords: number;
}

/** Which mentions and tokens an analysis counts. */
export interface AnalysisOptions {
  voice: 'all' | 'own';
  scope: 'all' | 'body';
  alpha0: number;
  /** Which text counts by provenance (README "Provenance"); absent means all. */
  provenance?: ProvenanceFilter;
}

/** Which text counts by provenance: all, original sentences only, or reused ones (shared or credited) only. */
export type ProvenanceFilter = 'all' | 'original' | 'reused';
