import { getExportJson } from '@/lib/server/data';
import { parseState } from '@/lib/url/state';

/** The engine's JSON export for a corpus (?corpus=&voice=&scope=), from the per-version cache; the proxy has checked the URL. */
export function GET(request: Request) {
  const { state } = parseState(new URL(request.url).searchParams);
  return new Response(getExportJson(state.corpus, state.voice, state.scope, state.version), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}
