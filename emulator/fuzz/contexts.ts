// What each generator needs from a running engine (credentials, tokens, keys, a CSRF token, a pending
// login), fetched once before its cases through the engine's own listeners and admin API.
import { readFile } from 'node:fs/promises';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { AdminContext } from './gen-admin.js';
import type { DestinationContext } from './gen-destination.js';
import type { LoginContext } from './gen-login.js';
import type { ODataContext } from './gen-odata.js';
import type { ProxyContext } from './gen-proxy.js';
import type { TokenContext } from './gen-token.js';
import type { Json } from './mutate.js';
import { BASIC_DEVELOPER, V2_ROOT, V4_ROOT, type FuzzEngine } from './setup.js';

async function grant(
  f: FuzzEngine,
  label: 'xsuaa' | 'destination',
  form: Record<string, string>,
): Promise<Record<string, string>> {
  const c = f.creds(label);
  const response = await fetch(`${c.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form, client_id: c.clientid, client_secret: c.clientsecret }),
  });
  const body = (await response.json()) as Record<string, string>;
  if (response.status !== 200) throw new Error(`token ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

const alice = (f: FuzzEngine): Promise<Record<string, string>> =>
  grant(f, 'xsuaa', { grant_type: 'password', username: 'alice', password: 'alice' });

export async function tokenContext(f: FuzzEngine): Promise<TokenContext> {
  const clients = (['xsuaa', 'destination', 'connectivity'] as const).map((label) => ({
    id: f.creds(label).clientid,
    secret: f.creds(label).clientsecret,
  }));
  const password = await alice(f);
  return {
    host: `127.0.0.1:${f.port('xsuaa')}`,
    clients,
    userToken: password.access_token!,
    refreshToken: password.refresh_token!,
    zid: DEMO_WORKSPACE.subaccount.id,
  };
}

export async function loginContext(f: FuzzEngine): Promise<LoginContext> {
  const clientId = f.creds('xsuaa').clientid;
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: 'http://localhost:5000/cb',
  });
  const page = await fetch(`${f.urls.xsuaa}/oauth/authorize?${query.toString()}`).then((r) => r.text());
  const pendingId = /name="auth_request" value="([^"]+)"/.exec(page)?.[1];
  if (!pendingId) throw new Error(`no pending login on the login page: ${page.slice(0, 300)}`);
  return {
    host: `127.0.0.1:${f.port('xsuaa')}`,
    clientId,
    cookieName: `xsuaa_session_${f.port('xsuaa')}`,
    pendingId,
  };
}

export async function destinationContext(f: FuzzEngine): Promise<DestinationContext> {
  const user = (await alice(f)).access_token!;
  const cc = await grant(f, 'destination', { grant_type: 'client_credentials' });
  const exchanged = await grant(f, 'destination', {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: user,
  });
  const xsuaa = f.creds('xsuaa');
  return {
    host: `127.0.0.1:${f.port('destination')}`,
    tokens: [cc.access_token!, exchanged.access_token!],
    foreignTokens: [
      (await grant(f, 'xsuaa', { grant_type: 'client_credentials' })).access_token!,
      f.proxyToken,
      user,
    ],
    userToken: user,
    xsuaaUrl: xsuaa.url,
    xsuaaClient: { id: xsuaa.clientid, secret: xsuaa.clientsecret },
  };
}

export async function adminContext(f: FuzzEngine): Promise<AdminContext> {
  const headers = { Authorization: `Bearer ${f.adminToken}` };
  const workspace = (await fetch(`${f.adminUrl}/api/workspace`, { headers }).then((r) => r.json())) as {
    workspace: Json;
  };
  const metadata = (root: string): Promise<string> =>
    fetch(`http://127.0.0.1:${f.systemPort}${root}$metadata`, {
      headers: { Authorization: BASIC_DEVELOPER },
    }).then((r) => r.text());
  const har = await readFile(
    new URL('../recording/fixtures/playwright-recorded.har', import.meta.url),
    'utf8',
  );
  return {
    host: new URL(f.adminUrl).host,
    adminToken: f.adminToken,
    workspace: workspace.workspace,
    edmx: [await metadata(V2_ROOT), await metadata(V4_ROOT)],
    har: JSON.parse(har) as Json,
    tokens: [f.proxyToken, await f.token({ client: 'demo-destination', user: 'alice' }), 'a.b.c'],
  };
}

export async function proxyContext(f: FuzzEngine): Promise<ProxyContext> {
  return {
    proxyToken: f.proxyToken,
    userToken: await f.token({ client: 'demo-uaa', user: 'alice' }),
    basic: BASIC_DEVELOPER,
  };
}

async function keys(system: string, path: string, key: string): Promise<string[]> {
  const response = await fetch(`${system}${path}`, {
    headers: { Authorization: BASIC_DEVELOPER, Accept: 'application/json' },
  });
  const json = (await response.json()) as {
    d?: { results: Record<string, string>[] };
    value?: Record<string, string>[];
  };
  return (json.d?.results ?? json.value ?? []).map((row) => row[key]!);
}

/** On the system's own listener, or through the proxy (absolute-form targets, a proxy token). */
export async function odataContext(f: FuzzEngine, viaProxy: boolean): Promise<ODataContext> {
  const system = `http://127.0.0.1:${f.systemPort}`;
  const fetched = await fetch(`${system}${V2_ROOT}`, {
    method: 'HEAD',
    headers: { Authorization: BASIC_DEVELOPER, 'x-csrf-token': 'Fetch' },
  });
  const common = {
    csrf: {
      token: fetched.headers.get('x-csrf-token') ?? '',
      cookie: (fetched.headers.get('set-cookie') ?? '').split(';')[0]!,
    },
    keys: {
      v2: await keys(system, `${V2_ROOT}A_BusinessPartner?$top=3&$select=BusinessPartner`, 'BusinessPartner'),
      v4: await keys(system, `${V4_ROOT}SalesOrder?$top=3&$select=SalesOrder`, 'SalesOrder'),
    },
  };
  if (!viaProxy)
    return {
      ...common,
      host: `127.0.0.1:${f.systemPort}`,
      origin: '',
      headers: [['Authorization', BASIC_DEVELOPER]],
    };
  const headers: [string, string][] = [
    ['Proxy-Authorization', `Bearer ${f.proxyToken}`],
    ['Authorization', BASIC_DEVELOPER],
  ];
  return { ...common, host: 's4.virtual:44300', origin: 'http://s4.virtual:44300', headers };
}

export const metadataProbe = (f: FuzzEngine) => (): Promise<number> =>
  fetch(`http://127.0.0.1:${f.systemPort}${V2_ROOT}$metadata`, {
    headers: { Authorization: BASIC_DEVELOPER },
  }).then((r) => r.status);
