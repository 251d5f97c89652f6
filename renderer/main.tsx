// Entry: find the engine (desktop bridge or this page's origin), then render. Styles come from a
// bundled CSS file because the engine's CSP forbids inline <style> and style="" attributes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminClient } from './api/client.js';
import { resolveAdminConnection } from './api/desktop-bridge.js';
import { App } from './App.js';
import { EngineProvider } from './state/EngineProvider.js';
import './styles.css';

async function bootstrap(container: HTMLElement): Promise<void> {
  const client = new AdminClient(await resolveAdminConnection(window));
  createRoot(container).render(
    <StrictMode>
      <EngineProvider client={client}>
        <App />
      </EngineProvider>
    </StrictMode>,
  );
}

function showFatal(container: HTMLElement, error: unknown): void {
  const message = document.createElement('p');
  message.className = 'fatal';
  message.textContent = `The UI could not start: ${error instanceof Error ? error.message : String(error)}`;
  container.replaceChildren(message);
}

const container = document.getElementById('root');
if (container) bootstrap(container).catch((error: unknown) => showFatal(container, error));
