// Requests a system's replay could not answer, newest first: the request as matching saw it, and for
// each nearest recorded candidate what differs ("why no match"). Live: a new miss appears as it happens.
import { useEffect, useRef, type ReactNode } from 'react';
import type { EngineEvent } from '../../../app/events.js';
import type { Miss } from '../../../app/recording/api.js';
import { LoadError } from '../../components/ErrorNotice.js';
import { formatTimestamp } from '../../format/time.js';
import { useLiveQuery } from './use-live-query.js';

interface MissesCardProps {
  system: string;
  onOpenEntry: (session: string, index: number) => void;
  onClose: () => void;
}

const affects =
  (system: string) =>
  (event: EngineEvent): boolean =>
    (event.type === 'replay-request' &&
      event.system === system &&
      event.outcome !== 'hit' &&
      event.outcome !== 'token') ||
    (event.type === 'recording-mode' && event.system === system) ||
    event.type === 'status';

export function MissesCard({ system, onOpenEntry, onClose }: MissesCardProps): ReactNode {
  const misses = useLiveQuery<Miss[]>(
    `misses:${system}`,
    (client) => client.replayMisses(system),
    affects(system),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [system]);
  const list = misses.data ?? [];
  return (
    <section className="card card--flush" aria-labelledby="rec-misses-title">
      <div className="card__header">
        <h2 className="card__title" id="rec-misses-title" ref={heading} tabIndex={-1}>
          Misses of {system}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="card__lead card__lead--padded">
        Requests replay could not answer from the sessions, newest first, with the nearest recorded requests
        and why each did not match.
      </p>
      {misses.error ? (
        <LoadError title={`The misses of ${system} could not be loaded`} error={misses.error} />
      ) : null}
      {misses.data !== null && list.length === 0 ? (
        <p className="card__lead card__lead--padded muted">No misses since replay started.</p>
      ) : null}
      <ol className="rec-misses" aria-label={`Misses of ${system}`}>
        {list.map((miss, i) => (
          <MissItem key={`${miss.at}-${i}`} miss={miss} onOpenEntry={onOpenEntry} />
        ))}
      </ol>
    </section>
  );
}

function MissItem({
  miss,
  onOpenEntry,
}: {
  miss: Miss;
  onOpenEntry: (session: string, index: number) => void;
}): ReactNode {
  const title = `${miss.method} ${miss.url}`;
  return (
    <li className="rec-miss" aria-label={title}>
      <p className="rec-miss__title">
        <strong className="rec-url">{title}</strong>{' '}
        <span className="muted" title={miss.at}>
          {formatTimestamp(miss.at)}
        </span>
      </p>
      <p className="rec-miss__request">
        As matched: <code>{miss.request}</code>
      </p>
      {miss.candidates.length === 0 ? (
        <p className="muted">
          No recorded request comes close: nothing with this method and path was recorded.
        </p>
      ) : (
        <table className="table rec-candidates" aria-label={`Candidates for ${title}`}>
          <thead>
            <tr>
              <th scope="col">Recorded entry</th>
              <th scope="col">Recorded request</th>
              <th scope="col">Why it did not match</th>
            </tr>
          </thead>
          <tbody>
            {miss.candidates.map((c) => (
              <tr key={`${c.session}#${c.index}`}>
                <td>
                  <button
                    type="button"
                    className="rec-link"
                    aria-label={`Open entry ${c.index} of ${c.session}`}
                    onClick={() => onOpenEntry(c.session, c.index)}
                  >
                    {c.session} #{c.index}
                  </button>
                </td>
                <td>
                  <code className="rec-key">{c.request}</code>
                </td>
                <td>
                  <ul className="rec-differences">
                    {c.differences.map((d, i) => (
                      <li key={`${d.what}-${i}`}>
                        <span className="tag tag--neutral">{d.what}</span> {d.detail}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
