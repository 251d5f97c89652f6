import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceInput } from '../../../app/workspace/schema.js';
import { App } from '../../App.js';
import { EngineProvider } from '../../state/EngineProvider.js';
import { AT, BASE_URL, eventsEndpoint, testClient } from '../../test/engine-fixtures.js';
import { server } from '../../test/msw-server.js';
import { FakeRecordingApi, systemState } from '../../test/recording-fixtures.js';
import { workspaceResponse } from '../../test/xsuaa-fixtures.js';

type User = ReturnType<typeof userEvent.setup>;

function renderRecordings(
  api = new FakeRecordingApi(),
  workspace: WorkspaceInput = workspaceResponse.workspace,
) {
  window.location.hash = '#/recordings';
  const events = eventsEndpoint();
  const puts: unknown[] = [];
  let current = workspace;
  server.use(
    events.handler,
    ...api.handlers(),
    http.get(`${BASE_URL}/api/workspace`, () =>
      HttpResponse.json({ ...workspaceResponse, workspace: current }),
    ),
    http.put(`${BASE_URL}/api/workspace`, async ({ request }) => {
      current = (await request.json()) as WorkspaceInput;
      puts.push(current);
      return HttpResponse.json({ ...workspaceResponse, workspace: current });
    }),
  );
  render(
    <EngineProvider client={testClient()}>
      <App />
    </EngineProvider>,
  );
  return { api, events, puts };
}

const systemRow = async (system: string): Promise<HTMLElement> =>
  (await screen.findByRole('rowheader', { name: system })).closest('tr')!;
const sessionRow = (name: string): HTMLElement =>
  within(screen.getByRole('table', { name: 'Sessions' }))
    .getByRole('rowheader', { name })
    .closest('tr')!;

async function openForm(user: User, button: string, form: string): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: button }));
  return screen.getByRole('form', { name: form });
}

