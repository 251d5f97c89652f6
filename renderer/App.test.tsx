import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App.js';
import { ROUTES } from './routes.js';
import { EngineProvider } from './state/EngineProvider.js';
import { eventsEndpoint, testClient } from './test/engine-fixtures.js';
import { server } from './test/msw-server.js';

function renderApp(): void {
  render(
    <EngineProvider client={testClient()}>
      <App />
    </EngineProvider>,
  );
}

describe('App frame', () => {
  it('lists exactly the areas of the route table and marks the current one', async () => {
    server.use(eventsEndpoint().handler);
    renderApp();
    const nav = screen.getByRole('navigation', { name: 'Product areas' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(ROUTES.map((route) => route.label));
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('banner')).toHaveTextContent('BTP Emulator');
    await screen.findByRole('table', { name: 'Services' });
  });

  it('falls back to the first area for an unknown route', async () => {
    window.location.hash = '#/no-such-area';
    server.use(eventsEndpoint().handler);
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Services' });
  });
});
