/**
 * Up to how many articles a drill-down (or a date range's cut months) reads on the request that asks
 * (FRAMESCOPE_DRILL_HERE_ARTICLES; default 2,000, about a quarter of a second here); a larger set is read in the
 * background, in steps, while the view answers the loading page. Throws, naming the variable, on a value that is not a
 * whole number of 0 or more.
 */
export function drillHereArticles(): number {
  const raw = process.env.FRAMESCOPE_DRILL_HERE_ARTICLES;
  if (raw === undefined || raw === '') return 2000;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 0)
    throw new Error(
      `FRAMESCOPE_DRILL_HERE_ARTICLES must be a whole number of articles, 0 or more (e.g. 2000), not "${raw}"`,
    );
  return v;
}
