import { escapeXml } from '../view/figure';

/** How far a corpus's background analysis is. */
export interface Progress {
  corpus: string;
  done: number;
  total: number;
  /**
   * What the preparation is making (lib/store/prepare.ts): at 'provenance' every article is analysed and only the
   * views that read provenance wait. 'loading' is not a preparation's: the version is stored and the server is reading
   * its article text and analyses into memory in the background for the views that read them (lib/server/bundles.ts).
   */
  stage?: 'analyses' | 'tallies' | 'provenance' | 'stories' | 'loading';
}

/** Seconds a client waits before asking again while a corpus is analysed. */
export const RETRY_SECONDS = 3;

// XML escaping is valid HTML escaping too.
const esc = escapeXml;

/** The share done as a whole percentage, rounded down so 100 % means every article is analysed. */
export function percentDone(p: Progress): number {
  return p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total);
}

/**
 * The page answered (503) while a corpus with no analysed version yet is analysed: says how far it is and reloads
 * itself (a meta refresh: the problem pages' policy allows no script).
 */
export function analysingHtml(p: Progress): string {
  const what = p.stage === 'loading' ? 'Loading' : 'Analysing';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${RETRY_SECONDS}"><title>${what} · Framescope</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#f6f7f9}@media (prefers-color-scheme:dark){body{color:#e6e8eb;background:#14171c}}progress{width:100%}</style></head>
<body><main data-testid="analysing"><h1>${what} corpus ${esc(p.corpus)}</h1><p>${progressText(p)} This page reloads every ${RETRY_SECONDS} s.</p><progress max="${p.total}" value="${p.done}"></progress></main></body></html>`;
}

// Counts with thousands separators ("100,000 articles"), as every other number on screen.
const n = (x: number) => x.toLocaleString('en-US');

/** What the analysing page and the API's 503 say about a preparation's progress. */
export function progressText(p: Progress): string {
  if (p.stage === 'provenance')
    return `All ${n(p.total)} articles are analysed; their provenance (reuse across the corpus) is still being computed. This view shows it, so it appears when that is done; views without provenance already serve.`;
  if (p.stage === 'stories')
    return `All ${n(p.total)} articles are analysed; the stories (articles grouped by the event they report) are still being found. This view reads them, so it appears when that is done; other views already serve.`;
  if (p.stage === 'loading')
    return `Every article is analysed and stored. This view reads their text and analyses, which the server is reading into memory in the background: ${n(p.done)} of ${n(p.total)} articles loaded (${percentDone(p)} %). Views that need neither already serve.`;
  if (p.stage === 'tallies')
    return `All ${n(p.total)} articles are analysed; their tallies by outlet, year and month are being stored. The corpus appears when they are.`;
  return `${n(p.done)} of ${n(p.total)} articles analysed (${percentDone(p)} %). The corpus appears when every article is analysed.`;
}

/**
 * The page answered (503) while a vocabulary or search answer is made on a worker (reloading itself, as the analysing
 * page does), or when it was refused (its budget ran out: the message says how to narrow the view; no reload).
 */
export function countingHtml(p: { counting: boolean; message: string }): string {
  const refresh = p.counting ? `<meta http-equiv="refresh" content="${RETRY_SECONDS}">` : '';
  const title = p.counting ? 'Counting' : 'Too long to count';
  const more = p.counting ? ` This page reloads every ${RETRY_SECONDS} s and shows the answer when it is ready.` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}<title>${title} · Framescope</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#f6f7f9}@media (prefers-color-scheme:dark){body{color:#e6e8eb;background:#14171c}}</style></head>
<body><main data-testid="counting"><h1>${title}</h1><p>${esc(p.message)}${more}</p></main></body></html>`;
}
