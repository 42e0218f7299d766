import { openView, timeseriesFor } from '@/lib/server/dataset';
import { neededParam, problemsJson } from '@/lib/url/route';

/**
 * Naming over time (?corpus=&group=&outlets=&bin=&from=&to=&voice=&scope=): one row per outlet, period and variant,
 * with the count, the group's total, the share and its article-level interval, through the data door.
 */
export async function GET(request: Request) {
  const opened = openView('/api/timeseries', new URL(request.url).searchParams);
  if (!opened.ok) return problemsJson(opened.problems);
  const ts = await timeseriesFor(opened.view);
  if (!ts)
    return problemsJson([
      neededParam(
        'group',
        'is needed for a time series',
        opened.view.stats.groups.map((g) => g.id),
      ),
    ]);
  const rows = ts.rows.map(({ outlet, period, variant, count, groupTotal, share, shareLow, shareHigh }) => ({
    outlet,
    period,
    variant,
    count,
    groupTotal,
    share,
    shareLow,
    shareHigh,
  }));
  return Response.json(rows, { headers: { 'cache-control': 'no-store' } });
}
