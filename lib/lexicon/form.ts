/**
 * The lexicon as a form edits it: every field of the file format as text, numbers and booleans a form input holds,
 * with keys the form does not know kept aside so that JSON → form → JSON loses nothing. Validation stays
 * parseLexicon's: the form writes its draft back to JSON and parses that.
 */
import { InputError } from '../errors';
import type { Lexicon } from '../types';
import { parseLexicon } from './parse';

type Obj = Record<string, unknown>;

/** One phrase of a variant, exclusion or actor alias. */
export interface PatternDraft {
  text: string;
  caseSensitive: boolean;
}

/** One variant (answer) of a term group; stance and maxWords are the inputs' text. */
export interface VariantDraft {
  id: string;
  label: string;
  patterns: PatternDraft[];
  stance: string;
  rationale: string;
  detector: '' | 'scare-quotes';
  maxWords: string;
  extra: Obj;
}

/** Whose labels a group is about: nobody in particular, non-state actors, or the listed actors. */
export type AboutMode = 'none' | 'non-state' | 'actors';

/** One term group; list fields of `about` are comma-separated text. */
export interface GroupDraft {
  id: string;
  label: string;
  short: string;
  axisNegative: string;
  axisPositive: string;
  attributeActors: boolean;
  namesInQuotes: boolean;
  aboutMode: AboutMode;
  genericWords: string;
  aboutActors: string;
  variants: VariantDraft[];
  extra: Obj;
}

/** One exclusion: a phrase that never counts, with why. */
export interface ExclusionDraft extends PatternDraft {
  note: string;
  extra: Obj;
}

/** One actor of the actor lens. */
export interface ActorDraft {
  id: string;
  label: string;
  kind: '' | 'state' | 'non-state';
  aliases: PatternDraft[];
  backedBy: string;
  note: string;
  extra: Obj;
}

/** The whole lexicon as the form holds it. */
export interface LexiconDraft {
  groups: GroupDraft[];
  exclusions: ExclusionDraft[];
  actors: ActorDraft[];
  extra: Obj;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// A value the form cannot hold (a number where text goes, a list where an object goes) is refused rather than coerced:
// coercing would turn an invalid file into a valid one behind the editor's back.
function cannot(path: string, what: string): InputError {
  return new InputError(
    `lexicon ${path}`,
    `the form cannot show this field: it is not ${what}`,
    'fix it in the JSON tab first',
    path,
  );
}

function rest(o: Obj, known: readonly string[]): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (!known.includes(k)) out[k] = v;
  return out;
}

function text(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw cannot(`${path}.${key}`, 'text');
  return v;
}

function flag(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw cannot(`${path}.${key}`, 'true or false');
  return v;
}

function num(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (v === undefined) return '';
  if (typeof v !== 'number') throw cannot(`${path}.${key}`, 'a number');
  return String(v);
}

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw cannot(path, 'an object');
  return v;
}

function list(v: unknown, path: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw cannot(path, 'a list');
  return v;
}

function words(v: unknown, path: string): string {
  const xs = list(v, path);
  xs.forEach((x, i) => {
    if (typeof x !== 'string') throw cannot(`${path}[${i}]`, 'text');
  });
  return xs.join(', ');
}

function patternDraft(v: unknown, path: string): PatternDraft {
  if (typeof v === 'string') return { text: v, caseSensitive: false };
  const o = obj(v, path);
  return { text: text(o, 'text', path), caseSensitive: flag(o, 'caseSensitive', path) };
}

const VARIANT_KEYS = ['id', 'label', 'patterns', 'detector', 'maxWords', 'stance', 'rationale'] as const;
const GROUP_KEYS = ['id', 'label', 'short', 'attributeActors', 'about', 'namesInQuotes', 'axis', 'variants'] as const;
const ACTOR_KEYS = ['id', 'label', 'kind', 'aliases', 'backedBy', 'note'] as const;

function variantDraft(v: unknown, path: string): VariantDraft {
  const o = obj(v, path);
  const detector = text(o, 'detector', path);
  if (detector !== '' && detector !== 'scare-quotes') throw cannot(`${path}.detector`, '"scare-quotes"');
  return {
    id: text(o, 'id', path),
    label: text(o, 'label', path),
    patterns: list(o.patterns, `${path}.patterns`).map((p, i) => patternDraft(p, `${path}.patterns[${i}]`)),
    stance: num(o, 'stance', path),
    rationale: text(o, 'rationale', path),
    detector,
    maxWords: num(o, 'maxWords', path),
    extra: rest(o, VARIANT_KEYS),
  };
}

function groupDraft(g: unknown, path: string): GroupDraft {
  const o = obj(g, path);
  const axis = o.axis === undefined ? {} : obj(o.axis, `${path}.axis`);
  if (Object.keys(rest(axis, ['negative', 'positive'])).length)
    throw cannot(`${path}.axis`, 'an object of "negative" and "positive" only');
  const about = o.about === undefined || o.about === null ? null : obj(o.about, `${path}.about`);
  let aboutMode: AboutMode = 'none';
  if (about) {
    aboutMode = about.kind !== undefined ? 'non-state' : 'actors';
    if (Object.keys(rest(about, aboutMode === 'non-state' ? ['kind', 'genericWords'] : ['actors'])).length)
      throw cannot(`${path}.about`, '{"kind": "non-state", "genericWords": [...]} or {"actors": [...]}');
    if (aboutMode === 'non-state' && about.kind !== 'non-state') throw cannot(`${path}.about.kind`, '"non-state"');
  }
  return {
    id: text(o, 'id', path),
    label: text(o, 'label', path),
    short: text(o, 'short', path),
    axisNegative: text(axis, 'negative', `${path}.axis`),
    axisPositive: text(axis, 'positive', `${path}.axis`),
    attributeActors: flag(o, 'attributeActors', path),
    namesInQuotes: flag(o, 'namesInQuotes', path),
    aboutMode,
    genericWords: aboutMode === 'non-state' ? words(about?.genericWords, `${path}.about.genericWords`) : '',
    aboutActors: aboutMode === 'actors' ? words(about?.actors, `${path}.about.actors`) : '',
    variants: list(o.variants, `${path}.variants`).map((v, i) => variantDraft(v, `${path}.variants[${i}]`)),
    extra: rest(o, GROUP_KEYS),
  };
}

