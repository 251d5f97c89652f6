// Cloud Connector mappings that forward to a real host: "Record this mapping" puts a system standing for
// that host in front of it (live.url from the mapping, mode record), and the mapping then points to it.
import { useState, type ReactNode } from 'react';
import type { Workspace } from '../../../app/workspace/schema.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';
import { realHostMappings, sessionNameProblem, type RealHostMapping } from './recordings-model.js';

const mappingKey = (m: RealHostMapping): string => `${m.location ?? ''}|${m.virtualHost}:${m.virtualPort}`;
const mappingLabel = (m: RealHostMapping): string => `${m.virtualHost}:${m.virtualPort}`;

export function MappingsCard({
  workspace,
  onRecorded,
}: {
  workspace: Workspace;
  onRecorded: () => void;
}): ReactNode {
  const mappings = realHostMappings(workspace);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="card card--flush" aria-labelledby="rec-mappings-title">
      <div className="card__header">
        <h2 className="card__title" id="rec-mappings-title">
          Record a Cloud Connector mapping
        </h2>
      </div>
      <p className="card__lead card__lead--padded">
        Mappings that forward to a real host can be recorded: a system standing for the host is added in
        record mode, and the mapping points to it.
      </p>
      {done ? (
        <p className="card__status" role="status">
          {done}
        </p>
      ) : null}
      {mappings.length === 0 ? (
        <p className="card__lead card__lead--padded muted">
          No mapping forwards to a real host: every mapping points to a simulated system.
        </p>
      ) : (
        <table className="table" aria-label="Mappings to real hosts">
          <thead>
            <tr>
              <th scope="col">Virtual host</th>
              <th scope="col">Location</th>
              <th scope="col">Internal host</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mappings.map((m) => (
              <MappingRow
                key={mappingKey(m)}
                mapping={m}
                open={open === mappingKey(m)}
                onToggle={() => setOpen(open === mappingKey(m) ? null : mappingKey(m))}
                onRecorded={(system, session) => {
                  setOpen(null);
                  setDone(
                    `${mappingLabel(m)} is recorded${system ? ` by system ${system}` : ''}${session ? ` into session ${session}` : ''}.`,
                  );
                  onRecorded();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MappingRow(props: {
  mapping: RealHostMapping;
  open: boolean;
  onToggle: () => void;
  onRecorded: (system: string | undefined, session: string | undefined) => void;
}): ReactNode {
  const { mapping: m, open } = props;
  return (
    <>
      <tr>
        <th scope="row">{mappingLabel(m)}</th>
        <td>{m.location ?? <span className="muted">default</span>}</td>
        <td>
          <code>{m.target}</code>
        </td>
        <td>
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            aria-label={`Record mapping ${mappingLabel(m)}`}
            onClick={props.onToggle}
          >
            Record this mapping
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="rec-form-row">
          <td colSpan={4}>
            <RecordMappingForm mapping={m} onRecorded={props.onRecorded} onCancel={props.onToggle} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function RecordMappingForm(props: {
  mapping: RealHostMapping;
  onRecorded: (system: string | undefined, session: string | undefined) => void;
  onCancel: () => void;
}): ReactNode {
  const { client } = useEngine();
  const { mapping: m } = props;
  const [session, setSession] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (): void => {
    const name = session.trim();
    const invalid = name === '' ? null : sessionNameProblem(name);
    setProblem(invalid);
    setError(null);
    if (invalid) return;
    setBusy(true);
    const request = { location: m.location, virtualHost: m.virtualHost, virtualPort: m.virtualPort };
    void client
      .recordMapping(name === '' ? request : { ...request, session: name })
      .then(
        (state) => props.onRecorded(state.system, state.session ?? (name === '' ? undefined : name)),
        (e: unknown) => setError(asError(e)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form
      className="rec-form"
      aria-label={`Record mapping ${mappingLabel(m)} into a session`}
      aria-busy={busy}
      onSubmit={(e) => (e.preventDefault(), submit())}
    >
      <div className="rec-form__fields">
        <Field label="Session name" hint="Optional; by default named after the new system and the time.">
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
      </div>
      {problem ? (
        <p className="rec-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorNotice title={`${mappingLabel(m)} is not recorded`} error={error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Start recording
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
