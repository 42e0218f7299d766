import type { LogOdds } from '../stats/logOdds';
import type { AnalysisOptions, Mention, SetAside } from '../types';

/** One variant's tally for an outlet or outlet group: count follows the voice option; own + quoted always shown. */
export interface CountRow {
  outlet: string;
  group: string;
  variant: string;
  count: number;
  own: number;
  quoted: number;
  /** All mentions of the term group by this outlet (the denominator of share). */
  groupTotal: number;
  tokens: number;
  per1k: number;
  share: number | null;
  /** Article-level 95% interval of share (README "Statistics"). */
  shareLow: number | null;
  shareHigh: number | null;
  /** Articles holding this variant's counted mentions. */
  articles: number;
  /** Articles holding any counted mention of the term group: the clusters behind the interval. */
  groupArticles: number;
  /**
   * The effective sample size the share's Wilson interval used (groupTotal when mentions vary as independent draws
   * would).
   */
  nEff: number | null;
}

/** Count-weighted mean stance of an outlet's mentions in one term group, with an article-level 95% interval. */
export interface StanceRow {
  outlet: string;
  group: string;
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  /** Articles the n mentions come from. */
  articles: number;
}

/** Monroe et al. log-odds z-score of one variant, outlet vs the rest or vs another outlet, with its FDR q-value. */
export interface DistinctiveRow extends LogOdds {
  outlet: string;
  vs: string;
  group: string;
  variant: string;
  /** Articles holding the variant's mentions on this side and on the other. */
  articles: number;
  articlesOther: number;
  /** Two-sided normal p-value of z. */
  p: number;
  /**
   * Benjamini-Hochberg q-value within the comparison (every row of this outlet vs this `vs`); distinctive when q <
   * 0.05.
   */
  q: number;
}

/** AFINN-165 sentiment of an outlet: summed score, score per word, and the mean per sentence with a 95% interval. */
export interface SentimentRow {
  outlet: string;
  articles: number;
  score: number;
  comparative: number | null;
  words: number;
  sentences: number;
  meanSentence: number | null;
  meanLow: number | null;
  meanHigh: number | null;
}

/** How often an outlet gave one actor one label: attributed mentions, following the voice and scope options. */
export interface ActorLabelRow {
  outlet: string;
  actor: string;
  group: string;
  variant: string;
  count: number;
}

/**
 * Mentions whose words match a group's variant but which the group's question is not about ("Turkish forces" in the
 * armed-groups group: said of state forces), per outlet; count follows the voice option, as in `counts`.
 */
export interface SetAsideRow {
  outlet: string;
  group: string;
  variant: string;
  reason: SetAside;
  count: number;
  own: number;
  quoted: number;
}

/** AFINN sentiment of the sentences that name an actor (by alias or an attributed label), per outlet. */
export interface ActorToneRow {
  outlet: string;
  actor: string;
  sentences: number;
  score: number;
  words: number;
  meanSentence: number | null;
  meanLow: number | null;
  meanHigh: number | null;
}

/** One counted mention, traceable to its article, sentence and character offsets. */
export interface MentionRow extends Omit<Mention, 'sentence'> {
  /** The sentence's text; a sentence over 1,000 characters is cut to a window around the term (lib/analysis/excerpt). */
  sentence: string;
  /** Offset of `sentence` in the article text, so start - sentenceStart locates the term in it. */
  sentenceStart: number;
  /** Offsets of the whole sentence in the article text (beyond `sentence` when it was cut). */
  sentenceFrom: number;
  sentenceTo: number;
}

/** The public export format (see README "Export format"). */
export interface AnalysisExport {
  corpus: { id: string; title: string; version: string; attribution: string | null; options: AnalysisOptions };
  outlets: { id: string; name: string; kind: string; country: string | null; articles: number; tokens: number }[];
  outletGroups: { id: string; label: string; members: string[]; articles: number; tokens: number }[];
  groups: {
    id: string;
    label: string;
    short: string;
    axis: { negative: string; positive: string };
    variants: { id: string; label: string; stance: number; rationale: string }[];
  }[];
  articles: {
    id: string;
    outlet: string;
    title: string;
    date: string | null;
    tokens: number;
    mentions: number;
    score: number;
    comparative: number | null;
    /** The story (same-event cluster) the article belongs to, when the export lists stories and it is in one. */
    story?: string | null;
  }[];
  counts: CountRow[];
  stance: StanceRow[];
  distinctive: DistinctiveRow[];
  sentiment: SentimentRow[];
  mentions: MentionRow[];
  /** The lexicon's actors, then the "unattributed" row for labels whose phrase names no actor. */
  actors: {
    id: string;
    label: string;
    aliases: string[];
    backedBy: string | null;
    kind: string | null;
    note: string;
  }[];
  /** Non-zero actor × label counts of every attributed term group, per outlet and outlet group. */
  actorLabels: ActorLabelRow[];
  actorTone: ActorToneRow[];
  /** Mentions not counted in their group's counts and stance, with the reason (e.g. `state`: said of state forces). */
  setAside: SetAsideRow[];
  /** The date range counted and the articles it left out (undated ones apart); set by the dashboard and the CLI. */
  dateRange?: { from: string | null; to: string | null; articles: number; outside: number; undated: number };
  /** Stories (same-event clusters, README "Stories") with at least one counted article, and those articles. */
  stories?: { id: string; label: string; from: string; to: string; articles: string[] }[];
}
