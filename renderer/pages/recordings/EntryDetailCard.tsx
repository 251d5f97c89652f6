// One recorded exchange in full: what the emulator knows (system, location, OData operation, replay key),
// both messages' headers, and the bodies, pretty-printed when JSON. Redacted values are marked as such,
// so a "[redacted]" is never mistaken for what the system sent.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { EntryDetail } from '../../../app/recording/api.js';
import { asError } from '../../api/admin-error.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatTimestamp } from '../../format/time.js';
import { useEngine } from '../../state/EngineProvider.js';
import {
  isRedacted,
  parseHarEntry,
  requestBody,
  responseBody,
  splitRedacted,
  type BodyView,
  type HarEntryView,
  type NameValue,
} from './har-entry-view.js';

interface EntryDetailCardProps {
  session: string;
  index: number;
  onClose: () => void;
}

export function EntryDetailCard({ session, index, onClose }: EntryDetailCardProps): ReactNode {
  const { client } = useEngine();
  const [detail, setDetail] = useState<EntryDetail | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let current = true;
    setDetail(null);
    setError(null);
    void client.recordingEntry(session, index).then(
      (d) => current && setDetail(d),
      (e: unknown) => current && setError(asError(e)),
    );
    return () => {
      current = false;
    };
  }, [client, session, index]);
  useEffect(() => heading.current?.focus(), [detail]);

  const parsed = detail ? parseHarEntry(detail.entry) : null;
  return (
    <section className="card" aria-labelledby="rec-entry-title">
      <div className="card__heading">
        <h2 className="card__title" id="rec-entry-title" ref={heading} tabIndex={-1}>
          {parsed?.ok ? `${parsed.entry.request.method} ${parsed.entry.request.url}` : `Entry #${index}`}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      {error ? (
        <ErrorNotice title={`Entry #${index} of ${session} could not be loaded`} error={error} />
      ) : null}
      {!detail && !error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {parsed && !parsed.ok ? (
        <p className="rec-problem" role="alert">
          Entry #{index} is not a HAR entry the page can show ({parsed.problem}).
        </p>
      ) : null}
      {parsed?.ok ? <EntryBody entry={parsed.entry} index={index} /> : null}
      {detail ? (
        <details className="rec-raw">
          <summary>The entry as stored (HAR JSON)</summary>
          <pre className="rec-body">{JSON.stringify(detail.entry, null, 2)}</pre>
        </details>
      ) : null}
    </section>
  );
}

function EntryBody({ entry, index }: { entry: HarEntryView; index: number }): ReactNode {
  const odata = entry._odata;
  return (
    <>
      <dl className="rec-facts" aria-label={`Facts of entry #${index}`}>
        <dt>Status</dt>
        <dd>
          {entry.response.status} {entry.response.statusText}
        </dd>
        <dt>Started</dt>
        <dd>{entry.startedDateTime ? formatTimestamp(entry.startedDateTime) : '—'}</dd>
        <dt>Time</dt>
        <dd>{entry.time === undefined ? '—' : `${Math.round(entry.time)} ms`}</dd>
        <dt>System</dt>
        <dd>{entry._system ?? '—'}</dd>
        <dt>Location</dt>
        <dd>{entry._location ?? 'default (no location id)'}</dd>
        <dt>Destination</dt>
        <dd>{entry._destination ?? '—'}</dd>
        <dt>OData</dt>
        <dd>
          {odata
            ? [odata.operation, odata.entitySet, odata.service && `of ${odata.service}`]
                .filter(Boolean)
                .join(' ')
            : 'not an OData request'}
        </dd>
        <dt>Replay key</dt>
        <dd>{entry._replayKey ? <code className="rec-key">{entry._replayKey}</code> : '—'}</dd>
      </dl>
      <Message title="Request" headers={entry.request.headers} body={requestBody(entry)} />
      <Message title="Response" headers={entry.response.headers} body={responseBody(entry)} />
    </>
  );
}

function Message({
  title,
  headers,
  body,
}: {
  title: string;
  headers: NameValue[];
  body: BodyView;
}): ReactNode {
  return (
    <section className="rec-message" aria-label={title}>
      <h3 className="rec-message__title">{title}</h3>
      {headers.length === 0 ? (
        <p className="muted">No headers recorded.</p>
      ) : (
        <table className="table rec-headers" aria-label={`${title} headers`}>
          <tbody>
            {headers.map((h, i) => (
              <tr key={`${h.name}-${i}`}>
                <th scope="row">{h.name}</th>
                <td className="rec-url">
                  <Redactable text={h.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BodyBlock title={title} body={body} />
    </section>
  );
}

function BodyBlock({ title, body }: { title: string; body: BodyView }): ReactNode {
  if (body.binaryBytes !== null)
    return <p className="muted">Binary body, {body.binaryBytes} bytes (in the export).</p>;
  if (body.text === '') return <p className="muted">No body.</p>;
  return (
    <div className="rec-body-wrap">
      <div className="rec-body-bar">
        <span className="muted">{body.json ? 'JSON (formatted)' : 'Body'}</span>
        <CopyButton value={body.text} label={`Copy ${title.toLowerCase()} body`} />
      </div>
      <pre className="rec-body" aria-label={`${title} body`} tabIndex={0}>
        <Redactable text={body.text} />
        {body.truncated > 0
          ? `\n… ${body.truncated} more characters (export the session for the whole body)`
          : ''}
      </pre>
    </div>
  );
}

/** Text with each redaction marker shown as a labelled badge. */
function Redactable({ text }: { text: string }): ReactNode {
  if (!isRedacted(text)) return text;
  return splitRedacted(text).map((part, i) =>
    part.redacted ? (
      <mark key={i} className="rec-redacted" title="Redacted when recorded: the value is not stored">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}
