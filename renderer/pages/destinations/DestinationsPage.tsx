// The destinations of both levels as the emulated Destination service serves them: create, edit and
// delete them (validated by the engine), and "Check connection" through the emulated path, reported in
// the words BTP's cockpit uses.
import { useState, type ReactNode } from 'react';
import type { CheckResult, DestinationLevel, DestinationList } from '../../../app/destination/api.js';
import type { AdminClient } from '../../api/client.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { ErrorNotice, LoadError } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useAdminQuery } from '../../state/use-admin-query.js';
import { DestinationFormCard } from './DestinationFormCard.js';
import { emptyForm, toForm, type DestinationForm } from './destination-form-model.js';
import './destinations.css';

const loadDestinations = (client: AdminClient): Promise<DestinationList> => client.destinations();
const RELOAD_ON = ['workspace-replaced', 'status'] as const;

type Row = { level: DestinationLevel; d: DestinationList['subaccount'][number] };
type Editing = { form: DestinationForm; name: string | null; key: number };
type Checked = { name: string; result: CheckResult } | { name: string; error: Error };

function CheckOutcome({ checked }: { checked: Checked }): ReactNode {
  if ('error' in checked)
    return <ErrorNotice title={`The check of ${checked.name} did not run`} error={checked.error} />;
  const { result } = checked;
  return (
    <div
      className={`notice check-result check-result--${result.outcome}`}
      role="status"
      aria-label="Check result"
    >
      <div className="notice__body">
        <p className="notice__title">{result.message}</p>
        {result.detail ? <p className="muted">{result.detail}</p> : null}
      </div>
    </div>
  );
}

function DestinationRow(props: {
  row: Row;
  onEdit: () => void;
  onCheck: () => void;
  onDelete: () => void;
  busy: boolean;
}): ReactNode {
  const { level, d } = props.row;
  return (
    <tr>
      <th scope="row">{d.Name}</th>
      <td>{level}</td>
      <td>{d.Type}</td>
      <td className="url-cell">{d.URL ?? <span className="muted">—</span>}</td>
      <td>{d.ProxyType ?? 'Internet'}</td>
      <td>{d.Authentication ?? <span className="muted">—</span>}</td>
      <td className="destination-actions">
        <button
          type="button"
          className="button button--small"
          onClick={props.onCheck}
          disabled={props.busy}
          aria-label={`Check connection of ${d.Name}`}
        >
          Check connection
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={props.onEdit}
          aria-label={`Edit ${d.Name}`}
        >
          Edit
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={props.onDelete}
          aria-label={`Delete ${d.Name}`}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

export function DestinationsPage(): ReactNode {
  const { client, view, connection, retryNow } = useEngine();
  const query = useAdminQuery(loadDestinations, RELOAD_ON);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const list = query.data;
  const rows: Row[] = list
    ? [
        ...list.instance.map((d) => ({ level: 'instance' as const, d })),
        ...list.subaccount.map((d) => ({ level: 'subaccount' as const, d })),
      ]
    : [];
  const open = (form: DestinationForm, name: string | null): void =>
    setEditing((e) => ({ form, name, key: (e?.key ?? 0) + 1 }));

  const check = async ({ level, d }: Row): Promise<void> => {
    setChecking(`${level}/${d.Name}`);
    setChecked(null);
    try {
      setChecked({ name: d.Name, result: await client.checkDestination(level, d.Name) });
    } catch (error) {
      setChecked({ name: d.Name, error: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      setChecking(null);
    }
  };
  const remove = async ({ level, d }: Row): Promise<void> => {
    setFailure(null);
    try {
      await client.deleteDestination(level, d.Name);
      query.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return (
    <>
      <div className="page-header">
        <h1>Destinations</h1>
        <p className="page-header__lead">
          What the Destination service at <code>{list?.serviceUrl ?? 'the binding’s uri'}</code> answers:
          instance destinations first, then the subaccount’s.
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={list !== null}
        onRetry={retryNow}
      />
      {query.error ? <LoadError title="The destinations could not be loaded" error={query.error} /> : null}
      <div className={connection.state === 'open' ? 'page-stack' : 'page-stack page-stack--stale'}>
        <section className="card card--flush" aria-labelledby="destinations-title">
          <div className="card__header">
            <h2 className="card__title" id="destinations-title">
              Destinations
            </h2>
            <button type="button" className="button button--primary" onClick={() => open(emptyForm(), null)}>
              New destination
            </button>
          </div>
          {rows.length === 0 ? (
            <p className="card__lead card__lead--padded muted">
              {list ? 'No destinations yet.' : 'Loading destinations…'}
            </p>
          ) : (
            <table className="table" aria-labelledby="destinations-title">
              <thead>
                <tr>
                  {['Name', 'Level', 'Type', 'URL', 'Proxy type', 'Authentication', 'Actions'].map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <DestinationRow
                    key={`${row.level}/${row.d.Name}`}
                    row={row}
                    busy={checking === `${row.level}/${row.d.Name}`}
                    onCheck={() => void check(row)}
                    onEdit={() => open(toForm(row.level, row.d), row.d.Name)}
                    onDelete={() => void remove(row)}
                  />
                ))}
              </tbody>
            </table>
          )}
        </section>
        {checking ? (
          <div className="card card--empty" role="status">
            <span className="spinner" aria-hidden="true" />
            Checking the connection…
          </div>
        ) : null}
        {checked ? <CheckOutcome checked={checked} /> : null}
        {failure ? <ErrorNotice title="The destination was not deleted" error={failure} /> : null}
        {editing ? (
          <DestinationFormCard
            key={editing.key}
            initial={editing.form}
            editing={editing.name}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              query.reload();
            }}
          />
        ) : null}
      </div>
    </>
  );
}
