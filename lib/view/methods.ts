import type { ActorRule } from '../types';
import { FDR_LEVEL } from '../stats/fdr';
import { Z95 } from '../stats/intervals';

/**
 * The Methods page's text about the statistics and rules. Constants come from the code that uses them, and the
 * rule lists are typed records over the engine's own unions, so a new rule or set-aside reason fails the typecheck
 * until it is described here.
 */

/** One statistic: its anchor on the Methods page (charts link to it), name, formula and assumptions. */
export interface MethodSection {
  id: string;
  name: string;
  formula: string[];
  assumptions: string;
}

/** The statistics every chart draws, in the order the Methods page lists them. */
export function statisticsSections(alpha0: number): MethodSection[] {
  const z = Z95.toFixed(6);
  return [
    {
      id: 'shares',
      name: 'Shares of a term group',
      formula: [
        'share = y_v / n: the mentions of variant v over all counted mentions of the group by the outlet.',
        `95% Wilson score interval on the effective sample size nEff = n / deff (z = ${z}), where deff is Rao & Scott's mean generalised design effect of the group's shares with articles as clusters (not below 1); when it cannot be measured, nEff = n² / Σ n_i² (each article one decision).`,
        'Each bar gives "n mentions in k articles": k is the number of articles with at least one counted mention.',
      ],
      assumptions:
        'Articles are independent of one another; mentions within an article are a cluster. The Wilson normal approximation holds on nEff.',
    },
    {
      id: 'stance',
      name: 'Stance index',
      formula: [
        "mean = Σ_i s_i / n, the count-weighted mean of the variants' stances (−1 … +1, set in the lexicon below).",
        'Article-level 95% interval mean ± t(k−1)·SE, SE² = max(k/(k−1)·Σ_i (s_i − mean·n_i)² / n², s²/n), clipped to the stance range.',
        'When all mentions share one stance or come from one article: [mean − (1−L)(mean − min), mean + (1−L)(max − mean)] with L = nEff / (nEff + z²). No interval below two mentions.',
      ],
      assumptions: 'Independent articles; with fewer than 10 articles the t interval is wide by design.',
    },
    {
      id: 'distinctive',
      name: 'Distinctive terms (log-odds with informative Dirichlet prior)',
      formula: [
        'delta = ln((y+α)/(n+α0−y−α)) − ln((yOther+α)/(nOther+α0−yOther−α)), natural log, within each term group.',
        'variance = 1/(y+α) + 1/(n+α0−y−α) + 1/(yOther+α) + 1/(nOther+α0−yOther−α); z = delta / √variance.',
        `α = α0 × (corpus count of the variant / corpus mentions of the group), α0 = ${alpha0} for this view.`,
        `p = erfc(|z|/√2); q = Benjamini–Hochberg within one comparison (every row of one outlet against one other side). A row is distinctive when q < ${FDR_LEVEL}.`,
      ],
      assumptions:
        "Mentions are treated as independent draws, so z overstates the evidence when mentions cluster in articles: read it with each side's article counts. BH assumes independent or positively dependent p-values.",
    },
    {
      id: 'vocabulary',
      name: 'Distinctive vocabulary (every word and two-word phrase)',
      formula: [
        'The same delta, variance and z as for distinctive terms, for each n-gram w: y and n are its uses and all counted n-grams of one side, yOther and nOther of the other side.',
        "α_w = α0 × c_w / C, where c_w is the n-gram's count in the view's corpus (or the background corpus chosen) and C that corpus's total; an n-gram the prior lacks (or has pruned as rare) gets half a count. α0 = n + nOther, so the prior weighs as much as the data.",
        `Scored when used at least the minimum number of times (5 unless chosen) in at least 2 articles on both sides together; q = Benjamini–Hochberg over every n-gram scored in the comparison; distinctive when q < ${FDR_LEVEL}.`,
        'Every row also gives the articles using the n-gram on each side out of the side\'s articles; a term distinctive by uses but used in one article of its side is marked "one article".',
      ],
      assumptions:
        'Uses are treated as independent draws, so z overstates the evidence for a phrase repeated within a few articles: read it with the article counts. With thousands of phrases scored, a phrase needs a large z to pass the false-discovery control.',
    },
    {
      id: 'sentiment',
      name: 'Sentiment (AFINN-165)',
      formula: [
        'Each sentence is scored with AFINN-165 (the sentiment package); meanSentence is the mean sentence score with a 95% t interval.',
        'score is the sum over sentences, comparative the score per word. Own voice removes quoted stretches before scoring.',
      ],
      assumptions:
        'A word list scores words, not stances: negation, irony and reported speech are not understood. Sentences are treated as independent.',
    },
    {
      id: 'actors',
      name: 'Who gets which label',
      formula: [
        "Each cell counts the labels an outlet attaches to an actor, by the attribution rules below; shade = the share of the actor's labels, made paler when the actor has few labels (weight n / (n + 4)).",
        'A label naming two actors counts once for each.',
      ],
      assumptions: 'No coreference: a label whose own phrase names no actor is unattributed.',
    },
    {
      id: 'tone',
      name: 'Tone toward an actor',
      formula: [
        'Mean AFINN-165 score per sentence over the sentences naming the actor (by alias or a label attributed to it), with a 95% t interval and the number of sentences; cells with few sentences are paler (weight n / (n + 4)).',
      ],
      assumptions: 'Sentences, not clauses: a sentence naming two actors counts for both.',
    },
  ];
}

/** What each actor attribution rule reads, in the order the engine tries them. */
export const ACTOR_RULE_TEXT: Record<ActorRule, string> = {
  alias: 'an alias contains the label ("Syrian rebels")',
  modifier:
    'the nearest actor among up to four words right before the label that are names, other labels, hyphenated, capitalised, or a group noun ("Kurdish YPG militia")',
  'of-phrase':
    'of, from, aligned with, loyal to, affiliated with, backed by … then the first actor up to the next comma or the end of the sentence ("fighters loyal to President Bashar al-Assad")',
  apposition: 'an actor in apposition: "fighters (YPG)", "the PKK, a militant group"',
  designation:
    'consider, regard, designate, call, brand … with the actor as object ("designate the PKK as a terrorist organisation")',
};

/** Known limits a reader should weigh, one sentence each. */
export const LIMITS: readonly string[] = [
  'Counts are of words, not of meanings: a term is matched by its patterns and the rules below, not understood.',
  'Mentions cluster in articles: intervals are article-level, but z-scores treat mentions as independent.',
  'Outlets differ in what they cover; a share compares word choice among the mentions an outlet makes, not how much it covers a topic.',
  'No coreference: "the group" in a later sentence is not attributed to the actor named earlier.',
  "Quotation detection marks quoted speech by quotation marks; unmarked reported speech counts as the outlet's own voice.",
  'Reading across many comparisons at once is a larger family than the Benjamini–Hochberg control of one comparison.',
];
