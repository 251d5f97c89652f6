// The HTTP proxy on the wire: every refusal status with its exact bytes, and what a backend receives.
import { describe, expect, it } from 'vitest';
import { engine, unusedPort } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import {
  proxyWorkspace,
  rawExchange,
  responseComplete,
  startBackend,
  token,
  type Backend,
} from './test-support.js';

interface Setup {
  handle: EmulatorHandle;
  port: number;
  backend: Backend;
  auth: string;
}

async function setup(): Promise<Setup> {
  const backend = await startBackend();
  const handle = await engine({
    workspace: proxyWorkspace({ http: backend.port, refused: await unusedPort() }),
  });
  const port = Number(new URL(handle.urls.proxy!).port);
  const auth = `Proxy-Authorization: Bearer ${await token(handle, { client: 'demo-connectivity' })}\r\n`;
  return { handle, port, backend, auth };
}

const get = (url: string, headers = ''): string =>
  `GET ${url} HTTP/1.1\r\nHost: ${new URL(url).host}\r\n${headers}\r\n`;
const send = (s: Setup, request: string): Promise<string> =>
  rawExchange(s.port, request, responseComplete).then((b) => b.toString('latin1'));
const bodyOf = (response: string): string => response.slice(response.indexOf('\r\n\r\n') + 4);

