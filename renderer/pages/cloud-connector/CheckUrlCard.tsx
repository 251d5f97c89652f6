// "Check a URL": what the proxy would answer for a method + URL + location, and which mapping and
// resource decided (tokens aside), straight from the engine's rules.
import { useState, type ReactNode } from 'react';
import type { CheckUrlResponse } from '../../../app/connectivity/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';

export function CheckUrlCard({ locations }: { locations: (string | undefined)[] }): ReactNode {
  const { client } = useEngine();
  const [method, setMethod] = useState('GET');
  const [url, setUrl] = useState('http://s4.virtual:44300/sap/opu/odata/');
  const [location, setLocation] = useState('');
  const [result, setResult] = useState<CheckUrlResponse | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const check = (): void => {
    setError(null);
    void client
      .checkProxyUrl({ method, url, location: location === '' ? null : location })
      .then(setResult, (e: unknown) => setError(asError(e)));
  };
  return (
    <section className="card card--flush" aria-labelledby="check-url-title">
      <div className="card__header">
        <h2 className="card__title" id="check-url-title">
          Check a URL
        </h2>
      </div>
      <form className="cc-form" aria-label="Check a URL" onSubmit={(e) => (e.preventDefault(), check())}>
        <Field label="Method">
          {({ id }) => (
            <select id={id} className="input" value={method} onChange={(e) => setMethod(e.target.value)}>
              {['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'UPGRADE'].map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="URL">
          {({ id }) => (
            <input
              id={id}
              className="input input--mono"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        <Field label="Location">
          {({ id }) => (
            <select id={id} className="input" value={location} onChange={(e) => setLocation(e.target.value)}>
              {locations.map((l) => (
                <option key={l ?? ''} value={l ?? ''}>
                  {l ?? 'default (no id)'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--primary">
          Check
        </button>
      </form>
      {error ? <ErrorNotice title="The URL could not be checked" error={error} /> : null}
      {result ? (
        <div
          className={`card__lead card__lead--padded ${result.decision.allowed ? 'cc-verdict--allowed' : 'cc-verdict--denied'}`}
          role="status"
          aria-label="Check result"
        >
          <p>
            <strong>
              {result.decision.allowed ? `Allowed → ${result.target ?? ''}` : `Denied (${result.status})`}
            </strong>
            : {result.decision.reason}
          </p>
          <p>
            Mapping: {result.decision.mapping ?? '—'} · Resource: {result.decision.resource ?? '—'}
          </p>
        </div>
      ) : null}
    </section>
  );
}
