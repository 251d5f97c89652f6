import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { SystemSummary } from '../../../app/systems/api.js';
import { App } from '../../App.js';
import { EngineProvider } from '../../state/EngineProvider.js';
import { AT, BASE_URL, eventsEndpoint, testClient } from '../../test/engine-fixtures.js';
import { server } from '../../test/msw-server.js';
import { entrySummary, FakeRecordingApi, MISS, systemState } from '../../test/recording-fixtures.js';
import { workspaceResponse } from '../../test/xsuaa-fixtures.js';

type User = ReturnType<typeof userEvent.setup>;

const SYSTEMS: Pick<SystemSummary, 'id' | 'services'>[] = [
  { id: 'S4D', services: [] },
  {
    id: 'ERP',
    services: [
      {
        name: 'API_BUSINESS_PARTNER',
        odataVersion: 'v2',
        path: '/sap/opu/odata/sap/API_BUSINESS_PARTNER/',
        url: null,
        virtualUrls: [],
        operations: [],
        entitySets: [],
      },
      {
        name: 'API_SALES_ORDER_SRV',
        odataVersion: 'v2',
        path: '/sap/opu/odata/sap/API_SALES_ORDER_SRV/',
        url: null,
        virtualUrls: [],
        operations: [],
        entitySets: [],
      },
    ],
  },
];

function renderRecordings(api = new FakeRecordingApi()) {
  window.location.hash = '#/recordings';
  const events = eventsEndpoint();
  server.use(
    events.handler,
    ...api.handlers(),
    http.get(`${BASE_URL}/api/workspace`, () => HttpResponse.json(workspaceResponse)),
    http.get(`${BASE_URL}/api/systems`, () =>
      HttpResponse.json(
        SYSTEMS.map((s) => ({
          description: '',
          protocol: 'HTTP',
          port: 1,
          state: 'running',
          clients: ['100'],
          users: [],
          ...s,
        })),
      ),
    ),
  );
  render(
    <EngineProvider client={testClient()}>
      <App />
    </EngineProvider>,
  );
  return { api, events };
}

async function openTimeline(user: User, session: string): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: `Open timeline of ${session}` }));
  const heading = await screen.findByRole('heading', { name: `Session ${session}` });
  return heading.closest('section')!;
}

const bodyRows = (timeline: HTMLElement): HTMLElement[] =>
  within(within(timeline).getByRole('table', { name: 'Entries' }))
    .getAllByRole('row')
    .slice(1);

