// Import an EDMX (pasted or from a file): the engine reads it the way it would serve it (entity sets and
// operations, or the line and element that stop it), then adds it as a service of a system with generated
// rows. The page then lists the new service and opens its first entity set.
import { useState, type ReactNode } from 'react';
import type { ImportServiceResponse, InspectEdmxResponse, SystemSummary } from '../../../app/systems/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field, NumberField } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';

interface ImportEdmxCardProps {
  systems: SystemSummary[];
  onImported: (result: ImportServiceResponse, service: string) => void;
}

type Version = 'detect' | 'v2' | 'v4';

/** A service name from a file name: `API_FOO.edmx` → `API_FOO`, other characters → `_`. */
export function serviceNameFrom(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_.\-!|]/g, '_');
}

const whole = (text: string, fallback: number): number =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : fallback;

export function ImportEdmxCard({ systems, onImported }: ImportEdmxCardProps): ReactNode {
  const { client } = useEngine();
  const [xml, setXml] = useState('');
  const [result, setResult] = useState<InspectEdmxResponse | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [system, setSystem] = useState(systems[0]?.id ?? '');
  const [name, setName] = useState('');
  const [version, setVersion] = useState<Version>('detect');
  const [rows, setRows] = useState('20');
  const [seed, setSeed] = useState('1');
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<{ service: string; result: ImportServiceResponse } | null>(null);
  const [addError, setAddError] = useState<Error | null>(null);
  const target = systems.some((s) => s.id === system) ? system : (systems[0]?.id ?? '');

  const changeXml = (text: string): void => {
    setXml(text);
    setResult(null);
    setAdded(null);
  };
  const inspect = (): void => {
    setError(null);
    setResult(null);
    void client.inspectEdmx(xml).then(
      (inspected) => {
        setResult(inspected);
        if (name === '' && inspected.odataVersion === 'v2') setName(serviceNameFrom(inspected.namespace));
      },
      (e: unknown) => setError(asError(e)),
    );
  };
  const add = (): void => {
    setAddError(null);
    setAdded(null);
    setAdding(true);
    const service = name.trim();
    void client
      .importService(target, {
        xml,
        name: service,
        ...(version === 'detect' ? {} : { odataVersion: version }),
        generate: { rows: whole(rows, 20), seed: whole(seed, 1) },
      })
      .then(
        (response) => {
          setAdded({ service, result: response });
          onImported(response, service);
        },
        (e: unknown) => setAddError(asError(e)),
      )
      .finally(() => setAdding(false));
  };

  return (
    <section className="card" aria-label="Import an EDMX">
      <h2 className="card__title">Import an EDMX</h2>
      <p className="card__lead muted">
        Paste a service's $metadata or choose the file. The engine reads it the way it would serve it, and
        adds it to a system as a new service with generated rows.
      </p>
      <form className="form" aria-label="Inspect an EDMX" onSubmit={(e) => (e.preventDefault(), inspect())}>
        <Field label="EDMX file">
          {({ id }) => (
            <input
              id={id}
              type="file"
              accept=".xml,.edmx,application/xml"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                if (name === '') setName(serviceNameFrom(file.name));
                void file.text().then(changeXml);
              }}
            />
          )}
        </Field>
        <Field label="EDMX XML">
          {({ id }) => (
            <textarea
              id={id}
              className="input input--mono sys-xml"
              rows={6}
              value={xml}
              onChange={(e) => changeXml(e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={xml.trim() === ''}>
            Inspect
          </button>
        </div>
      </form>
      {error ? <ErrorNotice title="The EDMX cannot be served" error={error} /> : null}
      {result ? <EdmxContents result={result} /> : null}
      <form className="form" aria-label="Add the service" onSubmit={(e) => (e.preventDefault(), add())}>
        <div className="sys-grid">
          <Field label="System">
            {({ id }) => (
              <select id={id} className="input" value={target} onChange={(e) => setSystem(e.target.value)}>
                {systems.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Service name"
            hint="The service path follows from it, as on Gateway (V2: /sap/opu/odata/sap/<name>/)"
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                className="input"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label="OData version">
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={version}
                onChange={(e) => setVersion(e.target.value as Version)}
              >
                <option value="detect">
                  {result ? `From the EDMX (${result.odataVersion.toUpperCase()})` : 'From the EDMX'}
                </option>
                <option value="v2">V2</option>
                <option value="v4">V4</option>
              </select>
            )}
          </Field>
          <NumberField label="Rows per entity set" value={rows} onChange={setRows} />
          <NumberField label="Seed" value={seed} onChange={setSeed} />
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={xml.trim() === '' || name.trim() === '' || target === '' || adding}
          >
            Add service
          </button>
        </div>
      </form>
      {addError ? <ErrorNotice title="The service was not added" error={addError} /> : null}
      {added ? (
        <p role="status" aria-label="Import result">
          Service {added.service} added to system {added.result.system.id}; its EDMX is{' '}
          <code>{added.result.file}</code>.
        </p>
      ) : null}
    </section>
  );
}

function EdmxContents({ result }: { result: InspectEdmxResponse }): ReactNode {
  return (
    <div role="region" aria-label="EDMX contents">
      <p>
        OData {result.odataVersion}, namespace <code>{result.namespace}</code>, {result.entitySets.length}{' '}
        entity set(s)
        {result.operations.length > 0 ? `, operations ${result.operations.join(', ')}` : ''}.
      </p>
      <table className="table" aria-label="Entity sets in the EDMX">
        <thead>
          <tr>
            <th scope="col">Entity set</th>
            <th scope="col">Type</th>
            <th scope="col">Keys</th>
            <th scope="col">Properties</th>
          </tr>
        </thead>
        <tbody>
          {result.entitySets.map((s) => (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              <td>{s.entityType}</td>
              <td>{s.keys.join(', ')}</td>
              <td>{s.properties.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
