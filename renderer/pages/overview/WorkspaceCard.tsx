import type { ReactNode } from 'react';
import type { EngineStatus } from '../../../app/events.js';
import { DetailList, type Detail } from './DetailList.js';

export function WorkspaceCard({ status }: { status: EngineStatus }): ReactNode {
  const { workspace, dataDir } = status;
  const source: Detail =
    workspace.path === null
      ? {
          term: 'Source',
          value: (
            <>
              Built-in demo
              <span className="details__note">Not saved to a file: changes last until the engine stops.</span>
            </>
          ),
        }
      : { term: 'File', value: <code className="path">{workspace.path}</code>, copy: workspace.path };
  const migrated = workspace.migrated.length > 0 ? ` (migrated: ${workspace.migrated.join(', ')})` : '';
  return (
    <section className="card" aria-labelledby="workspace-card-title">
      <h2 className="card__title" id="workspace-card-title">
        Workspace
      </h2>
      <DetailList
        details={[
          { term: 'Name', value: <strong>{workspace.name}</strong> },
          source,
          { term: 'Schema', value: `Version ${workspace.schemaVersion}${migrated}` },
          { term: 'Data folder', value: <code className="path">{dataDir}</code>, copy: dataDir },
        ]}
      />
    </section>
  );
}
