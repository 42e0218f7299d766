/**
 * Pairwise precision and recall of story clusters against hand-labelled stories: every two articles of one labelled
 * story should share a predicted story (recall); every predicted pair that touches a labelled article should be such
 * a pair (precision), so joining a labelled article to anything else counts against it.
 */

/** Pair counts and the two ratios (null when nothing was there to count). */
export interface PairScores {
  goldPairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number | null;
  recall: number | null;
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function pairsOf(groups: string[][], keep: (a: string, b: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const g of groups)
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) if (keep(g[i], g[j])) out.add(key(g[i], g[j]));
  return out;
}

/** Scores predicted stories (lists of article ids) against labelled ones; an article may be in one labelled story. */
export function pairScores(predicted: string[][], gold: string[][]): PairScores {
  const labelled = new Set<string>();
  for (const g of gold)
    for (const id of g) {
      if (labelled.has(id)) throw new Error(`article "${id}" is in two labelled stories; give each article one story`);
      labelled.add(id);
    }
  const goldPairs = pairsOf(gold, () => true);
  const predictedPairs = pairsOf(predicted, (a, b) => labelled.has(a) || labelled.has(b));
  let correct = 0;
  for (const p of predictedPairs) if (goldPairs.has(p)) correct++;
  return {
    goldPairs: goldPairs.size,
    predictedPairs: predictedPairs.size,
    correctPairs: correct,
    precision: predictedPairs.size ? correct / predictedPairs.size : null,
    recall: goldPairs.size ? correct / goldPairs.size : null,
  };
}

/** A labelled story: its heading and the ids of its articles. */
export interface LabelledStory {
  title: string;
  articles: string[];
}

const HEADING = /^## (.+)$/;
const ARTICLE_ID = /`([a-z0-9]+(?:-[a-z0-9]+)+)`/g;

/**
 * The labelled stories of a STORIES.md file: each "## " heading starts a story, and every `outlet-id` in backticks
 * under it (until the next heading of any level) is one of its articles. Text outside such sections is ignored.
 */
export function labelledStories(markdown: string): LabelledStory[] {
  const out: LabelledStory[] = [];
  let story: LabelledStory | null = null;
  for (const line of markdown.split('\n')) {
    const h = HEADING.exec(line);
    if (h) {
      out.push((story = { title: h[1].trim(), articles: [] }));
      continue;
    }
    // Any other heading ends the story (a later "# Notes" section may name articles too).
    if (line.startsWith('#')) story = null;
    if (!story) continue;
    for (const m of line.matchAll(ARTICLE_ID)) if (!story.articles.includes(m[1])) story.articles.push(m[1]);
  }
  return out.filter((s) => s.articles.length > 0);
}
