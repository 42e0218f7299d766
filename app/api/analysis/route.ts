import { exportJsonOf, openView } from '@/lib/server/dataset';
import { problemsJson } from '@/lib/url/route';

/**
 * The engine's JSON export for a corpus (?corpus=&v=&voice=&scope=), through the data door; the proxy has checked the
 * URL.
 */
export function GET(request: Request) {
  const opened = openView('/api/analysis', new URL(request.url).searchParams);
  if (!opened.ok) return problemsJson(opened.problems);
  return new Response(exportJsonOf(opened.view), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
