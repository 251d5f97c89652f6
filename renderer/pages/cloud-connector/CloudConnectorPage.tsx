// The Cloud Connector: locations, system mappings and resources (edited in the workspace and
// validated by the engine), and "Check a URL" to see which rule allows or denies a request.
import { useState, type ReactNode } from 'react';
import type { WorkspaceResponse } from '../../../app/admin-api.js';
import { asError } from '../../api/admin-error.js';
import type { AdminClient } from '../../api/client.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { ErrorNotice, LoadError } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useAdminQuery } from '../../state/use-admin-query.js';
import * as model from './cloud-connector-model.js';
import { CheckUrlCard } from './CheckUrlCard.js';
import { LocationCard, type LocationEdits } from './LocationCard.js';
import './cloud-connector.css';

const loadWorkspace = (client: AdminClient): Promise<WorkspaceResponse> => client.getWorkspace();
const RELOAD_ON = ['workspace-replaced', 'status'] as const;

export function CloudConnectorPage(): ReactNode {
  const { client, view, connection, retryNow } = useEngine();
  const workspace = useAdminQuery(loadWorkspace, RELOAD_ON);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const [newId, setNewId] = useState('');
  // One save at a time: each sends the whole workspace, so a second edit must start from the first's result.
  const [saving, setSaving] = useState(false);
  const ws = workspace.data?.workspace;

  const save = (change: (cc: model.CloudConnector) => model.CloudConnector): void => {
    if (!ws || saving) return;
    setSaveError(null);
    setSaving(true);
    void client
      .replaceWorkspace({ ...ws, cloudConnector: change(ws.cloudConnector) })
      .then(workspace.reload, (e: unknown) => setSaveError(asError(e)))
      .finally(() => setSaving(false));
  };
  const edits = (li: number): LocationEdits => ({
    setConnected: (c) => save((cc) => model.setConnected(cc, li, c)),
    remove: () => save((cc) => model.removeLocation(cc, li)),
    addMapping: (m) => save((cc) => model.addMapping(cc, li, m)),
    removeMapping: (mi) => save((cc) => model.removeMapping(cc, li, mi)),
    addResource: (mi, r) => save((cc) => model.addResource(cc, li, mi, r)),
    removeResource: (mi, ri) => save((cc) => model.removeResource(cc, li, mi, ri)),
    setResourceEnabled: (mi, ri, e) => save((cc) => model.setResourceEnabled(cc, li, mi, ri, e)),
  });

  return (
    <>
      <div className="page-header">
        <h1>Cloud Connector</h1>
        <p className="page-header__lead">
          Locations, the systems they expose (virtual host → internal host) and the resources the connectivity
          proxy lets through.
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={ws !== undefined}
        onRetry={retryNow}
      />
      {workspace.error ? (
        <LoadError title="The workspace could not be loaded" error={workspace.error} />
      ) : null}
      {saveError ? <ErrorNotice title="The change was not saved" error={saveError} /> : null}
      <div className="page-stack" aria-busy={saving}>
        {ws ? <CheckUrlCard locations={ws.cloudConnector.locations.map((l) => l.id)} /> : null}
        {ws?.cloudConnector.locations.map((location, li) => (
          <LocationCard key={location.id ?? ''} location={location} edits={edits(li)} />
        ))}
        {ws ? (
          <form
            className="card cc-form"
            aria-label="Add a location"
            onSubmit={(e) => (
              e.preventDefault(),
              save((cc) => model.addLocation(cc, newId.trim() || undefined)),
              setNewId('')
            )}
          >
            <label>
              Location id (empty for the default location){' '}
              <input
                className="input"
                aria-label="New location id"
                value={newId}
                onChange={(e) => setNewId(e.target.value)}
              />
            </label>
            <button type="submit" className="button">
              Add location
            </button>
          </form>
        ) : null}
      </div>
    </>
  );
}
