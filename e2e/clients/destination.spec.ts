// The emulated Destination service with real clients, unmodified: the SAP Cloud SDK 4.x `getDestination`
// returns the destination and the headers it would send for each authentication type, a missing name is
// "no destination" rather than an exception, `getAllDestinationsFromDestinationService` lists both
// levels, and @sap/approuter 23 sends the Basic header from `authTokens` to the backend.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { z } from 'zod';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { CLIENTS_DIR, cliToken, decodeJwt, ROOT, runScript, startExec, type Engine } from './support/cli.js';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.js';
import { DEMO, expectNoTokenFailures, useEngine } from './support/suite.js';

const caseSchema = z.object({
  case: z.string(),
  names: z.array(z.string()).optional(),
  destination: z
    .object({
      name: z.string().nullable(),
      url: z.string().nullable(),
      authentication: z.string().nullable(),
      proxyType: z.string().nullable(),
      cloudConnectorLocationId: z.string().nullable(),
      sapClient: z.string().nullable(),
      keyStoreName: z.string().nullable(),
      certificates: z.array(z.string()),
      authTokenErrors: z.array(z.string()),
      hasProxyConfiguration: z.boolean(),
    })
    .nullable()
    .optional(),
  headers: z.record(z.string(), z.string()).nullable().optional(),
});
const resultSchema = z.object({ script: z.literal('cloud-sdk-destination'), cases: z.array(caseSchema) });
type Case = z.infer<typeof caseSchema>;

const CERT = {
  Name: 'client.p12',
  Type: 'CERTIFICATE',
  Content: Buffer.from('placeholder key store').toString('base64'),
};

function withDestinations(demo: WorkspaceInput): WorkspaceInput {
  return {
    ...demo,
    destinations: {
      subaccount: [
        ...(demo.destinations?.subaccount ?? []),
        {
          Name: 'PP',
          Type: 'HTTP',
          URL: 'http://s4.virtual:44300',
          ProxyType: 'OnPremise',
          Authentication: 'PrincipalPropagation',
        },
        {
          Name: 'MTLS',
          Type: 'HTTP',
          URL: 'https://mtls.example',
          ProxyType: 'Internet',
          Authentication: 'ClientCertificateAuthentication',
          KeyStoreLocation: CERT.Name,
          KeyStorePassword: 'changeit',
        },
      ],
      instance: [
        {
          Name: 'INST',
          Type: 'HTTP',
          URL: 'https://inst.example',
          ProxyType: 'Internet',
          Authentication: 'NoAuthentication',
        },
      ],
      certificates: { subaccount: [CERT] },
    },
  };
}

