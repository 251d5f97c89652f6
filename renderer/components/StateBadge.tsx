import type { ReactNode } from 'react';
import type { ServiceState } from '../../app/events.js';

export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  starting: 'Starting',
  running: 'Running',
  stopping: 'Stopping',
  stopped: 'Stopped',
  failed: 'Failed',
};

export function StateBadge({ state }: { state: ServiceState }): ReactNode {
  return (
    <span className={`badge badge--${state}`}>
      <span className="badge__dot" aria-hidden="true" />
      {SERVICE_STATE_LABELS[state]}
    </span>
  );
}
