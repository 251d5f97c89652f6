// A JWT header or payload as a table: every claim with its raw value, known claims named in words,
// and NumericDate claims (exp, iat, nbf, auth_time) also as a readable date.
import type { ReactNode } from 'react';
import { formatRelative, formatTimestamp } from '../../format/time.js';
import { useNow } from '../../state/use-now.js';
import { CLAIM_LABELS, TIME_CLAIMS } from './claims.js';

interface ClaimsTableProps {
  claims: Record<string, unknown>;
  label: string;
  /** Heading of the name column: "Claim", or "Parameter" for a JOSE header. */
  nameHeading?: string;
}

export function ClaimsTable({ claims, label, nameHeading = 'Claim' }: ClaimsTableProps): ReactNode {
  const now = useNow(15_000);
  return (
    <table className="table claims" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{nameHeading}</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(claims).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code className="claims__name">{name}</code>{' '}
              {CLAIM_LABELS[name] ? <span className="claims__label">{CLAIM_LABELS[name]}</span> : null}
            </th>
            <td>
              <ClaimValue name={name} value={value} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClaimValue({ name, value, now }: { name: string; value: unknown; now: number }): ReactNode {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    const iso = new Date(value * 1000).toISOString();
    return (
      <span className="claim-time">
        <code>{value}</code>
        <time dateTime={iso}>{formatTimestamp(iso)}</time>
        <span className="claim-time__relative">{formatRelative(value * 1000, now)}</span>
      </span>
    );
  }
  if (typeof value === 'string') return <code className="claim-text">{value}</code>;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    if (value.length === 0) return <span className="muted">none</span>;
    return (
      <ul className="claim-list">
        {value.map((item, index) => (
          <li key={`${index}:${item}`}>
            <code>{item}</code>
          </li>
        ))}
      </ul>
    );
  }
  if (value !== null && typeof value === 'object')
    return <pre className="claim-json">{JSON.stringify(value, null, 2)}</pre>;
  return <code className="claim-text">{JSON.stringify(value)}</code>;
}
