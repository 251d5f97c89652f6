// The two forms that change a system's mode: record (an optional session name, and the real system's
// URL, saved to the workspace's live.url when it is new) and replay (which sessions, what a miss does).
import { useState, type ReactNode } from 'react';
import type { SessionSummary, SystemRecordingState } from '../../../app/recording/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';
import {
  liveUrlProblem,
  ON_MISS_LABELS,
  sameUrl,
  sessionNameProblem,
  withLiveUrl,
  type OnMiss,
} from './recordings-model.js';

interface RecordFormProps {
  state: SystemRecordingState;
  /** Called once the engine records; the system's session is known from the overview then. */
  onStarted: () => void;
  onCancel: () => void;
}

export function RecordForm({ state, onStarted, onCancel }: RecordFormProps): ReactNode {
  const { client } = useEngine();
  const [session, setSession] = useState('');
  const [url, setUrl] = useState(state.liveUrl ?? '');
  const [trust, setTrust] = useState<'verify' | 'ignore'>('verify');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const urlChanged = !sameUrl(state.liveUrl, url.trim());

  const start = async (): Promise<void> => {
    const name = session.trim();
    const invalid =
      (name === '' ? null : sessionNameProblem(name)) ?? (urlChanged ? liveUrlProblem(url.trim()) : null);
    setProblem(invalid);
    setError(null);
    if (invalid) return;
    setBusy(true);
    try {
      if (urlChanged) {
        const { workspace } = await client.getWorkspace();
        await client.replaceWorkspace(withLiveUrl(workspace, state.system, url.trim(), trust));
      }
      await client.startRecording(state.system, name === '' ? undefined : name);
      onStarted();
    } catch (e) {
      setError(asError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="rec-form"
      aria-label={`Record ${state.system}`}
      aria-busy={busy}
      onSubmit={(e) => (e.preventDefault(), void start())}
    >
      <div className="rec-form__fields">
        <Field
          label="Session name"
          hint={`Optional; by default ${state.system}-<timestamp>. An existing session is appended to.`}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              className="input"
              aria-describedby={describedBy}
              value={session}
              onChange={(e) => setSession(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Real system URL"
          hint="Scheme, host and port of the system to record, e.g. https://s4.corp:44300."
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              className="input input--mono"
              aria-describedby={describedBy}
              required
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        {urlChanged && /^https:/i.test(url.trim()) ? (
          <Field label="Certificate">
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={trust}
                onChange={(e) => setTrust(e.target.value === 'ignore' ? 'ignore' : 'verify')}
              >
                <option value="verify">Verify (system roots and the emulator CA)</option>
                <option value="ignore">Do not verify</option>
              </select>
            )}
          </Field>
        ) : null}
      </div>
      {urlChanged ? (
        <p className="muted">The URL is saved as live.url of {state.system} in the workspace.</p>
      ) : null}
      {problem ? (
        <p className="rec-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorNotice title={`Recording of ${state.system} did not start`} error={error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Start recording
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface ReplayFormProps {
  state: SystemRecordingState;
  sessions: readonly SessionSummary[];
  onStarted: () => void;
  onCancel: () => void;
}

/** The sessions checked at first: the ones replayed now, else the ones recorded from this system. */
function initialSessions(state: SystemRecordingState, sessions: readonly SessionSummary[]): string[] {
  if (state.replaySessions.length > 0) return [...state.replaySessions];
  return sessions.filter((s) => !s.error && s.systems.includes(state.system)).map((s) => s.name);
}

export function ReplayForm({ state, sessions, onStarted, onCancel }: ReplayFormProps): ReactNode {
  const { client } = useEngine();
  const [chosen, setChosen] = useState<string[]>(() => initialSessions(state, sessions));
  const [onMiss, setOnMiss] = useState<OnMiss>(state.onMiss);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const usable = sessions.filter((s) => !s.error);

  const toggle = (name: string, on: boolean): void =>
    setChosen((list) => (on ? [...list, name] : list.filter((n) => n !== name)));

  const start = (): void => {
    // Replay answers from the sessions in the order given: keep the order of the list.
    const ordered = usable.map((s) => s.name).filter((name) => chosen.includes(name));
    setProblem(ordered.length === 0 ? 'Choose at least one session to replay.' : null);
    setError(null);
    if (ordered.length === 0) return;
    setBusy(true);
    void client
      .startReplay(state.system, { sessions: ordered, onMiss })
      .then(onStarted, (e: unknown) => setError(asError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="rec-form"
      aria-label={`Replay ${state.system}`}
      aria-busy={busy}
      onSubmit={(e) => (e.preventDefault(), start())}
    >
      <fieldset className="rec-sessions">
        <legend className="field__label">Sessions</legend>
        {usable.length === 0 ? <p className="muted">No sessions yet: record or import one first.</p> : null}
        {usable.map((s) => (
          <label key={s.name} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(s.name)}
              onChange={(e) => toggle(s.name, e.target.checked)}
            />
            <span>{s.name}</span>
            <span className="check__description">
              {s.entries} entries{s.systems.length > 0 ? ` · ${s.systems.join(', ')}` : ''}
            </span>
          </label>
        ))}
      </fieldset>
      <Field label="On a miss">
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={onMiss}
            onChange={(e) => setOnMiss(e.target.value as OnMiss)}
          >
            {(Object.keys(ON_MISS_LABELS) as OnMiss[]).map((key) => (
              <option key={key} value={key} disabled={key === 'record' && state.liveUrl === null}>
                {ON_MISS_LABELS[key]}
                {key === 'record' && state.liveUrl === null ? ' (needs a real system URL)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {problem ? (
        <p className="rec-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorNotice title={`Replay of ${state.system} did not start`} error={error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Start replay
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