/** Destinations whose OAuth client is the workspace's own XSUAA app: its secret exists only once the engine runs. */
async function addOAuthDestinations(
  engine: Engine,
  extra: Record<string, Record<string, string>> = {},
): Promise<void> {
  const env = (await (await engine.api('/api/bindings')).json()) as {
    VCAP_SERVICES: { xsuaa: { credentials: Record<string, string> }[] };
  };
  const app = env.VCAP_SERVICES.xsuaa[0]!.credentials;
  const oauth = {
    Type: 'HTTP',
    URL: 'https://api.example',
    ProxyType: 'Internet',
    tokenServiceURL: `${app.url}/oauth/token`,
    clientId: app.clientid!,
    clientSecret: app.clientsecret!,
  };
  const all: Record<string, Record<string, string>> = {
    CC: { ...oauth, Authentication: 'OAuth2ClientCredentials' },
    PASSWORD: { ...oauth, Authentication: 'OAuth2Password', User: 'bob', Password: 'bob' },
    UTE: { ...oauth, Authentication: 'OAuth2UserTokenExchange' },
    JWTB: { ...oauth, Authentication: 'OAuth2JWTBearer' },
    ...extra,
  };
  for (const [Name, d] of Object.entries(all)) {
    const response = await engine.api(`/api/destinations/subaccount/${Name}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Name, ...d }),
    });
    expect(response.status, await response.text()).toBe(200);
  }
}

test.describe('SAP Cloud SDK getDestination against the emulated Destination service', () => {
  const engine = useEngine({ prefix: 'destination', workspace: withDestinations });
  expectNoTokenFailures(engine);
  let userJwt = '';

  test.beforeAll(async () => {
    userJwt = cliToken({
      dataDir: engine().dataDir,
      workspace: engine().workspace!,
      client: DEMO.xsuaaBinding,
      user: 'alice',
    });
    await addOAuthDestinations(engine());
  });

  async function sdk(spec: string): Promise<Case> {
    const { result } = await runScript('cloud-sdk-destination.mjs', [spec], {
      dataDir: engine().dataDir,
      workspace: engine().workspace!,
      env: { E2E_USER_JWT: userJwt },
    });
    const [only] = resultSchema.parse(result).cases;
    return only!;
  }

  const bearerClaims = (run: Case) =>
    decodeJwt((run.headers?.authorization ?? '').replace(/^Bearer /, '')).payload;

  test('BasicAuthentication (OnPremise): the Basic header, sap-client, the proxy and its token', async () => {
    const run = await sdk('get:S4');
    expect(run.destination).toMatchObject({
      name: 'S4',
      url: 'http://s4.virtual:44300',
      authentication: 'BasicAuthentication',
      proxyType: 'OnPremise',
      sapClient: '100',
      hasProxyConfiguration: true,
    });
    expect(run.headers?.authorization).toBe(`Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`);
    expect(
      decodeJwt((run.headers?.['Proxy-Authorization'] ?? '').replace(/^Bearer /, '')).payload,
    ).toMatchObject({ cid: expect.stringContaining('connectivity') });
  });

  test('NoAuthentication at the instance level: found, no Authorization header', async () => {
    const run = await sdk('get:INST');
    expect(run.destination).toMatchObject({
      name: 'INST',
      authentication: 'NoAuthentication',
      url: 'https://inst.example',
    });
    expect(run.headers).toEqual({});
  });

  test('PrincipalPropagation: the user token in SAP-Connectivity-Authentication', async () => {
    const run = await sdk('get:PP:jwt');
    expect(run.headers?.['SAP-Connectivity-Authentication']).toBe(`Bearer ${userJwt}`);
    expect(run.headers?.authorization).toBeUndefined();
  });

  test('OAuth2ClientCredentials: a bearer token the destination service fetched from tokenServiceURL', async () => {
    expect(bearerClaims(await sdk('get:CC'))).toMatchObject({
      grant_type: 'client_credentials',
      cid: DEMO.clientid,
    });
  });

  test('OAuth2Password: a bearer token for the destination user', async () => {
    expect(bearerClaims(await sdk('get:PASSWORD'))).toMatchObject({
      grant_type: 'password',
      user_name: 'bob',
    });
  });

  for (const name of ['UTE', 'JWTB']) {
    test(`${name === 'UTE' ? 'OAuth2UserTokenExchange' : 'OAuth2JWTBearer'}: the user's token exchanged at tokenServiceURL`, async () => {
      const claims = bearerClaims(await sdk(`get:${name}:jwt`));
      expect(claims).toMatchObject({
        user_name: 'alice',
        cid: DEMO.clientid,
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      });
    });
  }

  test('ClientCertificateAuthentication: the key store from the destination service', async () => {
    const run = await sdk('get:MTLS');
    expect(run.destination).toMatchObject({
      authentication: 'ClientCertificateAuthentication',
      keyStoreName: CERT.Name,
      certificates: [CERT.Name],
    });
    expect(run.headers).toEqual({});
  });

  test('a missing name is "no destination", not an exception', async () => {
    const run = await sdk('get:NOPE');
    expect(run.destination).toBeNull();
  });

  test('getAllDestinationsFromDestinationService lists both levels', async () => {
    const run = await sdk('all');
    expect(run.names).toEqual(['CC', 'INST', 'JWTB', 'MTLS', 'PASSWORD', 'PP', 'S4', 'UTE']);
  });
});

test.describe('@sap/approuter with a destination from the emulated Destination service', () => {
  const engine = useEngine({ prefix: 'approuter-destination' });
  expectNoTokenFailures(engine);
  let backend: EchoBackend | undefined;
  let approuter: ReturnType<typeof startExec> | undefined;

  test.afterAll(async () => {
    try {
      await approuter?.stop();
    } finally {
      await backend?.close();
    }
  });

  test('sends the Basic header from authTokens to the backend', async () => {
    backend = await startEchoBackend();
    const put = await engine().api('/api/destinations/subaccount/ECHO', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        Name: 'ECHO',
        Type: 'HTTP',
        URL: backend.url,
        ProxyType: 'Internet',
        Authentication: 'BasicAuthentication',
        User: 'echo-user',
        Password: 'echo-pass',
      }),
    });
    expect(put.status).toBe(200);
    approuter = startExec({
      dataDir: engine().dataDir,
      command: [process.execPath, path.join(ROOT, 'node_modules', '@sap', 'approuter', 'approuter.js')],
      cwd: path.join(CLIENTS_DIR, 'approuter-destination-app'),
      env: { PORT: '0', XS_BIND_ADDRESS: '127.0.0.1', destinations: '[]' },
      readyPattern: /Application router is listening on port: (\d+)/,
    });
    const [, port] = await approuter.ready;
    const response = await fetch(`http://127.0.0.1:${port}/echo/hello?x=1`);
    expect(response.status, approuter.output()).toBe(200);
    expect(backend.requests).toHaveLength(1);
    expect(backend.requests[0]).toMatchObject({ method: 'GET', url: '/hello?x=1' });
    expect(backend.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('echo-user:echo-pass').toString('base64')}`,
    );
  });
});
