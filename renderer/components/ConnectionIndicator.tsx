// The always-visible answer to "is what I see live?".
import type { ReactNode } from 'react';
import type { ConnectionState } from '../api/event-stream.js';

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  unauthorized: 'Not signed in',
  unreachable: 'Engine unreachable',
};

export function ConnectionIndicator({ state }: { state: ConnectionState }): ReactNode {
  return (
    <div className={`connection connection--${state}`} role="status" aria-label="Engine connection">
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{CONNECTION_LABELS[state]}</span>
    </div>
  );
}
