// Every system of the workspace with its recording mode and counters (live from the event stream), and
// per system: record, replay, stop, and the list of requests replay could not answer.
import { useState, type ReactNode } from 'react';
import type { SessionSummary, SystemRecordingState } from '../../../app/recording/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { RecordForm, ReplayForm } from './ModeForms.js';
import { MODE_LABELS } from './recordings-model.js';

interface SystemModesCardProps {
  systems: readonly SystemRecordingState[];
  sessions: readonly SessionSummary[];
  missesShownFor: string | null;
  onChanged: () => void;
  onRecordingStarted: (system: string) => void;
  onOpenSession: (session: string) => void;
  onToggleMisses: (system: string) => void;
}

type OpenForm = { system: string; form: 'record' | 'replay' } | null;

export function SystemModesCard(props: SystemModesCardProps): ReactNode {
  const { client } = useEngine();
  const [open, setOpen] = useState<OpenForm>(null);
  const [stopError, setStopError] = useState<{ system: string; error: Error } | null>(null);

  const stop = (system: string): void => {
    setStopError(null);
    void client
      .stopRecordingMode(system)
      .then(props.onChanged, (e: unknown) => setStopError({ system, error: asError(e) }));
  };
  const toggle = (system: string, form: 'record' | 'replay'): void =>
    setOpen(open?.system === system && open.form === form ? null : { system, form });

  return (
    <section className="card card--flush" aria-labelledby="rec-systems-title">
      <div className="card__header">
        <h2 className="card__title" id="rec-systems-title">
          Systems
        </h2>
      </div>
      <p className="card__lead card__lead--padded">
        Record a system&apos;s exchanges with the real system it stands for, or answer its requests from
        recorded sessions. Counters count since the mode last changed.
      </p>
      {stopError ? (
        <div className="card__notice">
          <ErrorNotice title={`${stopError.system} was not stopped`} error={stopError.error} />
        </div>
      ) : null}
      {props.systems.length === 0 ? (
        <p className="card__lead card__lead--padded muted">The workspace has no systems.</p>
      ) : (
        <table className="table" aria-label="Recording modes">
          <thead>
            <tr>
              <th scope="col">System</th>
              <th scope="col">Mode</th>
              <th scope="col">Real system</th>
              <th scope="col">Sessions</th>
              <th scope="col">Counters</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.systems.map((state) => (
              <SystemRow
                key={state.system}
                state={state}
                {...props}
                open={open?.system === state.system ? open.form : null}
                onToggle={(form) => toggle(state.system, form)}
                onStop={() => stop(state.system)}
                onFormDone={(started) => {
                  setOpen(null);
                  if (started === 'record') props.onRecordingStarted(state.system);
                  else if (started === 'replay') props.onChanged();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface SystemRowProps extends SystemModesCardProps {
  state: SystemRecordingState;
  open: 'record' | 'replay' | null;
  onToggle: (form: 'record' | 'replay') => void;
  onStop: () => void;
  onFormDone: (started: 'record' | 'replay' | null) => void;
}

function SystemRow(props: SystemRowProps): ReactNode {
  const { state, open } = props;
  const active = state.mode === 'record' || state.mode === 'replay';
  return (
    <>
      <tr>
        <th scope="row">{state.system}</th>
        <td>
          <span className={`badge rec-mode--${state.mode}`}>
            <span className="badge__dot" aria-hidden="true" />
            {MODE_LABELS[state.mode]}
          </span>
          {state.error ? (
            <p className="rec-error" role="note">
              {state.error}
            </p>
          ) : null}
        </td>
        <td>{state.liveUrl ? <code>{state.liveUrl}</code> : <span className="muted">not set</span>}</td>
        <td>
          <SessionsCell state={state} onOpenSession={props.onOpenSession} />
        </td>
        <td>{counters(state)}</td>
        <td>
          <div className="rec-actions">
            <button
              type="button"
              className="button button--small"
              aria-expanded={open === 'record'}
              aria-label={`Record ${state.system}…`}
              onClick={() => props.onToggle('record')}
            >
              Record…
            </button>
            <button
              type="button"
              className="button button--small"
              aria-expanded={open === 'replay'}
              aria-label={`Replay ${state.system}…`}
              onClick={() => props.onToggle('replay')}
            >
              Replay…
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={!active}
              aria-label={`Stop ${state.mode === 'replay' ? 'replay' : 'recording'} of ${state.system}`}
              onClick={props.onStop}
            >
              Stop
            </button>
            <button
              type="button"
              className="button button--small"
              aria-pressed={props.missesShownFor === state.system}
              aria-label={`Misses of ${state.system}`}
              onClick={() => props.onToggleMisses(state.system)}
            >
              Misses
            </button>
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="rec-form-row">
          <td colSpan={6}>
            {open === 'record' ? (
              <RecordForm
                state={state}
                onStarted={() => props.onFormDone('record')}
                onCancel={() => props.onFormDone(null)}
              />
            ) : (
              <ReplayForm
                state={state}
                sessions={props.sessions}
                onStarted={() => props.onFormDone('replay')}
                onCancel={() => props.onFormDone(null)}
              />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function SessionsCell({
  state,
  onOpenSession,
}: {
  state: SystemRecordingState;
  onOpenSession: (session: string) => void;
}): ReactNode {
  const link = (name: string): ReactNode => (
    <button
      key={name}
      type="button"
      className="rec-link"
      aria-label={`Open session ${name}`}
      onClick={() => onOpenSession(name)}
    >
      {name}
    </button>
  );
  if (state.mode === 'record' && state.session) return <>Writing to {link(state.session)}</>;
  if (state.mode === 'replay')
    return (
      <>
        From {state.replaySessions.map(link)} <span className="muted">· on a miss: {state.onMiss}</span>
      </>
    );
  return <span className="muted">—</span>;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function counters(state: SystemRecordingState): string {
  const parts: string[] = [];
  if (state.mode === 'record' || state.recorded > 0) parts.push(`${state.recorded} recorded`);
  if (state.mode === 'replay' || state.hits > 0) parts.push(count(state.hits, 'hit', 'hits'));
  if (state.mode === 'replay' || state.misses > 0) parts.push(count(state.misses, 'miss', 'misses'));
  return parts.length > 0 ? parts.join(' · ') : '—';
}