describe('connectivity proxy (HTTP): refusals', () => {
  it('answers CONNECT and https:// targets with 405, before any authentication', async () => {
    const s = await setup();
    const connect = await send(s, 'CONNECT erp.virtual:443 HTTP/1.1\r\nHost: erp.virtual:443\r\n\r\n');
    expect(connect).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(connect).toContain('\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n');
    expect(connect).toContain('\r\nX-Btp-Emulator-Error: EMU_ERR_PROXY_METHOD\r\n');
    expect(bodyOf(connect)).toMatch(/^CONNECT is not supported/);
    const https = await send(s, get('https://erp.virtual:44300/api'));
    expect(https).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(bodyOf(https)).toMatch(/^HTTPS targets are not proxied/);
  });

  it('answers origin-form requests with 400', async () => {
    const s = await setup();
    const response = await send(s, `GET /api HTTP/1.1\r\nHost: erp.virtual:44300\r\n${s.auth}\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(bodyOf(response)).toMatch(/^the request target must be an absolute http:\/\/ URL/);
  });

  it('answers 431 when the request line or the headers exceed 8192 bytes', async () => {
    const s = await setup();
    const header = await send(s, get('http://erp.virtual:44300/api', `X-Big: ${'a'.repeat(9000)}\r\n`));
    expect(header).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(header).toContain('\r\nConnection: close\r\n');
    const line = await send(s, get(`http://erp.virtual:44300/api/${'a'.repeat(9000)}`));
    expect(line).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
  });

  it('answers 407 with Proxy-Authenticate for a missing, foreign, expired or forged token', async () => {
    const s = await setup();
    const missing = await send(s, get('http://erp.virtual:44300/api'));
    expect(missing).toMatch(/^HTTP\/1\.1 407 Proxy Authentication Required\r\n/);
    expect(missing).toContain('\r\nProxy-Authenticate: Bearer realm="SAP Connectivity"\r\n');
    expect(missing).toContain('\r\nProxy-Authenticate: Basic realm="SAP Connectivity"\r\n');
    expect(bodyOf(missing)).toMatch(/^Proxy-Authorization is missing/);
    const foreign = await token(s.handle, { client: 'demo-uaa' });
    const expired = await token(s.handle, { client: 'demo-connectivity', expiresIn: -3600 });
    const valid = await token(s.handle, { client: 'demo-connectivity' });
    const forged = `${valid.slice(0, valid.lastIndexOf('.'))}.${'A'.repeat(342)}`;
    for (const [bad, why] of [
      [foreign, /not meant for sb-clone/],
      [expired, /expired at/],
      [forged, /signature does not match/],
    ] as const) {
      const response = await send(
        s,
        get('http://erp.virtual:44300/api', `Proxy-Authorization: Bearer ${bad}\r\n`),
      );
      expect(response).toMatch(/^HTTP\/1\.1 407 /);
      expect(bodyOf(response)).toMatch(why);
    }
    expect(s.backend.requests).toHaveLength(0);
  });

  it('answers a refused HEAD without a body, so the next request on the connection reads right', async () => {
    // Found by emulator/fuzz: the refusal's text after a HEAD answer was read as the next response.
    const s = await setup();
    const head = 'HEAD http://erp.virtual:44300/api HTTP/1.1\r\nHost: erp.virtual:44300\r\n\r\n';
    const secondComplete = (b: Buffer): boolean => {
      const text = b.toString('latin1');
      const second = text.indexOf('HTTP/1.1 ', 1);
      return second > 0 && responseComplete(Buffer.from(text.slice(second), 'latin1'));
    };
    const answer = (
      await rawExchange(s.port, head + get('http://erp.virtual:44300/api'), secondComplete)
    ).toString('latin1');
    expect(answer).toMatch(/^HTTP\/1\.1 407 Proxy Authentication Required\r\n/);
    expect(answer).toMatch(/^[^]*?\r\nContent-Length: [1-9]\d*\r\n/);
    expect(bodyOf(answer)).toMatch(/^HTTP\/1\.1 407 Proxy Authentication Required\r\n/);
    expect(bodyOf(bodyOf(answer))).toMatch(/^Proxy-Authorization is missing/);
  });

  it('answers 503 for an unknown or disconnected location', async () => {
    const s = await setup();
    const unknown = await send(
      s,
      get('http://erp.virtual:44300/api', `${s.auth}SAP-Connectivity-SCC-Location_ID: nowhere\r\n`),
    );
    expect(unknown).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(bodyOf(unknown)).toMatch(/^No Cloud Connector is connected for location "nowhere"/);
    const off = await send(
      s,
      get('http://erp.virtual:44300/api', `${s.auth}SAP-Connectivity-SCC-Location_ID: off\r\n`),
    );
    expect(bodyOf(off)).toMatch(/^The Cloud Connector for location "off" is disconnected/);
  });

  it('answers 403 "Access denied to system" with the reason: unmapped, no resource, suspended', async () => {
    const s = await setup();
    const cases: [string, RegExp][] = [
      [
        'http://nope.virtual/x',
        /^Access denied to system nope\.virtual:80: Backend is not available in the list of defined system mappings/,
      ],
      [
        'http://erp.virtual:44300/other',
        /^Access denied to system erp\.virtual:44300: Resource is not accessible.*\/other/,
      ],
      ['http://erp.virtual:44300/exact/sub', /Resource is not accessible/],
      ['http://erp.virtual:44300/api/suspended/x', /resource \/api\/suspended\* is suspended/],
    ];
    for (const [url, reason] of cases) {
      const response = await send(s, get(url, s.auth));
      expect(response, url).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(bodyOf(response), url).toMatch(reason);
    }
    expect(s.backend.requests).toHaveLength(0);
  });

  it('never connects to a host no mapping names, even a live loopback listener', async () => {
    const s = await setup();
    const bystander = await startBackend();
    const response = await send(s, get(`http://127.0.0.1:${bystander.port}/api`, s.auth));
    expect(response).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(bodyOf(response)).toContain(`Access denied to system 127.0.0.1:${bystander.port}`);
    expect(bystander.requests).toHaveLength(0);
  });

  it('answers 502 when the backend refuses and 504 when it does not answer in time', async () => {
    const s = await setup();
    const refused = await send(s, get('http://down.virtual/', s.auth));
    expect(refused).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
    expect(bodyOf(refused)).toMatch(
      /^Backend is not reachable from Cloud Connector: 127\.0\.0\.1:\d+ refused the connection/,
    );
    const hang = await send(s, get('http://erp.virtual:44300/api/hang', s.auth));
    expect(hang).toMatch(/^HTTP\/1\.1 504 Gateway Timeout\r\n/);
    expect(bodyOf(hang)).toMatch(/did not answer in time/);
  });
});
