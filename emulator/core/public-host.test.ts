// engine.publicHost: listeners stay on the bind address (127.0.0.1 here), while everything the engine
// hands out names the public host. The tests reach the engine on 127.0.0.1 and send the public name in
// Host / SNI, as a client on another container would.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import type { IssueTokenResponse } from '../../app/admin-api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { engineSchema } from '../../app/workspace/schema.js';
import type { EmulatorHandle } from '../types.js';
import { bearer, engine, rawRequest } from '../test/support.js';
import { engineAddresses, hostPort } from './addresses.js';

const PUBLIC = 'emulator.test';

type Vcap = Record<string, { credentials: Record<string, unknown> }[] | undefined>;
const vcapOf = (handle: EmulatorHandle): Vcap => handle.bindingEnv().VCAP_SERVICES as Vcap;

const portOf = (handle: EmulatorHandle, id: keyof EmulatorHandle['urls']): number =>
  Number(new URL(handle.urls[id] ?? 'http://x').port);
const local = (handle: EmulatorHandle, id: keyof EmulatorHandle['urls']): string =>
  `http://127.0.0.1:${portOf(handle, id)}`;

function jwtPart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** GET over TLS to 127.0.0.1 with SNI and Host set to `name`: what a client sees at https://<name>:<port>. */
function tlsGet(port: number, name: string, ca: string): Promise<{ status: number; cert: X509Certificate }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path: '/token_keys', servername: name, ca, agent: false },
      (res) => {
        const cert = new X509Certificate((res.socket as TLSSocket).getPeerCertificate(false).raw);
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cert }));
      },
    );
    req.setHeader('Host', `${name}:${port}`);
    // Node checks the certificate against `servername`: a leaf without the public name fails here.
    req.on('error', reject);
    req.end();
  });
}

