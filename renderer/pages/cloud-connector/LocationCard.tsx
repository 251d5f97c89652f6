// One Cloud Connector location: connected or not, its system mappings and their resources, with the
// edits the issue asks for (add/remove mappings and resources, suspend/enable resources).
import { useState, type ReactNode } from 'react';
import type { Location, Resource, SystemMapping } from '../../../app/workspace/schema.js';
import { locationLabel, parseResource, type FieldErrors } from './cloud-connector-model.js';
import { MappingFormCard } from './MappingFormCard.js';

export interface LocationEdits {
  setConnected: (connected: boolean) => void;
  remove: () => void;
  addMapping: (mapping: SystemMapping) => void;
  removeMapping: (mi: number) => void;
  addResource: (mi: number, resource: Resource) => void;
  removeResource: (mi: number, ri: number) => void;
  setResourceEnabled: (mi: number, ri: number, enabled: boolean) => void;
}

const target = (m: SystemMapping): string =>
  m.internalPort === undefined ? m.internalHost : `${m.internalHost}:${m.internalPort}`;

export function LocationCard({ location, edits }: { location: Location; edits: LocationEdits }): ReactNode {
  const label = locationLabel(location);
  return (
    <section className="card card--flush" aria-label={label}>
      <div className="card__header">
        <h2 className="card__title">{label}</h2>
        <label>
          <input
            type="checkbox"
            checked={location.connected}
            onChange={(e) => edits.setConnected(e.target.checked)}
          />{' '}
          Connected
        </label>
        <button type="button" className="button button--small" onClick={edits.remove}>
          Remove location
        </button>
      </div>
      <p className="card__lead card__lead--padded muted">
        Principal propagation subject: {location.principalPropagation.subjectPattern}
      </p>
      <table className="table" aria-label={`System mappings of ${label}`}>
        <thead>
          <tr>
            <th scope="col">Virtual host</th>
            <th scope="col">Internal host</th>
            <th scope="col">Protocol</th>
            <th scope="col">Host header / principal</th>
            <th scope="col">Resources</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {location.systemMappings.map((m, mi) => (
            <tr key={`${m.virtualHost}:${m.virtualPort}`}>
              <th scope="row">{`${m.virtualHost}:${m.virtualPort}`}</th>
              <td>{target(m)}</td>
              <td>{m.protocol === 'HTTPS' ? `HTTPS (${m.backendTrust})` : m.protocol}</td>
              <td>
                {m.hostInHeader} / {m.principalType}
              </td>
              <td>
                {m.protocol === 'TCP' ? (
                  <span className="muted">TCP: no resources</span>
                ) : (
                  <Resources mapping={m} mi={mi} edits={edits} />
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => edits.removeMapping(mi)}
                  aria-label={`Remove mapping ${m.virtualHost}:${m.virtualPort}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MappingFormCard location={label} onAdd={edits.addMapping} />
    </section>
  );
}

function Resources({
  mapping,
  mi,
  edits,
}: {
  mapping: SystemMapping;
  mi: number;
  edits: LocationEdits;
}): ReactNode {
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<Resource['mode']>('prefix');
  const [websocket, setWebsocket] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const host = `${mapping.virtualHost}:${mapping.virtualPort}`;
  const add = (): void => {
    const parsed = parseResource(path, mode, websocket);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    setPath('');
    edits.addResource(mi, parsed.resource);
  };
  return (
    <>
      <ul className="cc-resources">
        {mapping.resources.map((r, ri) => (
          <li key={r.path}>
            <span className={r.enabled ? undefined : 'cc-suspended'}>
              <code>{r.mode === 'prefix' ? `${r.path}*` : r.path}</code>{' '}
              {r.mode === 'prefix' ? 'path and all sub-paths' : 'path only'}
              {r.websocket ? ', WebSocket' : ''}
            </span>{' '}
            <label>
              <input
                type="checkbox"
                checked={r.enabled}
                aria-label={`Resource ${r.path} of ${host} enabled`}
                onChange={(e) => edits.setResourceEnabled(mi, ri, e.target.checked)}
              />{' '}
              enabled
            </label>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => edits.removeResource(mi, ri)}
              aria-label={`Remove resource ${r.path} of ${host}`}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form aria-label={`Add a resource to ${host}`} onSubmit={(e) => (e.preventDefault(), add())}>
        <input
          className="input"
          aria-label="Resource path"
          placeholder="/sap/opu/odata/"
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <select
          className="input"
          aria-label="Resource mode"
          value={mode}
          onChange={(e) => setMode(e.target.value as Resource['mode'])}
        >
          <option value="prefix">path and all sub-paths</option>
          <option value="exact">path only</option>
        </select>
        <label>
          <input type="checkbox" checked={websocket} onChange={(e) => setWebsocket(e.target.checked)} />{' '}
          WebSocket
        </label>
        <button type="submit" className="button button--small">
          Add resource
        </button>
        {errors.path ? <span className="cc-error"> {errors.path}</span> : null}
      </form>
    </>
  );
}
