import { AppLink } from '../_components/AppLink';
import { MAX_FILE_BYTES } from '@/lib/importing/files';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from '@/lib/importing/upload';
import { writesEnabled } from '@/lib/server/admin';
import { DEFAULT_STATE, hrefFor, withState } from '@/lib/url/state';
import { LexiconEditor } from '../_components/admin/LexiconEditor';
import { TokenField } from '../_components/admin/TokenField';
import { UploadForm } from '../_components/admin/UploadForm';
import { ScrollTable } from '../_components/ScrollTable';
import { Shell } from '../_components/Shell';
import { manageOf, type View } from '@/lib/server/dataset';

/** The corpus's outlets and kept versions, the upload form and the lexicon editor (writes need the admin token). */
export function ManagePage({ view }: { view: View }) {
  const ex = view.stats;
  const enabled = writesEnabled();
  const { versions, lexiconSource, ownLexicon, audit, analysis } = manageOf(view);
  // Entries from the log every server on one PostgreSQL shares name their server.
  const shared = audit.some((e) => e.server !== undefined);
  const limits = `Limits: ${MAX_FILE_BYTES / 1048576} MB per file, ${MAX_UPLOAD_FILES} files and ${MAX_UPLOAD_BYTES / 1048576} MB per upload; UTF-8 text only. Larger batches: npm run import.`;
  return (
    <Shell view={view}>
      <h1>Corpus &amp; lexicon: {ex.corpus.title}</h1>
      <p className="lede">
        {view.articleCount} articles from {ex.outlets.length} outlets; version <code>{view.current}</code>. The folder{' '}
        <code>corpus/{ex.corpus.id}/</code> on the server is the source of truth.
      </p>
      {analysis &&
        (analysis.error ? (
          <p className="banner warn" role="alert" data-testid="analysis-progress">
            The background analysis of this corpus failed: {analysis.error} The version analysed before keeps serving;
            the server tries again when a view next asks for this version.
          </p>
        ) : (
          <p className="banner" role="status" data-testid="analysis-progress">
            Analysing this corpus in the background: {analysis.done.toLocaleString('en-US')} of{' '}
            {analysis.total.toLocaleString('en-US')} articles. The version analysed before keeps serving until this one
            is complete; reload this page to see progress.
          </p>
        ))}
      {enabled ? (
        <div className="card">
          <p>Uploads and lexicon edits need the admin token configured on this server.</p>
          <TokenField />
        </div>
      ) : (
        <p className="banner warn" data-testid="read-only">
          This dashboard is read-only: no admin token is configured. To enable uploads and lexicon edits, start the
          server with FRAMESCOPE_ADMIN_TOKEN set (at least 8 characters).
        </p>
      )}
      <section className="group" aria-labelledby="h-upload">
        <h2 id="h-upload">Add articles</h2>
        <div className="card">
          <UploadForm
            corpus={ex.corpus.id}
            outlets={ex.outlets.map((o) => ({ id: o.id, name: o.name }))}
            enabled={enabled}
            limits={limits}
          />
        </div>
      </section>
      <section className="group" aria-labelledby="h-versions">
        <h2 id="h-versions">Versions ({versions.length} kept)</h2>
        <ScrollTable label="Kept versions" className="card">
          <table data-testid="versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">First seen</th>
                <th scope="col">Articles</th>
                <th scope="col">Dashboard as it was</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">
                    <code>{v.version}</code>
                    {v.version === view.current ? ' (current)' : ''}
                  </th>
                  <td>{v.created.replace('T', ' ').slice(0, 16)} UTC</td>
                  <td>{v.articles}</td>
                  <td>
                    <AppLink
                      href={hrefFor(
                        '/',
                        withState(DEFAULT_STATE, {
                          corpus: ex.corpus.id,
                          version: v.version === view.current ? null : v.version,
                        }),
                      )}
                    >
                      Overview
                    </AppLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      <section className="group" aria-labelledby="h-lexicon" id="lexicon-editor">
        <h2 id="h-lexicon">Lexicon</h2>
        <div className="card">
          <LexiconEditor
            corpus={ex.corpus.id}
            source={lexiconSource}
            own={ownLexicon}
            enabled={enabled}
            add={view.query.add}
          />
        </div>
      </section>
      <section className="group" aria-labelledby="h-audit">
        <h2 id="h-audit">Write log ({audit.length} most recent)</h2>
        <p className="counts">
          Every upload, lexicon edit and admin sign-in, with when, from which address and what came of it.{' '}
          {shared
            ? 'Kept in the database every server shares: entries of every server, newest first, each with its server.'
            : 'Kept in the server\u2019s audit log (FRAMESCOPE_AUDIT_LOG).'}
        </p>
        <ScrollTable label="Write log" className="card">
          <table data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                {shared && <th scope="col">Server</th>}
                <th scope="col">What</th>
                <th scope="col">From</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((e, i) => (
                <tr key={`${e.time}-${i}`}>
                  <td className="nowrap">{e.time.replace('T', ' ').slice(0, 19)}</td>
                  {shared && <td>{e.server ?? ''}</td>}
                  <td>{e.action}</td>
                  <td>{e.client}</td>
                  <td>
                    {e.ok ? 'done' : 'refused'}: {e.detail}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    </Shell>
  );
}
