'use client';
import { useContext, useState, type SyntheticEvent } from 'react';
import { blankGroup, blankVariant, slugId } from '@/lib/lexicon/addTerm';
import { fieldDomId } from '@/lib/lexicon/fieldErrors';
import type { AboutMode, ActorDraft, GroupDraft, LexiconDraft, VariantDraft } from '@/lib/lexicon/form';
import {
  CaseAndRemove,
  CheckField,
  FieldError,
  LexiconFormContext,
  PatternList,
  SelectField,
  TextField,
} from './lexiconFields';

const ABOUT: readonly (readonly [AboutMode, string])[] = [
  ['none', 'anyone (every label counts)'],
  ['non-state', 'non-state actors (labels said of state forces are set aside)'],
  ['actors', 'the actors listed (labels of other actors are set aside)'],
];
const KINDS: readonly (readonly [ActorDraft['kind'], string])[] = [
  ['', '(not given)'],
  ['state', 'state'],
  ['non-state', 'non-state'],
];
const DETECTORS: readonly (readonly [VariantDraft['detector'], string])[] = [
  ['', 'none: match the patterns'],
  ['scare-quotes', 'scare quotes: a label in quotation marks'],
];

/** The collapsible section a path is in: a group, the exclusions or the actors (null: none). */
function sectionOf(path: string): string | null {
  const group = /^groups\[\d+\]/.exec(path);
  if (group) return group[0];
  if (path.startsWith('exclusions')) return 'exclusions';
  if (path.startsWith('actors')) return 'actors';
  return null;
}

/** Opens a collapsible section on toggle and closes it, keeping the set of open sections in step with the page. */
type Toggle = (section: string) => (e: SyntheticEvent<HTMLDetailsElement>) => void;

function Variant({ gi, vi, v }: { gi: number; vi: number; v: VariantDraft }) {
  const { edit } = useContext(LexiconFormContext);
  const p = `groups[${gi}].variants[${vi}]`;
  const set = (patch: Partial<VariantDraft>) => edit((d) => Object.assign(d.groups[gi].variants[vi], patch));
  return (
    <fieldset className="lex-variant" id={fieldDomId(p)}>
      <legend>
        Variant {vi + 1}: {v.label || v.id || '(new)'}
      </legend>
      <div className="lex-grid">
        <TextField path={`${p}.id`} label="Id" value={v.id} onChange={(id) => set({ id })} />
        <TextField path={`${p}.label`} label="Label" value={v.label} onChange={(label) => set({ label })} />
        <TextField
          path={`${p}.stance`}
          label="Stance (−1 to 1)"
          value={v.stance}
          inputMode="decimal"
          hint="Along the group's axis: −1 its negative end, 1 its positive end."
          onChange={(stance) => set({ stance })}
        />
        <SelectField
          path={`${p}.detector`}
          label="Detector"
          value={v.detector}
          options={DETECTORS}
          onChange={(detector) => set({ detector })}
        />
        {v.detector ? (
          <TextField
            path={`${p}.maxWords`}
            label="Longest quotation (words)"
            value={v.maxWords}
            inputMode="numeric"
            onChange={(maxWords) => set({ maxWords })}
          />
        ) : null}
      </div>
      <TextField
        path={`${p}.rationale`}
        label="Rationale (one line: why this stance)"
        value={v.rationale}
        wide
        onChange={(rationale) => set({ rationale })}
      />
      <PatternList
        path={`${p}.patterns`}
        legend="Patterns (whole words; case-insensitive unless marked)"
        what="Pattern"
        patterns={v.patterns}
        onChange={(patterns) => set({ patterns })}
      />
      <div className="actions">
        <button
          type="button"
          aria-label={`Remove variant ${v.label || v.id || vi + 1}`}
          onClick={() => edit((d) => void d.groups[gi].variants.splice(vi, 1))}
        >
          Remove variant
        </button>
      </div>
    </fieldset>
  );
}

