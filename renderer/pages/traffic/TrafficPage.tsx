// Every request through the connectivity proxy and every SOCKS5 connection, live: the list follows the
// event stream, filters narrow it, and a row opens the exchange with its decision, headers and bodies.
import { useEffect, useState, type ReactNode } from 'react';
import type { TrafficEntry, TrafficQuery } from '../../../app/connectivity/api.js';
import { trafficEntrySchema } from '../../../app/connectivity/api.js';
import { asError } from '../../api/admin-error.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LoadError } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { TrafficDetailCard } from './TrafficDetailCard.js';
import { TrafficFilters } from './TrafficFilters.js';
import { LIVE_LIMIT, matches, prepend, toRow } from './traffic-model.js';
import './traffic.css';

export function TrafficPage(): ReactNode {
  const { client, view, connection, retryNow, subscribe } = useEngine();
  const [query, setQuery] = useState<TrafficQuery>({});
  const [entries, setEntries] = useState<TrafficEntry[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void client.traffic({ ...query, limit: LIVE_LIMIT }).then(
      (list) => current && (setEntries(list.items), setError(null)),
      (e: unknown) => current && setError(asError(e)),
    );
    const unsubscribe = subscribe((event) => {
      const entry = trafficEntrySchema.safeParse(event);
      if (entry.success && matches(entry.data, query)) setEntries((list) => prepend(list ?? [], entry.data));
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client, subscribe, query]);

  const clear = (): void => {
    void client.clearTraffic().then(
      () => setEntries([]),
      (e: unknown) => setError(asError(e)),
    );
  };

  return (
    <>
      <div className="page-header">
        <h1>Traffic</h1>
        <p className="page-header__lead">
          Requests through the connectivity proxy and SOCKS5 connections, with the Cloud Connector rule that
          allowed or denied each.
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={entries !== null}
        onRetry={retryNow}
      />
      {error ? <LoadError title="The traffic could not be loaded" error={error} /> : null}
      <div className="page-stack">
        <section className="card card--flush" aria-labelledby="traffic-title">
          <div className="card__header">
            <h2 className="card__title" id="traffic-title">
              Recent exchanges
            </h2>
            <button type="button" className="button button--small" onClick={clear}>
              Clear
            </button>
          </div>
          <TrafficFilters query={query} onChange={setQuery} />
          <TrafficTable entries={entries ?? []} selected={selected} onSelect={setSelected} />
        </section>
        {selected ? <TrafficDetailCard key={selected} id={selected} /> : null}
      </div>
    </>
  );
}

function TrafficTable({
  entries,
  selected,
  onSelect,
}: {
  entries: TrafficEntry[];
  selected: string | null;
  onSelect: (id: string) => void;
}): ReactNode {
  if (entries.length === 0)
    return (
      <p className="card__lead card__lead--padded muted">No requests yet. Send one through the proxy.</p>
    );
  return (
    <table className="table" aria-label="Traffic">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Kind</th>
          <th scope="col">Request</th>
          <th scope="col">Status</th>
          <th scope="col">Location</th>
          <th scope="col">Decision</th>
          <th scope="col" className="table__num">
            ms
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map(toRow).map((row) => (
          <tr
            key={row.id}
            className={row.id === selected ? 'traffic-row traffic-row--selected' : 'traffic-row'}
            onClick={() => onSelect(row.id)}
            aria-selected={row.id === selected}
          >
            <td>{new Date(row.at).toLocaleTimeString()}</td>
            <td>{row.kind}</td>
            <td className="traffic-url">
              <button type="button" className="traffic-link" onClick={() => onSelect(row.id)}>
                {row.what}
              </button>
            </td>
            <td>{row.status}</td>
            <td>{row.location}</td>
            <td
              className={row.allowed ? 'traffic-decision--allowed' : 'traffic-decision--denied'}
              title={row.reason}
            >
              {row.allowed ? 'Allowed' : 'Denied'}: {row.reason}
            </td>
            <td className="table__num">{row.ms}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
