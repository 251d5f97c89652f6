// A labelled list of facts (term → value), optionally with a copy button for values people paste elsewhere.
import type { ReactNode } from 'react';
import { CopyButton } from '../../components/CopyButton.js';

export interface Detail {
  term: string;
  value: ReactNode;
  /** When set, a copy button copies this text. */
  copy?: string;
}

export function DetailList({ details }: { details: Detail[] }): ReactNode {
  return (
    <dl className="details">
      {details.map(({ term, value, copy }) => (
        <div className="details__row" key={term}>
          <dt>{term}</dt>
          <dd>
            <span className="details__value">{value}</span>
            {copy === undefined ? null : <CopyButton value={copy} label={`Copy ${term.toLowerCase()}`} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}
