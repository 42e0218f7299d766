'use client';
import { useState } from 'react';
import { postJson } from './token';

/** The corpus's lexicon as JSON: validate (errors name the entry) and save as a new version with the admin token. */
export function LexiconEditor({
  corpus,
  source,
  own,
  enabled,
}: {
  corpus: string;
  source: string;
  own: boolean;
  enabled: boolean;
}) {
  const [text, setText] = useState(source);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async (save: boolean) => {
    const { data } = await postJson('/api/lexicon', { corpus, lexicon: text, save });
    const s = data.summary as { groups: number; variants: number; exclusions: number; actors: number } | undefined;
    if (data.error) setMessage({ ok: false, text: String(data.error) });
    else if (data.saved)
      setMessage({
        ok: true,
        text: `Saved. Corpus version ${data.versionBefore} → ${data.versionAfter}. Reload the dashboard to see the new numbers.`,
      });
    else if (s)
      setMessage({
        ok: true,
        text: `Valid: ${s.groups} term groups, ${s.variants} variants, ${s.exclusions} exclusions, ${s.actors} actors.`,
      });
  };
  return (
    <div className="lexicon-editor" data-testid="lexicon-editor">
      <p className="counts">
        {own
          ? 'This corpus has its own lexicon.json.'
          : 'This corpus uses the bundled corpus/lexicon.json; saving here gives it its own copy.'}{' '}
        Edit term groups, variants (patterns, stances, rationales), exclusions and actors. Every save is validated first
        and makes a new corpus version; links to older versions keep their numbers.
      </p>
      <label className="field wide">
        Lexicon (JSON)
        <textarea
          rows={16}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="lexicon-text"
        />
      </label>
      <div className="actions">
        <button type="button" onClick={() => void send(false)}>
          Validate
        </button>
        <button type="button" onClick={() => void send(true)} disabled={!enabled} data-testid="lexicon-save">
          Save
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={message && !message.ok ? 'banner warn' : undefined}
        data-testid="lexicon-result"
      >
        {message?.text}
      </p>
    </div>
  );
}
