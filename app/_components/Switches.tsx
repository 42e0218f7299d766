import { AppLink } from './AppLink';
import { hrefFor, withState, type ViewState } from '@/lib/url/state';

/** A labelled set of links, one per option, the current one marked; each link is a full view URL. */
export function Switch<K extends keyof ViewState>(p: {
  label: string;
  pathname: string;
  state: ViewState;
  field: K;
  options: [ViewState[K], string][];
  testid: string;
}) {
  return (
    <div className="switch" role="group" aria-label={p.label} data-testid={p.testid}>
      <span className="switch-label">{p.label}</span>
      {p.options.map(([value, text]) => {
        const current = p.state[p.field] === value;
        return (
          <AppLink
            key={String(value)}
            href={hrefFor(p.pathname, withState(p.state, { [p.field]: value, sel: null } as Partial<ViewState>))}
            aria-current={current ? 'true' : undefined}
            className={current ? 'on' : undefined}
          >
            {text}
          </AppLink>
        );
      })}
    </div>
  );
}

// The text filters every view has, with what each option is called.
const FILTER_SWITCHES = [
  {
    label: 'Voice',
    field: 'voice',
    testid: 'voice-switch',
    options: [
      ['all', 'All (incl. quotations)'],
      ['own', 'Own voice only'],
    ],
  },
  {
    label: 'Sections',
    field: 'scope',
    testid: 'scope-switch',
    options: [
      ['all', 'Title, captions, body'],
      ['body', 'Body only'],
    ],
  },
  {
    label: 'Text',
    field: 'provenance',
    testid: 'provenance-switch',
    options: [
      ['all', 'All text'],
      ['original', 'Original only'],
      ['reused', 'Reused only'],
    ],
  },
] as const;

/** The voice, section and provenance switches every view has. */
export function VoiceScope({ pathname, state }: { pathname: string; state: ViewState }) {
  return (
    <div className="controls">
      {FILTER_SWITCHES.map((s) => (
        <Switch
          key={s.field}
          label={s.label}
          pathname={pathname}
          state={state}
          field={s.field}
          testid={s.testid}
          options={s.options.map(([v, t]) => [v, t] as [ViewState[typeof s.field], string])}
        />
      ))}
    </div>
  );
}
