// What the benchmarks ask of the data door as the proxy and a page do: a view opened from a URL, and the proxy's text
// check asked until it lets the view render.
import { openView, textOf } from '../../lib/server/dataset';
import { isAnalysing } from '../../lib/store/prepare';

/** The view a page at `pathname?query` opens; throws naming the URL's problems when it has any. */
export function openAt(pathname: string, query: string) {
  const o = openView(pathname, new URLSearchParams(query));
  if (!o.ok) throw new Error(`${pathname}?${query}: ${JSON.stringify(o.problems)}`);
  return o.view;
}

/**
 * Asks the proxy's check every `pollMs` until it lets the view render (it answers "loading" while a background read
 * runs); resolves with how many loading answers it got.
 */
export async function untilPassed(pathname: string, query: string, pollMs = 50): Promise<number> {
  for (let answers = 0; ; answers++) {
    try {
      textOf(pathname, new URLSearchParams(query));
      return answers;
    } catch (e) {
      if (!isAnalysing(e)) throw e;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
