import { InputError } from '../errors';
import type { Actor, ActorKind, Exclusion, Lexicon, Pattern, TermGroup, Variant } from '../types';

import { ID_RE as ID } from '../ids';
const STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'to',
  'in',
  'is',
  'it',
  'that',
  'for',
  'on',
  'with',
  'as',
  'was',
  'by',
  'at',
  'be',
  'this',
  'are',
  'from',
  'or',
  'he',
  'she',
  'they',
  'we',
  'said',
]);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// `path` locates the object in the lexicon (e.g. `groups[0].variants[1]`); errors carry it so a form can place them.
function str(o: Obj, key: string, where: string, file: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new InputError(
      `${file} ${where}`,
      `"${key}" must be a non-empty string`,
      `give ${where} a "${key}" text`,
      `${path}.${key}`,
    );
  }
  return v;
}

function parsePattern(raw: unknown, where: string, file: string, path: string): Pattern {
  const p: Obj = typeof raw === 'string' ? { text: raw } : isObj(raw) ? raw : {};
  const text = typeof p.text === 'string' ? p.text : '';
  if (text.trim() === '') {
    throw new InputError(
      `${file} ${where}`,
      'a pattern is empty',
      'write the phrase as a string, or as {"text": "IS", "caseSensitive": true}',
      path,
    );
  }
  // A pattern with no letter or digit would match punctuation everywhere.
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new InputError(
      `${file} ${where}`,
      `pattern "${text}" has no letter or digit and would match almost anything`,
      'use a word or phrase',
      path,
    );
  }
  const folded = text.trim().toLowerCase();
  if (p.caseSensitive !== true && (STOPWORDS.has(folded) || folded.length < 2)) {
    throw new InputError(
      `${file} ${where}`,
      `pattern "${text}" is ${folded.length < 2 ? 'a single character' : 'one of the most common English words'} and would match almost every sentence`,
      'use a more specific phrase, or mark an acronym {"text": "IS", "caseSensitive": true}',
      path,
    );
  }
  if (p.caseSensitive !== undefined && typeof p.caseSensitive !== 'boolean') {
    throw new InputError(
      `${file} ${where}`,
      '"caseSensitive" must be true or false',
      'remove it or set it to true/false',
      path,
    );
  }
  return { text: text.trim().replace(/\s+/g, ' '), caseSensitive: p.caseSensitive === true };
}

function parseVariant(raw: unknown, where: string, file: string, path: string): Variant {
  if (!isObj(raw))
    throw new InputError(
      `${file} ${where}`,
      'a variant must be an object',
      'see corpus/lexicon.json for the shape',
      path,
    );
  const id = str(raw, 'id', where, file, path);
  if (!ID.test(id))
    throw new InputError(
      `${file} ${where}`,
      `id "${id}" is not lowercase letters, digits and hyphens`,
      'rename it, e.g. "islamic-state"',
      `${path}.id`,
    );
  const at = `${where} ("${id}")`;
  const stance = raw.stance;
  if (typeof stance !== 'number' || !Number.isFinite(stance) || stance < -1 || stance > 1) {
    throw new InputError(
      `${file} ${at}`,
      `stance ${JSON.stringify(stance)} is not a number in [-1, 1]`,
      'set "stance" to a number between -1 and 1',
      `${path}.stance`,
    );
  }
  const detector = raw.detector === undefined ? null : raw.detector;
  if (detector !== null && detector !== 'scare-quotes') {
    throw new InputError(
      `${file} ${at}`,
      `unknown detector ${JSON.stringify(detector)}`,
      'the only detector is "scare-quotes"; otherwise list "patterns"',
      `${path}.detector`,
    );
  }
  const patternsRaw = raw.patterns ?? [];
  if (!Array.isArray(patternsRaw))
    throw new InputError(
      `${file} ${at}`,
      '"patterns" must be a list',
      'write "patterns": ["word", ...]',
      `${path}.patterns`,
    );
  if (detector === null && patternsRaw.length === 0) {
    throw new InputError(
      `${file} ${at}`,
      'has no patterns',
      'list at least one phrase in "patterns"',
      `${path}.patterns`,
    );
  }
  const maxWords = raw.maxWords ?? 4;
  if (typeof maxWords !== 'number' || !Number.isInteger(maxWords) || maxWords < 1 || maxWords > 12) {
    throw new InputError(
      `${file} ${at}`,
      '"maxWords" must be a whole number from 1 to 12',
      'set it to e.g. 4',
      `${path}.maxWords`,
    );
  }
  return {
    id,
    label: str(raw, 'label', at, file, path),
    patterns: patternsRaw.map((p, i) => parsePattern(p, `${at} patterns[${i}]`, file, `${path}.patterns[${i}]`)),
    detector,
    maxWords,
    stance,
    rationale: str(raw, 'rationale', at, file, path),
  };
}

