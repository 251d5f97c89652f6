import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './App.js';
import { ROUTES } from './routes.js';
import { EngineProvider } from './state/EngineProvider.js';
import { eventsEndpoint, testClient } from './test/engine-fixtures.js';
import { server } from './test/msw-server.js';
import { xsuaaReadHandlers } from './test/xsuaa-fixtures.js';

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

  it('offers Overview, Bindings and Tokens, and opens each from the side navigation', async () => {
    const user = userEvent.setup();
    server.use(eventsEndpoint().handler, ...xsuaaReadHandlers);
    renderApp();
    const nav = screen.getByRole('navigation', { name: 'Product areas' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Overview',
      'Bindings',
      'Tokens',
      'Destinations',
      'Cloud Connector',
      'Traffic',
      'Systems',
      'Recordings',
    ]);
    for (const area of ['Bindings', 'Tokens', 'Overview']) {
      await user.click(within(nav).getByRole('link', { name: area }));
      expect(await screen.findByRole('heading', { level: 1, name: area })).toBeInTheDocument();
      expect(within(nav).getByRole('link', { name: area })).toHaveAttribute('aria-current', 'page');
      await waitFor(() => expect(document.title).toBe(`${area} · Demo — BTP Emulator`));
    }
  });

  it('falls back to the first area for an unknown route', async () => {
    window.location.hash = '#/no-such-area';
    server.use(eventsEndpoint().handler);
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Services' });
  });
});
