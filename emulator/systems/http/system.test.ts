// The simulated system's front door: authentication (Basic, principal propagation), sap-client data
// separation, injected faults and latency, hooks, MSW REST handlers, persistence and reset.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTls } from '../../tls/ca.js';
import { issueUserCertificate } from '../../tls/client-cert.js';
import {
  expectJson,
  FIXTURES,
  fixtureSystem,
  startTestSystem,
  V2_ROOT,
  type TestSystem,
  type V2ErrorBody,
} from '../test-support.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});
async function start(
  change?: (s: Record<string, unknown>) => void,
  options: Parameters<typeof startTestSystem>[1] = {},
): Promise<TestSystem> {
  const sys = await startTestSystem(fixtureSystem(change), { baseDir: FIXTURES, ...options });
  stops.push(() => sys.stop());
  return sys;
}
const service = (s: Record<string, unknown>): Record<string, unknown> =>
  (s.services as Record<string, unknown>[])[0]!;
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'btp-systems-test-'));
  stops.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('authentication', () => {
  it('asks for credentials with 401 and a Basic challenge; wrong passwords fail', async () => {
    const sys = await start();
    const anonymous = await sys.request(`${V2_ROOT}A_BusinessPartner`, { auth: false });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe(
      'Basic realm="SAP NetWeaver Application Server [T01/100]"',
    );
    const wrong = await sys.request(`${V2_ROOT}A_BusinessPartner`, {
      headers: { authorization: `Basic ${Buffer.from('DEVELOPER:nope').toString('base64')}` },
    });
    expect((await expectJson<V2ErrorBody>(wrong, 401)).error.message.value).toContain(
      'wrong user name or password',
    );
  });

  it('accepts a principal-propagation certificate from the emulator CA (SSL_CLIENT_CERT) and names the user', async () => {
    const tls = await ensureTls(await tempDir());
    const sys = await start(undefined, { caCertPem: tls.caCertPem });
    const cert = await issueUserCertificate(tls, 'CN=alice');
    const ok = await sys.request(`${V2_ROOT}A_BusinessPartner?$top=1`, {
      auth: false,
      headers: { ssl_client_cert: cert.headerValue },
    });
    expect(ok.status).toBe(200);
    expect(sys.events.find((e) => e.type === 'odata-request' && e.status === 200)).toMatchObject({
      user: 'ALICE',
      client: '100',
    });
    const foreign = await issueUserCertificate(await ensureTls(await tempDir()), 'CN=mallory');
    const refused = await sys.request(`${V2_ROOT}A_BusinessPartner`, {
      auth: false,
      headers: { ssl_client_cert: foreign.headerValue },
    });
    expect((await expectJson<V2ErrorBody>(refused, 401)).error.message.value).toContain(
      'not signed by the emulator CA',
    );
  });
});

describe('sap-client', () => {
  it('keeps separate data per client and refuses unknown clients', async () => {
    const sys = await start();
    const csrf = await sys.csrf();
    const created = await sys.request(`${V2_ROOT}A_BusinessPartner?sap-client=200`, {
      method: 'POST',
      headers: { ...csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ BusinessPartner: '9000001', LastName: 'Client200' }),
    });
    expect(created.status).toBe(201);
    expect((await sys.request(`${V2_ROOT}A_BusinessPartner('9000001')?sap-client=200`)).status).toBe(200);
    expect(
      (await sys.request(`${V2_ROOT}A_BusinessPartner('9000001')`, { headers: { 'sap-client': '100' } }))
        .status,
    ).toBe(404);
    const unknown = await expectJson<V2ErrorBody>(await sys.request(`${V2_ROOT}?sap-client=999`), 400);
    expect(unknown.error.message.value).toBe('Client 999 is not available in system T01');
  });
});

