// "No input ends the process": a bug that throws (or rejects) in any listener's request handling
// costs that one request a 500 (or, for the raw proxies, its connection) and puts an error event on
// the bus; the engine stays up and the same listener serves the next request. Each test makes the
// code a handler calls throw once, through a spy, and checks all three.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEventOf } from '../../app/events.js';
import type { SystemSummary } from '../../app/systems/api.js';
import { TokenCache } from '../connectivity/credentials.js';
import { ProxyExchange } from '../connectivity/proxy-exchange.js';
import { token } from '../connectivity/test-support.js';
import { SystemRecording } from '../recording/runtime/system-front.js';
import { BASIC, startBed } from '../recording/runtime/test-support.js';
import { SystemServer } from '../systems/http/system-server.js';
import { statusOf, talk, type RawTarget } from '../test/raw-socket.js';
import { adminUrl, bearer, engine, onCleanup } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { ClientRegistry } from '../xsuaa/clients.js';
import { SigningKeys } from '../xsuaa/keys.js';
import { TokenEndpoint } from '../xsuaa/token-endpoint.js';
import { Engine } from './engine.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const boom = (): never => {
  throw new Error('injected fault');
};
const V2 = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';

type LogEvent = EngineEventOf<'log'>;

async function start(): Promise<{ handle: EmulatorHandle; errors: LogEvent[] }> {
  const handle = await engine();
  const errors: LogEvent[] = [];
  handle.on('log', (e) => {
    if (e.level === 'error') errors.push(e);
  });
  return { handle, errors };
}

const portOf = (url: string | undefined): number => Number(new URL(url!).port);

/** One request on its own connection; `Connection: close` so the answer ends with the connection. */
async function request(target: RawTarget, line: string, headers = ''): Promise<string> {
  const host = target.ca === undefined ? '127.0.0.1' : 'localhost';
  return (await talk(target, `${line} HTTP/1.1\r\nHost: ${host}\r\n${headers}Connection: close\r\n\r\n`))
    .received;
}

const bodyOf = (response: string): unknown =>
  JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as unknown;

function expectFault(errors: LogEvent[], message: string): void {
  expect(errors).toEqual([expect.objectContaining({ code: 'EMU_ERR_INTERNAL', message })]);
  errors.length = 0;
}

async function systemPort(handle: EmulatorHandle): Promise<number> {
  const response = await fetch(`${adminUrl(handle)}/api/systems`, { headers: bearer(handle) });
  return ((await response.json()) as SystemSummary[]).find((s) => s.id === 'S4D')!.port!;
}

