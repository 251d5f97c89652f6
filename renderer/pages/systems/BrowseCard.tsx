// Browse one entity set as OData clients see it: sap-client, $filter, $orderby and paging ($top/$skip),
// with inline edit (PATCH of the changed non-key properties), delete and create.
import { useEffect, useState, type ReactNode } from 'react';
import type {
  EntitySetSummary,
  RowsResponse,
  ServiceSummary,
  SystemSummary,
} from '../../../app/systems/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';
import { changedValues, keyLabel, keyOf, toText, type Property } from './systems-model.js';

export interface BrowseTarget {
  system: SystemSummary;
  service: ServiceSummary;
  set: EntitySetSummary;
}

const PAGE_SIZES = [10, 20, 50, 100];

interface Query {
  client: string;
  top: number;
  skip: number;
  filter: string;
  orderby: string;
}

export function BrowseCard({
  target,
  dataVersion,
  onClose,
}: {
  target: BrowseTarget;
  dataVersion: number;
  onClose: () => void;
}): ReactNode {
  const { client } = useEngine();
  const { system, service, set } = target;
  const ref = { system: system.id, service: service.name, set: set.name };
  const [query, setQuery] = useState<Query>({
    client: system.clients[0] ?? '',
    top: 20,
    skip: 0,
    filter: '',
    orderby: '',
  });
  const [filter, setFilter] = useState('');
  const [orderby, setOrderby] = useState('');
  const [page, setPage] = useState<RowsResponse | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [writeError, setWriteError] = useState<Error | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = (): void => setGeneration((n) => n + 1);

  useEffect(() => {
    let current = true;
    void client
      .systemRows(ref, {
        client: query.client || undefined,
        top: query.top,
        skip: query.skip,
        filter: query.filter || undefined,
        orderby: query.orderby || undefined,
      })
      .then(
        (data) => current && (setPage(data), setError(null)),
        (e: unknown) => current && setError(asError(e)),
      );
    return () => {
      current = false;
    };
  }, [client, ref.system, ref.service, ref.set, query, generation, dataVersion]);

  const write = (run: () => Promise<unknown>, after: () => void): void => {
    setWriteError(null);
    void run().then(
      () => (after(), reload()),
      (e: unknown) => setWriteError(asError(e)),
    );
  };
  const sapClient = query.client || undefined;
  const nonKeys = set.properties.filter((p) => !set.keys.includes(p.name));
  const count = page?.count ?? 0;
  const from = count === 0 ? 0 : query.skip + 1;
  const to = Math.min(count, query.skip + (page?.rows.length ?? 0));

  return (
    <section className="card card--flush" aria-label={`Rows of ${set.name}`}>
      <div className="card__header">
        <h2 className="card__title">
          {set.name}{' '}
          <span className="muted">
            in {service.name} on {system.id}
          </span>
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <form
        className="sys-grid sys-query"
        aria-label="Query"
        onSubmit={(e) => (e.preventDefault(), setQuery({ ...query, filter, orderby, skip: 0 }))}
      >
        <Field label="sap-client">
          {({ id }) => (
            <select
              id={id}
              className="input"
              value={query.client}
              onChange={(e) => setQuery({ ...query, client: e.target.value, skip: 0 })}
            >
              {system.clients.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="$filter" hint="e.g. LastName eq 'Smith'">
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              className="input input--mono"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
        </Field>
        <Field label="$orderby" hint="e.g. LastName desc">
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              className="input input--mono"
              value={orderby}
              onChange={(e) => setOrderby(e.target.value)}
            />
          )}
        </Field>
        <Field label="Rows per page">
          {({ id }) => (
            <select
              id={id}
              className="input"
              value={query.top}
              onChange={(e) => setQuery({ ...query, top: Number(e.target.value), skip: 0 })}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Apply
          </button>
        </div>
      </form>
      {error ? <ErrorNotice title="The rows could not be loaded" error={error} /> : null}
      {writeError ? <ErrorNotice title="The change was not saved" error={writeError} /> : null}
      <div className="sys-pager">
        <span role="status" aria-label="Rows shown">
          {count === 0 ? 'No rows' : `${from}–${to} of ${count}`}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={query.skip === 0}
          onClick={() => setQuery({ ...query, skip: Math.max(0, query.skip - query.top) })}
        >
          Previous
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={query.skip + query.top >= count}
          onClick={() => setQuery({ ...query, skip: query.skip + query.top })}
        >
          Next
        </button>
        <button type="button" className="button button--small" onClick={() => setCreating(!creating)}>
          New row
        </button>
      </div>
      {creating ? (
        <RowForm
          label={`New row of ${set.name}`}
          properties={set.properties}
          row={{}}
          submit="Create"
          onCancel={() => setCreating(false)}
          onSubmit={(values) =>
            write(
              () => client.createSystemRow(ref, { client: sapClient, values }),
              () => setCreating(false),
            )
          }
        />
      ) : null}
      <div className="sys-table-wrap">
        <table className="table" aria-label={`${set.name} rows`}>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
              {set.properties.map((p) => (
                <th scope="col" key={p.name} title={p.type}>
                  {p.name}
                  {set.keys.includes(p.name) ? <span className="tag tag--neutral">key</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(page?.rows ?? []).map((row) => {
              const label = keyLabel(set, row);
              return (
                <tr key={label}>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Edit ${label}`}
                      onClick={() => setEditing(editing === label ? null : label)}
                    >
                      Edit
                    </button>{' '}
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Delete ${label}`}
                      onClick={() =>
                        write(
                          () =>
                            client.deleteSystemRow(ref, {
                              client: sapClient,
                              key: keyOf(set, row),
                              values: {},
                            }),
                          () => setEditing(null),
                        )
                      }
                    >
                      Delete
                    </button>
                  </td>
                  {set.properties.map((p) => (
                    <td key={p.name}>{toText(row[p.name])}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {(page?.rows ?? [])
        .filter((row) => keyLabel(set, row) === editing)
        .map((row) => (
          <RowForm
            key={editing}
            label={`Edit ${editing}`}
            properties={nonKeys}
            row={row}
            submit="Save"
            onCancel={() => setEditing(null)}
            onSubmit={(values) =>
              write(
                () => client.updateSystemRow(ref, { client: sapClient, key: keyOf(set, row), values }),
                () => setEditing(null),
              )
            }
          />
        ))}
    </section>
  );
}

interface RowFormProps {
  label: string;
  properties: readonly Property[];
  row: Record<string, unknown>;
  submit: string;
  onSubmit: (values: Record<string, unknown>) => void;
  onCancel: () => void;
}

/** The properties as text inputs; only values that differ from `row` are sent. */
function RowForm({ label, properties, row, submit, onSubmit, onCancel }: RowFormProps): ReactNode {
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(properties.map((p) => [p.name, toText(row[p.name])])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="sys-row-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const result = changedValues(properties, row, texts);
        if (!result.ok) return setProblem(result.error);
        setProblem(null);
        onSubmit(result.values);
      }}
    >
      <h3 className="sys-tuning__title">{label}</h3>
      <div className="sys-grid">
        {properties.map((p) => (
          <Field key={p.name} label={p.name} hint={p.type}>
            {({ id, describedBy }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                className="input"
                value={texts[p.name] ?? ''}
                onChange={(e) => setTexts({ ...texts, [p.name]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      {problem ? (
        <p className="sys-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