describe('faults and latency', () => {
  it('fails exactly the scripted requests, each kind with its own response', async () => {
    const sys = await start((s) => {
      s.faults = [{ kind: 'no-work-process', sequence: [2] }];
      service(s).faults = [
        {
          kind: 'error',
          status: 500,
          code: 'ZBP/042',
          message: 'Backend exploded',
          sequence: [1],
          entitySet: 'A_BusinessPartnerAddress',
        },
        { kind: 'locked', sequence: [1], methods: ['MERGE'] },
      ];
    });
    const get = (p: string): Promise<Response> => sys.request(`${V2_ROOT}${p}`);
    expect((await get('A_BusinessPartner')).status).toBe(200);
    const busy = await get('A_BusinessPartner');
    expect(busy.status).toBe(503);
    expect(await busy.text()).toContain('No work process is currently available');
    expect((await get('A_BusinessPartner')).status).toBe(200);
    const scripted = await expectJson<V2ErrorBody>(await get('A_BusinessPartnerAddress'), 500);
    expect(scripted.error).toMatchObject({ code: 'ZBP/042', message: { value: 'Backend exploded' } });
    expect((await get('A_BusinessPartnerAddress')).status).toBe(200);
    const csrf = await sys.csrf();
    const locked = await sys.request(`${V2_ROOT}A_BusinessPartner('1000001')`, {
      method: 'MERGE',
      headers: { ...csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await expectJson<V2ErrorBody>(locked, 409)).error.message.value).toContain('locked by user');
    expect(
      sys.events
        .filter((e) => e.type === 'odata-request' && e.fault)
        .map((e) => (e as { fault?: string }).fault),
    ).toEqual(['no-work-process', 'error', 'locked']);
  });

  it('expires the CSRF token on demand, so the client must fetch a new one', async () => {
    const sys = await start(
      (s) => (service(s).faults = [{ kind: 'csrf-expired', sequence: [1], methods: ['POST'] }]),
    );
    const csrf = await sys.csrf();
    const post = (headers: Record<string, string>): Promise<Response> =>
      sys.request(`${V2_ROOT}A_BusinessPartner`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{"LastName":"X"}',
      });
    const expired = await post(csrf);
    expect(expired.status).toBe(403);
    expect(expired.headers.get('x-csrf-token')).toBe('Required');
    expect((await post(csrf)).status).toBe(403);
    expect((await post(await sys.csrf())).status).toBe(201);
  });

  it('a rate of 1 fails every matching request', async () => {
    const sys = await start(
      (s) => (service(s).faults = [{ kind: 'error', status: 502, rate: 1, methods: ['GET'] }]),
    );
    expect((await sys.request(`${V2_ROOT}A_BusinessPartner`)).status).toBe(502);
  });
});

describe('hooks and REST handlers', () => {
  it('lets a hook answer a request instead of the engine', async () => {
    const sys = await start();
    const response = await sys.request(`${V2_ROOT}A_BusinessPartner?simulate=teapot`);
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ error: 'teapot' });
  });

  it('serves non-OData paths from MSW handlers, and 404s the rest', async () => {
    const sys = await start();
    expect(await expectJson(await sys.request('/sap/bc/rest/ping'), 200)).toEqual({ pong: true });
    const echo = await sys.request('/sap/bc/rest/echo', {
      method: 'POST',
      body: JSON.stringify({ a: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(await expectJson(echo, 201)).toEqual({ got: { a: 1 } });
    const missing = await expectJson<V2ErrorBody>(await sys.request('/nothing/here'), 404);
    expect(missing.error.message.value).toBe('No service found for path /nothing/here');
  });
});

describe('persistence', () => {
  it('keeps changes across a restart until the data is reset', async () => {
    const dataDir = await tempDir();
    const first = await startTestSystem(fixtureSystem(), { baseDir: FIXTURES, dataDir });
    const csrf = await first.csrf();
    const created = await first.request(`${V2_ROOT}A_BusinessPartner`, {
      method: 'POST',
      headers: { ...csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ BusinessPartner: '5000001', LastName: 'Persisted' }),
    });
    expect(created.status).toBe(201);
    await first.stop();
    const second = await start(undefined, { dataDir });
    expect((await second.request(`${V2_ROOT}A_BusinessPartner('5000001')`)).status).toBe(200);
    await second.server.services[0]!.reset('100');
    expect((await second.request(`${V2_ROOT}A_BusinessPartner('5000001')`)).status).toBe(404);
    expect((await second.request(`${V2_ROOT}A_BusinessPartner('1000001')`)).status).toBe(200);
  });
});
