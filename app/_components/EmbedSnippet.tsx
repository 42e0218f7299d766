'use client';
import { useState } from 'react';
import { embedSnippet } from '@/lib/view/embed';
import { AppLink } from './AppLink';

/** "Embed": a copyable iframe snippet (auto-resized by /embed.js) and a link to the embed itself. */
export function EmbedSnippet({ path, title, height = 600 }: { path: string; title: string; height?: number }) {
  const [open, setOpen] = useState(false);
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState('');
  const snippet = embedSnippet(origin, path, title, height);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        data-testid="embed-button"
        onClick={() => {
          setOrigin(window.location.origin);
          setOpen(!open);
        }}
      >
        Embed
      </button>
      {open && (
        <div className="embed-snippet" data-testid="embed-snippet">
          <label className="field wide">
            Paste this into your page; the script resizes the frame to fit the chart.
            <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(snippet);
                setCopied('Snippet copied');
              } catch {
                setCopied('Select the text above and copy it');
              }
            }}
          >
            Copy snippet
          </button>{' '}
          <AppLink href={path} data-testid="embed-link">
            Open the embed
          </AppLink>{' '}
          <span role="status" className="muted">
            {copied}
          </span>
        </div>
      )}
    </>
  );
}
