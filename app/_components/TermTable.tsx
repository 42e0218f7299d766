'use client';
import { useState } from 'react';
import type { VocabularyRow } from '@/lib/vocabulary/score';
import { DIVERGING } from '@/lib/view/palette';
import { AppLink, StayLink } from './AppLink';
import { RateBar } from './RateBar';
import { ScrollTable } from './ScrollTable';

/** One ranked n-gram as the table shows it, with its links made on the server. */
export interface TermTableRow extends Pick<
  VocabularyRow,
  | 'term'
  | 'y'
  | 'yOther'
  | 'articles'
  | 'articlesTotal'
  | 'articlesOther'
  | 'articlesOtherTotal'
  | 'per1k'
  | 'per1kOther'
  | 'z'
  | 'q'
  | 'distinctive'
  | 'oneArticle'
> {
  /** "group: variant" when the n-gram is a lexicon variant. */
  lexicon: string | null;
  candidateFor: string[];
  /** What every number of the row counts, in words (hover and screen readers). */
  counts: string;
  href: string;
  addHref: string;
}

const fmt = (x: number) => x.toLocaleString('en-US');

// A row's two rates as bars on the row's own scale: a small multiple per term, each number printed beside its bar.
function Rates({ a, b, nameA, nameB }: { a: number; b: number; nameA: string; nameB: string }) {
  const max = Math.max(a, b) || 1;
  const bar = (v: number, color: string, name: string) => (
    <RateBar value={v} max={max} color={color}>
      {v.toFixed(2)} <span className="muted">{name}</span>
    </RateBar>
  );
  return (
    <span className="rates">
      {bar(a, DIVERGING.positive, nameA)}
      {bar(b, DIVERGING.negative, nameB)}
    </span>
  );
}

/** The ranked n-grams of a comparison with a box that filters them as one types. */
export function TermTable({
  rows,
  a,
  b,
  caption,
  testid,
}: {
  rows: TermTableRow[];
  a: string;
  b: string;
  caption: string;
  testid: string;
}) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => r.term.toLowerCase().includes(needle)) : rows;
  return (
    <div className="term-table" data-testid={testid}>
      <label className="term-filter">
        Find a term <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} maxLength={100} />
        <span className="muted">
          {' '}
          {shown.length} of {rows.length} shown
        </span>
      </label>
      <ScrollTable label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">
                Uses ({a} / {b})
              </th>
              <th scope="col">Per 1,000 tokens</th>
              <th scope="col">Articles using it</th>
              <th scope="col">z</th>
              <th scope="col">q</th>
              <th scope="col">Lexicon</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.term} data-testid="term-row" title={r.counts}>
                <th scope="row">
                  <StayLink href={r.href} aria-label={`${r.term}: ${r.counts}. Open its sentences`}>
                    {r.term}
                  </StayLink>
                  {r.distinctive ? <span className="badge">distinctive</span> : null}
                  {r.oneArticle ? (
                    <span className="badge warn" title="distinctive by uses, but all of them in one article">
                      one article
                    </span>
                  ) : null}
                </th>
                <td>
                  {fmt(r.y)} / {fmt(r.yOther)}
                </td>
                <td>
                  <Rates a={r.per1k} b={r.per1kOther} nameA={a} nameB={b} />
                </td>
                <td>
                  {fmt(r.articles)} of {fmt(r.articlesTotal)} / {fmt(r.articlesOther)} of {fmt(r.articlesOtherTotal)}
                </td>
                <td>{r.z.toFixed(2)}</td>
                <td>{r.q.toPrecision(2)}</td>
                <td>
                  {r.lexicon ?? (r.candidateFor.length ? `candidate for ${r.candidateFor.join(', ')}` : '—')}{' '}
                  <AppLink href={r.addHref} className="add-lexicon">
                    add to lexicon
                  </AppLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
