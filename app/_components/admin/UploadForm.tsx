'use client';
import { useState } from 'react';
import { postJson } from './token';
import { ID_PATTERN } from '@/lib/ids';

interface Mention {
  start: number;
  end: number;
  text: string;
  group: string;
  variant: string;
  actors: string[];
}
interface PreviewArticle {
  id: string;
  title: string;
  date: string | null;
  text: string;
  mentions: Mention[];
}
interface Answer {
  error?: string;
  saved?: boolean;
  imported?: number;
  articles?: PreviewArticle[];
  newOutlets?: string[];
  duplicates?: { where: string; of: string }[];
  rejected?: { where: string; reason: string }[];
  quirks?: { rule: string; text: string; count: number }[];
  versionBefore?: string | null;
  versionAfter?: string | null;
}

const NEW = '__new__';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function Highlighted({ a }: { a: PreviewArticle }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of [...a.mentions].sort((x, y) => x.start - y.start)) {
    if (m.start < at) continue;
    parts.push(a.text.slice(at, m.start));
    parts.push(
      <mark
        key={m.start}
        data-group={m.group}
        title={`${m.group}: ${m.variant}${m.actors.length ? ` → ${m.actors.join(', ')}` : ''}`}
      >
        {a.text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(a.text.slice(at));
  return (
    <div className="preview-text" tabIndex={0} role="region" aria-label={`Cleaned text of ${a.title}`}>
      {parts}
    </div>
  );
}

/** Paste an article or drop files, choose or create the outlet, preview the cleaned text and mentions, then save. */
export function UploadForm({
  corpus,
  outlets,
  enabled,
  limits,
}: {
  corpus: string;
  outlets: { id: string; name: string }[];
  enabled: boolean;
  limits: string;
}) {
  const [mode, setMode] = useState<'paste' | 'files'>('paste');
  const [outlet, setOutlet] = useState(outlets[0]?.id ?? NEW);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [url, setUrl] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const send = async (save: boolean) => {
    setBusy(true);
    try {
      const base = {
        corpus,
        save,
        outlet: outlet === NEW ? newId : outlet,
        ...(outlet === NEW ? { newOutletName: newName } : {}),
      };
      const payload =
        mode === 'paste'
          ? { ...base, text: { title, date, url, body } }
          : {
              ...base,
              files: await Promise.all(files.map(async (f) => ({ name: f.name, base64: await toBase64(f) }))),
            };
      const { data } = await postJson('/api/upload', payload);
      setAnswer(data as Answer);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="upload"
      onSubmit={(e) => {
        e.preventDefault();
        void send(false);
      }}
      data-testid="upload-form"
      aria-describedby="upload-limits"
    >
      <fieldset disabled={!enabled || busy}>
        <legend className="sr-only-legend">Paste text or choose files</legend>
        <p id="upload-limits" className="counts">
          {limits}
        </p>
        <div className="switch" role="radiogroup" aria-label="What to add">
          <label>
            <input type="radio" name="mode" checked={mode === 'paste'} onChange={() => setMode('paste')} /> Paste text
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'files'} onChange={() => setMode('files')} /> Files (.txt,
            .html, .json, .jsonl, .csv)
          </label>
        </div>
        <label className="field">
          Outlet{' '}
          <select value={outlet} onChange={(e) => setOutlet(e.target.value)} data-testid="upload-outlet">
            {outlets.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.id})
              </option>
            ))}
            <option value={NEW}>New outlet…</option>
          </select>
        </label>
        {outlet === NEW && (
          <>
            <label className="field">
              New outlet id{' '}
              <input
                value={newId}
                onChange={(e) => setNewId(e.target.value)}
                placeholder="al-jazeera"
                pattern={ID_PATTERN}
              />
            </label>
            <label className="field">
              Display name{' '}
              <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Al Jazeera" />
            </label>
          </>
        )}
        {mode === 'paste' ? (
          <>
            <label className="field">
              Title{' '}
              <input value={title} onChange={(e) => setTitle(e.target.value)} required data-testid="upload-title" />
            </label>
            <label className="field">
              Date <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label className="field">
              URL <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
            </label>
            <label className="field wide">
              Article text{' '}
              <textarea
                rows={8}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                required
                data-testid="upload-text"
              />
            </label>
          </>
        ) : (
          <label
            className="dropzone"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              setFiles([...e.dataTransfer.files]);
            }}
          >
            Drop files here or choose them{' '}
            <input
              type="file"
              multiple
              accept=".txt,.text,.md,.html,.htm,.json,.jsonl,.ndjson,.csv"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
              data-testid="upload-files"
            />
            <span className="muted">
              {files.length
                ? `${files.length} file${files.length > 1 ? 's' : ''}: ${files.map((f) => f.name).join(', ')}`
                : 'no files chosen'}
            </span>
          </label>
        )}
        <div className="actions">
          <button type="submit">Preview</button>
          <button type="button" onClick={() => void send(true)} data-testid="upload-save">
            Save
          </button>
        </div>
      </fieldset>
      <div role="status" aria-live="polite" data-testid="upload-result">
        {answer?.error && <p className="banner warn">{answer.error}</p>}
        {answer && !answer.error && (
          <>
            <p>
              <strong>
                {answer.saved
                  ? `Saved ${answer.imported} article${answer.imported === 1 ? '' : 's'}`
                  : `Preview: ${answer.imported} article${answer.imported === 1 ? '' : 's'} would be added`}
              </strong>
              {`; ${answer.duplicates?.length ?? 0} duplicate${answer.duplicates?.length === 1 ? '' : 's'}, ${answer.rejected?.length ?? 0} rejected.`}
              {answer.saved &&
                answer.versionAfter &&
                ` Corpus version ${answer.versionBefore ?? '(new)'} → ${answer.versionAfter}.`}
            </p>
            {!!answer.rejected?.length && (
              <ul className="problems">
                {answer.rejected.map((r, i) => (
                  <li key={i}>
                    <strong>{r.where}</strong>: {r.reason}
                  </li>
                ))}
              </ul>
            )}
            {!!answer.duplicates?.length && (
              <ul>
                {answer.duplicates.map((d, i) => (
                  <li key={i}>
                    {d.where}: same text as article <code>{d.of}</code> (not stored twice)
                  </li>
                ))}
              </ul>
            )}
            {!!answer.quirks?.length && (
              <ul>
                {answer.quirks.map((q) => (
                  <li key={q.rule}>
                    {q.text}: {q.count}
                  </li>
                ))}
              </ul>
            )}
            {answer.articles?.map((a) => (
              <article key={a.id} className="card preview" data-testid="upload-preview">
                <h4>
                  {a.title}{' '}
                  <span className="muted">
                    ({a.date ?? 'undated'}, {a.mentions.length} mention{a.mentions.length === 1 ? '' : 's'} found)
                  </span>
                </h4>
                <Highlighted a={a} />
              </article>
            ))}
          </>
        )}
      </div>
    </form>
  );
}
