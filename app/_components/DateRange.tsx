import Form from 'next/form';
import { dateCaption } from '@/lib/analysis/filters';
import { datesOf, type View } from '@/lib/server/dataset';
import { buildQuery, hrefFor, withState } from '@/lib/url/state';
import { AppLink } from './AppLink';
import { countOf } from '@/lib/view/plural';

/**
 * The date range control every view shows: the corpus's articles per month (a bar links to that month), the range
 * inputs, and what the range leaves out (undated articles said apart).
 */
export function DateRange({ view }: { view: View }) {
  const { query: state, pathname } = view;
  const { months, counts } = datesOf(view);
  if (!months.length) return null;
  const max = Math.max(...months.map((m) => m.articles));
  const caption = dateCaption(state, counts);
  const hidden = [...new URLSearchParams(buildQuery(withState(state, { from: null, to: null, sel: null }))).entries()];
  const w = 100 / months.length;
  const lastDay = (month: string) =>
    new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).toISOString().slice(0, 10);
  return (
    <section className="card date-range" aria-label="Date range" data-testid="date-range">
      <svg
        viewBox="0 0 100 20"
        preserveAspectRatio="none"
        className="date-hist"
        role="group"
        aria-label="Articles per month"
      >
        {months.map((m, i) => {
          const inRange = (!state.from || lastDay(m.month) >= state.from) && (!state.to || `${m.month}-01` <= state.to);
          const h = m.articles ? Math.max(1, (m.articles / max) * 19) : 0;
          return (
            <AppLink
              key={m.month}
              href={hrefFor(pathname, withState(state, { from: `${m.month}-01`, to: lastDay(m.month), sel: null }))}
            >
              <title>{`${m.month}: ${countOf(m.articles, 'article')}`}</title>
              <rect
                x={i * w}
                y={20 - h}
                width={Math.max(w * 0.85, 0.2)}
                height={h}
                className={inRange ? 'in' : 'out'}
              />
              <rect x={i * w} y={0} width={w} height={20} fill="transparent" />
            </AppLink>
          );
        })}
      </svg>
      <div className="date-axis">
        <span>{months[0].month}</span>
        {/* Unlabelled bars would leave a reader guessing what their height counts. */}
        <span className="date-axis-title">
          Articles per month (tallest: {countOf(max, 'article')}); click a month to count only it
        </span>
        <span>{months[months.length - 1].month}</span>
      </div>
      {/* Not prefetched: the bare action path may name an outlet of another corpus (the query comes from the fields). */}
      <Form action={pathname} className="date-form" prefetch={false}>
        {hidden.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label>
          From <input type="date" name="from" defaultValue={state.from ?? ''} data-testid="date-from" />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={state.to ?? ''} data-testid="date-to" />
        </label>
        <button type="submit" data-testid="date-apply">
          Apply
        </button>
        {(state.from || state.to) && (
          <AppLink
            href={hrefFor(pathname, withState(state, { from: null, to: null, sel: null }))}
            data-testid="date-clear"
          >
            All dates
          </AppLink>
        )}
      </Form>
      <p className="note" data-testid="date-caption">
        {caption ??
          `All ${counts.kept.toLocaleString('en-US')} articles${counts.undated ? `, ${counts.undated} of them undated` : ''}.`}
      </p>
    </section>
  );
}
