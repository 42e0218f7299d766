'use client';
import { createContext, useContext } from 'react';
import { fieldDomId } from '@/lib/lexicon/fieldErrors';
import type { LexiconDraft, PatternDraft } from '@/lib/lexicon/form';

/** What every input of the lexicon form reads: the one error to show and where, and how to change the draft. */
export interface FormContext {
  /** Path of the field the current error is shown at ('' for none or the form as a whole). */
  anchor: string;
  /** The error text (problem and fix), or null when the draft is valid. */
  error: string | null;
  edit: (change: (d: LexiconDraft) => void) => void;
}

/** The lexicon form's context (provided by LexiconForm). */
export const LexiconFormContext = createContext<FormContext>({ anchor: '', error: null, edit: () => {} });

/** The error text for a path, when the current error is shown there. */
export function useFieldError(path: string): string | null {
  const { anchor, error } = useContext(LexiconFormContext);
  return error !== null && anchor === path ? error : null;
}

/** The error line under a field, referenced by the field's aria-describedby. */
export function FieldError({ path }: { path: string }) {
  const error = useFieldError(path);
  if (!error) return null;
  return (
    <span className="field-error" id={`${fieldDomId(path)}-error`}>
      {error}
    </span>
  );
}

type Aria = { 'aria-invalid'?: true; 'aria-describedby'?: string };

/** aria attributes of an input at `path`: invalid and described by its error when the error is shown there. */
export function invalidAttrs(path: string, ctx: Pick<FormContext, 'anchor' | 'error'>, hint?: string): Aria {
  const shown = ctx.error !== null && ctx.anchor === path;
  const ids = [hint, shown ? `${fieldDomId(path)}-error` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': shown ? true : undefined, 'aria-describedby': ids || undefined };
}

/** invalidAttrs for one input, read from the form's context. */
export function useInvalid(path: string, hint?: string): Aria {
  return invalidAttrs(path, useContext(LexiconFormContext), hint);
}

/** A labelled text input bound to a path of the draft. */
export function TextField({
  path,
  label,
  value,
  onChange,
  hint,
  wide = false,
  inputMode,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  wide?: boolean;
  inputMode?: 'decimal' | 'numeric';
}) {
  const id = fieldDomId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const aria = useInvalid(path, hintId);
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={inputMode}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        {...aria}
      />
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError path={path} />
    </div>
  );
}

/** A labelled checkbox bound to a path of the draft. */
export function CheckField({
  path,
  label,
  checked,
  onChange,
}: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const id = fieldDomId(path);
  const aria = useInvalid(path);
  return (
    <div className="field check-field">
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...aria} />{' '}
        {label}
      </label>
      <FieldError path={path} />
    </div>
  );
}

/** The end of a pattern or exclusion row: its case-sensitive box and its Remove button (named for the row). */
export function CaseAndRemove({
  caseSensitive,
  onCase,
  removeLabel,
  onRemove,
}: {
  caseSensitive: boolean;
  onCase: (v: boolean) => void;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={caseSensitive} onChange={(e) => onCase(e.target.checked)} /> case-sensitive
      </label>
      <div className="actions">
        <button type="button" aria-label={removeLabel} onClick={onRemove}>
          Remove
        </button>
      </div>
    </>
  );
}

/** A labelled select bound to a path of the draft. */
export function SelectField<T extends string>({
  path,
  label,
  value,
  options,
  onChange,
}: {
  path: string;
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}) {
  const id = fieldDomId(path);
  const aria = useInvalid(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} {...aria}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <FieldError path={path} />
    </div>
  );
}

/** A list of phrases (patterns or aliases): text, case-sensitive, remove; and a button to add one. */
export function PatternList({
  path,
  legend,
  what,
  patterns,
  onChange,
}: {
  path: string;
  legend: string;
  what: string;
  patterns: PatternDraft[];
  onChange: (p: PatternDraft[]) => void;
}) {
  const ctx = useContext(LexiconFormContext);
  const set = (i: number, p: Partial<PatternDraft>) => onChange(patterns.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <fieldset className="pattern-list" id={fieldDomId(path)} {...invalidAttrs(path, ctx)}>
      <legend>{legend}</legend>
      {patterns.map((p, i) => {
        const pp = `${path}[${i}]`;
        const id = fieldDomId(pp);
        return (
          <div key={i} className="pattern-row">
            <div className="field">
              <label htmlFor={id}>
                {what} {i + 1}
              </label>
              <input
                id={id}
                value={p.text}
                spellCheck={false}
                onChange={(e) => set(i, { text: e.target.value })}
                {...invalidAttrs(pp, ctx)}
              />
              <FieldError path={pp} />
            </div>
            <CaseAndRemove
              caseSensitive={p.caseSensitive}
              onCase={(caseSensitive) => set(i, { caseSensitive })}
              removeLabel={`Remove ${what.toLowerCase()} ${i + 1} (${p.text || 'empty'})`}
              onRemove={() => onChange(patterns.filter((_x, j) => j !== i))}
            />
          </div>
        );
      })}
      <div className="actions">
        <button type="button" onClick={() => onChange([...patterns, { text: '', caseSensitive: false }])}>
          Add {what.toLowerCase()}
        </button>
      </div>
      <FieldError path={path} />
    </fieldset>
  );
}
