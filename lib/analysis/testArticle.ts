import type { Article } from '../types';

/** A test article: its id as title, one body segment, and no date, address, raw text or note. */
export function bodyArticle(id: string, outlet: string, body: string): Article {
  return {
    id,
    outlet,
    title: id,
    date: null,
    url: null,
    raw: null,
    note: null,
    segments: [{ section: 'body', text: body }],
  };
}
