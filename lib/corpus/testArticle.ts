import type { Article } from '../types';

/** A small VOA article for tests (title "T", body "Rebels attacked."), with any field replaced by `over`. */
export const voaArticle = (over: Partial<Article> = {}): Article => ({
  id: 'voa-1',
  outlet: 'voa',
  title: 'T',
  date: null,
  url: null,
  raw: null,
  note: null,
  segments: [
    { section: 'title', text: 'T' },
    { section: 'body', text: 'Rebels attacked.' },
  ],
  ...over,
});
