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
