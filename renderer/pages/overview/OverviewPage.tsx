// The first thing a user sees: is the emulator up, which workspace runs, and where each service listens.
import type { ReactNode } from 'react';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { useEngine } from '../../state/EngineProvider.js';
import { EngineCard } from './EngineCard.js';
import { ServicesCard } from './ServicesCard.js';
import { WorkspaceCard } from './WorkspaceCard.js';

export function OverviewPage(): ReactNode {
  const { client, view, connection, retryNow } = useEngine();
  const { status } = view;
  return (
    <>
      <div className="page-header">
        <h1>Overview</h1>
        <p className="page-header__lead">
          The running emulator, its workspace and where each service listens.
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={status !== null}
        onRetry={retryNow}
      />
      {status === null ? (
        <WaitingCard failed={connection.state === 'unauthorized' || connection.state === 'unreachable'} />
      ) : (
        <div className={connection.state === 'open' ? 'overview' : 'overview overview--stale'}>
          <ServicesCard services={status.services} />
          <div className="overview__cards">
            <WorkspaceCard status={status} />
            <EngineCard status={status} />
          </div>
        </div>
      )}
    </>
  );
}

function WaitingCard({ failed }: { failed: boolean }): ReactNode {
  if (failed) return null;
  return (
    <div className="card card--empty" role="status">
      <span className="spinner" aria-hidden="true" />
      Connecting to the engine…
    </div>
  );
}
