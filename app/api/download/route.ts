import { dataPackageOf, openView } from '@/lib/server/dataset';
import { publicOrigin } from '@/lib/view/origin';
import { problemsJson } from '@/lib/url/route';

/**
 * "Download all data" for a view (?corpus=&v=&voice=&scope=&provenance=&from=&to=&outlets=&stories=): a ZIP of every
 * table as CSV, the JSON export, README.txt, CITATION.txt and METHODS.txt, through the data door; the proxy has checked
 * the URL.
 */
export function GET(request: Request) {
  const opened = openView('/api/download', new URL(request.url).searchParams);
  if (!opened.ok) return problemsJson(opened.problems);
  const origin = publicOrigin(
    {
      FRAMESCOPE_URL: process.env.FRAMESCOPE_URL,
      FRAMESCOPE_TRUST_PROXY: process.env.FRAMESCOPE_TRUST_PROXY,
      PORT: process.env.PORT,
    },
    (name) => request.headers.get(name),
  );
  const { view } = opened;
  const zip = dataPackageOf(view, origin);
  const name = `framescope-${view.stats.corpus.id}-${view.stats.corpus.version.slice(0, 12)}.zip`;
  return new Response(new Uint8Array(zip), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