describe('a throwing handler costs one request, never the engine', () => {
  it('XSUAA over HTTP and HTTPS: a sync throw and a rejection each give 500 server_error', async () => {
    const { handle, errors } = await start();
    const targets: [string, RawTarget][] = [
      ['xsuaa', { port: portOf(handle.urls.xsuaa) }],
      ['xsuaaTls', { port: portOf(handle.urls.xsuaaTls), ca: readFileSync(handle.caCert!, 'utf8') }],
    ];
    for (const [name, target] of targets) {
      vi.spyOn(SigningKeys.prototype, 'jwks').mockImplementationOnce(boom);
      const failed = await request(target, 'GET /token_keys?secret=x');
      expect(statusOf(failed), name).toBe(500);
      expect(bodyOf(failed)).toEqual({
        error: 'server_error',
        error_description: expect.stringMatching(/^Internal error/) as string,
      });
      expect(failed).not.toContain('    at ');
      expectFault(errors, `${name}: GET /token_keys failed: Error: injected fault`);
      expect(statusOf(await request(target, 'GET /token_keys')), name).toBe(200);
    }
    vi.spyOn(TokenEndpoint.prototype, 'handle').mockRejectedValueOnce(new Error('async fault'));
    const form = 'grant_type=client_credentials';
    const { received: rejected } = await talk(
      targets[0]![1],
      'POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        `Content-Length: ${form.length}\r\nConnection: close\r\n\r\n${form}`,
    );
    expect(statusOf(rejected)).toBe(500);
    expectFault(errors, 'xsuaa: POST /oauth/token failed: Error: async fault');
  });

  it('Destination REST API and admin API: 500 in their own error format', async () => {
    const { handle, errors } = await start();
    const jwt = await token(handle, { client: 'demo-destination' });
    const url = `${handle.urls.destination!}/destination-configuration/v1/subaccountDestinations`;
    const auth = { Authorization: `Bearer ${jwt}` };
    vi.spyOn(ClientRegistry.prototype, 'ofKind').mockImplementationOnce(boom);
    const failed = await fetch(url, { headers: auth });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ ErrorMessage: expect.stringMatching(/^Internal error/) as string });
    expectFault(
      errors,
      'destination: GET /destination-configuration/v1/subaccountDestinations failed: Error: injected fault',
    );
    expect((await fetch(url, { headers: auth })).status).toBe(200);

    vi.spyOn(Engine.prototype, 'status').mockImplementationOnce(boom);
    const admin = await fetch(`${adminUrl(handle)}/api/status`, { headers: bearer(handle) });
    expect(admin.status).toBe(500);
    expect(await admin.json()).toMatchObject({ error: { code: 'EMU_ERR_INTERNAL' } });
    expectFault(errors, 'admin: GET /api/status failed: Error: injected fault');
    expect((await fetch(`${adminUrl(handle)}/api/status`, { headers: bearer(handle) })).status).toBe(200);
  });

  it('simulated system: a throw before or inside the request pipeline gives an OData 500', async () => {
    const { handle, errors } = await start();
    const target = { port: await systemPort(handle) };
    const get = (): Promise<string> => request(target, `GET ${V2}$metadata`, `Authorization: ${BASIC}\r\n`);
    vi.spyOn(SystemServer.prototype, 'handle').mockImplementationOnce(boom);
    const sync = await get();
    expect(statusOf(sync)).toBe(500);
    expect(bodyOf(sync)).toMatchObject({ error: { code: '/IWBEP/CM_MGW_RT/500' } });
    expectFault(errors, `system S4D: GET ${V2}$metadata failed: Error: injected fault`);
    vi.spyOn(SystemServer.prototype, 'serviceFor').mockImplementationOnce(boom);
    expect(statusOf(await get())).toBe(500);
    expectFault(errors, `system S4D: GET ${V2}$metadata failed: Error: injected fault`);
    expect(statusOf(await get())).toBe(200);
  });

  it('HTTP proxy: a 500 before the answer began, a cut connection after; the proxy-request event says so', async () => {
    const { handle, errors } = await start();
    const proxy = { port: portOf(handle.urls.proxy) };
    const headers = `Proxy-Authorization: Bearer ${await token(handle, { client: 'demo-connectivity' })}\r\nAuthorization: ${BASIC}\r\n`;
    const line = `GET http://s4.virtual:44300${V2}$metadata?sap-client=100`;
    const events: EngineEventOf<'proxy-request'>[] = [];
    handle.on('proxy-request', (e) => events.push(e));

    vi.spyOn(TokenCache.prototype, 'check').mockImplementationOnce(boom);
    const before = await request(proxy, line, headers);
    expect(statusOf(before)).toBe(500);
    expect(before).toContain('\r\nX-Btp-Emulator-Error: EMU_ERR_INTERNAL\r\n');
    expect(before).toContain('\r\nConnection: close\r\n');
    expectFault(errors, `proxy: GET http://s4.virtual:44300${V2}$metadata failed: Error: injected fault`);

    const relay = ProxyExchange.prototype as unknown as { relayBody: () => void };
    vi.spyOn(relay, 'relayBody').mockImplementationOnce(boom);
    const midway = await talk(proxy, `${line} HTTP/1.1\r\nHost: s4.virtual:44300\r\n${headers}\r\n`);
    expect(midway.received).toBe('');
    expectFault(errors, `proxy: GET http://s4.virtual:44300${V2}$metadata failed: Error: injected fault`);
    expect(events.map((e) => [e.status, e.decision.allowed, e.decision.reason])).toEqual([
      [500, false, 'Internal error of the emulated connectivity proxy'],
      [500, false, 'Internal error of the emulated connectivity proxy'],
    ]);

    expect(statusOf(await request(proxy, line, headers))).toBe(200);
  });

  it('SOCKS5: the connection closes, the next handshake is served', async () => {
    const { handle, errors } = await start();
    const socks = { port: portOf(handle.urls.socks5) };
    const jwt = await token(handle, { client: 'demo-connectivity' });
    const length = Buffer.alloc(4);
    length.writeUInt32BE(Buffer.byteLength(jwt));
    const handshake = Buffer.concat([
      Buffer.from([0x05, 0x01, 0x80]),
      Buffer.from([0x01]),
      length,
      Buffer.from(jwt),
      Buffer.from([0x00]),
      // CONNECT nowhere.virtual:1 (no such TCP mapping: reply 02 and close)
      Buffer.from([0x05, 0x01, 0x00, 0x03, 15]),
      Buffer.from('nowhere.virtual'),
      Buffer.from([0x00, 0x01]),
    ]);
    const hex = async (): Promise<string> =>
      Buffer.from((await talk(socks, handshake)).received, 'latin1').toString('hex');
    vi.spyOn(TokenCache.prototype, 'check').mockImplementationOnce(boom);
    expect(await hex()).toBe('0580');
    expectFault(errors, 'socks5: SOCKS5 CONNECT (handshake) failed: Error: injected fault');
    // Method 0x80 chosen, authenticated, CONNECT refused with 02 (no TCP mapping).
    expect(await hex()).toBe(['0580', '0100', '05020001000000000000'].join(''));
  });

  it('recording front (live mode): a throw gives a 500 and an event, the next request passes through', async () => {
    const real = http.createServer((_req, res) => res.end('real system'));
    await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise((resolve) => real.close(() => resolve())));
    const url = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
    const bed = await startBed({ mode: 'live', live: { url } }, { noServices: true });
    const front = SystemRecording.prototype as unknown as { pass: () => Promise<number> };
    vi.spyOn(front, 'pass').mockImplementationOnce(boom);
    const failed = await bed.request(`${V2}A_BusinessPartner`);
    expect(failed.status).toBe(500);
    expect(bed.eventsOf('log').filter((e) => e.level === 'error')).toEqual([
      expect.objectContaining({
        message: `system S4D: GET ${V2}A_BusinessPartner failed: Error: injected fault`,
      }),
    ]);
    const passed = await bed.request(`${V2}A_BusinessPartner`);
    expect([passed.status, await passed.text()]).toEqual([200, 'real system']);
  });
});
