// "Check connection": Internet destinations get a real GET request; OnPremise ones go through the
// proxy with a connectivity token and the location header, and each proxy refusal (marked by
// X-Btp-Emulator-Error) is reported in the cockpit's words. A fake proxy stands in for issue 4's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Destination } from '../../app/workspace/schema.js';
import { onCleanup } from '../test/support.js';
import { checkConnection, COCKPIT, type CheckDeps } from './check.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

async function server(handler: http.RequestListener): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const s = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        s.closeAllConnections();
        s.close(() => resolve());
      }),
  );
  return { port: (s.address() as AddressInfo).port, seen };
}

const deps = (proxyPort: number | null): CheckDeps => ({
  proxy: () => (proxyPort === null ? null : { host: '127.0.0.1', port: proxyPort }),
  connectivityToken: () => Promise.resolve('conn-token'),
  caPem: () => '',
});

const onPremise: Destination = {
  Name: 'S4',
  Type: 'HTTP',
  URL: 'http://s4.virtual:44300/sap/opu/odata/',
  ProxyType: 'OnPremise',
  Authentication: 'NoAuthentication',
  CloudConnectorLocationId: 'loc1',
};

/** A fake connectivity proxy that refuses like issue 4's proxy does. */
function refusing(status: number, code: string, reason: string): http.RequestListener {
  return (_req, res) => {
    res.writeHead(status, { 'x-btp-emulator-error': code, 'content-type': 'text/plain' });
    res.end(`${reason}\n${code}: hint\n`);
  };
}

describe('check connection', () => {
  it('Internet: a GET request, reported as the cockpit does', async () => {
    const backend = await server((_req, res) => res.writeHead(401).end());
    const d: Destination = {
      Name: 'API',
      Type: 'HTTP',
      URL: `http://127.0.0.1:${backend.port}/x`,
      ProxyType: 'Internet',
    };
    const ok = await checkConnection(d, deps(null));
    expect(ok).toMatchObject({
      outcome: 'ok',
      status: 401,
      stage: 'internet',
      message: 'Connection to "API" established. Response returned: "401: Unauthorized"',
    });
    expect(backend.seen).toMatchObject([{ method: 'GET', url: '/x' }]);
    const down = await checkConnection({ ...d, URL: 'http://127.0.0.1:1/' }, deps(null));
    expect(down).toMatchObject({ outcome: 'failed', stage: 'internet' });
    expect(down.message).toMatch(/^Connection to "API" failed\. Failure reason: ".*ECONNREFUSED/);
  });

  it('OnPremise without a running proxy says so', async () => {
    const result = await checkConnection(onPremise, deps(null));
    expect(result).toMatchObject({
      outcome: 'failed',
      stage: 'proxy',
      message: `Connection to "S4" failed. Failure reason: "${COCKPIT.proxy}"`,
    });
  });

  it('OnPremise through the proxy: token, location header, absolute URL; a backend answer is success', async () => {
    const proxy = await server((_req, res) => res.writeHead(200, 'OK').end());
    const result = await checkConnection(onPremise, deps(proxy.port));
    expect(result).toMatchObject({ outcome: 'ok', status: 200, stage: 'backend', location: 'loc1' });
    expect(proxy.seen[0]).toMatchObject({
      method: 'GET',
      url: 'http://s4.virtual:44300/sap/opu/odata/',
      headers: {
        host: 's4.virtual:44300',
        'proxy-authorization': 'Bearer conn-token',
        'sap-connectivity-scc-location_id': 'loc1',
      },
    });
  });

  it('OnPremise: sends the path as written (dot segments, backslashes), so the proxy decides on it', async () => {
    const proxy = await server((_req, res) => res.writeHead(200, 'OK').end());
    const url =
      'http://S4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/..\\..\\x/%2e%2e/a b?$top=1#frag';
    await checkConnection({ ...onPremise, URL: url }, deps(proxy.port));
    expect(proxy.seen[0]!.url).toBe(
      'http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/..\\..\\x/%2e%2e/a%20b?$top=1',
    );
  });

  const refusals: [string, http.RequestListener, string][] = [
    [
      'mapping',
      refusing(403, 'EMU_ERR_PROXY_DENIED', 'Access denied to system s4.virtual:44300: no mapping'),
      COCKPIT.mapping,
    ],
    [
      'resource',
      refusing(
        403,
        'EMU_ERR_PROXY_DENIED',
        'Access denied to system s4.virtual:44300: Resource is not accessible in Cloud Connector',
      ),
      COCKPIT.resource,
    ],
    [
      'location',
      refusing(503, 'EMU_ERR_PROXY_LOCATION', 'No Cloud Connector for location loc1'),
      COCKPIT.location,
    ],
    ['backend', refusing(502, 'EMU_ERR_PROXY_BACKEND', 'connect ECONNREFUSED'), COCKPIT.backend],
    ['backend', refusing(504, 'EMU_ERR_PROXY_TIMEOUT', 'backend timed out'), COCKPIT.backend],
  ];
  for (const [stage, handler, words] of refusals) {
    it(`OnPremise: a proxy refusal at the ${stage} is "${words}"`, async () => {
      const proxy = await server(handler);
      const result = await checkConnection(onPremise, deps(proxy.port));
      expect(result).toMatchObject({
        outcome: 'failed',
        stage,
        message: `Connection to "S4" failed. Failure reason: "${words}"`,
      });
      expect(result.detail).not.toBeNull();
    });
  }

  it('a proxy that stopped answering is reported as not running', async () => {
    const result = await checkConnection(onPremise, deps(1));
    expect(result).toMatchObject({
      outcome: 'failed',
      stage: 'proxy',
      message: expect.stringContaining(COCKPIT.proxy) as unknown,
    });
  });

  it('non-HTTP destinations cannot be checked', async () => {
    const result = await checkConnection({ Name: 'MAILER', Type: 'MAIL' }, deps(null));
    expect(result).toMatchObject({ outcome: 'failed', stage: 'configuration' });
  });
});
