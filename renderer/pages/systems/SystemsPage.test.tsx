import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { SystemSummary } from '../../../app/systems/api.js';
import { App } from '../../App.js';
import { EngineProvider } from '../../state/EngineProvider.js';
import { BASE_URL, eventsEndpoint, testClient } from '../../test/engine-fixtures.js';
import { server } from '../../test/msw-server.js';
import { errorBody, workspaceResponse } from '../../test/xsuaa-fixtures.js';

const ROOT = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
const SYSTEMS: SystemSummary[] = [
  {
    id: 'S4D',
    description: 'Simulated S/4HANA development system',
    protocol: 'HTTP',
    port: 41000,
    state: 'running',
    clients: ['100', '200'],
    users: ['DEVELOPER'],
    services: [
      {
        name: 'API_BUSINESS_PARTNER',
        odataVersion: 'v2',
        path: ROOT,
        url: `http://127.0.0.1:41000${ROOT}`,
        virtualUrls: [`http://s4.virtual:44300${ROOT}`],
        operations: [],
        entitySets: [
          {
            name: 'A_BusinessPartner',
            entityType: 'API_BUSINESS_PARTNER.A_BusinessPartnerType',
            keys: ['BusinessPartner'],
            properties: [
              { name: 'BusinessPartner', type: 'Edm.String', nullable: false },
              { name: 'LastName', type: 'Edm.String', nullable: true },
              { name: 'EmployeeCount', type: 'Edm.Int32', nullable: true },
            ],
            navigations: [],
          },
        ],
      },
    ],
  },
];

const ROWS = Array.from({ length: 25 }, (_, i) => ({
  BusinessPartner: String(1000001 + i),
  LastName: i % 2 === 0 ? 'Smith' : 'Kowalski',
  EmployeeCount: i,
}));
const ROWS_PATH = `${BASE_URL}/api/systems/S4D/services/API_BUSINESS_PARTNER/sets/A_BusinessPartner`;

/** Serves the rows like the engine (a tiny subset: eq on LastName, top/skip) and records each query. */
function rowsEndpoint(): URLSearchParams[] {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(ROWS_PATH, ({ request }) => {
      const params = new URL(request.url).searchParams;
      queries.push(params);
      const filter = params.get('filter');
      if (filter && !filter.startsWith('LastName eq '))
        return HttpResponse.json(
          errorBody(
            'EMU_ERR_ADMIN_BAD_REQUEST',
            'Invalid $filter: Property Foo does not exist in type A_BusinessPartnerType',
          ),
          { status: 400 },
        );
      const name = filter?.slice('LastName eq '.length).replaceAll("'", '');
      const matching = name ? ROWS.filter((r) => r.LastName === name) : ROWS;
      const skip = Number(params.get('skip') ?? 0);
      const top = Number(params.get('top') ?? 50);
      return HttpResponse.json({ count: matching.length, rows: matching.slice(skip, skip + top) });
    }),
  );
  return queries;
}

function renderSystems(): void {
  window.location.hash = '#/systems';
  server.use(
    eventsEndpoint().handler,
    http.get(`${BASE_URL}/api/systems`, () => HttpResponse.json(SYSTEMS)),
    http.get(`${BASE_URL}/api/workspace`, () => HttpResponse.json(workspaceResponse)),
  );
  render(
    <EngineProvider client={testClient()}>
      <App />
    </EngineProvider>,
  );
}

const rowsTable = (): HTMLElement => screen.getByRole('table', { name: 'A_BusinessPartner rows' });
const bodyRows = (): HTMLElement[] => within(rowsTable()).getAllByRole('row').slice(1);

async function openBrowse(user: ReturnType<typeof userEvent.setup>): Promise<URLSearchParams[]> {
  const queries = rowsEndpoint();
  await user.click(
    await screen.findByRole('button', { name: 'Browse A_BusinessPartner of API_BUSINESS_PARTNER' }),
  );
  await screen.findByText('1000001');
  return queries;
}