describe('Recordings page: systems', () => {
  it("lists each system's mode, real system and counters, and the sessions with their state", async () => {
    renderRecordings();
    expect(await screen.findByRole('heading', { level: 1, name: 'Recordings' })).toBeInTheDocument();
    const s4d = await systemRow('S4D');
    expect(s4d).toHaveTextContent('Simulated');
    expect(s4d).toHaveTextContent('not set');
    const erp = await systemRow('ERP');
    expect(erp).toHaveTextContent('Live');
    expect(erp).toHaveTextContent('http://127.0.0.1:8000');
    expect(within(erp).getByRole('button', { name: 'Stop recording of ERP' })).toBeDisabled();

    expect(sessionRow('erp-1')).toHaveTextContent('3');
    expect(sessionRow('erp-1')).toHaveTextContent('5.0 KB');
    expect(sessionRow('erp-1')).toHaveTextContent('ERP');
    expect(sessionRow('broken')).toHaveTextContent(
      'Unexpected end of JSON input in /data/recordings/broken.har',
    );
    expect(
      within(sessionRow('broken')).getByRole('button', { name: 'Open timeline of broken' }),
    ).toBeDisabled();
  });

  it("shows why a system's mode cannot work as configured", async () => {
    const api = new FakeRecordingApi();
    api.systems = [
      systemState('ERP', {
        mode: 'replay',
        replaySessions: ['broken'],
        error: 'Session broken cannot be read',
      }),
    ];
    renderRecordings(api);
    expect(await systemRow('ERP')).toHaveTextContent('ReplayingSession broken cannot be read');
  });

  it('follows the event stream: mode and counters change without a reload', async () => {
    const { api, events } = renderRecordings();
    const channel = await events.next();
    await systemRow('ERP');
    api.systems = api.systems.map((s) =>
      s.system === 'ERP' ? { ...s, mode: 'record', session: 'erp-1', recorded: 4 } : s,
    );
    channel.send({ type: 'recording-mode', at: AT, system: 'ERP', mode: 'record', session: 'erp-1' });
    await waitFor(async () => expect(await systemRow('ERP')).toHaveTextContent('4 recorded'));
    expect(await systemRow('ERP')).toHaveTextContent('Writing to erp-1');

    api.systems = api.systems.map((s) => (s.system === 'ERP' ? { ...s, recorded: 5 } : s));
    channel.send({
      type: 'recording-entry',
      at: AT,
      system: 'ERP',
      session: 'erp-1',
      index: 4,
      method: 'GET',
      url: 'http://erp.virtual:8000/x',
      status: 200,
    });
    await waitFor(async () => expect(await systemRow('ERP')).toHaveTextContent('5 recorded'));
  });

  it('starts recording with a session name and opens its timeline', async () => {
    const user = userEvent.setup();
    const { api, puts } = renderRecordings();
    const form = await openForm(user, 'Record ERP…', 'Record ERP');
    expect(within(form).getByLabelText('Real system URL')).toHaveValue('http://127.0.0.1:8000');
    await user.type(within(form).getByLabelText('Session name'), 'e2e');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));

    expect(await screen.findByRole('heading', { name: 'Session e2e' })).toBeInTheDocument();
    expect(api.writes('startRecording')).toEqual([
      { route: 'startRecording', params: { system: 'ERP' }, body: { session: 'e2e' } },
    ]);
    expect(puts).toEqual([]);
    expect(await systemRow('ERP')).toHaveTextContent('Recording');
    expect(await systemRow('ERP')).toHaveTextContent('Writing to e2e');
    expect(screen.queryByRole('form', { name: 'Record ERP' })).toBeNull();
  });

  it('saves the real system URL to the workspace before recording a system that has none', async () => {
    const user = userEvent.setup();
    const { api, puts } = renderRecordings();
    const form = await openForm(user, 'Record S4D…', 'Record S4D');
    await user.type(within(form).getByLabelText('Real system URL'), 'ftp://s4.corp');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('an http:// or https:// base URL');
    expect(api.writes('startRecording')).toEqual([]);

    await user.clear(within(form).getByLabelText('Real system URL'));
    await user.type(within(form).getByLabelText('Real system URL'), 'https://s4.corp:44300');
    await user.selectOptions(within(form).getByLabelText('Certificate'), 'ignore');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));

    await waitFor(() => expect(api.writes('startRecording')).toHaveLength(1));
    expect(api.writes('startRecording')[0]!.body).toEqual({});
    const saved = puts[0] as { systems: { id: string; recording: { live?: unknown } }[] };
    expect(saved.systems.find((s) => s.id === 'S4D')!.recording.live).toMatchObject({
      url: 'https://s4.corp:44300',
      trust: 'ignore',
    });
    // The engine named the session: the page opens it.
    expect(await screen.findByRole('heading', { name: 'Session S4D-20260101-100000' })).toBeInTheDocument();
  });

  it("shows the engine's error, with its hint, when recording cannot start", async () => {
    const user = userEvent.setup();
    const { api } = renderRecordings();
    api.fail('startRecording', 400, 'EMU_ERR_WORKSPACE_INVALID', 'systems[1].recording.live: cannot reach');
    const form = await openForm(user, 'Record ERP…', 'Record ERP');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Recording of ERP did not start');
    expect(alert).toHaveTextContent('systems[1].recording.live: cannot reach');
    expect(alert).toHaveTextContent('Check the request.');
    expect(await systemRow('ERP')).toHaveTextContent('Live');
  });

  it('refuses a session name the engine would refuse, naming the rule', async () => {
    const user = userEvent.setup();
    const { api } = renderRecordings();
    const form = await openForm(user, 'Record ERP…', 'Record ERP');
    await user.type(within(form).getByLabelText('Session name'), 'my session');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('letters, digits and _ . -');
    expect(api.writes('startRecording')).toEqual([]);
  });

  it('stops a recording, then replays chosen sessions with the chosen miss policy', async () => {
    const user = userEvent.setup();
    const api = new FakeRecordingApi();
    api.systems = [
      systemState('ERP', { mode: 'record', liveUrl: 'http://127.0.0.1:8000', session: 'erp-1' }),
    ];
    renderRecordings(api);
    await user.click(await screen.findByRole('button', { name: 'Stop recording of ERP' }));
    await waitFor(async () => expect(await systemRow('ERP')).toHaveTextContent('Live'));
    expect(api.writes('stop')).toHaveLength(1);

    const form = await openForm(user, 'Replay ERP…', 'Replay ERP');
    const erp1 = within(form).getByRole('checkbox', { name: /^erp-1/ });
    expect(erp1).toBeChecked();
    expect(within(form).queryByRole('checkbox', { name: /^broken/ })).toBeNull();
    await user.click(erp1);
    await user.click(within(form).getByRole('button', { name: 'Start replay' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose at least one session');
    expect(api.writes('startReplay')).toEqual([]);

    await user.click(erp1);
    await user.selectOptions(within(form).getByLabelText('On a miss'), 'simulate');
    await user.click(within(form).getByRole('button', { name: 'Start replay' }));
    await waitFor(async () => expect(await systemRow('ERP')).toHaveTextContent('Replaying'));
    expect(api.writes('startReplay')[0]!.body).toEqual({ sessions: ['erp-1'], onMiss: 'simulate' });
    expect(await systemRow('ERP')).toHaveTextContent('From erp-1 · on a miss: simulate');
    expect(await systemRow('ERP')).toHaveTextContent('0 hits · 0 misses');
  });

  it('offers onMiss record only for a system with a real system URL', async () => {
    const user = userEvent.setup();
    renderRecordings();
    const form = await openForm(user, 'Replay S4D…', 'Replay S4D');
    expect(within(form).getByRole('option', { name: /^Record: .*needs a real system URL/ })).toBeDisabled();
  });

  it('records a Cloud Connector mapping that names a real host', async () => {
    const user = userEvent.setup();
    const workspace = structuredClone(workspaceResponse.workspace);
    workspace.cloudConnector!.locations![0]!.systemMappings!.push({
      virtualHost: 'erp.real',
      virtualPort: 443,
      internalHost: 'erp.corp.example',
      internalPort: 44300,
      protocol: 'HTTPS',
    });
    const { api } = renderRecordings(new FakeRecordingApi(), workspace);
    const table = await screen.findByRole('table', { name: 'Mappings to real hosts' });
    // The demo mapping points to a simulated system: nothing to record there.
    expect(within(table).queryByText('s4.virtual:44300')).toBeNull();
    expect(within(table).getByRole('rowheader', { name: 'erp.real:443' }).closest('tr')).toHaveTextContent(
      'https://erp.corp.example:44300',
    );
    const form = await openForm(
      user,
      'Record mapping erp.real:443',
      'Record mapping erp.real:443 into a session',
    );
    await user.type(within(form).getByLabelText('Session name'), 'erp-cc');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));
    expect(
      await screen.findByText('erp.real:443 is recorded by system erp.real into session erp-cc.'),
    ).toBeInTheDocument();
    expect(await systemRow('erp.real')).toHaveTextContent('Writing to erp-cc');
    expect(api.writes('recordMapping')[0]!.body).toEqual({
      location: null,
      virtualHost: 'erp.real',
      virtualPort: 443,
      session: 'erp-cc',
    });
  });
});

