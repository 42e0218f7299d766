'use client';
import { useState } from 'react';
import { addTerm, usesOf, type AddTarget } from '@/lib/lexicon/addTerm';
import type { LexiconDraft } from '@/lib/lexicon/form';

type Kind = AddTarget['kind'];
const KINDS: readonly (readonly [Kind, string])[] = [
  ['variant', 'as a new variant of a group'],
  ['pattern', 'as one more pattern of a variant'],
  ['group', 'as the first variant of a new group'],
  ['exclusion', 'as an exclusion (never counted)'],
];

/** "Add to lexicon": puts a term from the explorer or search into the draft where the editor chooses. */
export function AddTermPanel({
  term,
  draft,
  onAdd,
}: {
  term: string;
  draft: LexiconDraft;
  onAdd: (draft: LexiconDraft, focus: string, what: string) => void;
}) {
  const [kind, setKind] = useState<Kind>('variant');
  const [group, setGroup] = useState(0);
  const [variant, setVariant] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const g = draft.groups[group];
  const uses = usesOf(draft, term);
  const add = () => {
    const target: AddTarget =
      kind === 'variant' ? { kind, group } : kind === 'pattern' ? { kind, group, variant } : { kind };
    const r = addTerm(draft, term, target);
    if ('error' in r) return setError(r.error);
    setError(null);
    const where =
      kind === 'exclusion'
        ? 'the exclusions'
        : kind === 'group'
          ? 'a new group'
          : kind === 'variant'
            ? `a new variant of "${g?.short || g?.id}"`
            : `the patterns of "${g?.variants[variant]?.label}"`;
    onAdd(r.draft, r.focus, `Added "${term}" to ${where}.`);
  };
  return (
    <fieldset className="card add-term" data-testid="add-term">
      <legend>
        Add <q>{term}</q> to the lexicon
      </legend>
      {uses.length > 0 && (
        <p className="counts" data-testid="add-term-uses">
          Already in this lexicon: {uses.map((u) => u.label).join('; ')}. Its mentions are counted there; adding it to
          another group counts them there too.
        </p>
      )}
      <div className="lex-grid">
        <div className="field">
          <label htmlFor="add-kind">How</label>
          <select id="add-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map(([k, text]) => (
              <option key={k} value={k}>
                {text}
              </option>
            ))}
          </select>
        </div>
        {kind === 'variant' || kind === 'pattern' ? (
          <div className="field">
            <label htmlFor="add-group">Group</label>
            <select
              id="add-group"
              value={group}
              onChange={(e) => {
                setGroup(Number(e.target.value));
                setVariant(0);
              }}
            >
              {draft.groups.map((x, i) => (
                <option key={i} value={i}>
                  {x.short || x.label || x.id}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {kind === 'pattern' && g ? (
          <div className="field">
            <label htmlFor="add-variant">Variant</label>
            <select id="add-variant" value={variant} onChange={(e) => setVariant(Number(e.target.value))}>
              {g.variants.map((v, i) => (
                <option key={i} value={i}>
                  {v.label || v.id}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <div className="actions">
        <button type="button" onClick={add} data-testid="add-term-button">
          Add to the draft
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="counts">
        Nothing is saved yet: fill in what the form then asks for (a new variant needs its stance and rationale),
        preview how the counts change, and save.
      </p>
    </fieldset>
  );
}
