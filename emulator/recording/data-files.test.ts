// Sessions → data files: real responses of the simulated services recorded into a session, turned into
// data files through the admin route, and the service then serving exactly the recorded rows.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataFilesResponse } from '../../app/recording/api.js';
import type { ErrorBody } from '../../app/errors.js';
import type { SystemSummary } from '../../app/systems/api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { Workspace } from '../../app/workspace/schema.js';
import { BUILTIN_METADATA } from '../systems/builtin/index.js';
import { parseEdmx } from '../systems/edm/parse-edmx.js';
import { adminUrl, bearer, engine, tempDir } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { collectEntities } from './entity-collector.js';
import type { HarEntry } from './har.js';
import { harEntry, writeSession } from './session-test-support.js';

const BASIC = `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`;
const V2 = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
const V4 = '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001/';

async function admin<T>(handle: EmulatorHandle, method: string, route: string, body?: unknown) {
  const response = await fetch(`${adminUrl(handle)}${route}`, {
    method,
    headers: { ...bearer(handle), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Talks to S4D's own listener and keeps every exchange as a HAR entry, as a recording would. */
async function recorder(handle: EmulatorHandle) {
  const systems = await admin<SystemSummary[]>(handle, 'GET', '/api/systems');
  const base = `http://127.0.0.1:${systems.body.find((s) => s.id === 'S4D')!.port}`;
  const entries: HarEntry[] = [];
  const session = { token: '', cookie: '' };
  const send = async (method: string, pathAndQuery: string, body?: { type: string; text: string }) => {
    const headers: Record<string, string> = { Authorization: BASIC, Accept: 'application/json' };
    if (body)
      Object.assign(headers, {
        'Content-Type': body.type,
        'x-csrf-token': session.token,
        cookie: session.cookie,
      });
    const response = await fetch(`${base}${pathAndQuery}`, {
      method,
      headers,
      ...(body ? { body: body.text } : {}),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    entries.push(
      harEntry(`http://s4.virtual:44300${pathAndQuery}`, text, {
        method,
        status: response.status,
        system: 'S4D',
        mimeType: type,
        requestHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
        responseHeaders: [{ name: 'content-type', value: type }],
        ...(body ? { body: { mimeType: body.type, text: body.text } } : {}),
      }),
    );
    return { status: response.status, text };
  };
  const csrf = async () => {
    const response = await fetch(`${base}${V2}`, {
      headers: { Authorization: BASIC, 'x-csrf-token': 'Fetch' },
    });
    session.token = response.headers.get('x-csrf-token') ?? '';
    session.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  const get = async <T>(pathAndQuery: string): Promise<T> =>
    JSON.parse((await send('GET', pathAndQuery)).text) as T;
  return { base, entries, send, csrf, get };
}

type V2List = { d: { results: Record<string, unknown>[] } };

const batch = (parts: string[]): string =>
  `${parts
    .map(
      (request) =>
        `--b1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n${request}\r\n`,
    )
    .join('')}--b1--\r\n`;

describe('session to data files', () => {
  it('writes one file per entity set beside the workspace, applies them, and the service serves the recorded rows', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'ws.json');
    await writeFile(file, JSON.stringify(DEMO_WORKSPACE, null, 2));
    const dataDir = path.join(dir, 'data-folder');
    const handle = await engine({ workspacePath: file, dataDir });
    const rec = await recorder(handle);

    const partners = await rec.get<V2List>(
      `${V2}A_BusinessPartner?$top=3&$expand=to_BusinessPartnerAddress&$format=json`,
    );
    const first = partners.d.results[0]!;
    await rec.get(
      `${V2}A_BusinessPartner('${String(first.BusinessPartner)}')?$select=BusinessPartner,LastName`,
    );
    await rec.send('GET', `${V2}A_BusinessPartner/$count`);
    await rec.send('GET', `${V2}A_BusinessPartner('nope')`); // 404: not data
    await rec.csrf();
    const batched = await rec.send('POST', `${V2}$batch`, {
      type: 'multipart/mixed; boundary=b1',
      text: batch([
        'GET A_BusinessPartnerRole?$top=2 HTTP/1.1\r\nAccept: application/json\r\n',
        `GET ${V2}A_AddressEmailAddress?$top=1 HTTP/1.1\r\nAccept: application/json\r\n`,
      ]),
    });
    expect(batched.status).toBe(202);
    const orders = await rec.get<{ value: Record<string, unknown>[] }>(
      `${V4}SalesOrder?$top=2&$expand=_Item`,
    );
    await writeSession(dataDir, 'traffic', rec.entries);

    const v2 = await admin<DataFilesResponse>(handle, 'POST', '/api/recordings/sessions/traffic/data-files', {
      system: 'S4D',
      service: 'API_BUSINESS_PARTNER',
    });
    expect(v2.status).toBe(200);
    const folder = path.join(dir, 'data', 'S4D', 'API_BUSINESS_PARTNER');
    const addresses = partners.d.results.flatMap(
      (p) => (p.to_BusinessPartnerAddress as { results: unknown[] }).results,
    );
    expect(v2.body.files).toEqual([
      { entitySet: 'A_BusinessPartner', path: path.join(folder, 'A_BusinessPartner.json'), rows: 3 },
      {
        entitySet: 'A_BusinessPartnerAddress',
        path: path.join(folder, 'A_BusinessPartnerAddress.json'),
        rows: addresses.length,
      },
      { entitySet: 'A_BusinessPartnerRole', path: path.join(folder, 'A_BusinessPartnerRole.json'), rows: 2 },
      { entitySet: 'A_AddressEmailAddress', path: path.join(folder, 'A_AddressEmailAddress.json'), rows: 1 },
    ]);
    const written = JSON.parse(await readFile(path.join(folder, 'A_BusinessPartner.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    expect(written.map((r) => r.BusinessPartner)).toEqual(partners.d.results.map((p) => p.BusinessPartner));
    expect(written[0]).not.toHaveProperty('__metadata');
    expect(written[0]).not.toHaveProperty('to_BusinessPartnerAddress');
    expect(written[0]!.FirstName).toBe(first.FirstName); // the later $select read completed, not replaced, the row

    const saved = JSON.parse(await readFile(file, 'utf8')) as Workspace;
    expect(saved.systems[0]!.services[0]!.data?.files).toEqual({
      A_BusinessPartner: 'data/S4D/API_BUSINESS_PARTNER/A_BusinessPartner.json',
      A_BusinessPartnerAddress: 'data/S4D/API_BUSINESS_PARTNER/A_BusinessPartnerAddress.json',
      A_BusinessPartnerRole: 'data/S4D/API_BUSINESS_PARTNER/A_BusinessPartnerRole.json',
      A_AddressEmailAddress: 'data/S4D/API_BUSINESS_PARTNER/A_AddressEmailAddress.json',
    });

    // The system restarted with the files: it serves the recorded rows and nothing generated.
    const served = await recorder(handle);
    const now = await served.get<V2List>(`${V2}A_BusinessPartner?$format=json&$orderby=BusinessPartner`);
    expect(now.d.results.map((p) => [p.BusinessPartner, p.LastName, p.CreditLimitAmount])).toEqual(
      partners.d.results
        .map((p) => [p.BusinessPartner, p.LastName, p.CreditLimitAmount])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect((await served.send('GET', `${V2}A_BusinessPartnerAddress/$count`)).text).toBe(
      String(addresses.length),
    );

    const v4 = await admin<DataFilesResponse>(handle, 'POST', '/api/recordings/sessions/traffic/data-files', {
      system: 'S4D',
      service: 'salesorder',
    });
    const items = orders.value.flatMap((o) => o._Item as unknown[]);
    expect(v4.body.files.map((f) => [f.entitySet, f.rows])).toEqual([
      ['SalesOrder', 2],
      ['SalesOrderItem', items.length],
    ]);
    const after = await recorder(handle);
    const v4Now = await after.get<{ value: Record<string, unknown>[] }>(
      `${V4}SalesOrder?$orderby=SalesOrder`,
    );
    expect(v4Now.value.map((o) => o.SalesOrder)).toEqual(orders.value.map((o) => o.SalesOrder).sort());
  });

  it('writes into the data folder for the built-in demo, and apply=false leaves the workspace alone', async () => {
    const dataDir = await tempDir();
    const handle = await engine({ dataDir });
    const rec = await recorder(handle);
    const partners = await rec.get<V2List>(`${V2}A_BusinessPartner?$top=2&$format=json`);
    await writeSession(dataDir, 'demo', rec.entries);

    const dry = await admin<DataFilesResponse>(handle, 'POST', '/api/recordings/sessions/demo/data-files', {
      system: 'S4D',
      service: 'API_BUSINESS_PARTNER',
      apply: false,
    });
    const target = path.join(dataDir, 'data', 'S4D', 'API_BUSINESS_PARTNER', 'A_BusinessPartner.json');
    expect(dry.body.files).toEqual([{ entitySet: 'A_BusinessPartner', path: target, rows: 2 }]);
    const unchanged = await admin<{ workspace: Workspace }>(handle, 'GET', '/api/workspace');
    expect(unchanged.body.workspace.systems[0]!.services[0]!.data.files).toEqual({});

    await admin(handle, 'POST', '/api/recordings/sessions/demo/data-files', {
      system: 'S4D',
      service: 'API_BUSINESS_PARTNER',
    });
    const applied = await admin<{ workspace: Workspace }>(handle, 'GET', '/api/workspace');
    expect(applied.body.workspace.systems[0]!.services[0]!.data.files).toEqual({ A_BusinessPartner: target });
    const now = await (await recorder(handle)).get<V2List>(`${V2}A_BusinessPartner?$format=json`);
    expect(now.d.results.map((p) => p.BusinessPartner).sort()).toEqual(
      partners.d.results.map((p) => p.BusinessPartner).sort(),
    );
  });

  it('refuses unknown systems and services and sessions without entities of the service, naming them', async () => {
    const dataDir = await tempDir();
    const handle = await engine({ dataDir });
    await writeSession(dataDir, 'counts', [
      harEntry(`http://s4.virtual:44300${V2}A_BusinessPartner/$count`, '20', { mimeType: 'text/plain' }),
    ]);
    const route = '/api/recordings/sessions/counts/data-files';
    const system = await admin<ErrorBody>(handle, 'POST', route, { system: 'X', service: 'Y' });
    expect(system.status).toBe(404);
    expect(system.body.error.message).toBe('No system "X" in the workspace (systems: S4D).');
    const service = await admin<ErrorBody>(handle, 'POST', route, { system: 'S4D', service: 'Y' });
    expect(service.body.error.message).toContain('services: API_BUSINESS_PARTNER, salesorder');
    const empty = await admin<ErrorBody>(handle, 'POST', route, {
      system: 'S4D',
      service: 'API_BUSINESS_PARTNER',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain(
      `none of its 1 entries is a successful JSON read (GET or $batch) under ${V2}`,
    );
    const missing = await admin<ErrorBody>(handle, 'POST', '/api/recordings/sessions/gone/data-files', {
      system: 'S4D',
      service: 'API_BUSINESS_PARTNER',
    });
    expect(missing.body.error.code).toBe('EMU_ERR_SESSION_NOT_FOUND');
    const bad = await admin<ErrorBody>(handle, 'POST', route, { system: 'S4D' });
    expect(bad.body.error.message).toContain('$.service');
  });
});

describe('entity collection', () => {
  const model = parseEdmx(BUILTIN_METADATA.API_BUSINESS_PARTNER!);
  const target = { system: 'S4D', root: V2, model };
  const url = (p: string): string => `http://s4.virtual:44300${V2}${p}`;
  const v2 = (results: unknown[]): string => JSON.stringify({ d: { results } });

  it('skips deferred links, entities without keys, unknown properties and what is not a read of the service', () => {
    const collected = collectEntities(
      [
        harEntry(
          url('A_BusinessPartner'),
          v2([
            {
              __metadata: { uri: 'x', type: 'API_BUSINESS_PARTNER.A_BusinessPartnerType' },
              BusinessPartner: '1',
              LastName: 'One',
              Unknown: 'dropped',
              CreditLimitAmount: 'not a number',
              to_BusinessPartnerAddress: { __deferred: { uri: 'x' } },
            },
            { LastName: 'no key' },
          ]),
        ),
        harEntry(
          url("A_BusinessPartner('1')"),
          JSON.stringify({ d: { BusinessPartner: '1', FirstName: 'Ada' } }),
        ),
        harEntry(url("A_BusinessPartner('1')/LastName"), JSON.stringify({ d: { LastName: 'property' } })),
        harEntry(url('A_BusinessPartner'), v2([{ BusinessPartner: '2' }]), { system: 'OTHER' }),
        harEntry(url('A_BusinessPartner'), v2([{ BusinessPartner: '3' }]), { status: 500 }),
        harEntry(url('A_BusinessPartner'), v2([{ BusinessPartner: '4' }]), { method: 'POST' }),
        harEntry(`http://h/sap/opu/odata/sap/OTHER_SRV/A_BusinessPartner`, v2([{ BusinessPartner: '5' }])),
      ],
      target,
    );
    expect([...collected.sets.keys()]).toEqual(['A_BusinessPartner']);
    expect(collected.sets.get('A_BusinessPartner')).toEqual([
      { BusinessPartner: '1', LastName: 'One', FirstName: 'Ada' },
    ]);
    expect(collected.withoutKey).toBe(1);
    expect([...collected.dropped].join('\n')).toMatch(
      /A_BusinessPartnerType\.Unknown \(not in the metadata\)/,
    );
    expect([...collected.dropped].join('\n')).toMatch(
      /CreditLimitAmount \(Property CreditLimitAmount expects a number/,
    );
  });

  it('follows navigation paths and inline entities to their own sets', () => {
    const collected = collectEntities(
      [
        harEntry(
          url("A_BusinessPartner('1')/to_BusinessPartnerAddress"),
          v2([
            {
              BusinessPartner: '1',
              AddressID: '10',
              to_EmailAddress: {
                results: [{ AddressID: '10', Person: 'P', OrdinalNumber: '1', EmailAddress: 'a@b.c' }],
              },
            },
          ]),
        ),
      ],
      target,
    );
    expect(collected.sets.get('A_BusinessPartnerAddress')).toEqual([
      { BusinessPartner: '1', AddressID: '10' },
    ]);
    expect(collected.sets.get('A_AddressEmailAddress')).toHaveLength(1);
  });
});
