import { useEffect, type ReactNode } from 'react';
import { AppHeader } from './components/AppHeader.js';
import { SideNav } from './components/SideNav.js';
import { findRoute, ROUTES } from './routes.js';
import { useHashRoute } from './routing/use-hash-route.js';
import { useEngine } from './state/EngineProvider.js';

export function App(): ReactNode {
  const route = findRoute(useHashRoute());
  const { view, connection } = useEngine();
  const workspace = view.status?.workspace ?? null;

  useEffect(() => {
    document.title = workspace ? `${route.label} · ${workspace.name} — BTP Emulator` : 'BTP Emulator';
  }, [route.label, workspace]);

  return (
    <div className="app">
      <AppHeader workspace={workspace} connection={connection.state} />
      <SideNav routes={ROUTES} activeId={route.id} />
      <main className="app-main" id="main">
        <div className="app-main__inner">
          <route.Page />
        </div>
      </main>
    </div>
  );
}
