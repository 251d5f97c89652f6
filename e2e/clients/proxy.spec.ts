// The connectivity proxy with real clients, unmodified, through `btp-emulator exec`: the SAP Cloud SDK's
// executeHttpRequest reaches the simulated system S4D via OnPremise destinations (BasicAuthentication,
// and with a location id), PrincipalPropagation delivers the user as an X.509 certificate to a local
// backend, @sap/approuter forwards a route to an OnPremise destination, and a SOCKS5 client using SAP's
// method 0x80 reaches a TCP mapping. The engine's proxy-request events show each decision.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { readClientCertificate } from '../../emulator/tls/client-cert.js';
import { CLIENTS_DIR, cliToken, ROOT, runScript, startExec } from './support/cli.js';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.js';
import { DEMO, engineEvents, expectNoTokenFailures, useEngine } from './support/suite.js';

const BP = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?$top=1';

let echo: EchoBackend | undefined;
let tcpEcho: net.Server | undefined;
let tcpPort = 0;

test.beforeAll(async () => {
  echo = await startEchoBackend();
  tcpEcho = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => tcpEcho!.listen(0, '127.0.0.1', resolve));
  tcpPort = (tcpEcho.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await echo?.close();
  await new Promise<void>((resolve) => (tcpEcho ? tcpEcho.close(() => resolve()) : resolve()));
});

function workspace(demo: WorkspaceInput): WorkspaceInput {
  const echoPort = Number(new URL(echo!.url).port);
  const locations = demo.cloudConnector!.locations!;
  locations[0]!.systemMappings!.push(
    {
      virtualHost: 'pp.virtual',
      virtualPort: 80,
      internalHost: '127.0.0.1',
      internalPort: echoPort,
      principalType: 'X509',
    },
    {
      virtualHost: 'echo.virtual',
      virtualPort: 80,
      internalHost: '127.0.0.1',
      internalPort: echoPort,
      resources: [{ path: '/', mode: 'prefix' }],
    },
    {
      virtualHost: 'tcp.virtual',
      virtualPort: 3300,
      internalHost: '127.0.0.1',
      internalPort: tcpPort,
      protocol: 'TCP',
    },
  );
  locations.push({
    id: 'loc1',
    systemMappings: [
      {
        virtualHost: 's4loc.virtual',
        virtualPort: 44300,
        internalHost: 'system:S4D',
        resources: [{ path: '/sap/opu/odata/', mode: 'prefix' }],
      },
    ],
  });
  const onPremise = { Type: 'HTTP' as const, ProxyType: 'OnPremise' as const };
  demo.destinations!.subaccount!.push(
    {
      ...onPremise,
      Name: 'S4_LOC1',
      URL: 'http://s4loc.virtual:44300',
      Authentication: 'BasicAuthentication',
      User: 'DEVELOPER',
      Password: 'Welcome1',
      CloudConnectorLocationId: 'loc1',
      'sap-client': '100',
    },
    { ...onPremise, Name: 'PP', URL: 'http://pp.virtual', Authentication: 'PrincipalPropagation' },
    {
      ...onPremise,
      Name: 'S4_PP',
      URL: 'http://s4.virtual:44300',
      Authentication: 'PrincipalPropagation',
      'sap-client': '100',
    },
    { ...onPremise, Name: 'ONPREM', URL: 'http://echo.virtual', Authentication: 'NoAuthentication' },
  );
  return demo;
}

