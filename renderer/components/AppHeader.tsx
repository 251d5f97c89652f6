import type { ReactNode } from 'react';
import type { ConnectionState } from '../api/event-stream.js';
import type { WorkspaceSummary } from '../../app/events.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { LogoMark } from './icons.js';

interface AppHeaderProps {
  workspace: WorkspaceSummary | null;
  connection: ConnectionState;
}

export function AppHeader({ workspace, connection }: AppHeaderProps): ReactNode {
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <LogoMark />
        <span className="app-header__product">BTP Emulator</span>
      </div>
      {workspace ? (
        <div className="app-header__workspace" role="group" aria-label="Current workspace">
          <span className="app-header__caption">Workspace</span>
          <span className="app-header__workspace-name">{workspace.name}</span>
          {workspace.source === 'demo' ? <span className="tag">Built-in demo</span> : null}
        </div>
      ) : null}
      <ConnectionIndicator state={connection} />
    </header>
  );
}
