import { openView, rawTextOf } from '@/lib/server/dataset';

/** The captured original page of an article as plain text, so the cleaning can be audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
  const opened = openView(`/article/${encodeURIComponent(id)}/raw`, new URL(request.url).searchParams);
  const raw = opened.ok ? rawTextOf(opened.view, id) : null;
  if (!raw)
    return new Response(`No captured original is kept for article "${id.slice(0, 60)}".\n`, { status: 404, headers });
  return new Response(raw, { headers });
}
