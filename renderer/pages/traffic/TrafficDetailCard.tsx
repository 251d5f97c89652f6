// One exchange in full: the decision (which rule, why), timings and sizes, and both messages with
// their headers (secrets already redacted by the engine) and the first bytes of each body.
import { useEffect, useState, type ReactNode } from 'react';
import type { MessagePreview, TrafficDetail } from '../../../app/connectivity/api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { asError } from '../../api/admin-error.js';

function Message({ title, message }: { title: string; message: MessagePreview | null }): ReactNode {
  if (!message) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <table className="table">
        <tbody>
          {message.headers.map(([name, value], i) => (
            <tr key={`${name}-${i}`}>
              <th scope="row">{name}</th>
              <td className="traffic-url">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {message.bodyPreview ? (
        <pre className="traffic-body" aria-label={`${title} body`}>
          {message.bodyPreview}
          {message.bodyTruncated ? '\n… (truncated)' : ''}
        </pre>
      ) : null}
    </section>
  );
}

export function TrafficDetailCard({ id }: { id: string }): ReactNode {
  const { client } = useEngine();
  const [detail, setDetail] = useState<TrafficDetail | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let current = true;
    setDetail(null);
    setError(null);
    void client.trafficDetail(id).then(
      (d) => current && setDetail(d),
      (e: unknown) => current && setError(asError(e)),
    );
    return () => {
      current = false;
    };
  }, [client, id]);
  if (error) return <ErrorNotice title="The exchange could not be loaded" error={error} />;
  if (!detail)
    return (
      <div className="card card--empty" role="status">
        Loading…
      </div>
    );
  const { entry } = detail;
  const d = entry.decision;
  return (
    <section className="card" aria-label="Exchange detail">
      <div className="card__header">
        <h2 className="card__title">
          {entry.type === 'proxy-request' ? `${entry.method} ${entry.url}` : `CONNECT ${entry.destination}`}
        </h2>
      </div>
      <dl className="traffic-detail-list">
        <dt>Decision</dt>
        <dd className={d.allowed ? 'traffic-decision--allowed' : 'traffic-decision--denied'}>
          {d.allowed ? 'Allowed' : 'Denied'} ({d.stage}): {d.reason}
        </dd>
        <dt>Mapping</dt>
        <dd>{d.mapping ?? '—'}</dd>
        <dt>Resource</dt>
        <dd>{d.resource ?? '—'}</dd>
        <dt>Location</dt>
        <dd>{entry.location ?? 'default (no location id)'}</dd>
        <dt>Target</dt>
        <dd>{entry.target ?? '—'}</dd>
        <dt>{entry.type === 'proxy-request' ? 'Status' : 'SOCKS reply'}</dt>
        <dd>{entry.type === 'proxy-request' ? entry.status : entry.reply}</dd>
        <dt>Time</dt>
        <dd>
          {entry.timings.totalMs} ms
          {entry.type === 'proxy-request' && entry.timings.backendMs !== null
            ? ` (backend headers after ${entry.timings.backendMs} ms)`
            : ''}
        </dd>
        <dt>Size</dt>
        <dd>
          {entry.type === 'proxy-request'
            ? `${entry.sizes.requestBytes} B sent, ${entry.sizes.responseBytes} B received`
            : `${entry.sizes.bytesUp} B up, ${entry.sizes.bytesDown} B down`}
        </dd>
        {entry.type === 'proxy-request' ? (
          <>
            <dt>User</dt>
            <dd>{entry.user ?? '—'}</dd>
          </>
        ) : null}
      </dl>
      <Message title="Request" message={detail.request} />
      <Message title="Response" message={detail.response} />
    </section>
  );
}
