import type { ViewStats } from './model';

/** An outlet or outlet group as the dashboard lists it. */
export interface EntityInfo {
  id: string;
  name: string;
  isGroup: boolean;
  members: string[];
  articles: number;
  tokens: number;
}

/** Every outlet, then every outlet group, with display names. */
export function entityList(ex: ViewStats): EntityInfo[] {
  return [
    ...ex.outlets.map((o) => ({
      id: o.id,
      name: o.name,
      isGroup: false,
      members: [o.id],
      articles: o.articles,
      tokens: o.tokens,
    })),
    ...ex.outletGroups.map((g) => ({
      id: g.id,
      name: g.label,
      isGroup: true,
      members: g.members,
      articles: g.articles,
      tokens: g.tokens,
    })),
  ];
}

/** Display name of an outlet, outlet group, or the "rest"/"others" comparison sides. */
export function entityName(ex: ViewStats, id: string): string {
  if (id === 'rest') return 'all other outlets';
  if (id === 'others') return 'the other outlets chosen';
  return entityList(ex).find((e) => e.id === id)?.name ?? id;
}

/** An actor's display label (or its id when the export does not list it). */
export function actorName(ex: ViewStats, id: string): string {
  return ex.actors.find((a) => a.id === id)?.label ?? id;
}
