import type { ArticleProvenance, CorpusProvenance, ProvenanceKind } from './model';
import type { ProvenanceSummary } from './summary';
import { kinds, ranked, substitutions, type OutletProvenance, type SubstitutionMention } from './views';

const KINDS: readonly ProvenanceKind[] = ['original', 'shared', 'credited'];

interface OutletCounts {
  articles: number;
  sentences: Record<ProvenanceKind, number>;
  words: Record<ProvenanceKind, number>;
  creditedArticles: number;
  sources: Map<string, number>;
  credited: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * The provenance summary (summariseProvenance) counted one article at a time, so the provenance job can drop each
 * article's provenance once it is stored instead of holding every one until the end. `outletOf` names any article's
 * outlet (a source article may come later in the version's order).
 */
export class SummaryTally {
  private readonly outlets: string[] = [];
  private readonly at = new Map<string, number>();
  private readonly counts: OutletCounts[] = [];
  // Reuse by (row outlet, source outlet): the columns' places are known only once every article was seen.
  private readonly reuse = new Map<string, Map<string, number>>();
  private readonly ids: string[] = [];
  private readonly outletOf: number[] = [];
  private readonly sentences: number[] = [];

  constructor(private readonly outletOfArticle: (id: string) => string) {}

  /** Counts one article's provenance (articles in the version's order). */
  add(a: ArticleProvenance): void {
    let r = this.at.get(a.outlet);
    if (r === undefined) {
      r = this.outlets.push(a.outlet) - 1;
      this.at.set(a.outlet, r);
      const c = { articles: 0, sentences: kinds(), words: kinds(), creditedArticles: 0 };
      this.counts.push({ ...c, sources: new Map(), credited: new Map() });
      this.reuse.set(a.outlet, new Map());
    }
    const c = this.counts[r];
    const row = this.reuse.get(a.outlet)!;
    c.articles++;
    if (a.credited.length) c.creditedArticles++;
    const n = [0, 0, 0];
    for (const s of a.sentences) {
      n[KINDS.indexOf(s.kind)]++;
      c.sentences[s.kind]++;
      c.words[s.kind] += s.words;
      for (const x of s.credited) bump(c.credited, x);
      if (s.kind === 'shared' && s.sourceArticle && s.sourceArticle !== a.id) {
        const src = this.outletOfArticle(s.sourceArticle);
        bump(c.sources, src);
        bump(row, src);
      }
    }
    this.ids.push(a.id);
    this.outletOf.push(r);
    this.sentences.push(...n);
  }

  /** The summary of the articles added, with the substitutions of `p`'s pairs (which need no article's results). */
  summary(p: CorpusProvenance, mentionsOf: (article: string) => readonly SubstitutionMention[]): ProvenanceSummary {
    const summaries = this.counts.map((c): OutletProvenance => ({
      articles: c.articles,
      sentences: c.sentences,
      words: c.words,
      creditedArticles: c.creditedArticles,
      sourceOutlets: ranked(c.sources, 'outlet'),
      creditedSources: ranked(c.credited, 'source'),
    }));
    const matrix = this.outlets.map((r) => this.outlets.map((c) => this.reuse.get(r)!.get(c) ?? 0));
    return {
      outlets: this.outlets,
      summaries,
      matrix,
      substitutions: substitutions(p, mentionsOf),
      ids: this.ids,
      outletOf: this.outletOf,
      sentences: this.sentences,
    };
  }
}