describe('engine.publicHost', () => {
  it('names the public host in every URL, the bindings and the UI link; listeners stay on the bind address', async () => {
    // An on-premise destination without authentication is one the approuter's `destinations` format carries.
    const workspace = structuredClone(DEMO_WORKSPACE);
    workspace.destinations!.subaccount!.push({
      Name: 'PLAIN',
      Type: 'HTTP',
      URL: 'http://s4.virtual:44300',
      ProxyType: 'OnPremise',
      Authentication: 'NoAuthentication',
    });
    const handle = await engine({ publicHost: PUBLIC, workspace });
    for (const [id, url] of Object.entries(handle.urls)) expect(new URL(url).hostname, id).toBe(PUBLIC);
    expect(handle.status().services.map((s) => s.host)).toEqual(
      handle.status().services.map(() => '127.0.0.1'),
    );
    expect(handle.createUiLink()).toMatch(
      new RegExp(`^http://${PUBLIC}:${portOf(handle, 'admin')}/\\?token=`),
    );

    const vcap = vcapOf(handle);
    const xsuaaUrl = `http://${PUBLIC}:${portOf(handle, 'xsuaa')}`;
    const uaaDomain = `${PUBLIC}:${portOf(handle, 'xsuaaTls')}`;
    for (const kind of ['xsuaa', 'destination', 'connectivity'])
      expect(vcap[kind]?.[0]?.credentials, kind).toMatchObject({ url: xsuaaUrl, uaadomain: uaaDomain });
    expect(vcap.destination?.[0]?.credentials.uri).toBe(`http://${PUBLIC}:${portOf(handle, 'destination')}`);
    expect(vcap.connectivity?.[0]?.credentials).toMatchObject({
      onpremise_proxy_host: PUBLIC,
      onpremise_proxy_port: String(portOf(handle, 'proxy')),
      onpremise_socks5_proxy_port: String(portOf(handle, 'socks5')),
    });
    expect(handle.bindingEnv().destinations).toContainEqual(
      expect.objectContaining({ name: 'PLAIN', proxyHost: PUBLIC, proxyPort: portOf(handle, 'proxy') }),
    );
  });

  it('signs tokens with iss and jku on the public host, and discovery names it', async () => {
    const handle = await engine({ publicHost: PUBLIC });
    const response = await fetch(`${local(handle, 'admin')}/api/tokens`, {
      method: 'POST',
      headers: { ...bearer(handle), 'Content-Type': 'application/json' },
      body: JSON.stringify({ client: 'demo-uaa', user: 'alice' }),
    });
    const { access_token: token } = (await response.json()) as IssueTokenResponse;
    const [xsuaa, tls] = [portOf(handle, 'xsuaa'), portOf(handle, 'xsuaaTls')];
    expect(jwtPart(token, 0).jku).toBe(`https://${PUBLIC}:${tls}/token_keys`);
    expect(jwtPart(token, 1).iss).toBe(`http://${PUBLIC}:${xsuaa}/oauth/token`);
    const discovery = (await (
      await fetch(`${local(handle, 'xsuaa')}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery).toMatchObject({
      issuer: `http://${PUBLIC}:${xsuaa}/oauth/token`,
      token_endpoint: `http://${PUBLIC}:${xsuaa}/oauth/token`,
      jwks_uri: `https://${PUBLIC}:${tls}/token_keys`,
    });
  });

  it('keeps iss on 127.0.0.1 for a public host without a dot, which the Cloud SDK cannot take a subdomain from', async () => {
    const handle = await engine({ publicHost: 'emulator' });
    const xsuaa = portOf(handle, 'xsuaa');
    const discovery = (await (
      await fetch(`${local(handle, 'xsuaa')}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery).toMatchObject({
      issuer: `http://127.0.0.1:${xsuaa}/oauth/token`,
      token_endpoint: `http://emulator:${xsuaa}/oauth/token`,
      jwks_uri: `https://emulator:${portOf(handle, 'xsuaaTls')}/token_keys`,
    });
  });

  it('serves uaadomain with a leaf certificate for the public host', async () => {
    const handle = await engine({ publicHost: PUBLIC });
    const ca = await readFile(handle.status().caCert!, 'utf8');
    const answer = await tlsGet(portOf(handle, 'xsuaaTls'), PUBLIC, ca);
    expect(answer.status).toBe(200);
    expect(answer.cert.subjectAltName).toContain(`DNS:${PUBLIC}`);
    expect(answer.cert.subjectAltName).toContain('DNS:localhost');
  });

  it('adds an IP public host to the leaf as an IP address, and reissues the leaf when the host changes', async () => {
    const first = await engine({ publicHost: '192.0.2.10' });
    const dataDir = first.dataDir;
    expect(vcapOf(first).xsuaa?.[0]?.credentials.uaadomain).toBe(`192.0.2.10:${portOf(first, 'xsuaaTls')}`);
    await first.stop();
    const leaf = async (): Promise<X509Certificate> =>
      new X509Certificate(await readFile(`${dataDir}/tls/localhost.pem`, 'utf8'));
    expect((await leaf()).subjectAltName).toContain('IP Address:192.0.2.10');
    await (await engine({ dataDir, publicHost: 'other.test' })).stop();
    expect((await leaf()).subjectAltName).toContain('DNS:other.test');
  });

  it('lets the admin API answer to the public host name, and still refuses any other', async () => {
    const handle = await engine({ publicHost: PUBLIC });
    const port = portOf(handle, 'admin');
    const health = (host: string) =>
      rawRequest(`${local(handle, 'admin')}/api/health`, { headers: { ...bearer(handle), Host: host } });
    expect((await health(`${PUBLIC}:${port}`)).status).toBe(200);
    expect((await health(`127.0.0.1:${port}`)).status).toBe(200);
    expect((await health(`attacker.example:${port}`)).status).toBe(403);
  });

  it('reaches its own proxy on the local address, never through the public name', async () => {
    // emulator.test does not resolve: Check connection only gets through the proxy on 127.0.0.1, and
    // the proxy only reaches the simulated system at the address it registered (127.0.0.1).
    const service = 'http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
    const s4 = { ...DEMO_WORKSPACE.destinations!.subaccount![0]!, URL: service };
    const workspace = { ...DEMO_WORKSPACE, destinations: { subaccount: [s4] } };
    const handle = await engine({ workspace, publicHost: PUBLIC });
    const response = await fetch(`${local(handle, 'admin')}/api/destinations/subaccount/S4/check`, {
      method: 'POST',
      headers: bearer(handle),
    });
    // The simulated system answered (its Basic challenge: the check sends no credentials).
    expect(await response.json()).toMatchObject({ outcome: 'ok', status: 401 });
  });

  it('takes engine.publicHost from the workspace; a run option wins over it', async () => {
    const workspace = { ...DEMO_WORKSPACE, engine: { publicHost: 'from-file.test' } };
    const fromFile = await engine({ workspace });
    expect(new URL(fromFile.urls.xsuaa!).hostname).toBe('from-file.test');
    await fromFile.stop();
    const overridden = await engine({ workspace, publicHost: PUBLIC });
    expect(new URL(overridden.urls.xsuaa!).hostname).toBe(PUBLIC);
  });

  it('refuses a public host that is not a host name or IP address, saying which setting and why', async () => {
    for (const bad of ['http://emulator', 'emulator:20010', '0.0.0.0', '::', '']) {
      await expect(engine({ publicHost: bad }), bad).rejects.toMatchObject({
        code: 'EMU_ERR_CLI_USAGE',
        message: expect.stringContaining(`publicHost "${bad}"`) as string,
      });
      expect(engineSchema.safeParse({ publicHost: bad }).success, bad).toBe(false);
    }
  });
});

describe('engine addresses', () => {
  it('advertises loopback for a wildcard bind without a public host, and localhost for TLS', () => {
    for (const bind of ['0.0.0.0', '::'])
      expect(engineAddresses({ bind })).toEqual({
        bind,
        public: '127.0.0.1',
        tls: 'localhost',
        issuer: '127.0.0.1',
        local: '127.0.0.1',
        publicHost: undefined,
      });
    expect(engineAddresses({ bind: '0.0.0.0', publicHost: 'emulator' })).toMatchObject({
      public: 'emulator',
      tls: 'emulator',
      issuer: '127.0.0.1',
      local: '127.0.0.1',
    });
    for (const publicHost of ['emulator.local', '192.0.2.10'])
      expect(engineAddresses({ bind: '0.0.0.0', publicHost }).issuer).toBe(publicHost);
    for (const publicHost of ['localhost', 'fd00::5'])
      expect(engineAddresses({ bind: '0.0.0.0', publicHost }).issuer).toBe('127.0.0.1');
  });

  it('puts IPv6 literals in brackets in URLs and Host values', () => {
    expect(hostPort('fd00::5', 20010)).toBe('[fd00::5]:20010');
    expect(hostPort('emulator', 20010)).toBe('emulator:20010');
  });
});
