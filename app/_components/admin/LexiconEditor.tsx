'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorAnchor, fieldDomId, formPaths } from '@/lib/lexicon/fieldErrors';
import {
  checkDraft,
  checkLexiconJson,
  draftFromJson,
  draftToText,
  type DraftCheck,
  type LexiconDraft,
} from '@/lib/lexicon/form';
import { InputError } from '@/lib/errors';
import type { LexiconPreview as Preview } from '@/lib/server/dataset';
import { DEFAULT_STATE, hrefFor, withState } from '@/lib/url/state';
import { AppLink } from '../AppLink';
import { AddTermPanel } from './AddTermPanel';
import { LexiconForm } from './LexiconForm';
import { LexiconFormContext } from './lexiconFields';
import { LexiconPreview } from './LexiconPreview';
import { postJson } from './token';

type Tab = 'form' | 'json';
type Message = { ok: boolean; text: string; href?: string };

/** The draft of a lexicon's text, or why the form cannot show it. */
function draftOf(text: string): { draft: LexiconDraft } | { error: string } {
  try {
    return { draft: draftFromJson(JSON.parse(text)) };
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    return { error: `The JSON is not valid (${(e as Error).message}); fix it in the JSON tab.` };
  }
}

/** Validates the JSON tab's text as the server will, located by path. */
function checkText(text: string): DraftCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, path: '', problem: `the JSON is not valid (${(e as Error).message})`, fix: 'fix the syntax' };
  }
  return checkLexiconJson(json);
}

/**
 * The corpus's lexicon as a form (groups, variants, patterns, stances with rationales, exclusions, actors) with each
 * error next to its field, or as JSON in the advanced tab (the two round-trip); preview how the counts would change,
 * then save as a new version with the admin token. `add` is a term to add, from the explorer or search.
 */
