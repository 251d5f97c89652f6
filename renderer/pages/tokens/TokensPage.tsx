// Tokens as the emulated XSUAA issues them, and a verifier for any JWT: the two things a developer
// needs when an app answers 401 and the question is "what is wrong with this token?".
import { useState, type ReactNode } from 'react';
import type { ClientSummary, WorkspaceResponse } from '../../../app/admin-api.js';
import type { AdminClient } from '../../api/client.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LoadError } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useAdminQuery } from '../../state/use-admin-query.js';
import { IssueTokenCard } from './IssueTokenCard.js';
import { VerifyTokenCard, type VerifyRequestSeed } from './VerifyTokenCard.js';

const loadClients = (client: AdminClient): Promise<ClientSummary[]> => client.clients();
const loadWorkspace = (client: AdminClient): Promise<WorkspaceResponse> => client.getWorkspace();
const RELOAD_ON = ['workspace-replaced', 'status'] as const;

export function TokensPage(): ReactNode {
  const { client, view, connection, retryNow } = useEngine();
  const clients = useAdminQuery(loadClients, RELOAD_ON);
  const workspace = useAdminQuery(loadWorkspace, RELOAD_ON);
  // Each hand-over gets a fresh verify card (by key), which verifies the seeded token on mount.
  const [handover, setHandover] = useState<{ id: number; seed: VerifyRequestSeed } | null>(null);
  const loadError = clients.error ?? workspace.error;

  return (
    <>
      <div className="page-header">
        <h1>Tokens</h1>
        <p className="page-header__lead">
          Issue tokens the way this emulator&apos;s XSUAA does, and decode and verify any JWT against its
          keys.
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={clients.data !== null}
        onRetry={retryNow}
      />
      {loadError ? <LoadError title="Clients and users could not be loaded" error={loadError} /> : null}
      <div className={connection.state === 'open' ? 'page-stack' : 'page-stack page-stack--stale'}>
        {clients.data && workspace.data ? (
          <IssueTokenCard
            clients={clients.data}
            workspace={workspace.data.workspace}
            onVerify={(token, audience) =>
              setHandover((previous) => ({ id: (previous?.id ?? 0) + 1, seed: { token, audience } }))
            }
          />
        ) : clients.loading || workspace.loading ? (
          <div className="card card--empty" role="status">
            <span className="spinner" aria-hidden="true" />
            Loading clients and users…
          </div>
        ) : null}
        <VerifyTokenCard key={handover?.id ?? 0} clients={clients.data ?? []} seed={handover?.seed ?? null} />
      </div>
    </>
  );
}