describe('Systems page', () => {
  it('lists each system with its services, own and virtual URLs to copy, and entity sets', async () => {
    renderSystems();
    const card = await screen.findByRole('region', { name: 'System S4D' });
    expect(within(card).getByText('Running')).toBeInTheDocument();
    expect(card).toHaveTextContent('port 41000');
    expect(card).toHaveTextContent('sap-client 100, 200');
    const services = within(card).getByRole('table', { name: 'Services of S4D' });
    expect(within(services).getByRole('rowheader', { name: /API_BUSINESS_PARTNER/ })).toHaveTextContent(
      'OData v2',
    );
    expect(within(services).getByText(`http://127.0.0.1:41000${ROOT}`)).toBeInTheDocument();
    expect(within(services).getByText(`http://s4.virtual:44300${ROOT}`)).toBeInTheDocument();
    expect(
      within(services).getByRole('button', { name: `Copy virtual URL http://s4.virtual:44300${ROOT}` }),
    ).toBeInTheDocument();
    expect(
      within(services).getByRole('button', { name: 'Copy URL of API_BUSINESS_PARTNER' }),
    ).toBeInTheDocument();
    expect(
      within(services).getByRole('button', { name: 'Browse A_BusinessPartner of API_BUSINESS_PARTNER' }),
    ).toBeInTheDocument();
  });

  it('browses with paging, $filter, $orderby and sap-client in the query', async () => {
    const user = userEvent.setup();
    renderSystems();
    const queries = await openBrowse(user);
    expect(Object.fromEntries(queries.at(-1)!)).toEqual({ client: '100', top: '20', skip: '0' });
    expect(bodyRows()).toHaveLength(20);
    expect(screen.getByRole('status', { name: 'Rows shown' })).toHaveTextContent('1–20 of 25');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('1000021');
    expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ top: '20', skip: '20' });
    expect(bodyRows()).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    const query = screen.getByRole('form', { name: 'Query' });
    await user.selectOptions(within(query).getByLabelText('sap-client'), '200');
    await user.type(within(query).getByLabelText('$filter'), "LastName eq 'Kowalski'");
    await user.type(within(query).getByLabelText('$orderby'), 'LastName desc');
    await user.click(within(query).getByRole('button', { name: 'Apply' }));
    await screen.findByText('12 of 12', { exact: false });
    expect(Object.fromEntries(queries.at(-1)!)).toEqual({
      client: '200',
      top: '20',
      skip: '0',
      filter: "LastName eq 'Kowalski'",
      orderby: 'LastName desc',
    });
    expect(bodyRows().every((row) => row.textContent?.includes('Kowalski'))).toBe(true);
  });

  it("shows the engine's message for a bad $filter", async () => {
    const user = userEvent.setup();
    renderSystems();
    await openBrowse(user);
    const query = screen.getByRole('form', { name: 'Query' });
    await user.type(within(query).getByLabelText('$filter'), 'Foo eq 1');
    await user.click(within(query).getByRole('button', { name: 'Apply' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The rows could not be loaded');
    expect(alert).toHaveTextContent('Property Foo does not exist in type A_BusinessPartnerType');
  });

  it('edits a row: PATCH with the key and only the changed non-key values', async () => {
    const user = userEvent.setup();
    renderSystems();
    const queries = await openBrowse(user);
    const bodies: unknown[] = [];
    server.use(
      http.patch(ROWS_PATH, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...ROWS[0], LastName: 'Miller', EmployeeCount: 42 });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Edit 1000001' }));
    const form = screen.getByRole('form', { name: 'Edit 1000001' });
    expect(within(form).queryByLabelText('BusinessPartner')).toBeNull();
    await user.clear(within(form).getByLabelText('LastName'));
    await user.type(within(form).getByLabelText('LastName'), 'Miller');
    await user.clear(within(form).getByLabelText('EmployeeCount'));
    await user.type(within(form).getByLabelText('EmployeeCount'), '42');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await expect.poll(() => bodies).toHaveLength(1);
    expect(bodies[0]).toEqual({
      client: '100',
      key: { BusinessPartner: '1000001' },
      values: { LastName: 'Miller', EmployeeCount: 42 },
    });
    await expect.poll(() => screen.queryByRole('form', { name: 'Edit 1000001' })).toBeNull();
    // The page reads the rows again after the change.
    await expect.poll(() => queries.length).toBe(2);
  });

  it('saves latency of a system into the workspace', async () => {
    const user = userEvent.setup();
    renderSystems();
    const puts: unknown[] = [];
    server.use(
      http.put(`${BASE_URL}/api/workspace`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        puts.push(body);
        return HttpResponse.json({ ...workspaceResponse, workspace: body });
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Faults and latency of system S4D' }));
    const form = screen.getByRole('form', { name: 'Faults and latency of system S4D' });
    await user.selectOptions(within(form).getByLabelText('Latency'), 'fixed');
    await user.type(within(form).getByLabelText('Ms'), '250');
    await user.click(within(form).getByRole('button', { name: 'Save faults & latency' }));
    await expect.poll(() => puts).toHaveLength(1);
    const systems = (puts[0] as { systems: { id: string; latency?: unknown; faults: unknown[] }[] }).systems;
    expect(systems[0]).toMatchObject({ id: 'S4D', latency: { distribution: 'fixed', ms: 250 }, faults: [] });
  });

  it('saves latency per entity set and the If-Match requirement of a service', async () => {
    const user = userEvent.setup();
    renderSystems();
    const puts: unknown[] = [];
    server.use(
      http.put(`${BASE_URL}/api/workspace`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        puts.push(body);
        return HttpResponse.json({ ...workspaceResponse, workspace: body });
      }),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Faults and latency of API_BUSINESS_PARTNER' }),
    );
    const form = screen.getByRole('form', { name: 'Faults and latency of service API_BUSINESS_PARTNER' });
    const perSet = within(form).getByRole('group', { name: 'Latency per entity set' });
    expect(within(perSet).getByRole('list', { name: 'Entity set latencies' })).toHaveTextContent('None');
    await user.selectOptions(within(perSet).getByLabelText('Entity set'), 'A_BusinessPartner');
    await user.selectOptions(within(perSet).getByLabelText('Distribution'), 'uniform');
    await user.type(within(perSet).getByLabelText('Min ms'), '200');
    await user.type(within(perSet).getByLabelText('Max ms'), '400');
    await user.click(within(perSet).getByRole('button', { name: 'Add entity set latency' }));
    expect(within(perSet).getByRole('list', { name: 'Entity set latencies' })).toHaveTextContent(
      'A_BusinessPartner: 200–400 ms (uniform)',
    );
    // Every entity set has its latency now, so the add row is gone.
    expect(within(perSet).queryByLabelText('Entity set')).toBeNull();
    await user.click(within(form).getByRole('checkbox', { name: /Require If-Match/ }));
    await user.click(within(form).getByRole('button', { name: 'Save faults & latency' }));
    await expect.poll(() => puts).toHaveLength(1);
    const saved = (puts[0] as { systems: { services: Record<string, unknown>[] }[] }).systems[0]!;
    expect(saved.services[0]).toMatchObject({
      name: 'API_BUSINESS_PARTNER',
      entitySetLatency: [{ entitySet: 'A_BusinessPartner', distribution: 'uniform', minMs: 200, maxMs: 400 }],
      requireIfMatch: true,
    });
    expect(saved.services[1]).toMatchObject({
      name: 'salesorder',
      entitySetLatency: [],
      requireIfMatch: false,
    });
  });

  it('imports an EDMX file as a service of a system, lists it and opens its first entity set', async () => {
    const user = userEvent.setup();
    const products: SystemSummary['services'][number] = {
      name: 'ZPRODUCT_SRV',
      odataVersion: 'v2',
      path: '/sap/opu/odata/sap/ZPRODUCT_SRV/',
      url: 'http://127.0.0.1:41000/sap/opu/odata/sap/ZPRODUCT_SRV/',
      virtualUrls: [],
      operations: [],
      entitySets: [
        {
          name: 'Products',
          entityType: 'ZPRODUCT_SRV.Product',
          keys: ['ProductID'],
          properties: [{ name: 'ProductID', type: 'Edm.String', nullable: false }],
          navigations: [],
        },
      ],
    };
    const after: SystemSummary = { ...SYSTEMS[0]!, services: [...SYSTEMS[0]!.services, products] };
    const bodies: unknown[] = [];
    let imported = false;
    renderSystems();
    server.use(
      http.get(`${BASE_URL}/api/systems`, () => HttpResponse.json(imported ? [after] : SYSTEMS)),
      http.post(`${BASE_URL}/api/systems/edmx/inspect`, () =>
        HttpResponse.json({
          odataVersion: 'v2',
          namespace: 'ZPRODUCT_SRV',
          entitySets: products.entitySets,
          operations: [],
        }),
      ),
      http.post(`${BASE_URL}/api/systems/S4D/services`, async ({ request }) => {
        bodies.push(await request.json());
        imported = true;
        return HttpResponse.json({
          file: '/work/services/ZPRODUCT_SRV.edmx',
          metadata: 'services/ZPRODUCT_SRV.edmx',
          system: after,
        });
      }),
      http.get(`${BASE_URL}/api/systems/S4D/services/ZPRODUCT_SRV/sets/Products`, () =>
        HttpResponse.json({ count: 1, rows: [{ ProductID: 'P-0001' }] }),
      ),
    );
    const card = await screen.findByRole('region', { name: 'Import an EDMX' });
    const xml = '<edmx:Edmx Version="1.0"/>';
    await user.upload(
      within(card).getByLabelText('EDMX file'),
      new File([xml], 'ZPRODUCT_SRV.edmx', { type: 'application/xml' }),
    );
    await waitFor(() => expect(within(card).getByLabelText('EDMX XML')).toHaveValue(xml));
    await user.click(within(card).getByRole('button', { name: 'Inspect' }));
    expect(await within(card).findByRole('region', { name: 'EDMX contents' })).toHaveTextContent(
      'OData v2, namespace ZPRODUCT_SRV, 1 entity set(s)',
    );
    const add = within(card).getByRole('form', { name: 'Add the service' });
    expect(within(add).getByLabelText('Service name')).toHaveValue('ZPRODUCT_SRV');
    await user.clear(within(add).getByLabelText('Rows per entity set'));
    await user.type(within(add).getByLabelText('Rows per entity set'), '5');
    await user.click(within(add).getByRole('button', { name: 'Add service' }));
    expect(await within(card).findByRole('status', { name: 'Import result' })).toHaveTextContent(
      'Service ZPRODUCT_SRV added to system S4D',
    );
    expect(bodies).toEqual([{ xml, name: 'ZPRODUCT_SRV', generate: { rows: 5, seed: 1 } }]);
    const services = screen.getByRole('table', { name: 'Services of S4D' });
    expect(await within(services).findByRole('rowheader', { name: /ZPRODUCT_SRV/ })).toBeInTheDocument();
    expect(await screen.findByText('P-0001')).toBeInTheDocument();
  });

  it('shows why an EDMX cannot be added', async () => {
    const user = userEvent.setup();
    renderSystems();
    server.use(
      http.post(`${BASE_URL}/api/systems/S4D/services`, () =>
        HttpResponse.json(
          errorBody(
            'EMU_ERR_EDMX_INVALID',
            'The EDMX cannot be served: line 5: EntityType Product declares no key',
          ),
          { status: 400 },
        ),
      ),
    );
    const card = await screen.findByRole('region', { name: 'Import an EDMX' });
    await user.type(within(card).getByLabelText('EDMX XML'), '<x/>');
    await user.type(within(card).getByLabelText('Service name'), 'ZBROKEN');
    await user.click(within(card).getByRole('button', { name: 'Add service' }));
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('The service was not added');
    expect(alert).toHaveTextContent('line 5: EntityType Product declares no key');
  });
});