function Group({ gi, g, open, toggle }: { gi: number; g: GroupDraft; open: boolean; toggle: Toggle }) {
  const { edit } = useContext(LexiconFormContext);
  const p = `groups[${gi}]`;
  const set = (patch: Partial<GroupDraft>) => edit((d) => Object.assign(d.groups[gi], patch));
  return (
    <details className="lex-group" open={open} onToggle={toggle(p)} id={fieldDomId(p)}>
      <summary>
        <strong>{g.short || g.label || g.id || 'New group'}</strong> ({g.variants.length} variants)
      </summary>
      <FieldError path={p} />
      <div className="lex-grid">
        <TextField path={`${p}.id`} label="Id" value={g.id} onChange={(id) => set({ id })} />
        <TextField path={`${p}.short`} label="Short name" value={g.short} onChange={(short) => set({ short })} />
      </div>
      <TextField path={`${p}.label`} label="Question" value={g.label} wide onChange={(label) => set({ label })} />
      <div className="lex-grid">
        <TextField
          path={`${p}.axis.negative`}
          label="Axis: negative end (−1)"
          value={g.axisNegative}
          onChange={(axisNegative) => set({ axisNegative })}
        />
        <TextField
          path={`${p}.axis.positive`}
          label="Axis: positive end (1)"
          value={g.axisPositive}
          onChange={(axisPositive) => set({ axisPositive })}
        />
      </div>
      <div className="lex-grid">
        <CheckField
          path={`${p}.attributeActors`}
          label="Attribute labels to actors (actor lens)"
          checked={g.attributeActors}
          onChange={(attributeActors) => set({ attributeActors })}
        />
        <CheckField
          path={`${p}.namesInQuotes`}
          label="A label beside a quoted name is part of the name"
          checked={g.namesInQuotes}
          onChange={(namesInQuotes) => set({ namesInQuotes })}
        />
      </div>
      <SelectField
        path={`${p}.about`}
        label="Whose labels count"
        value={g.aboutMode}
        options={ABOUT}
        onChange={(aboutMode) => set({ aboutMode })}
      />
      {g.aboutMode === 'non-state' ? (
        <TextField
          path={`${p}.about.genericWords`}
          label="Generic words (comma-separated)"
          hint="An unattributed label right after one of these is set aside (e.g. ground, government, two)."
          value={g.genericWords}
          wide
          onChange={(genericWords) => set({ genericWords })}
        />
      ) : null}
      {g.aboutMode === 'actors' ? (
        <TextField
          path={`${p}.about.actors`}
          label="Actor ids (comma-separated)"
          value={g.aboutActors}
          wide
          onChange={(aboutActors) => set({ aboutActors })}
        />
      ) : null}
      <div id={fieldDomId(`${p}.variants`)}>
        <FieldError path={`${p}.variants`} />
        {g.variants.map((v, vi) => (
          <Variant key={vi} gi={gi} vi={vi} v={v} />
        ))}
      </div>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            edit((d) =>
              d.groups[gi].variants.push(
                blankVariant(
                  slugId(
                    'variant',
                    g.variants.map((v) => v.id),
                  ),
                ),
              ),
            )
          }
        >
          Add variant
        </button>
        <button
          type="button"
          aria-label={`Remove group ${g.short || g.id || gi + 1}`}
          onClick={() => edit((d) => void d.groups.splice(gi, 1))}
        >
          Remove group
        </button>
      </div>
    </details>
  );
}

function Actor({ ai, a }: { ai: number; a: ActorDraft }) {
  const { edit } = useContext(LexiconFormContext);
  const p = `actors[${ai}]`;
  const set = (patch: Partial<ActorDraft>) => edit((d) => Object.assign(d.actors[ai], patch));
  return (
    <fieldset className="lex-variant" id={fieldDomId(p)}>
      <legend>
        Actor {ai + 1}: {a.label || a.id || '(new)'}
      </legend>
      <FieldError path={p} />
      <div className="lex-grid">
        <TextField path={`${p}.id`} label="Id" value={a.id} onChange={(id) => set({ id })} />
        <TextField path={`${p}.label`} label="Label" value={a.label} onChange={(label) => set({ label })} />
        <SelectField
          path={`${p}.kind`}
          label="Kind"
          value={a.kind}
          options={KINDS}
          onChange={(kind) => set({ kind })}
        />
        <TextField
          path={`${p}.backedBy`}
          label="Backed by (actor id)"
          value={a.backedBy}
          onChange={(backedBy) => set({ backedBy })}
        />
      </div>
      <TextField path={`${p}.note`} label="Note" value={a.note} wide onChange={(note) => set({ note })} />
      <PatternList
        path={`${p}.aliases`}
        legend="Aliases (names that identify this actor)"
        what="Alias"
        patterns={a.aliases}
        onChange={(aliases) => set({ aliases })}
      />
      <div className="actions">
        <button
          type="button"
          aria-label={`Remove actor ${a.label || a.id || ai + 1}`}
          onClick={() => edit((d) => void d.actors.splice(ai, 1))}
        >
          Remove actor
        </button>
      </div>
    </fieldset>
  );
}

