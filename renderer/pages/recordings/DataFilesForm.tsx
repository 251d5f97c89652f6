// "Create data files": the session's recorded responses become JSON data files of a simulated service
// (one per entity set), optionally added to the service's data.files in the workspace.
import { useEffect, useState, type ReactNode } from 'react';
import type { DataFilesResponse } from '../../../app/recording/api.js';
import type { SystemSummary } from '../../../app/systems/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';

interface DataFilesFormProps {
  session: string;
  /** The system the session's entries came from, chosen at first when it has services. */
  defaultSystem: string | null;
}

export function DataFilesForm({ session, defaultSystem }: DataFilesFormProps): ReactNode {
  const { client } = useEngine();
  const [systems, setSystems] = useState<SystemSummary[] | null>(null);
  const [system, setSystem] = useState('');
  const [service, setService] = useState('');
  const [apply, setApply] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<{ response: DataFilesResponse; applied: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void client.systems().then(
      (list) => {
        if (!current) return;
        const withServices = list.filter((s) => s.services.length > 0);
        const first = withServices.find((s) => s.id === defaultSystem) ?? withServices[0];
        setSystems(withServices);
        setSystem(first?.id ?? '');
        setService(first?.services[0]?.name ?? '');
      },
      (e: unknown) => current && setError(asError(e)),
    );
    return () => {
      current = false;
    };
  }, [client, defaultSystem]);

  const services = systems?.find((s) => s.id === system)?.services ?? [];
  const submit = (): void => {
    setError(null);
    setResult(null);
    setBusy(true);
    void client
      .recordingDataFiles(session, { system, service, apply })
      .then(
        (response) => setResult({ response, applied: apply }),
        (e: unknown) => setError(asError(e)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="rec-panel">
      <form
        className="rec-form"
        aria-label={`Create data files from ${session}`}
        aria-busy={busy}
        onSubmit={(e) => (e.preventDefault(), submit())}
      >
        <div className="rec-form__fields">
          <Field label="Simulated system">
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={system}
                onChange={(e) => {
                  setSystem(e.target.value);
                  setService(systems?.find((s) => s.id === e.target.value)?.services[0]?.name ?? '');
                }}
              >
                {(systems ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Service">
            {({ id }) => (
              <select id={id} className="input" value={service} onChange={(e) => setService(e.target.value)}>
                {services.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label className="check rec-check">
          <input type="checkbox" checked={apply} onChange={(e) => setApply(e.target.checked)} />
          <span>Add the files to the service&apos;s data files in the workspace</span>
        </label>
        {systems !== null && systems.length === 0 ? (
          <p className="muted">No simulated system has an OData service to write data files for.</p>
        ) : null}
        {error ? <ErrorNotice title="No data files were created" error={error} /> : null}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || system === '' || service === ''}
          >
            Create data files
          </button>
        </div>
      </form>
      {result ? <DataFilesResult result={result.response} applied={result.applied} /> : null}
    </div>
  );
}

function DataFilesResult({ result, applied }: { result: DataFilesResponse; applied: boolean }): ReactNode {
  if (result.files.length === 0)
    return (
      <p role="status" className="muted">
        No files written: the session has no entity data for this service.
      </p>
    );
  return (
    <div role="region" aria-label="Data files written">
      <p role="status">
        {result.files.length} {result.files.length === 1 ? 'file' : 'files'} written
        {applied ? ' and added to the workspace' : ''}.
      </p>
      <table className="table" aria-label="Files written">
        <thead>
          <tr>
            <th scope="col">Entity set</th>
            <th scope="col">File</th>
            <th scope="col" className="table__num">
              Rows
            </th>
          </tr>
        </thead>
        <tbody>
          {result.files.map((f) => (
            <tr key={f.path}>
              <th scope="row">{f.entitySet}</th>
              <td>
                <code>{f.path}</code>
              </td>
              <td className="table__num">{f.rows}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
