import { pairKey, type MentionPostings } from '../store/mentionPostings';
import { UNATTRIBUTED } from '../lexicon/parse';
import type { Selection } from '../url/state';

/** What a drill-down's articles are picked by beyond its selection: their outlet and whether their date is kept. */
export interface DrillScope {
  members: ReadonlySet<string>;
  kept: (date: string | null) => boolean;
}

/**
 * The positions (in the version's article order, ascending) of every article that may hold a row of a drill-down: a
 * superset of the articles kwicRows or sentimentSentences keep for the selection, since voice, scope, set-aside reasons
 * and the text query are applied to the rows read. Linear in the corpus's article count and the lists it reads.
 */
export function drillArticles(
  p: MentionPostings,
  articles: readonly { outlet: string; date: string | null }[],
  sel: Selection,
  scope: DrillScope,
): number[] {
  if (articles.length !== p.articles)
    throw new Error(`the postings cover ${p.articles} articles but the version has ${articles.length}`);
  // Each list that must hold an article adds one to its mark; an article is kept when every list held it.
  const marks = new Uint8Array(articles.length);
  let needed = 0;
  const require = (lists: Uint32Array[]) => {
    needed++;
    // Only an article every earlier list held moves on; one in several of a group's variant lists moves once.
    for (const list of lists) for (const i of list) if (marks[i] === needed - 1) marks[i] = needed;
  };
  // By key, then each list got: stored postings read only the lists asked (lib/store/mentionPostingsRanges.ts).
  const ofGroup = (group: string) =>
    [...p.variants.keys()].filter((k) => k.startsWith(pairKey(group, ''))).map((k) => p.variants.get(k)!);
  const one = (m: ReadonlyMap<string, Uint32Array>, key: string) => {
    const list = m.get(key);
    return list ? [list] : [];
  };
  if (sel.kind === 'mentions' || sel.kind === 'actor')
    require(sel.variant ? one(p.variants, pairKey(sel.group, sel.variant)) : ofGroup(sel.group));
  if (sel.kind === 'setAside') require(ofGroup(sel.group));
  if (sel.kind === 'actor') require(one(p.actors, pairKey(sel.group, sel.actor === UNATTRIBUTED ? '' : sel.actor)));
  if (sel.kind === 'tone') require(one(p.tone, sel.actor));
  const out: number[] = [];
  articles.forEach((a, i) => {
    if (marks[i] === needed && scope.members.has(a.outlet) && scope.kept(a.date)) out.push(i);
  });
  return out;
}