export function LexiconEditor({
  corpus,
  source,
  own,
  enabled,
  add,
}: {
  corpus: string;
  source: string;
  own: boolean;
  enabled: boolean;
  add: string | null;
}) {
  const initial = useMemo(() => draftOf(source), [source]);
  const [tab, setTab] = useState<Tab>('draft' in initial ? 'form' : 'json');
  const [draft, setDraft] = useState<LexiconDraft>('draft' in initial ? initial.draft : draftFromJson({ groups: [] }));
  const [text, setText] = useState(source);
  const [focus, setFocus] = useState('');
  const pendingFocus = useRef<string | null>(null);
  const [message, setMessage] = useState<Message | null>(
    'error' in initial ? { ok: false, text: `The form cannot show this lexicon: ${initial.error}` } : null,
  );
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);

  const check = useMemo(() => (tab === 'form' ? checkDraft(draft) : checkText(text)), [tab, draft, text]);
  const shown = useMemo(() => formPaths(draft), [draft]);
  const anchor = check.ok || tab === 'json' ? '' : errorAnchor(check.path, shown);
  const errorText = check.ok ? null : `${check.problem}. Fix: ${check.fix}.`;
  const current = () => (tab === 'form' ? draftToText(draft) : text);

  // Focus the field "add to lexicon" asks to fill next, once it is on the page (its section has opened).
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const el = document.getElementById(fieldDomId(pendingFocus.current));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      pendingFocus.current = null;
    }
  }, [focus, draft]);

  const edit = (change: (d: LexiconDraft) => void) => {
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
    setPreview(null);
  };

  const switchTo = (next: Tab) => {
    if (next === tab) return;
    if (next === 'json') {
      // The text as it was typed (or as the file is laid out) stays while the form changed nothing it stands for.
      const same = (() => {
        const r = draftOf(text);
        return 'draft' in r && draftToText(r.draft) === draftToText(draft);
      })();
      if (!same) setText(draftToText(draft));
      setTab('json');
      setMessage(null);
      return;
    }
    const r = draftOf(text);
    if ('error' in r) return setMessage({ ok: false, text: `The form cannot show this JSON: ${r.error}` });
    setDraft(r.draft);
    setTab('form');
    setMessage(null);
  };

  const runPreview = async () => {
    setBusy('preview');
    setMessage(null);
    const { data } = await postJson('/api/lexicon/preview', { corpus, lexicon: current() });
    setBusy(null);
    if (data.error) return setMessage({ ok: false, text: String(data.error) });
    setPreview(data as unknown as Preview);
  };

  // What "discard" goes back to: the lexicon as last saved (the page's, or this editor's latest save).
  const [baseline, setBaseline] = useState(source);
  const discard = () => {
    const saved = draftOf(baseline);
    if ('draft' in saved) setDraft(saved.draft);
    setText(baseline);
    setFocus('');
    setPreview(null);
    setMessage({ ok: true, text: 'Edits discarded: the editor shows the saved lexicon again.' });
  };

  const validate = async () => {
    const { data } = await postJson('/api/lexicon', { corpus, lexicon: current() });
    const s = data.summary as { groups: number; variants: number; exclusions: number; actors: number } | undefined;
    if (data.error) setMessage({ ok: false, text: String(data.error) });
    else if (s)
      setMessage({
        ok: true,
        text: `Valid: ${s.groups} term groups, ${s.variants} variants, ${s.exclusions} exclusions, ${s.actors} actors.`,
      });
  };

  const save = async () => {
    setBusy('save');
    const sent = current();
    const { data } = await postJson('/api/lexicon', { corpus, lexicon: sent, save: true });
    setBusy(null);
    if (data.error) return setMessage({ ok: false, text: String(data.error) });
    setBaseline(sent);
    setMessage({
      ok: true,
      text: `Saved. Corpus version ${data.versionBefore} → ${data.versionAfter}. The charts now count with this lexicon.`,
      href: hrefFor('/', withState(DEFAULT_STATE, { corpus })),
    });
  };

  const problemCount = check.ok ? 'The lexicon is valid.' : `Not valid yet: ${errorText}`;
  return (
    <div className="lexicon-editor" data-testid="lexicon-editor">
      <p className="counts">
        {own
          ? 'This corpus has its own lexicon.json.'
          : 'This corpus uses the bundled corpus/lexicon.json; saving here gives it its own copy.'}{' '}
        Edit term groups, variants (patterns, stances, rationales), exclusions and actors. Every save is validated first
        and makes a new corpus version; links to older versions keep their numbers.
      </p>
      {add && tab === 'form' ? (
        <AddTermPanel
          term={add}
          draft={draft}
          onAdd={(next, at, what) => {
            setDraft(next);
            setPreview(null);
            setFocus(at);
            pendingFocus.current = at;
            setMessage({ ok: true, text: what });
          }}
        />
      ) : null}
      <div role="tablist" aria-label="Lexicon editor" className="tabs">
        {(
          [
            ['form', 'Form'],
            ['json', 'JSON (advanced)'],
          ] as const
        ).map(([t, label]) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`lex-tab-${t}`}
            aria-selected={tab === t}
            aria-controls="lex-panel"
            tabIndex={tab === t ? 0 : -1}
            onClick={() => switchTo(t)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const other = t === 'form' ? 'json' : 'form';
                switchTo(other);
                document.getElementById(`lex-tab-${other}`)?.focus();
              }
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="lex-panel" role="tabpanel" aria-labelledby={`lex-tab-${tab}`}>
        {tab === 'form' ? (
          <LexiconFormContext.Provider value={{ anchor, error: errorText, edit }}>
            {!check.ok && anchor === '' ? (
              <p className="field-error" id="lex-error">
                {errorText}
              </p>
            ) : null}
            <LexiconForm draft={draft} focus={focus} />
          </LexiconFormContext.Provider>
        ) : (
          <div className="field wide">
            <label htmlFor="lexicon-text">Lexicon (JSON)</label>
            <textarea
              id="lexicon-text"
              rows={16}
              spellCheck={false}
              value={text}
              aria-invalid={check.ok ? undefined : true}
              aria-describedby={check.ok ? undefined : 'lexicon-text-error'}
              onChange={(e) => {
                setText(e.target.value);
                setPreview(null);
              }}
              data-testid="lexicon-text"
            />
            {check.ok ? null : (
              <span className="field-error" id="lexicon-text-error">
                {check.path ? `${check.path}: ` : ''}
                {errorText}
              </span>
            )}
          </div>
        )}
      </div>
      <p role="status" aria-live="polite" className="counts" data-testid="lexicon-validity">
        {problemCount}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void validate()}>
          Validate
        </button>
        <button type="button" onClick={discard}>
          Discard edits
        </button>
        <button
          type="button"
          onClick={() => void runPreview()}
          disabled={!enabled || !check.ok || busy !== null}
          data-testid="lexicon-preview-button"
        >
          {busy === 'preview' ? 'Counting…' : 'Show count changes'}
        </button>
        <button
          type="button"
          onClick={() => void save()}
          disabled={!enabled || !check.ok || busy !== null}
          data-testid="lexicon-save"
        >
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="lexicon-result">
        {message ? (
          <p className={message.ok ? undefined : 'banner warn'}>
            {message.text}
            {message.href ? (
              <>
                {' '}
                <AppLink href={message.href}>Open the overview</AppLink>.
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {preview ? <LexiconPreview preview={preview} /> : null}
    </div>
  );
}
