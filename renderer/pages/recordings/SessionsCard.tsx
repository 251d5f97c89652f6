// The sessions in the data folder: size, systems, whether one is being written or replayed, files that
// cannot be read; open the timeline, export a redacted HAR, delete after a confirmation.
import { useState, type ReactNode } from 'react';
import type { SessionSummary } from '../../../app/recording/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { DownloadIcon } from '../../components/icons.js';
import { formatTimestamp } from '../../format/time.js';
import { useEngine } from '../../state/EngineProvider.js';
import { downloadText } from '../bindings/download.js';
import { formatBytes } from './recordings-model.js';

interface SessionsCardProps {
  sessions: readonly SessionSummary[];
  selected: string | null;
  onOpen: (session: string) => void;
  onDeleted: (session: string) => void;
}

export function SessionsCard({ sessions, selected, onOpen, onDeleted }: SessionsCardProps): ReactNode {
  const { client } = useEngine();
  const [confirm, setConfirm] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: Error } | null>(null);
  const [status, setStatus] = useState('');

  const remove = (name: string): void => {
    setConfirm(null);
    setFailure(null);
    void client.deleteRecordingSession(name).then(
      () => (setStatus(`Session ${name} deleted.`), onDeleted(name)),
      (e: unknown) => setFailure({ title: `Session ${name} was not deleted`, error: asError(e) }),
    );
  };
  const exportSession = (name: string): void => {
    setFailure(null);
    void client.exportRecordingSession(name).then(
      (har) => (downloadText(`${name}.har`, har, 'application/json'), setStatus(`Exported ${name}.har.`)),
      (e: unknown) => setFailure({ title: `Session ${name} was not exported`, error: asError(e) }),
    );
  };

  return (
    <section className="card card--flush" aria-labelledby="rec-sessions-title">
      <div className="card__header">
        <h2 className="card__title" id="rec-sessions-title">
          Sessions
        </h2>
        <span className="card__meta muted">{sessions.length} in the data folder</span>
      </div>
      {failure ? (
        <div className="card__notice">
          <ErrorNotice title={failure.title} error={failure.error} />
        </div>
      ) : null}
      <p className="card__status" role="status">
        {status}
      </p>
      {sessions.length === 0 ? (
        <p className="card__lead card__lead--padded muted">
          No sessions yet. Record a system above, or import a HAR file below.
        </p>
      ) : (
        <table className="table" aria-label="Sessions">
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col" className="table__num">
                Entries
              </th>
              <th scope="col" className="table__num">
                Size
              </th>
              <th scope="col">Changed</th>
              <th scope="col">Systems</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <SessionRow
                key={s.name}
                session={s}
                selected={s.name === selected}
                confirming={confirm === s.name}
                onOpen={() => onOpen(s.name)}
                onExport={() => exportSession(s.name)}
                onAskDelete={() => setConfirm(s.name)}
                onDelete={() => remove(s.name)}
                onCancelDelete={() => setConfirm(null)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface SessionRowProps {
  session: SessionSummary;
  selected: boolean;
  confirming: boolean;
  onOpen: () => void;
  onExport: () => void;
  onAskDelete: () => void;
  onDelete: () => void;
  onCancelDelete: () => void;
}

function SessionRow(props: SessionRowProps): ReactNode {
  const { session: s } = props;
  return (
    <>
      <tr className={props.selected ? 'rec-row rec-row--selected' : 'rec-row'}>
        <th scope="row">{s.name}</th>
        <td className="table__num">{s.entries}</td>
        <td className="table__num">{formatBytes(s.bytes)}</td>
        <td title={s.created ? `Created ${formatTimestamp(s.created)}` : undefined}>
          {formatTimestamp(s.modified)}
        </td>
        <td>{s.systems.join(', ') || <span className="muted">—</span>}</td>
        <td>
          <div className="rec-badges">
            {s.recording ? <span className="badge rec-mode--record">Recording</span> : null}
            {s.replayedBy.length > 0 ? (
              <span className="badge rec-mode--replay">Replayed by {s.replayedBy.join(', ')}</span>
            ) : null}
            {s.error ? <span className="rec-error">{s.error}</span> : null}
          </div>
        </td>
        <td>
          <div className="rec-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Open timeline of ${s.name}`}
              aria-pressed={props.selected}
              disabled={s.error !== undefined}
              onClick={props.onOpen}
            >
              Open
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Export ${s.name}`}
              disabled={s.error !== undefined}
              onClick={props.onExport}
            >
              <DownloadIcon />
              Export
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Delete ${s.name}`}
              onClick={props.onAskDelete}
            >
              Delete
            </button>
          </div>
        </td>
      </tr>
      {props.confirming ? (
        <tr>
          <td colSpan={7}>
            <div className="confirm" role="group" aria-label={`Delete session ${s.name}`}>
              <p className="confirm__title">Delete session {s.name}?</p>
              <p>
                Its file is removed from the data folder
                {s.replayedBy.length > 0 ? `, and ${s.replayedBy.join(', ')} can no longer replay it` : ''}.
                Export it first to keep a copy.
              </p>
              <div className="confirm__actions">
                <button type="button" className="button button--primary" onClick={props.onDelete}>
                  Delete
                </button>
                <button type="button" className="button" onClick={props.onCancelDelete} autoFocus>
                  Cancel
                </button>
              </div>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