const ABOUT_SHAPE =
  'write "about": {"kind": "non-state", "genericWords": ["ground", ...]} or "about": {"actors": ["turkey"]}';

function parseAbout(raw: unknown, at: string, file: string, path: string): TermGroup['about'] {
  if (raw === undefined || raw === null) return null;
  const where = `${file} ${at} about`;
  if (!isObj(raw)) throw new InputError(where, '"about" must be an object', ABOUT_SHAPE, path);
  if (raw.kind !== undefined) {
    if (raw.kind !== 'non-state')
      throw new InputError(where, `kind ${JSON.stringify(raw.kind)} is not "non-state"`, ABOUT_SHAPE, `${path}.kind`);
    const words = raw.genericWords ?? [];
    if (!Array.isArray(words) || words.some((w) => typeof w !== 'string' || !/^[\p{L}\p{N}'’-]+$/u.test(w))) {
      throw new InputError(
        where,
        '"genericWords" must be a list of single words',
        'write "genericWords": ["ground", "two"]',
        `${path}.genericWords`,
      );
    }
    return { kind: 'non-state', genericWords: words.map((w: string) => w.toLowerCase().replace(/’/g, "'")) };
  }
  if (!Array.isArray(raw.actors) || raw.actors.length === 0 || raw.actors.some((a) => typeof a !== 'string')) {
    throw new InputError(
      where,
      'needs "kind": "non-state" or a non-empty "actors" list of actor ids',
      ABOUT_SHAPE,
      `${path}.actors`,
    );
  }
  return { actors: raw.actors as string[] };
}

function parseGroup(raw: unknown, where: string, file: string, path: string): TermGroup {
  if (!isObj(raw))
    throw new InputError(
      `${file} ${where}`,
      'a group must be an object',
      'see corpus/lexicon.json for the shape',
      path,
    );
  const id = str(raw, 'id', where, file, path);
  if (!ID.test(id))
    throw new InputError(
      `${file} ${where}`,
      `id "${id}" is not lowercase letters, digits and hyphens`,
      'rename it',
      `${path}.id`,
    );
  const at = `${where} ("${id}")`;
  const axis = isObj(raw.axis) ? raw.axis : {};
  if (!Array.isArray(raw.variants) || raw.variants.length < 2) {
    throw new InputError(
      `${file} ${at}`,
      '"variants" must list at least two alternatives',
      'add the variants this question chooses between',
      `${path}.variants`,
    );
  }
  const variants = raw.variants.map((v, i) => parseVariant(v, `${at} variants[${i}]`, file, `${path}.variants[${i}]`));
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    if (seen.has(v.id))
      throw new InputError(
        `${file} ${at}`,
        `variant id "${v.id}" appears twice`,
        'give each variant its own id',
        `${path}.variants[${i}].id`,
      );
    seen.add(v.id);
  });
  if (raw.attributeActors !== undefined && typeof raw.attributeActors !== 'boolean') {
    throw new InputError(
      `${file} ${at}`,
      '"attributeActors" must be true or false',
      'remove it or set it to true/false',
      `${path}.attributeActors`,
    );
  }
  if (raw.namesInQuotes !== undefined && typeof raw.namesInQuotes !== 'boolean') {
    throw new InputError(
      `${file} ${at}`,
      '"namesInQuotes" must be true or false',
      'remove it or set it to true/false',
      `${path}.namesInQuotes`,
    );
  }
  return {
    id,
    attributeActors: raw.attributeActors === true,
    about: parseAbout(raw.about, at, file, `${path}.about`),
    namesInQuotes: raw.namesInQuotes === true,
    label: str(raw, 'label', at, file, path),
    short: str(raw, 'short', at, file, path),
    axis: {
      negative: str(axis, 'negative', `${at} axis`, file, `${path}.axis`),
      positive: str(axis, 'positive', `${at} axis`, file, `${path}.axis`),
    },
    variants,
  };
}

/** Actor id for label mentions whose phrase names no actor. */
export const UNATTRIBUTED = 'unattributed';

const KIND_FIX = 'set "kind": "state" for a government and its forces, "non-state" for any other armed group';