/** The lexicon as a form: term groups with their variants, exclusions and actors, each error next to its field. */
export function LexiconForm({ draft, focus }: { draft: LexiconDraft; focus: string }) {
  const { edit, anchor } = useContext(LexiconFormContext);
  // A section opens when its field gets the error or is the one to fill next, and then stays as the editor leaves it
  // (fixing the error must not fold the section away under the cursor).
  const wanted = [sectionOf(anchor), sectionOf(focus)].filter((x): x is string => x !== null);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(wanted));
  const [seen, setSeen] = useState(wanted.join('|'));
  if (seen !== wanted.join('|')) {
    setSeen(wanted.join('|'));
    setOpen((prev) => new Set([...prev, ...wanted]));
  }
  const opened = (section: string) => open.has(section);
  const toggle: Toggle = (section) => (e) => {
    const isOpen = e.currentTarget.open;
    setOpen((prev) => {
      if (prev.has(section) === isOpen) return prev;
      const next = new Set(prev);
      if (isOpen) next.add(section);
      else next.delete(section);
      return next;
    });
  };
  return (
    <div className="lex-form" data-testid="lexicon-form">
      <h3 id={fieldDomId('groups')}>Term groups</h3>
      <FieldError path="groups" />
      {draft.groups.map((g, gi) => (
        <Group key={gi} gi={gi} g={g} open={opened(`groups[${gi}]`)} toggle={toggle} />
      ))}
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            edit((d) =>
              d.groups.push(
                blankGroup(
                  slugId(
                    'group',
                    d.groups.map((x) => x.id),
                  ),
                  [blankVariant('variant-1'), blankVariant('variant-2')],
                ),
              ),
            )
          }
        >
          Add group
        </button>
      </div>
      <details
        className="lex-group"
        open={opened('exclusions')}
        onToggle={toggle('exclusions')}
        id={fieldDomId('exclusions')}
      >
        <summary>
          <strong>Exclusions</strong> ({draft.exclusions.length}: phrases that contain a label word and never count)
        </summary>
        <FieldError path="exclusions" />
        {draft.exclusions.map((e, i) => (
          <div key={i} className="lex-grid pattern-row">
            <TextField
              path={`exclusions[${i}]`}
              label={`Exclusion ${i + 1}`}
              value={e.text}
              onChange={(text) => edit((d) => void (d.exclusions[i].text = text))}
            />
            <TextField
              path={`exclusions[${i}].note`}
              label="Why"
              value={e.note}
              onChange={(note) => edit((d) => void (d.exclusions[i].note = note))}
            />
            <CaseAndRemove
              caseSensitive={e.caseSensitive}
              onCase={(caseSensitive) => edit((d) => void (d.exclusions[i].caseSensitive = caseSensitive))}
              removeLabel={`Remove exclusion ${i + 1} (${e.text || 'empty'})`}
              onRemove={() => edit((d) => void d.exclusions.splice(i, 1))}
            />
          </div>
        ))}
        <div className="actions">
          <button
            type="button"
            onClick={() => edit((d) => void d.exclusions.push({ text: '', caseSensitive: false, note: '', extra: {} }))}
          >
            Add exclusion
          </button>
        </div>
      </details>
      <details className="lex-group" open={opened('actors')} onToggle={toggle('actors')} id={fieldDomId('actors')}>
        <summary>
          <strong>Actors</strong> ({draft.actors.length}: who a label is attributed to)
        </summary>
        <FieldError path="actors" />
        {draft.actors.map((a, ai) => (
          <Actor key={ai} ai={ai} a={a} />
        ))}
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              edit(
                (d) =>
                  void d.actors.push({
                    id: slugId(
                      'actor',
                      d.actors.map((x) => x.id),
                    ),
                    label: '',
                    kind: '',
                    aliases: [{ text: '', caseSensitive: false }],
                    backedBy: '',
                    note: '',
                    extra: {},
                  }),
              )
            }
          >
            Add actor
          </button>
        </div>
      </details>
    </div>
  );
}
