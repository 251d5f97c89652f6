// The Traffic list's filters: kind, outcome, location and free text (method, URL, reason).
import type { ReactNode } from 'react';
import type { TrafficQuery } from '../../../app/connectivity/api.js';
import { Field } from '../../components/Field.js';

export function TrafficFilters({
  query,
  onChange,
}: {
  query: TrafficQuery;
  onChange: (q: TrafficQuery) => void;
}): ReactNode {
  const set = (patch: Partial<TrafficQuery>): void => {
    const next: TrafficQuery = { ...query, ...patch };
    for (const key of Object.keys(next) as (keyof TrafficQuery)[])
      if (next[key] === '' || next[key] === undefined) delete next[key];
    onChange(next);
  };
  return (
    <div className="traffic-filters" role="search" aria-label="Filter traffic">
      <Field label="Kind">
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={query.kind ?? ''}
            onChange={(e) => set({ kind: (e.target.value || undefined) as TrafficQuery['kind'] })}
          >
            <option value="">All</option>
            <option value="http">HTTP</option>
            <option value="socks">SOCKS5</option>
          </select>
        )}
      </Field>
      <Field label="Outcome">
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={query.outcome ?? ''}
            onChange={(e) => set({ outcome: (e.target.value || undefined) as TrafficQuery['outcome'] })}
          >
            <option value="">All</option>
            <option value="allowed">Allowed</option>
            <option value="denied">Denied</option>
          </select>
        )}
      </Field>
      <Field label="Location">
        {({ id }) => (
          <input
            id={id}
            className="input"
            placeholder="default"
            value={query.location ?? ''}
            onChange={(e) => set({ location: e.target.value })}
          />
        )}
      </Field>
      <Field label="Search">
        {({ id }) => (
          <input
            id={id}
            className="input"
            type="search"
            value={query.q ?? ''}
            onChange={(e) => set({ q: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
