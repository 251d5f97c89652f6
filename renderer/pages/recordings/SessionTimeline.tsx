// One session's timeline: every exchange with its OData operation and how often the current replay
// served it, live while the session is recorded or replayed. A filter narrows it; pages of 100 rows keep
// a 10,000-entry session responsive; the last page follows new entries.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EntrySummary, SessionDetail } from '../../../app/recording/api.js';
import type { EngineEvent } from '../../../app/events.js';
import { LoadError } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { DataFilesForm } from './DataFilesForm.js';
import { filterEntries, odataLabel, pageInfo, pathOf, PAGE_SIZE } from './recordings-model.js';
import { useLiveQuery } from './use-live-query.js';

interface SessionTimelineProps {
  session: string;
  selectedEntry: number | null;
  onSelectEntry: (index: number) => void;
  onClose: () => void;
}

const affects =
  (session: string) =>
  (event: EngineEvent): boolean =>
    ((event.type === 'recording-entry' || event.type === 'replay-request') && event.session === session) ||
    event.type === 'status';

export function SessionTimeline({
  session,
  selectedEntry,
  onSelectEntry,
  onClose,
}: SessionTimelineProps): ReactNode {
  const detail = useLiveQuery<SessionDetail>(
    `session:${session}`,
    (client) => client.recordingSession(session),
    affects(session),
  );
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const [dataFilesOpen, setDataFilesOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [session]);

  const entries = useMemo(() => detail.data?.entries ?? [], [detail.data]);
  // Typing stays responsive over 10,000 entries: the list is filtered again when React has time.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterEntries(entries, deferredFilter), [entries, deferredFilter]);
  const info = pageInfo(shown.length, page);
  // New entries arrive at the end: a reader who went to the last page keeps seeing the newest ones.
  const wasOnLastPage = useRef(false);
  useEffect(() => {
    if (wasOnLastPage.current) setPage(info.pages - 1);
  }, [info.pages]);
  useEffect(() => {
    wasOnLastPage.current = info.pages > 1 && info.page === info.pages - 1;
  });

  const systems = [...new Set(entries.map((e) => e.system).filter((s): s is string => s !== null))];
  return (
    <section className="card card--flush" aria-labelledby="rec-timeline-title">
      <div className="card__header">
        <h2 className="card__title" id="rec-timeline-title" ref={heading} tabIndex={-1}>
          Session {session}
        </h2>
        <div className="rec-actions">
          <button
            type="button"
            className="button button--small"
            aria-expanded={dataFilesOpen}
            onClick={() => setDataFilesOpen(!dataFilesOpen)}
          >
            Create data files…
          </button>
          <button type="button" className="button button--small" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      {dataFilesOpen ? <DataFilesForm session={session} defaultSystem={systems[0] ?? null} /> : null}
      {detail.error ? (
        <LoadError title={`Session ${session} could not be loaded`} error={detail.error} />
      ) : null}
      <div className="rec-toolbar" role="search" aria-label="Filter entries">
        <Field label="Filter" hint="Words in the method, URL, status, OData operation, entity set or system.">
          {({ id, describedBy }) => (
            <input
              id={id}
              className="input"
              type="search"
              aria-describedby={describedBy}
              value={filter}
              onChange={(e) => (setFilter(e.target.value), setPage(0))}
            />
          )}
        </Field>
      </div>
      {detail.data === null && !detail.error ? (
        <p className="card__lead card__lead--padded muted" role="status">
          Loading…
        </p>
      ) : null}
      {detail.data !== null && shown.length === 0 ? (
        <p className="card__lead card__lead--padded muted">
          {entries.length === 0
            ? 'No entries yet. Requests to a recording system appear here.'
            : 'No entry matches the filter.'}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <EntryTable
          entries={shown.slice(info.page * PAGE_SIZE, (info.page + 1) * PAGE_SIZE)}
          selected={selectedEntry}
          onSelect={onSelectEntry}
        />
      ) : null}
      <Pager info={info} total={shown.length} of={entries.length} onPage={setPage} />
    </section>
  );
}

function EntryTable({
  entries,
  selected,
  onSelect,
}: {
  entries: EntrySummary[];
  selected: number | null;
  onSelect: (index: number) => void;
}): ReactNode {
  return (
    <div className="rec-table-wrap">
      <table className="table rec-timeline" aria-label="Entries">
        <thead>
          <tr>
            <th scope="col" className="table__num">
              #
            </th>
            <th scope="col">Time</th>
            <th scope="col">Request</th>
            <th scope="col">Status</th>
            <th scope="col">OData</th>
            <th scope="col" className="table__num">
              ms
            </th>
            <th scope="col" className="table__num">
              Served
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.index}
              className={entry.index === selected ? 'rec-row rec-row--selected' : 'rec-row'}
              onClick={() => onSelect(entry.index)}
            >
              <td className="table__num">{entry.index}</td>
              <td className="nowrap" title={entry.startedDateTime}>
                {new Date(entry.startedDateTime).toLocaleTimeString()}
              </td>
              <td className="rec-url">
                <button
                  type="button"
                  className="rec-link"
                  title={entry.url}
                  aria-pressed={entry.index === selected}
                  onClick={(e) => (e.stopPropagation(), onSelect(entry.index))}
                >
                  {entry.method} {pathOf(entry.url)}
                </button>
              </td>
              <td className={entry.status >= 400 ? 'rec-status rec-status--error' : 'rec-status'}>
                {entry.status}
              </td>
              <td>{odataLabel(entry) || <span className="muted">—</span>}</td>
              <td className="table__num">{Math.round(entry.timeMs)}</td>
              <td className="table__num">{entry.served}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({
  info,
  total,
  of,
  onPage,
}: {
  info: ReturnType<typeof pageInfo>;
  total: number;
  of: number;
  onPage: (page: number) => void;
}): ReactNode {
  const filtered = total !== of ? ` (filtered from ${of})` : '';
  return (
    <div className="rec-pager">
      <button
        type="button"
        className="button button--small"
        disabled={info.page === 0}
        onClick={() => onPage(0)}
      >
        First
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={info.page === 0}
        onClick={() => onPage(info.page - 1)}
      >
        Previous
      </button>
      <span role="status" aria-label="Entries shown">
        {info.from}–{info.to} of {total}
        {filtered}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={info.page >= info.pages - 1}
        onClick={() => onPage(info.page + 1)}
      >
        Next
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={info.page >= info.pages - 1}
        onClick={() => onPage(info.pages - 1)}
      >
        Last
      </button>
    </div>
  );
}
