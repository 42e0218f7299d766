import { readRaw } from '@/lib/corpus/load';
import { getBundle } from '@/lib/server/data';
import { parseState } from '@/lib/url/state';

/** The captured original page of an article as plain text, so the cleaning can be audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { state } = parseState(new URL(request.url).searchParams);
  const bundle = getBundle(state.corpus);
  const article = bundle.corpus.articles.find((a) => a.id === id);
  const raw = article ? readRaw(bundle.dir, article) : null;
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
  if (!raw) return new Response(`No captured original is kept for article "${id.slice(0, 60)}".\n`, { status: 404, headers });
  return new Response(raw, { headers });
}
