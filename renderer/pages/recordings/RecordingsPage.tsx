// Recorded sessions: switch systems between simulate, live, record and replay; the sessions in the data
// folder with their timelines and entries; what replay could not answer and why; import and export.
// Everything follows the event stream, so counters, new entries and misses appear as they happen.
import { useEffect, useState, type ReactNode } from 'react';
import type { WorkspaceResponse } from '../../../app/admin-api.js';
import type { EngineEvent, EngineEventType } from '../../../app/events.js';
import type { RecordingOverview } from '../../../app/recording/api.js';
import type { AdminClient } from '../../api/client.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LoadError } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useAdminQuery } from '../../state/use-admin-query.js';
import { EntryDetailCard } from './EntryDetailCard.js';
import { ImportSessionCard } from './ImportSessionCard.js';
import { MappingsCard } from './MappingsCard.js';
import { MissesCard } from './MissesCard.js';
import { SessionsCard } from './SessionsCard.js';
import { SessionTimeline } from './SessionTimeline.js';
import { SystemModesCard } from './SystemModesCard.js';
import { useLiveQuery } from './use-live-query.js';
import './recordings.css';

const OVERVIEW_EVENTS = new Set<EngineEventType>([
  'status',
  'workspace-replaced',
  'recording-mode',
  'recording-entry',
  'replay-request',
]);
const loadOverview = (client: AdminClient): Promise<RecordingOverview> => client.recordings();
const overviewAffected = (event: EngineEvent): boolean => OVERVIEW_EVENTS.has(event.type);
const loadWorkspace = (client: AdminClient): Promise<WorkspaceResponse> => client.getWorkspace();
const WORKSPACE_EVENTS = ['workspace-replaced', 'status'] as const;

export function RecordingsPage(): ReactNode {
  const { client, view, connection, retryNow } = useEngine();
  const overview = useLiveQuery('overview', loadOverview, overviewAffected);
  const workspace = useAdminQuery(loadWorkspace, WORKSPACE_EVENTS);
  const [session, setSession] = useState<string | null>(null);
  const [entry, setEntry] = useState<{ session: string; index: number } | null>(null);
  const [missesFor, setMissesFor] = useState<string | null>(null);
  const [openWhenRecording, setOpenWhenRecording] = useState<string | null>(null);

  const openSession = (name: string | null): void => {
    setSession(name);
    setEntry(null);
  };

  // After "Start recording" the engine names the session (a default when none was given): open it
  // once the overview shows the system recording.
  useEffect(() => {
    const state = overview.data?.systems.find((s) => s.system === openWhenRecording);
    if (state?.mode !== 'record' || !state.session) return;
    setOpenWhenRecording(null);
    openSession(state.session);
  }, [overview.data, openWhenRecording]);

  const data = overview.data;
  return (
    <>
      <div className="page-header">
        <h1>Recordings</h1>
        <p className="page-header__lead">
          Record what a real SAP system answers, then replay it offline and deterministically: sessions are
          HAR files in the data folder, with secrets redacted.
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={data !== null}
        onRetry={retryNow}
      />
      {overview.error ? (
        <LoadError title="The recordings could not be loaded" error={overview.error} />
      ) : null}
      {data === null && !overview.error ? (
        <div className="card card--empty" role="status">
          Loading…
        </div>
      ) : null}
      {data ? (
        <div className="page-stack">
          <SystemModesCard
            systems={data.systems}
            sessions={data.sessions}
            missesShownFor={missesFor}
            onChanged={overview.reload}
            onRecordingStarted={(system) => (setOpenWhenRecording(system), overview.reload())}
            onOpenSession={openSession}
            onToggleMisses={(system) => setMissesFor(missesFor === system ? null : system)}
          />
          {missesFor ? (
            <MissesCard
              system={missesFor}
              onOpenEntry={(name, index) => (setSession(name), setEntry({ session: name, index }))}
              onClose={() => setMissesFor(null)}
            />
          ) : null}
          {workspace.error ? (
            <LoadError title="The Cloud Connector mappings could not be loaded" error={workspace.error} />
          ) : null}
          {workspace.data ? (
            <MappingsCard workspace={workspace.data.workspace} onRecorded={overview.reload} />
          ) : null}
          <SessionsCard
            sessions={data.sessions}
            selected={session}
            onOpen={openSession}
            onDeleted={(name) => {
              if (session === name) openSession(null);
              overview.reload();
            }}
          />
          {session ? (
            <SessionTimeline
              key={session}
              session={session}
              selectedEntry={entry?.session === session ? entry.index : null}
              onSelectEntry={(index) => setEntry({ session, index })}
              onClose={() => openSession(null)}
            />
          ) : null}
          {entry ? (
            <EntryDetailCard
              key={`${entry.session}#${entry.index}`}
              session={entry.session}
              index={entry.index}
              onClose={() => setEntry(null)}
            />
          ) : null}
          <ImportSessionCard
            systems={data.systems.map((s) => s.system)}
            onImported={overview.reload}
            onOpen={openSession}
          />
        </div>
      ) : null}
    </>
  );
}
