// POST /api/systems/:system/services: an EDMX becomes a running service with generated rows, saved as
// services/<name>.edmx beside the workspace file (or in the data folder for a workspace without a file),
// and every bad input is refused with the element, line or field named and nothing left behind.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../app/errors.js';
import type { ImportServiceResponse, SystemSummary } from '../../app/systems/api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { SALES_ORDER_V4_EDMX } from './builtin/sales-order-v4.js';
import { adminUrl, bearer, engine, tempDir } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { FIXTURES } from './test-support.js';

const PRODUCTS = await readFile(path.join(FIXTURES, 'products.edmx'), 'utf8');
const BASIC = `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`;

async function admin<T>(handle: EmulatorHandle, method: string, route: string, body?: unknown) {
  const response = await fetch(`${adminUrl(handle)}${route}`, {
    method,
    headers: { ...bearer(handle), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const importInto = (handle: EmulatorHandle, system: string, body: Record<string, unknown>) =>
  admin<ImportServiceResponse & ErrorBody>(handle, 'POST', `/api/systems/${system}/services`, body);

/** The demo workspace plus a second system, as a file in a fresh folder. */
async function workspaceFile(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = path.join(dir, 'workspace.json');
  const [s4d] = DEMO_WORKSPACE.systems!;
  const workspace = { ...DEMO_WORKSPACE, systems: [s4d, { ...s4d, id: 'S4Q', services: [] }] };
  await writeFile(file, JSON.stringify(workspace, null, 2));
  return { dir, file };
}

async function odata(system: SystemSummary, servicePath: string): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${system.port}${servicePath}`, {
    headers: { authorization: BASIC, accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('admin API: import an EDMX as a service', () => {
  it('saves services/<name>.edmx beside the workspace file, adds the service and serves its rows', async () => {
    const { dir, file } = await workspaceFile();
    const handle = await engine({ workspacePath: file, dataDir: path.join(dir, 'data') });
    const reply = await importInto(handle, 'S4D', {
      xml: PRODUCTS,
      name: 'ZPRODUCT_SRV',
      generate: { rows: 7, seed: 3 },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.file).toBe(path.join(dir, 'services', 'ZPRODUCT_SRV.edmx'));
    expect(reply.body.metadata).toBe('services/ZPRODUCT_SRV.edmx');
    expect(await readFile(reply.body.file, 'utf8')).toBe(PRODUCTS);
    const saved = JSON.parse(await readFile(file, 'utf8')) as {
      systems: { id: string; services: unknown[] }[];
    };
    expect(saved.systems[0]!.services).toContainEqual({
      name: 'ZPRODUCT_SRV',
      odataVersion: 'v2',
      metadata: 'services/ZPRODUCT_SRV.edmx',
      data: { generate: { rows: 7, seed: 3 } },
    });

    const system = reply.body.system;
    expect(system.state).toBe('running');
    const service = system.services.find((s) => s.name === 'ZPRODUCT_SRV');
    expect(service).toMatchObject({ odataVersion: 'v2', path: '/sap/opu/odata/sap/ZPRODUCT_SRV/' });
    expect(service?.entitySets.map((s) => s.name)).toEqual(['Products']);
    const rows = await odata(system, `${service!.path}Products?$inlinecount=allpages&$top=2`);
    expect(rows).toMatchObject({ d: { __count: '7' } });
    const listed = await admin<SystemSummary[]>(handle, 'GET', '/api/systems');
    expect(listed.body.find((s) => s.id === 'S4D')?.services.map((s) => s.name)).toContain('ZPRODUCT_SRV');
    // The original services keep running next to it.
    expect(
      await odata(system, "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('1000001')"),
    ).toMatchObject({ d: { BusinessPartner: '1000001' } });
  });

  it('reuses the file for the same EDMX in another system, and refuses a different one under that name', async () => {
    const { dir, file } = await workspaceFile();
    const handle = await engine({ workspacePath: file, dataDir: path.join(dir, 'data') });
    expect((await importInto(handle, 'S4D', { xml: PRODUCTS, name: 'Z1' })).status).toBe(200);
    const other = await importInto(handle, 'S4Q', { xml: SALES_ORDER_V4_EDMX, name: 'Z1' });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({
      code: 'EMU_ERR_SERVICE_EXISTS',
      message: expect.stringContaining('already exists with another EDMX') as unknown,
    });
    expect(await readFile(path.join(dir, 'services', 'Z1.edmx'), 'utf8')).toBe(PRODUCTS);
    expect((await importInto(handle, 'S4Q', { xml: PRODUCTS, name: 'Z1' })).status).toBe(200);
  });

  it('detects OData V4 and, for a workspace without a file, saves the EDMX in the data folder', async () => {
    const handle = await engine({ workspace: structuredClone(DEMO_WORKSPACE) });
    const reply = await importInto(handle, 'S4D', { xml: SALES_ORDER_V4_EDMX, name: 'ZSALES' });
    expect(reply.status).toBe(200);
    expect(reply.body.file).toBe(path.join(handle.dataDir, 'services', 'ZSALES.edmx'));
    expect(reply.body.metadata).toBe(reply.body.file);
    const service = reply.body.system.services.find((s) => s.name === 'ZSALES');
    expect(service).toMatchObject({
      odataVersion: 'v4',
      path: '/sap/opu/odata4/sap/zsales/srvd/sap/zsales/0001/',
    });
    const orders = await odata(reply.body.system, `${service!.path}SalesOrder?$count=true&$top=1`);
    expect(orders['@odata.count']).toBe(20);
  });

  it.each([
    [
      'XML that is not well-formed',
      { xml: '<edmx:Edmx>\n<x>\n</edmx:Edmx>', name: 'ZA' },
      400,
      'EMU_ERR_EDMX_INVALID',
      /not well-formed XML at line 3, column \d+/,
    ],
    [
      'an entity type without a key',
      { xml: PRODUCTS.replace(/<Key>[\s\S]*?<\/Key>/, ''), name: 'ZA' },
      400,
      'EMU_ERR_EDMX_INVALID',
      /line 5: EntityType Product declares no key/,
    ],
    [
      'a version that the EDMX does not have',
      { xml: PRODUCTS, name: 'ZA', odataVersion: 'v4' },
      400,
      'EMU_ERR_EDMX_INVALID',
      /The EDMX is OData V2, not V4/,
    ],
    [
      'a service name the system has',
      { xml: PRODUCTS, name: 'API_BUSINESS_PARTNER' },
      409,
      'EMU_ERR_SERVICE_EXISTS',
      /System S4D already has a service API_BUSINESS_PARTNER/,
    ],
  ])('refuses %s, naming it, and writes nothing', async (_what, body, status, code, message) => {
    const { dir, file } = await workspaceFile();
    const before = await readFile(file, 'utf8');
    const handle = await engine({ workspacePath: file, dataDir: path.join(dir, 'data') });
    const reply = await importInto(handle, 'S4D', body);
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(code);
    expect(reply.body.error.message).toMatch(message);
    expect(existsSync(path.join(dir, 'services', 'ZA.edmx'))).toBe(false);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses an unknown system (404) and a name the workspace schema does not allow (400, field named)', async () => {
    const handle = await engine({ workspace: structuredClone(DEMO_WORKSPACE) });
    const unknown = await importInto(handle, 'NOPE', { xml: PRODUCTS, name: 'ZA' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('EMU_ERR_SYSTEM_NOT_FOUND');
    const badName = await importInto(handle, 'S4D', { xml: PRODUCTS, name: 'a/b' });
    expect(badName.status).toBe(400);
    expect(badName.body.error.issues).toEqual([expect.objectContaining({ path: '$.name' })]);
  });
});
