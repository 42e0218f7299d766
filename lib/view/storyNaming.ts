import type { SetAside } from '../types';

/** A mention as a story's naming table reads it: who, which term, and whether its group counts it. */
export type NamingMention = { outlet: string; group: string; variant: string; setAside: string | null };

/** One outlet's uses of one term in a story: counted, or set aside for one reason. */
export type NamingRow = { outlet: string; group: string; variant: string; count: number };

/** One outlet's set-aside uses of one term in a story, for one reason. */
export type NamingAsideRow = NamingRow & { reason: SetAside };

/**
 * What each outlet called things in a story, in first-seen order: the counted mentions (as the shares count them) and,
 * apart, the set-aside ones with their reason, so every mention the actor lens reads is accounted for in one of them.
 */
export function storyNaming(mentions: Iterable<NamingMention>): { counted: NamingRow[]; setAside: NamingAsideRow[] } {
  const counted = new Map<string, NamingRow>();
  const setAside = new Map<string, NamingAsideRow>();
  for (const m of mentions) {
    const key = `${m.outlet}/${m.group}/${m.variant}/${m.setAside ?? ''}`;
    const into: Map<string, NamingRow> = m.setAside === null ? counted : setAside;
    const row = into.get(key);
    if (row) row.count++;
    else if (m.setAside === null) counted.set(key, { outlet: m.outlet, group: m.group, variant: m.variant, count: 1 });
    else
      setAside.set(key, {
        outlet: m.outlet,
        group: m.group,
        variant: m.variant,
        reason: m.setAside as SetAside,
        count: 1,
      });
  }
  return { counted: [...counted.values()], setAside: [...setAside.values()] };
}
