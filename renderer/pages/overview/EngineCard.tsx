import type { ReactNode } from 'react';
import type { EngineStatus } from '../../../app/events.js';
import { useNow } from '../../state/use-now.js';
import { DetailList, type Detail } from './DetailList.js';
import { formatSince, formatTimestamp } from '../../format/time.js';

export function EngineCard({ status }: { status: EngineStatus }): ReactNode {
  const now = useNow(15_000);
  const caCert: Detail =
    status.caCert === null
      ? { term: 'CA certificate', value: <span className="muted">Not generated yet</span> }
      : { term: 'CA certificate', value: <code className="path">{status.caCert}</code>, copy: status.caCert };
  return (
    <section className="card" aria-labelledby="engine-card-title">
      <h2 className="card__title" id="engine-card-title">
        Engine
      </h2>
      <DetailList
        details={[
          { term: 'Version', value: status.version },
          { term: 'Process', value: `PID ${status.pid}` },
          {
            term: 'Started',
            value: (
              <time dateTime={status.startedAt} title={formatTimestamp(status.startedAt)}>
                {formatSince(status.startedAt, now)}
              </time>
            ),
          },
          caCert,
        ]}
      />
    </section>
  );
}
