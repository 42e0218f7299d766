'use client';
import { signed } from '@/lib/lexicon/countChange';
import type { LexiconPreview as Preview } from '@/lib/server/dataset';
import { ScrollTable } from '../ScrollTable';

/** Rows the preview table shows before "show all". */
const SHOWN = 40;

/** How the counts would change: the largest changes as sentences, then every changed cell in a table. */
export function LexiconPreview({ preview }: { preview: Preview }) {
  const { rows, total, articles, version } = preview;
  if (total === 0)
    return (
      <p data-testid="lexicon-preview">
        No count changes: with this lexicon every group, variant and outlet keeps its mentions and articles (
        {articles.toLocaleString('en-US')} {articles === 1 ? 'article' : 'articles'} of version <code>{version}</code>).
      </p>
    );
  const variants = rows.filter((r) => r.variant !== null && r.outlet !== '');
  return (
    <div data-testid="lexicon-preview">
      <p>
        {total.toLocaleString('en-US')} cells (group or variant × outlet, and all outlets) would change, counted over
        all {articles.toLocaleString('en-US')} articles of version <code>{version}</code>, every voice and section,
        without set-aside mentions. Largest changes:
      </p>
      <ul className="preview-changes">
        {(variants.length ? variants : rows).slice(0, 8).map((r) => (
          <li key={`${r.group}/${r.variant}/${r.outlet}`}>{r.sentence}</li>
        ))}
      </ul>
      <ScrollTable label="How the counts would change" className="card">
        <table>
          <caption className="visually-hidden">
            Mentions and articles before and after the edit, per group or variant and outlet
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Variant</th>
              <th scope="col">Outlet</th>
              <th scope="col">Mentions before → after</th>
              <th scope="col">Articles before → after</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr key={`${r.group}/${r.variant}/${r.outlet}`}>
                <td>{r.groupName}</td>
                <td>
                  {r.variantName ?? '(whole group)'}
                  {r.status === 'kept' ? '' : ` (${r.status})`}
                </td>
                <td>{r.outletName}</td>
                <td className="num">
                  {r.before.mentions} → {r.after.mentions} ({signed(r.after.mentions - r.before.mentions)})
                </td>
                <td className="num">
                  {r.before.articles} → {r.after.articles} ({signed(r.after.articles - r.before.articles)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {total > SHOWN ? (
        <p className="counts">
          Showing the {SHOWN} largest of {total.toLocaleString('en-US')} changes.
        </p>
      ) : null}
    </div>
  );
}