describe('Recordings page: sessions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('deletes a session only after confirming, and says why when the engine refuses', async () => {
    const user = userEvent.setup();
    const { api } = renderRecordings();
    await screen.findByRole('table', { name: 'Sessions' });
    await user.click(within(sessionRow('erp-1')).getByRole('button', { name: 'Delete erp-1' }));
    const confirm = screen.getByRole('group', { name: 'Delete session erp-1' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.writes('deleteSession')).toEqual([]);

    api.fail('deleteSession', 409, 'EMU_ERR_SESSION_BUSY', 'ERP replays from session erp-1');
    await user.click(within(sessionRow('erp-1')).getByRole('button', { name: 'Delete erp-1' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Delete session erp-1' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Session erp-1 was not deleted');
    expect(alert).toHaveTextContent('ERP replays from session erp-1');

    await user.click(within(sessionRow('erp-1')).getByRole('button', { name: 'Delete erp-1' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Delete session erp-1' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    expect(await screen.findByText('Session erp-1 deleted.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Sessions' })).queryByText('erp-1')).toBeNull(),
    );
    expect(api.writes('deleteSession').map((r) => r.params)).toEqual([
      { session: 'erp-1' },
      { session: 'erp-1' },
    ]);
  });

  it('exports a session as a HAR download with the text the engine produced', async () => {
    const user = userEvent.setup();
    const blobs = new Map<string, Blob>();
    const clicked: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:${BASE_URL}/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderRecordings();
    await screen.findByRole('table', { name: 'Sessions' });
    await user.click(within(sessionRow('erp-1')).getByRole('button', { name: 'Export erp-1' }));
    expect(await screen.findByText('Exported erp-1.har.')).toBeInTheDocument();
    expect(clicked).toEqual(['erp-1.har']);
    const har = JSON.parse(await [...blobs.values()][0]!.text()) as { log: { _session: string } };
    expect(har.log._session).toBe('erp-1');
  });

  it('imports a HAR file under a name from the file, for the chosen system, and lists skipped entries', async () => {
    const user = userEvent.setup();
    const { api } = renderRecordings();
    const form = await screen.findByRole('form', { name: 'Import a HAR file' });
    const har = {
      log: {
        version: '1.2',
        entries: [{ request: { url: 'http://a.example/x' } }, { request: { url: 'ws://a' } }],
      },
    };
    const file = new File([JSON.stringify(har)], 'Chrome trace (2).har', { type: 'application/json' });
    await user.upload(within(form).getByLabelText('HAR file'), file);
    await waitFor(() => expect(within(form).getByLabelText('Session name')).toHaveValue('Chrome_trace_2'));
    await user.selectOptions(within(form).getByLabelText('System'), 'ERP');
    await user.click(within(form).getByRole('button', { name: 'Import' }));

    const result = await screen.findByRole('region', { name: 'Import result' });
    expect(result).toHaveTextContent('Imported 1 entry into session Chrome_trace_2; 1 skipped.');
    expect(within(result).getByRole('table', { name: 'Skipped entries' })).toHaveTextContent(
      '#1request.url is not an http(s) URL',
    );
    expect(api.writes('importSession')[0]!.body).toEqual({ name: 'Chrome_trace_2', har, system: 'ERP' });
    await waitFor(() => expect(sessionRow('Chrome_trace_2')).toBeInTheDocument());
  });

  it('names a file that is not JSON and sends nothing; shows the engine error for a bad HAR', async () => {
    const user = userEvent.setup();
    const { api } = renderRecordings();
    const form = await screen.findByRole('form', { name: 'Import a HAR file' });
    await user.upload(within(form).getByLabelText('HAR file'), new File(['<html>'], 'page.har'));
    expect(await within(form).findByRole('alert')).toHaveTextContent('page.har is not a HAR file:');
    expect(within(form).getByRole('button', { name: 'Import' })).toBeDisabled();

    api.fail('importSession', 400, 'EMU_ERR_HAR_INVALID', 'log.entries is missing');
    await user.upload(within(form).getByLabelText('HAR file'), new File(['{"log":{}}'], 'other.json'));
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Import' })).toBeEnabled());
    await user.clear(within(form).getByLabelText('Session name'));
    await user.type(within(form).getByLabelText('Session name'), 'other');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The HAR file was not imported');
    expect(alert).toHaveTextContent('log.entries is missing');
    expect(api.writes('importSession')).toHaveLength(1);
  });
});
