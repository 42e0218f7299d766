import type { SetAside } from '../types';
import type { Selection } from '../url/state';
import type { AnalysisExport } from '../analysis/exportTypes';

/**
 * What a view reads: the export's statistics and tables as plain arrays, without the per-mention and per-article
 * rows (drill-downs and article lists are asked for separately, a page at a time).
 */
export type ViewStats = Omit<AnalysisExport, 'mentions' | 'articles'>;

/** Outlet ids an outlet or outlet-group id stands for. */
export function membersOf(stats: { outletGroups: readonly { id: string; members: string[] }[] }, id: string): string[] {
  return stats.outletGroups.find((g) => g.id === id)?.members ?? [id];
}

/** Why a set-aside mention is not counted in its group, in words. */
export const SET_ASIDE_TEXT: Record<SetAside, string> = {
  state: 'said of state forces',
  generic: 'used generically ("ground forces", "the two forces")',
  'other-actor': 'an operation of another actor',
  'no-actor': 'an operation nobody is named for',
  'quoted-name': 'part of a quoted operation name',
};

/** The term group whose section shows a selection's drill-down (term and set-aside selections), or null. */
export function drillGroup(sel: Selection | null): string | null {
  return sel && (sel.kind === 'mentions' || sel.kind === 'setAside') ? sel.group : null;
}