function parseActor(raw: unknown, where: string, file: string, path: string): Actor {
  if (!isObj(raw))
    throw new InputError(
      `${file} ${where}`,
      'an actor must be an object',
      'write {"id": "...", "label": "...", "aliases": ["..."]}',
      path,
    );
  const id = str(raw, 'id', where, file, path);
  if (!ID.test(id) || id === UNATTRIBUTED) {
    throw new InputError(
      `${file} ${where}`,
      `actor id "${id}" is not lowercase letters, digits and hyphens, or is the reserved "${UNATTRIBUTED}"`,
      'rename it, e.g. "kurdish-groups"',
      `${path}.id`,
    );
  }
  const at = `${where} ("${id}")`;
  if (!Array.isArray(raw.aliases) || raw.aliases.length === 0) {
    throw new InputError(
      `${file} ${at}`,
      '"aliases" must list at least one name',
      'write "aliases": ["YPG", "Kurdish"]',
      `${path}.aliases`,
    );
  }
  // Optional unless a group asks about non-state actors (checked in parseLexicon), so kept versions' lexicons still
  // load.
  if (raw.kind !== undefined && raw.kind !== 'state' && raw.kind !== 'non-state') {
    throw new InputError(
      `${file} ${at}`,
      `"kind" is ${JSON.stringify(raw.kind)}, not "state" or "non-state"`,
      KIND_FIX,
      `${path}.kind`,
    );
  }
  const kind: ActorKind | null = raw.kind ?? null;
  const backedBy = raw.backedBy ?? null;
  if (backedBy !== null && (typeof backedBy !== 'string' || !ID.test(backedBy))) {
    throw new InputError(
      `${file} ${at}`,
      '"backedBy" must be an actor id',
      "name the backing actor's id, or remove it",
      `${path}.backedBy`,
    );
  }
  return {
    id,
    label: str(raw, 'label', at, file, path),
    aliases: raw.aliases.map((p, i) => parsePattern(p, `${at} aliases[${i}]`, file, `${path}.aliases[${i}]`)),
    backedBy,
    kind,
    note: typeof raw.note === 'string' ? raw.note : '',
  };
}

function parseActors(raw: unknown, file: string): Actor[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw new InputError(
      file,
      '"actors" must be a list',
      'write "actors": [{"id": "...", "label": "...", "aliases": [...]}]',
      'actors',
    );
  const actors = raw.map((a, i) => parseActor(a, `actors[${i}]`, file, `actors[${i}]`));
  const ids = new Set<string>();
  const aliasOwner = new Map<string, string>();
  actors.forEach((a, i) => {
    if (ids.has(a.id))
      throw new InputError(
        `${file} actors[${i}]`,
        `actor id "${a.id}" appears twice`,
        'give each actor its own id',
        `actors[${i}].id`,
      );
    ids.add(a.id);
    a.aliases.forEach((p, j) => {
      // Folded keys make "Kurdish" (any case) and "KURDISH" (case-sensitive) one claim: an alias names one actor.
      const key = patternKey(p.text, false);
      const owner = aliasOwner.get(key);
      if (owner)
        throw new InputError(
          `${file} actors[${i}] ("${a.id}")`,
          `alias "${p.text}" is also an alias of "${owner}"`,
          'keep each alias under one actor',
          `actors[${i}].aliases[${j}]`,
        );
      aliasOwner.set(key, a.id);
    });
  });
  actors.forEach((a, i) => {
    if (a.backedBy !== null && (!ids.has(a.backedBy) || a.backedBy === a.id)) {
      throw new InputError(
        `${file} actors[${i}] ("${a.id}")`,
        `"backedBy" names "${a.backedBy}", which is not another actor`,
        `use one of ${[...ids].filter((x) => x !== a.id).join(', ')}`,
        `actors[${i}].backedBy`,
      );
    }
  });
  const backers = new Map<string, string>();
  actors.forEach((a, i) => {
    if (!a.backedBy) return;
    const other = backers.get(a.backedBy);
    if (other)
      throw new InputError(
        `${file} actors ("${a.id}")`,
        `"${a.backedBy}" already backs "${other}"`,
        'give each backing actor one proxy actor',
        `actors[${i}].backedBy`,
      );
    backers.set(a.backedBy, a.id);
  });
  return actors;
}

/** Key under which a pattern is looked up after a match: case-folded unless case-sensitive, apostrophes unified. */
export function patternKey(text: string, caseSensitive: boolean): string {
  const norm = text.replace(/\s+/g, ' ').replace(/’/g, "'");
  return caseSensitive ? `=${norm}` : `~${norm.toLowerCase()}`;
}