test.describe('connectivity proxy with real clients', () => {
  const engine = useEngine({ prefix: 'proxy', workspace });
  expectNoTokenFailures(engine);

  const sdk = async (destination: string, url: string, env: Record<string, string> = {}, jwt = false) => {
    const { dataDir, workspace: file } = engine();
    const { result } = await runScript('proxy-sdk-request.mjs', [destination, url, ...(jwt ? ['jwt'] : [])], {
      dataDir,
      workspace: file!,
      env,
    });
    return result as { status: number; data: unknown };
  };
  const proxyEvents = () => engineEvents(engine()).filter((e) => e.type === 'proxy-request');

  test('executeHttpRequest with BasicAuthentication reaches the simulated system through the proxy', async () => {
    const result = await sdk('S4', BP);
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.data)).toContain('BusinessPartner');
    await expect
      .poll(() => proxyEvents().at(-1))
      .toMatchObject({
        status: 200,
        location: null,
        decision: { allowed: true, resource: '/sap/opu/odata/*' },
      });
  });

  test('executeHttpRequest with a location id goes through that location', async () => {
    const result = await sdk('S4_LOC1', BP);
    expect(result.status).toBe(200);
    await expect
      .poll(() => proxyEvents().at(-1))
      .toMatchObject({
        status: 200,
        location: 'loc1',
        decision: { allowed: true, mapping: 's4loc.virtual:44300 → system:S4D (HTTP)' },
      });
  });

  test('PrincipalPropagation: the backend gets the user as a certificate signed by the emulator CA', async () => {
    const { dataDir, workspace: file } = engine();
    const userJwt = cliToken({ dataDir, workspace: file!, client: DEMO.xsuaaBinding, user: 'alice' });
    echo!.requests.splice(0);
    const result = await sdk('PP', '/whoami', { E2E_USER_JWT: userJwt }, true);
    expect(result.status).toBe(200);
    const seen = echo!.requests.at(-1)!;
    expect(seen.headers).not.toHaveProperty('proxy-authorization');
    expect(seen.headers).not.toHaveProperty('sap-connectivity-authentication');
    const ca = await readFile(engine().ready.caCert!, 'utf8');
    expect(await readClientCertificate(String(seen.headers.ssl_client_cert), ca)).toMatchObject({
      ok: true,
      commonName: 'alice',
    });
    await expect.poll(() => proxyEvents().at(-1)).toMatchObject({ user: 'alice', status: 200 });
  });

  test('PrincipalPropagation to the simulated system: it authenticates the user from the certificate', async () => {
    const { dataDir, workspace: file } = engine();
    const userJwt = cliToken({ dataDir, workspace: file!, client: DEMO.xsuaaBinding, user: 'alice' });
    const result = await sdk('S4_PP', BP, { E2E_USER_JWT: userJwt }, true);
    expect(result.status).toBe(200);
    await expect
      .poll(() =>
        engineEvents(engine())
          .filter((e) => e.type === 'odata-request')
          .at(-1),
      )
      .toMatchObject({ user: 'ALICE' });
  });

  test('@sap/approuter forwards a route to an OnPremise destination through the proxy', async () => {
    const { dataDir, workspace: file } = engine();
    echo!.requests.splice(0);
    const approuter = startExec({
      dataDir,
      workspace: file!,
      command: [process.execPath, path.join(ROOT, 'node_modules', '@sap', 'approuter', 'approuter.js')],
      cwd: path.join(CLIENTS_DIR, 'proxy-approuter-app'),
      env: { PORT: '0', XS_BIND_ADDRESS: '127.0.0.1' },
      readyPattern: /Application router is listening on port: (\d+)/,
    });
    try {
      const [, port] = await approuter.ready;
      const response = await fetch(`http://127.0.0.1:${port}/onprem/hello?x=1`);
      expect(response.status, approuter.output()).toBe(200);
      const seen = echo!.requests.at(-1)!;
      expect(seen.url).toBe('/hello?x=1');
      expect(seen.headers.host).toBe('echo.virtual');
      expect(seen.headers).not.toHaveProperty('proxy-authorization');
      await expect
        .poll(() => proxyEvents().at(-1))
        .toMatchObject({ url: 'http://echo.virtual/hello?x=1', status: 200, decision: { allowed: true } });
    } finally {
      await approuter.stop();
    }
  });

  test('a SOCKS5 client using SAP method 0x80 reaches a TCP mapping', async () => {
    const { dataDir, workspace: file } = engine();
    const { result } = await runScript('proxy-socks.mjs', ['tcp.virtual', '3300'], {
      dataDir,
      workspace: file!,
    });
    expect(result).toEqual({ script: 'proxy-socks', echoed: 'ping through SOCKS5' });
    await expect
      .poll(() =>
        engineEvents(engine())
          .filter((e) => e.type === 'socks-connection')
          .at(-1),
      )
      .toMatchObject({ reply: 0, destination: 'tcp.virtual:3300', decision: { allowed: true } });
  });
});
