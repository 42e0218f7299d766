'use client';
import { useState } from 'react';
import { sortRows, type SortDir } from '@/lib/view/sort';
import { AppLink } from './AppLink';
import { ScrollTable } from './ScrollTable';

/** One article row as the outlet page lists it. */
export interface ArticleItem {
  id: string;
  title: string;
  href: string;
  date: string | null;
  tokens: number;
  mentions: number;
  comparative: number | null;
}

const COLUMNS: { key: keyof ArticleItem; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'date', label: 'Date' },
  { key: 'tokens', label: 'Tokens', numeric: true },
  { key: 'mentions', label: 'Mentions', numeric: true },
  { key: 'comparative', label: 'Sentiment per word', numeric: true },
];

/** An outlet's articles, sortable by each column (in the page: sorting is not part of the view's URL). */
export function ArticleTable({ articles }: { articles: ArticleItem[] }) {
  const [sort, setSort] = useState<{ key: keyof ArticleItem; dir: SortDir }>({ key: 'date', dir: 'asc' });
  const rows = sortRows(articles, (a) => a[sort.key], sort.dir);
  return (
    <ScrollTable label="Articles" className="card">
      <table data-testid="outlet-articles">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.key === 'date' ? 'date' : undefined}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button
                  type="button"
                  className="sort"
                  onClick={() =>
                    setSort({
                      key: c.key,
                      dir: sort.key === c.key ? (sort.dir === 'asc' ? 'desc' : 'asc') : c.numeric ? 'desc' : 'asc',
                    })
                  }
                >
                  {c.label}
                  {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <AppLink href={a.href}>{a.title}</AppLink>
              </th>
              <td className="date">{a.date ?? 'undated'}</td>
              <td>{a.tokens}</td>
              <td>{a.mentions}</td>
              <td>{a.comparative === null ? '—' : a.comparative.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