/** Validates a parsed lexicon file and returns it typed, or throws an InputError naming the entry. */
export function parseLexicon(json: unknown, file: string): Lexicon {
  if (!isObj(json)) throw new InputError(file, 'the lexicon must be a JSON object', 'start from corpus/lexicon.json');
  if (!Array.isArray(json.groups) || json.groups.length === 0) {
    throw new InputError(file, '"groups" must be a non-empty list', 'add at least one term group', 'groups');
  }
  const groups = json.groups.map((g, i) => parseGroup(g, `groups[${i}]`, file, `groups[${i}]`));
  const exclRaw = json.exclusions ?? [];
  if (!Array.isArray(exclRaw))
    throw new InputError(
      file,
      '"exclusions" must be a list',
      'write "exclusions": [{"text": "...", "note": "..."}]',
      'exclusions',
    );
  const exclusions: Exclusion[] = exclRaw.map((e, i) => ({
    pattern: parsePattern(e, `exclusions[${i}]`, file, `exclusions[${i}]`),
    note: isObj(e) && typeof e.note === 'string' ? e.note : '',
  }));

  // A case-insensitive "is" would compete with a case-sensitive "IS" for the same text,
  // while case-sensitive "IS" and "Is" are distinct.
  const exact = new Map<string, string>();
  const csFolded = new Map<string, string>();
  const ciFolded = new Map<string, string>();
  const claim = (p: Pattern, owner: string, path: string) => {
    const f = patternKey(p.text, false);
    const clash = p.caseSensitive
      ? (exact.get(patternKey(p.text, true)) ?? ciFolded.get(f))
      : (ciFolded.get(f) ?? csFolded.get(f));
    if (clash)
      throw new InputError(
        `${file} ${owner}`,
        `pattern "${p.text}" is also claimed by ${clash}`,
        'keep each phrase in one place',
        path,
      );
    if (p.caseSensitive) {
      exact.set(patternKey(p.text, true), owner);
      csFolded.set(f, owner);
    } else {
      ciFolded.set(f, owner);
    }
  };
  const groupIds = new Set<string>();
  groups.forEach((g, gi) => {
    if (groupIds.has(g.id))
      throw new InputError(
        `${file} groups[${gi}]`,
        `group id "${g.id}" appears twice`,
        'give each group its own id',
        `groups[${gi}].id`,
      );
    groupIds.add(g.id);
    g.variants.forEach((v, vi) =>
      v.patterns.forEach((p, pi) =>
        claim(p, `groups[${gi}].variants[${vi}] ("${g.id}/${v.id}")`, `groups[${gi}].variants[${vi}].patterns[${pi}]`),
      ),
    );
  });
  exclusions.forEach((e, i) => claim(e.pattern, `exclusions[${i}] ("${e.pattern.text}")`, `exclusions[${i}]`));
  const actors = parseActors(json.actors, file);
  if (actors.length === 0 && groups.some((g) => g.attributeActors)) {
    throw new InputError(
      file,
      'a group has "attributeActors": true but the lexicon lists no actors',
      'add "actors", or remove "attributeActors"',
      `groups[${groups.findIndex((g) => g.attributeActors)}].attributeActors`,
    );
  }
  const actorIds = new Set(actors.map((a) => a.id));
  groups.forEach((g, gi) => {
    if (!g.about) return;
    const at = `${file} groups[${gi}] ("${g.id}") about`;
    if (actors.length === 0)
      throw new InputError(
        at,
        'the group says whose labels it is about but the lexicon lists no actors',
        'add "actors", or remove "about"',
        `groups[${gi}].about`,
      );
    if ('kind' in g.about) {
      const i = actors.findIndex((a) => a.kind === null);
      if (i >= 0)
        throw new InputError(
          `${file} actors[${i}] ("${actors[i].id}")`,
          `has no "kind", which group "${g.id}" needs to tell state from non-state actors`,
          KIND_FIX,
          `actors[${i}].kind`,
        );
    }
    if ('actors' in g.about) {
      const unknown = g.about.actors.find((id) => !actorIds.has(id));
      if (unknown)
        throw new InputError(
          at,
          `actor "${unknown}" is not in "actors"`,
          `use one of ${[...actorIds].join(', ')}`,
          `groups[${gi}].about.actors[${g.about.actors.indexOf(unknown)}]`,
        );
    }
  });
  return { groups, exclusions, actors };
}
