import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { EngineProvider } from '../../state/EngineProvider.js';
import {
  AT,
  BASE_URL,
  engineStatus,
  eventsEndpoint,
  service,
  testClient,
  unauthorizedBody,
} from '../../test/engine-fixtures.js';
import { server } from '../../test/msw-server.js';

const FAST = { initialMs: 5, maxMs: 40, factor: 2 };

function renderApp(): void {
  render(
    <EngineProvider client={testClient()} backoff={FAST}>
      <App />
    </EngineProvider>,
  );
}

function serviceRow(title: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name: title }).closest('tr');
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

const indicator = (): HTMLElement => screen.getByRole('status', { name: 'Engine connection' });

describe('Overview', () => {
  it('shows every service, the workspace and the engine from the first status snapshot', async () => {
    server.use(eventsEndpoint().handler);
    renderApp();
    await screen.findByRole('table', { name: 'Services' });

    expect(indicator()).toHaveTextContent('Live');
    expect(screen.getByRole('group', { name: 'Current workspace' })).toHaveTextContent('Demo');
    expect(screen.getAllByRole('row')).toHaveLength(7); // header + 6 services
    const admin = serviceRow('Admin API & UI');
    expect(within(admin).getByText('Running')).toBeInTheDocument();
    expect(within(admin).getByText('http://127.0.0.1:20000')).toBeInTheDocument();
    expect(within(admin).getByRole('cell', { name: '20000' })).toBeInTheDocument();
    expect(screen.getByText('6 of 6 running')).toBeInTheDocument();

    const workspace = screen.getByRole('region', { name: 'Workspace' });
    expect(within(workspace).getByText(/Built-in demo/)).toBeInTheDocument();
    expect(within(workspace).getByText('/home/dev/.local/share/btp-emulator')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Engine' })).getByText('PID 4242')).toBeInTheDocument();
  });

  it('shows the workspace file path when the workspace comes from a file', async () => {
    const workspace = {
      name: 'Shop',
      path: '/repo/btp.workspace.yaml',
      source: 'file' as const,
      schemaVersion: 2,
      migrated: [],
    };
    server.use(eventsEndpoint({ snapshot: () => engineStatus({ workspace }) }).handler);
    renderApp();
    const card = await screen.findByRole('region', { name: 'Workspace' });
    expect(within(card).getByText('/repo/btp.workspace.yaml')).toBeInTheDocument();
    expect(within(card).queryByText(/Built-in demo/)).not.toBeInTheDocument();
  });

  it('patches a row live when a service-state event arrives', async () => {
    const endpoint = eventsEndpoint();
    server.use(endpoint.handler);
    renderApp();
    const channel = await endpoint.next();
    await screen.findByRole('table', { name: 'Services' });
    expect(within(serviceRow('XSUAA')).getByText('Running')).toBeInTheDocument();

    const failed = service('xsuaa', {
      state: 'failed',
      url: null,
      port: null,
      error: 'Port 20010 is in use.',
    });
    channel.send({ type: 'service-state', at: AT, service: failed });

    const row = serviceRow('XSUAA');
    await within(row).findByText('Failed');
    expect(within(row).getByText('Port 20010 is in use.')).toBeInTheDocument();
    expect(within(row).getByText('Not listening')).toBeInTheDocument();
    expect(within(row).queryByText('20010')).not.toBeInTheDocument();
    expect(screen.getByText('5 of 6 running')).toBeInTheDocument();
    // Other rows are untouched.
    expect(within(serviceRow('Destination service')).getByText('Running')).toBeInTheDocument();
  });

  it('shows a replaced workspace name without a reload, and a new snapshot replaces everything', async () => {
    const endpoint = eventsEndpoint();
    server.use(endpoint.handler);
    renderApp();
    const channel = await endpoint.next();
    await screen.findByRole('table', { name: 'Services' });

    const summary = { name: 'Renamed', path: null, source: 'demo' as const, schemaVersion: 2, migrated: [] };
    channel.send({ type: 'workspace-replaced', at: AT, workspace: summary });
    const header = screen.getByRole('group', { name: 'Current workspace' });
    await within(header).findByText('Renamed');
    // The title is set in an effect, which may run just after the DOM commit findByText saw.
    await waitFor(() => expect(document.title).toContain('Renamed'));

    channel.send({ type: 'status', at: AT, status: engineStatus({ services: [service('admin')] }) });
    await within(header).findByText('Demo');
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('explains how to sign in when the engine answers 401', async () => {
    server.use(
      http.get(`${BASE_URL}/api/events`, () => HttpResponse.json(unauthorizedBody, { status: 401 })),
    );
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('not signed in');
    expect(alert).toHaveTextContent(
      'Open the link printed by btp-emulator start — it contains a one-time token',
    );
    expect(indicator()).toHaveTextContent('Not signed in');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the unreachable engine with a retry countdown, and recovers when it comes back', async () => {
    let up = false;
    const endpoint = eventsEndpoint();
    server.use(
      http.get(`${BASE_URL}/api/events`, () => (up ? undefined : HttpResponse.error())),
      endpoint.handler,
    );
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cannot reach the engine');
    expect(alert).toHaveTextContent(`No answer from ${BASE_URL}`);
    expect(alert).toHaveTextContent(/Retrying (in \d+ s|now…)/);
    expect(indicator()).toHaveTextContent('Engine unreachable');

    up = true;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry now' }));
    await screen.findByRole('table', { name: 'Services' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(indicator()).toHaveTextContent('Live');
  });

  it('keeps the last known state visible, marked as such, when the connection drops', async () => {
    let up = true;
    const endpoint = eventsEndpoint();
    server.use(
      http.get(`${BASE_URL}/api/events`, () => (up ? undefined : HttpResponse.error())),
      endpoint.handler,
    );
    renderApp();
    const channel = await endpoint.next();
    await screen.findByRole('table', { name: 'Services' });
    up = false;
    channel.end();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('last known state');
    expect(screen.getByRole('table', { name: 'Services' })).toBeInTheDocument();
  });

  it('announces that the engine is stopping', async () => {
    const endpoint = eventsEndpoint();
    server.use(endpoint.handler);
    renderApp();
    const channel = await endpoint.next();
    await screen.findByRole('table', { name: 'Services' });
    channel.send({ type: 'engine-stopping', at: AT });
    expect(await screen.findByRole('alert')).toHaveTextContent('shutting down');
  });

  it('copies a service URL', async () => {
    const user = userEvent.setup();
    server.use(eventsEndpoint().handler);
    renderApp();
    await screen.findByRole('table', { name: 'Services' });
    const row = serviceRow('Destination service');
    await user.click(within(row).getByRole('button', { name: 'Copy URL of Destination service' }));
    await vi.waitFor(async () => expect(await navigator.clipboard.readText()).toBe('http://127.0.0.1:20020'));
    expect(await within(row).findByText('Copied')).toBeInTheDocument();
  });
});
