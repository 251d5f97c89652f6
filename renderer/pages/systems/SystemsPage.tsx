// Simulated SAP systems: their OData services (own and virtual URLs), browsing and editing entity
// sets, resetting data, latency and faults (workspace fields), and importing an EDMX as a new service.
import { useState, type ReactNode } from 'react';
import type { WorkspaceResponse } from '../../../app/admin-api.js';
import type { ImportServiceResponse, SystemSummary } from '../../../app/systems/api.js';
import { asError } from '../../api/admin-error.js';
import type { AdminClient } from '../../api/client.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { ErrorNotice, LoadError } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useAdminQuery } from '../../state/use-admin-query.js';
import { BrowseCard, type BrowseTarget } from './BrowseCard.js';
import { ImportEdmxCard } from './ImportEdmxCard.js';
import { SystemCard } from './SystemCard.js';
import { tuningOf, withTuning, type Tuning } from './systems-model.js';
import './systems.css';

const loadSystems = (client: AdminClient): Promise<SystemSummary[]> => client.systems();
const loadWorkspace = (client: AdminClient): Promise<WorkspaceResponse> => client.getWorkspace();
const RELOAD_ON = ['workspace-replaced', 'status'] as const;

export function SystemsPage(): ReactNode {
  const { client, view, connection, retryNow } = useEngine();
  const systems = useAdminQuery(loadSystems, RELOAD_ON);
  const workspace = useAdminQuery(loadWorkspace, RELOAD_ON);
  const [browsing, setBrowsing] = useState<BrowseTarget | null>(null);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const [dataVersion, setDataVersion] = useState(0);
  const ws = workspace.data?.workspace;

  const saveTuning = (system: string, service: string | undefined, tuning: Tuning): void => {
    if (!ws || saving) return;
    setSaveError(null);
    setSaving(true);
    void client
      .replaceWorkspace(withTuning(ws, system, service, tuning))
      .then(workspace.reload, (e: unknown) => setSaveError(asError(e)))
      .finally(() => setSaving(false));
  };

  const reset = (system: string, service: string): void => {
    setSaveError(null);
    void client.resetSystemService(system, service).then(
      () => setDataVersion((n) => n + 1),
      (e: unknown) => setSaveError(asError(e)),
    );
  };

  /** A new service: list it and open its first entity set, so its generated rows are in view. */
  const imported = (result: ImportServiceResponse, name: string): void => {
    systems.reload();
    const service = result.system.services.find((s) => s.name === name);
    const set = service?.entitySets[0];
    if (service && set) setBrowsing({ system: result.system, service, set });
  };

  const list = systems.data ?? [];
  const current = browsing
    ? list
        .find((s) => s.id === browsing.system.id)
        ?.services.find((s) => s.name === browsing.service.name)
        ?.entitySets.find((s) => s.name === browsing.set.name)
    : undefined;

  return (
    <>
      <div className="page-header">
        <h1>Systems</h1>
        <p className="page-header__lead">
          Simulated SAP Gateway systems: their OData services, the data behind them, and the latency and
          faults they answer with.
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={systems.data !== null}
        onRetry={retryNow}
      />
      {systems.error ? <LoadError title="The systems could not be loaded" error={systems.error} /> : null}
      {saveError ? <ErrorNotice title="The change was not saved" error={saveError} /> : null}
      <div className="page-stack" aria-busy={saving}>
        {systems.data !== null && list.length === 0 ? (
          <section className="card card--empty" aria-label="No systems">
            <p>The workspace has no simulated systems.</p>
          </section>
        ) : null}
        {list.map((system) => (
          <SystemCard
            key={system.id}
            system={system}
            tuning={(service) => (ws ? tuningOf(ws, system.id, service) : null)}
            onSaveTuning={(service, tuning) => saveTuning(system.id, service, tuning)}
            onBrowse={(service, set) => setBrowsing({ system, service, set })}
            onReset={(service) => reset(system.id, service.name)}
          />
        ))}
        {browsing && current ? (
          <BrowseCard
            key={`${browsing.system.id}/${browsing.service.name}/${browsing.set.name}`}
            target={{ ...browsing, set: current }}
            dataVersion={dataVersion}
            onClose={() => setBrowsing(null)}
          />
        ) : null}
        {systems.data !== null ? <ImportEdmxCard systems={list} onImported={imported} /> : null}
      </div>
    </>
  );
}