function exclusionDraft(e: unknown, path: string): ExclusionDraft {
  if (typeof e === 'string') return { text: e, caseSensitive: false, note: '', extra: {} };
  const o = obj(e, path);
  return {
    ...patternDraft(o, path),
    note: text(o, 'note', path),
    extra: rest(o, ['text', 'caseSensitive', 'note']),
  };
}

function actorDraft(a: unknown, path: string): ActorDraft {
  const o = obj(a, path);
  const kind = text(o, 'kind', path);
  if (kind !== '' && kind !== 'state' && kind !== 'non-state') throw cannot(`${path}.kind`, '"state" or "non-state"');
  return {
    id: text(o, 'id', path),
    label: text(o, 'label', path),
    kind,
    aliases: list(o.aliases, `${path}.aliases`).map((p, i) => patternDraft(p, `${path}.aliases[${i}]`)),
    backedBy: text(o, 'backedBy', path),
    note: text(o, 'note', path),
    extra: rest(o, ACTOR_KEYS),
  };
}

/** The form draft of a lexicon's JSON value, or an InputError (with its path) for a value the form cannot hold. */
export function draftFromJson(json: unknown): LexiconDraft {
  const o = obj(json, '');
  return {
    groups: list(o.groups, 'groups').map((g, i) => groupDraft(g, `groups[${i}]`)),
    exclusions: list(o.exclusions, 'exclusions').map((e, i) => exclusionDraft(e, `exclusions[${i}]`)),
    actors: list(o.actors, 'actors').map((a, i) => actorDraft(a, `actors[${i}]`)),
    extra: rest(o, ['groups', 'exclusions', 'actors']),
  };
}

const patternJson = (p: PatternDraft): unknown => (p.caseSensitive ? { text: p.text, caseSensitive: true } : p.text);

// A number the input holds goes back as a number; anything else goes back as typed, so parseLexicon names the field.
function numberOr(s: string): unknown {
  const t = s.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : s;
}

const splitList = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

function variantJson(v: VariantDraft): Obj {
  return {
    id: v.id,
    label: v.label,
    ...(v.patterns.length || !v.detector ? { patterns: v.patterns.map(patternJson) } : {}),
    ...(v.detector ? { detector: v.detector } : {}),
    ...(v.maxWords.trim() !== '' ? { maxWords: numberOr(v.maxWords) } : {}),
    stance: numberOr(v.stance),
    rationale: v.rationale,
    ...v.extra,
  };
}

function groupJson(g: GroupDraft): Obj {
  const about =
    g.aboutMode === 'non-state'
      ? { kind: 'non-state', genericWords: splitList(g.genericWords) }
      : g.aboutMode === 'actors'
        ? { actors: splitList(g.aboutActors) }
        : null;
  return {
    id: g.id,
    label: g.label,
    short: g.short,
    ...(g.attributeActors ? { attributeActors: true } : {}),
    ...(about ? { about } : {}),
    ...(g.namesInQuotes ? { namesInQuotes: true } : {}),
    axis: { negative: g.axisNegative, positive: g.axisPositive },
    variants: g.variants.map(variantJson),
    ...g.extra,
  };
}

function actorJson(a: ActorDraft): Obj {
  return {
    id: a.id,
    label: a.label,
    ...(a.kind ? { kind: a.kind } : {}),
    aliases: a.aliases.map(patternJson),
    ...(a.backedBy.trim() ? { backedBy: a.backedBy.trim() } : {}),
    ...(a.note ? { note: a.note } : {}),
    ...a.extra,
  };
}

/** The lexicon JSON value a draft stands for (top-level keys the form does not edit come first, as in the file). */
export function draftToJson(d: LexiconDraft): Obj {
  return {
    ...d.extra,
    groups: d.groups.map(groupJson),
    exclusions: d.exclusions.map((e) => ({
      text: e.text,
      ...(e.caseSensitive ? { caseSensitive: true } : {}),
      ...(e.note ? { note: e.note } : {}),
      ...e.extra,
    })),
    ...(d.actors.length ? { actors: d.actors.map(actorJson) } : {}),
  };
}

/** The draft as the JSON text the advanced tab and the save send (two-space indent, as the bundled file). */
export function draftToText(d: LexiconDraft): string {
  return `${JSON.stringify(draftToJson(d), null, 2)}\n`;
}

/** The first problem parseLexicon finds in a draft, located by path, or the valid lexicon. */
export type DraftCheck = { ok: true; lexicon: Lexicon } | { ok: false; path: string; problem: string; fix: string };

/** Validates a lexicon JSON value with the file's own validation (parseLexicon), locating the first problem. */
export function checkLexiconJson(json: unknown): DraftCheck {
  try {
    return { ok: true, lexicon: parseLexicon(json, 'lexicon') };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, path: e.path, problem: e.problem, fix: e.fix };
    throw e;
  }
}

/** Validates a draft with the file's own validation (parseLexicon), so the form and the server agree. */
export function checkDraft(d: LexiconDraft): DraftCheck {
  return checkLexiconJson(draftToJson(d));
}
