import { InputError } from '../errors';
import type { Outlet, OutletGroup } from '../types';

/** The validated content of a corpus folder's corpus.json. */
export interface Manifest {
  id: string;
  title: string;
  description: string;
  attribution: string | null;
  outlets: Outlet[];
  outletGroups: OutletGroup[];
}

/** Ids used in URLs and file names: lowercase letters, digits and hyphens. */
import { ID_RE } from '../ids';

export { ID_RE };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(o: Obj, key: string, where: string, optional = false): string | null {
  const v = o[key];
  if ((v === undefined || v === null) && optional) return null;
  if (typeof v !== 'string' || v.trim() === '')
    throw new InputError(where, `"${key}" must be a non-empty string`, `set "${key}"`);
  return v.trim();
}

function id(o: Obj, where: string): string {
  const v = text(o, 'id', where)!;
  if (!ID_RE.test(v))
    throw new InputError(where, `id "${v}" is not lowercase letters, digits and hyphens`, 'rename it, e.g. "press-tv"');
  return v;
}

/**
 * Validates corpus.json. Outlet groups list "members" or a "kind" (every outlet of that kind);
 * group ids must not clash with outlet ids because both appear in the same URLs and tables.
 */
export function parseManifest(json: unknown, file: string): Manifest {
  if (!isObj(json)) throw new InputError(file, 'must be a JSON object', 'see corpus/seeds/corpus.json');
  const cid = id(json, file);
  if (!Array.isArray(json.outlets) || json.outlets.length === 0)
    throw new InputError(file, '"outlets" must be a non-empty list', 'list the outlets');
  const outlets: Outlet[] = json.outlets.map((o, i) => {
    const where = `${file} outlets[${i}]`;
    if (!isObj(o)) throw new InputError(where, 'must be an object', 'write {"id", "name", "kind", "country"}');
    return {
      id: id(o, where),
      name: text(o, 'name', where)!,
      kind: text(o, 'kind', where)!,
      country: text(o, 'country', where, true),
      site: text(o, 'site', where, true),
    };
  });
  const ids = new Set<string>();
  for (const o of outlets) {
    if (ids.has(o.id)) throw new InputError(file, `outlet id "${o.id}" appears twice`, 'give each outlet its own id');
    ids.add(o.id);
  }
  const groupsRaw = json.outletGroups ?? [];
  if (!Array.isArray(groupsRaw))
    throw new InputError(file, '"outletGroups" must be a list', 'write "outletGroups": []');
  const outletGroups: OutletGroup[] = groupsRaw.map((g, i) => {
    const where = `${file} outletGroups[${i}]`;
    if (!isObj(g))
      throw new InputError(where, 'must be an object', 'write {"id", "label", "kind"} or {"id", "label", "members"}');
    const gid = id(g, where);
    if (ids.has(gid)) throw new InputError(where, `id "${gid}" is already an outlet or group id`, 'choose another id');
    ids.add(gid);
    let members: string[];
    if (Array.isArray(g.members)) {
      members = g.members.map(String);
      const unknown = members.filter((m) => !outlets.some((o) => o.id === m));
      if (unknown.length)
        throw new InputError(
          where,
          `unknown member(s) ${unknown.join(', ')}`,
          `use outlet ids: ${outlets.map((o) => o.id).join(', ')}`,
        );
    } else if (typeof g.kind === 'string') {
      members = outlets.filter((o) => o.kind === g.kind).map((o) => o.id);
    } else throw new InputError(where, 'needs "members" (outlet ids) or "kind"', 'add one of them');
    if (members.length === 0) throw new InputError(where, 'has no member outlets', 'check "members" or "kind"');
    return { id: gid, label: text(g, 'label', where)!, members };
  });
  return {
    id: cid,
    title: text(json, 'title', file)!,
    description: text(json, 'description', file, true) ?? '',
    attribution: text(json, 'attribution', file, true),
    outlets,
    outletGroups,
  };
}
