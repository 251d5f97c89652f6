// Read an EDMX (pasted or from a file) before importing it: the engine says which entity sets and
// operations it would serve, or why it cannot serve it.
import { useState, type ReactNode } from 'react';
import type { InspectEdmxResponse } from '../../../app/systems/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';

export function ImportEdmxCard(): ReactNode {
  const { client } = useEngine();
  const [xml, setXml] = useState('');
  const [result, setResult] = useState<InspectEdmxResponse | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const inspect = (): void => {
    setError(null);
    setResult(null);
    void client.inspectEdmx(xml).then(setResult, (e: unknown) => setError(asError(e)));
  };
  return (
    <section className="card" aria-label="Import an EDMX">
      <h2 className="card__title">Import an EDMX</h2>
      <p className="card__lead muted">
        Paste a service's $metadata or choose the file; the engine reads it the way it would serve it.
      </p>
      <form className="form" aria-label="Inspect an EDMX" onSubmit={(e) => (e.preventDefault(), inspect())}>
        <Field label="EDMX file">
          {({ id }) => (
            <input
              id={id}
              type="file"
              accept=".xml,.edmx,application/xml"
              onChange={(e) => void e.target.files?.[0]?.text().then(setXml)}
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
              onChange={(e) => setXml(e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={xml.trim() === ''}>
            Inspect
          </button>
        </div>
      </form>
      {error ? <ErrorNotice title="The EDMX cannot be served" error={error} /> : null}
      {result ? (
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
          <p className="muted">
            To serve it, add a service with <code>metadata</code> pointing at the file to a system in the
            workspace.
          </p>
        </div>
      ) : null}
    </section>
  );
}