describe('Recordings page: timeline', () => {
  // jsdom renders slowly under a parallel suite; the page itself filters 10,000 entries in ~10 ms.
  it(
    'pages a 10,000-entry session 100 rows at a time and filters across all of it',
    { timeout: 15_000 },
    async () => {
      const user = userEvent.setup();
      const api = new FakeRecordingApi();
      api.entries.set(
        'erp-1',
        Array.from({ length: 10_000 }, (_, i) => entrySummary(i)),
      );
      renderRecordings(api);
      const timeline = await openTimeline(user, 'erp-1');
      const shown = await within(timeline).findByRole('status', { name: 'Entries shown' });
      await waitFor(() => expect(shown).toHaveTextContent('1–100 of 10000'));
      expect(bodyRows(timeline)).toHaveLength(100);
      expect(bodyRows(timeline)[0]).toHaveTextContent(
        "GET /sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('1000000')",
      );
      expect(bodyRows(timeline)[0]).toHaveTextContent('read A_BusinessPartner');
      expect(bodyRows(timeline)[9]).toHaveTextContent('create A_BusinessPartner');
      expect(bodyRows(timeline)[9]).toHaveTextContent('201');

      await user.click(within(timeline).getByRole('button', { name: 'Last' }));
      expect(shown).toHaveTextContent('9901–10000 of 10000');
      expect(bodyRows(timeline)[0]).toHaveTextContent('9900');
      expect(within(timeline).getByRole('button', { name: 'Next' })).toBeDisabled();

      await user.click(within(timeline).getByLabelText('Filter'));
      await user.paste('post batch');
      await waitFor(() => expect(shown).toHaveTextContent('1–100 of 400 (filtered from 10000)'));
      expect(bodyRows(timeline).every((row) => row.textContent?.includes('$batch'))).toBe(true);
      await user.click(within(timeline).getByRole('button', { name: 'Next' }));
      expect(shown).toHaveTextContent('101–200 of 400');

      await user.clear(within(timeline).getByLabelText('Filter'));
      await user.paste('no-such-thing');
      expect(await within(timeline).findByText('No entry matches the filter.')).toBeInTheDocument();
    },
  );

  it('shows new entries as they are recorded, and follows them on the last page', async () => {
    const user = userEvent.setup();
    const api = new FakeRecordingApi();
    api.entries.set(
      'erp-1',
      Array.from({ length: 150 }, (_, i) => entrySummary(i)),
    );
    const { events } = renderRecordings(api);
    const channel = await events.next();
    const timeline = await openTimeline(user, 'erp-1');
    await user.click(await within(timeline).findByRole('button', { name: 'Last' }));
    const shown = within(timeline).getByRole('status', { name: 'Entries shown' });
    expect(shown).toHaveTextContent('101–150 of 150');

    api.entries.set(
      'erp-1',
      Array.from({ length: 205 }, (_, i) => entrySummary(i)),
    );
    channel.send({
      type: 'recording-entry',
      at: AT,
      system: 'ERP',
      session: 'erp-1',
      index: 204,
      method: 'GET',
      url: 'http://erp.virtual:8000/x',
      status: 200,
    });
    await waitFor(() => expect(shown).toHaveTextContent('201–205 of 205'));
    // An event of another session does not reload this one; the next one of this session does.
    const loads = api.writes('session').length;
    const entryEvent = (session: string, index: number) =>
      ({
        type: 'recording-entry',
        at: AT,
        system: 'ERP',
        session,
        index,
        method: 'GET',
        url: 'http://erp.virtual:8000/x',
        status: 200,
      }) as const;
    channel.send(entryEvent('other', 0));
    api.entries.set(
      'erp-1',
      Array.from({ length: 210 }, (_, i) => entrySummary(i)),
    );
    channel.send(entryEvent('erp-1', 209));
    await waitFor(() => expect(shown).toHaveTextContent('201–210 of 210'));
    expect(api.writes('session')).toHaveLength(loads + 1);
  });

  it('shows an entry: facts, headers, pretty JSON bodies, and redacted values marked as such', async () => {
    const user = userEvent.setup();
    renderRecordings();
    const timeline = await openTimeline(user, 'erp-1');
    await user.click(await within(timeline).findByRole('button', { name: /A_BusinessPartner\('1000001'\)/ }));
    const detail = (
      await screen.findByRole('heading', {
        name: "GET http://erp.virtual:8000/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('1000001')",
      })
    ).closest('section')!;
    const facts = within(detail).getByLabelText('Facts of entry #1');
    expect(facts).toHaveTextContent('Status200 OK');
    expect(facts).toHaveTextContent('ODataread A_BusinessPartner of API_BUSINESS_PARTNER');
    expect(facts).toHaveTextContent('DestinationERP_DEST');

    const request = within(detail).getByRole('region', { name: 'Request' });
    const auth = within(request).getByRole('rowheader', { name: 'authorization' }).closest('tr')!;
    expect(within(auth).getByText('[redacted]').tagName).toBe('MARK');
    const cookie = within(request).getByRole('rowheader', { name: 'cookie' }).closest('tr')!;
    expect(cookie).toHaveTextContent('SAP_SESSIONID=[redacted]; sap-usercontext=sap-client=100');
    expect(within(request).getByText('No body.')).toBeInTheDocument();

    const response = within(detail).getByRole('region', { name: 'Response' });
    expect(within(response).getByText('[redacted]').tagName).toBe('MARK');
    const body = within(response).getByLabelText('Response body');
    expect(body.textContent).toBe(
      JSON.stringify({ d: { BusinessPartner: '1000001', LastName: 'Smith' } }, null, 2),
    );
    expect(within(response).getByText('JSON (formatted)')).toBeInTheDocument();
  });

  it('says when a session cannot be loaded, with the engine message', async () => {
    const user = userEvent.setup();
    const api = new FakeRecordingApi();
    api.systems = [systemState('ERP', { mode: 'replay', replaySessions: ['gone'], liveUrl: null })];
    renderRecordings(api);
    await user.click(await screen.findByRole('button', { name: 'Open session gone' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Session gone could not be loaded');
    expect(alert).toHaveTextContent('No session gone in the data folder');
  });

  it('creates data files from a session for a chosen service and lists the files written', async () => {
    const user = userEvent.setup();
    const { api } = renderRecordings();
    const timeline = await openTimeline(user, 'erp-1');
    await user.click(within(timeline).getByRole('button', { name: 'Create data files…' }));
    const form = within(timeline).getByRole('form', { name: 'Create data files from erp-1' });
    // Only systems with services, and the session's own system first.
    await waitFor(() => expect(within(form).getByLabelText('Simulated system')).toHaveValue('ERP'));
    expect(within(form).queryByRole('option', { name: 'S4D' })).toBeNull();
    await user.selectOptions(within(form).getByLabelText('Service'), 'API_SALES_ORDER_SRV');
    await user.click(within(form).getByRole('checkbox', { name: /Add the files/ }));
    await user.click(within(form).getByRole('button', { name: 'Create data files' }));
    const written = await within(timeline).findByRole('table', { name: 'Files written' });
    // Unchecking after the request does not change what the result says.
    await user.click(within(form).getByRole('checkbox', { name: /Add the files/ }));
    expect(within(timeline).getByRole('region', { name: 'Data files written' })).toHaveTextContent(
      /^1 file written\./,
    );
    expect(written).toHaveTextContent('A_BusinessPartnerdata/API_BUSINESS_PARTNER/A_BusinessPartner.json3');
    expect(api.writes('toDataFiles')[0]).toEqual({
      route: 'toDataFiles',
      params: { session: 'erp-1' },
      body: { system: 'ERP', service: 'API_SALES_ORDER_SRV', apply: false },
    });
  });
});

describe('Recordings page: misses', () => {
  it("lists a system's misses with each candidate's differences, live, and opens a candidate", async () => {
    const user = userEvent.setup();
    const api = new FakeRecordingApi();
    api.systems = [systemState('ERP', { mode: 'replay', replaySessions: ['erp-1'], misses: 0 })];
    const { events } = renderRecordings(api);
    const channel = await events.next();
    await user.click(await screen.findByRole('button', { name: 'Misses of ERP' }));
    const card = (await screen.findByRole('heading', { name: 'Misses of ERP' })).closest('section')!;
    expect(await within(card).findByText('No misses since replay started.')).toBeInTheDocument();

    api.misses.set('ERP', [MISS]);
    channel.send({
      type: 'replay-request',
      at: AT,
      system: 'ERP',
      method: 'GET',
      url: MISS.url,
      status: 404,
      outcome: 'miss',
      session: null,
      index: null,
    });
    const miss = await within(card).findByRole('listitem', { name: `GET ${MISS.url}` });
    expect(miss).toHaveTextContent(`As matched: ${MISS.request}`);
    const candidates = within(miss).getByRole('table', { name: `Candidates for GET ${MISS.url}` });
    const why = within(candidates).getAllByRole('listitem');
    expect(why.map((li) => li.textContent)).toEqual([
      "path path /sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('9999'), recorded /sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('1000000')",
      'header header accept is application/xml, recorded application/json',
    ]);

    await user.click(within(candidates).getByRole('button', { name: 'Open entry 0 of erp-1' }));
    expect(await screen.findByRole('heading', { name: 'Session erp-1' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: /^GET .*A_BusinessPartner\('1000000'\)$/ }),
    ).toBeInTheDocument();
  });
});
