import type { ArticleAnalysis } from '../analysis/article';
import type { AnalysisExport } from '../analysis/exportTypes';
import type { KwicSort, Selection } from '../url/state';
import type { AnalysisOptions } from '../types';
import { UNATTRIBUTED } from '../lexicon/parse';

/** One keyword-in-context line: the sentence split around the term. */
export interface KwicRow {
  key: string;
  article: string;
  articleTitle: string;
  outlet: string;
  group: string;
  variant: string;
  left: string;
  term: string;
  right: string;
  voice: string;
  section: string;
  start: number;
  /** Actors the label is attributed to, and the rule and words that named them (actor lens). */
  actors: string[];
  cue: string | null;
}

/** Outlet ids an outlet or outlet-group id stands for. */
export function membersOf(ex: AnalysisExport, id: string): string[] {
  return ex.outletGroups.find((g) => g.id === id)?.members ?? [id];
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** The mentions behind a selection (a term, or an actor's labels) as KWIC rows, filtered by a text query and sorted. */
export function kwicRows(ex: AnalysisExport, sel: Extract<Selection, { kind: 'mentions' | 'actor' }>, sort: KwicSort, q: string): KwicRow[] {
  const members = new Set(membersOf(ex, sel.outlet));
  const titles = new Map(ex.articles.map((a) => [a.id, a.title]));
  const needle = q.trim().toLowerCase();
  const ofActor = (actors: string[]) => sel.kind !== 'actor' || (sel.actor === UNATTRIBUTED ? actors.length === 0 : actors.includes(sel.actor));
  const rows = ex.mentions
    // A term's count leaves out set-aside mentions (they are in the export's setAside table); an actor's labels keep them.
    .filter((m) => members.has(m.outlet) && m.group === sel.group && (!sel.variant || m.variant === sel.variant) && ofActor(m.actors) && (sel.kind === 'actor' || m.setAside === null))
    .filter((m) => !needle || m.sentence.toLowerCase().includes(needle) || (titles.get(m.article) ?? '').toLowerCase().includes(needle))
    .map((m) => ({
      key: `${m.article}:${m.start}:${m.variant}`, article: m.article, articleTitle: titles.get(m.article) ?? m.article,
      outlet: m.outlet, group: m.group, variant: m.variant,
      left: m.sentence.slice(0, Math.max(0, m.start - m.sentenceStart)),
      term: m.text,
      right: m.sentence.slice(Math.max(0, m.end - m.sentenceStart)),
      voice: m.voice, section: m.section, start: m.start,
      actors: m.actors, cue: m.actorCue ? `${m.actorCue.rule}: ${m.actorCue.text}` : null,
    }));
  const byPosition = (a: KwicRow, b: KwicRow) => collator.compare(a.article, b.article) || a.start - b.start;
  const cmp: Record<KwicSort, (a: KwicRow, b: KwicRow) => number> = {
    position: byPosition,
    outlet: (a, b) => collator.compare(a.outlet, b.outlet) || byPosition(a, b),
    variant: (a, b) => collator.compare(a.variant, b.variant) || byPosition(a, b),
    voice: (a, b) => collator.compare(a.voice, b.voice) || byPosition(a, b),
    // Classic concordance sorts: by the words nearest the term.
    left: (a, b) => collator.compare(a.left.split(/\s+/).reverse().join(' ').trim(), b.left.split(/\s+/).reverse().join(' ').trim()) || byPosition(a, b),
    right: (a, b) => collator.compare(a.right.trim(), b.right.trim()) || byPosition(a, b),
  };
  return rows.sort(cmp[sort]);
}

/** One sentence with its AFINN score, for the drill-down behind a sentiment figure. */
export interface SentenceRow {
  key: string;
  article: string;
  articleTitle: string;
  outlet: string;
  text: string;
  score: number;
  words: number;
}

/**
 * The sentences behind an outlet's sentiment figure, or behind its tone toward one actor (same voice and scope rules
 * as the export), filtered and sorted by score.
 */
export function sentimentSentences(ex: AnalysisExport, analyses: ArticleAnalysis[], outlet: string, o: Pick<AnalysisOptions, 'voice' | 'scope'>, q: string, actor: string | null = null): SentenceRow[] {
  const members = new Set(membersOf(ex, outlet));
  const titles = new Map(ex.articles.map((a) => [a.id, a.title]));
  const needle = q.trim().toLowerCase();
  const out: SentenceRow[] = [];
  for (const a of analyses) {
    if (!members.has(a.outlet)) continue;
    a.sentences.forEach((s, i) => {
      if (o.scope === 'body' && s.section !== 'body') return;
      if (actor && !a.sentenceActors[i]?.includes(actor)) return;
      const score = o.voice === 'own' ? s.ownScore : s.score;
      const words = o.voice === 'own' ? s.ownWords : s.words;
      const text = a.text.slice(s.start, s.end);
      if (words === 0 || (needle && !text.toLowerCase().includes(needle))) return;
      out.push({ key: `${a.id}:${i}`, article: a.id, articleTitle: titles.get(a.id) ?? a.id, outlet: a.outlet, text, score, words });
    });
  }
  return out.sort((x, y) => x.score - y.score || collator.compare(x.key, y.key));
}
