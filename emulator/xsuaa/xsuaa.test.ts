// The XSUAA protocol over real sockets: every grant, its RFC 6749 errors, PKCE, the login page,
// JWKS/discovery/userinfo, x-zid on the TLS listener, key rotation and persistence.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VerifyTokenResponse } from '../../app/admin-api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { adminUrl, bearer, engine, rawRequest, tempDir } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';

interface Creds {
  clientid: string;
  clientsecret: string;
  url: string;
  uaadomain: string;
}

function creds(handle: EmulatorHandle, label: 'xsuaa' | 'destination' | 'connectivity'): Creds {
  const vcap = handle.bindingEnv().VCAP_SERVICES as Record<string, { credentials: Creds }[]>;
  return vcap[label]![0]!.credentials;
}

async function token(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** Same header and signature, one claim changed: what an attacker would try. */
function tamper(jwt: string): string {
  const [h, p, s] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
  return `${h}.${Buffer.from(JSON.stringify({ ...claims, user_name: 'mallory' })).toString('base64url')}.${s}`;
}

const basic = (c: Creds): string =>
  `Basic ${Buffer.from(`${c.clientid}:${c.clientsecret}`).toString('base64')}`;

/** HTTPS with the emulator CA as the only trust anchor: proves the leaf chains to it for "localhost". */
function tlsRequest(
  handle: EmulatorHandle,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const ca = readFileSync(handle.caCert!, 'utf8');
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = https.request(
      `${handle.urls.xsuaaTls}${path}`,
      { ca, method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('client_credentials and client authentication', () => {
  it('issues an RS256 token with the XSUAA claim set, by form body or HTTP Basic', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const viaBody = await token(c.url, {
      grant_type: 'client_credentials',
      client_id: c.clientid,
      client_secret: c.clientsecret,
    });
    expect(viaBody.status).toBe(200);
    expect(viaBody.headers.get('cache-control')).toBe('no-store');
    expect(viaBody.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 43200,
      scope: 'uaa.resource demo!t1.Display',
    });
    const viaBasic = await token(c.url, { grant_type: 'client_credentials' }, { Authorization: basic(c) });
    expect(viaBasic.status).toBe(200);

    const jwt = viaBody.body.access_token as string;
    const header = decodeProtectedHeader(jwt);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', jku: `${handle.urls.xsuaaTls}/token_keys` });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({
      cid: 'sb-demo!t1',
      client_id: 'sb-demo!t1',
      azp: 'sb-demo!t1',
      sub: 'sb-demo!t1',
      grant_type: 'client_credentials',
      zid: DEMO_WORKSPACE.subaccount.id,
      ext_attr: { enhancer: 'XSUAA', subaccountid: DEMO_WORKSPACE.subaccount.id },
      iss: `${handle.urls.xsuaa}/oauth/token`,
      authorities: ['uaa.resource', 'demo!t1.Display'],
    });
    expect(claims.aud).toEqual(expect.arrayContaining(['sb-demo!t1', 'demo!t1']));
    expect(claims.ext_attr).not.toHaveProperty('zdn'); // the subdomain trap (sap-contract §7)
    expect(claims.exp! - claims.iat!).toBe(43200);
  });

  it('answers bad client credentials with 401 invalid_client and WWW-Authenticate', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const wrong = await token(c.url, {
      grant_type: 'client_credentials',
      client_id: c.clientid,
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'invalid_client', error_description: 'Bad client credentials' });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
    const unknown = await token(c.url, {
      grant_type: 'client_credentials',
      client_id: 'sb-x',
      client_secret: 'y',
    });
    expect(unknown.status).toBe(401);
    const none = await token(c.url, { grant_type: 'client_credentials' });
    expect(none.body.error).toBe('invalid_client');
  });

  it('rejects missing and unsupported grants and scopes it may not give', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    expect((await token(c.url, {})).body).toEqual({
      error: 'invalid_request',
      error_description: 'Missing parameter: grant_type',
    });
    const implicit = await token(c.url, { grant_type: 'implicit' }, { Authorization: basic(c) });
    expect([implicit.status, implicit.body.error]).toEqual([400, 'unsupported_grant_type']);
    const scope = await token(
      c.url,
      { grant_type: 'client_credentials', scope: 'demo!t1.Edit' },
      { Authorization: basic(c) },
    );
    expect([scope.status, scope.body.error]).toEqual([400, 'invalid_scope']);
    const form = await fetch(`${c.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(form.status).toBe(400);
  });
});

describe('user grants', () => {
  it('password: scopes from role collections, user attributes, and bad credentials are 401 unauthorized', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const ok = await token(
      c.url,
      { grant_type: 'password', username: 'alice', password: 'alice' },
      { Authorization: basic(c) },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveProperty('refresh_token');
    expect(ok.body).toHaveProperty('id_token');
    const claims = decodeJwt(ok.body.access_token as string);
    expect(claims).toMatchObject({
      user_name: 'alice',
      email: 'alice@example.com',
      given_name: 'Alice',
      family_name: 'Anders',
      origin: 'ldap',
      grant_type: 'password',
      'xs.user.attributes': { Country: ['DE'] },
      'xs.system.attributes': { 'xs.rolecollections': ['Demo_Editor'] },
    });
    expect(claims.scope).toEqual(['openid', 'uaa.user', 'demo!t1.Display', 'demo!t1.Edit']);
    const bob = decodeJwt(
      (
        await token(
          c.url,
          { grant_type: 'password', username: 'bob', password: 'bob' },
          { Authorization: basic(c) },
        )
      ).body.access_token as string,
    );
    expect(bob.scope).toEqual(['openid', 'uaa.user', 'demo!t1.Display']);

    // As UAA (cloudfoundry/uaa#599): 401 unauthorized, the same for an unknown user.
    for (const [username, password] of [
      ['alice', 'x'],
      ['nobody', 'x'],
    ]) {
      const wrong = await token(
        c.url,
        { grant_type: 'password', username: username!, password: password! },
        { Authorization: basic(c) },
      );
      expect([wrong.status, wrong.body]).toEqual([
        401,
        { error: 'unauthorized', error_description: 'Bad credentials' },
      ]);
      expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="UAA/client", error="unauthorized"');
    }
    const missing = await token(
      c.url,
      { grant_type: 'password', username: 'alice' },
      { Authorization: basic(c) },
    );
    expect(missing.body).toEqual({
      error: 'invalid_request',
      error_description: 'Missing parameter: password',
    });
  });

  it('jwt-bearer exchanges a user token for another client, and refuses a tampered assertion', async () => {
    const handle = await engine();
    const [app, dest] = [creds(handle, 'xsuaa'), creds(handle, 'destination')];
    const user = (
      await token(
        app.url,
        { grant_type: 'password', username: 'alice', password: 'alice' },
        { Authorization: basic(app) },
      )
    ).body.access_token as string;
    const exchanged = await token(
      dest.url,
      { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: user },
      { Authorization: basic(dest) },
    );
    expect(exchanged.status).toBe(200);
    expect(decodeJwt(exchanged.body.access_token as string)).toMatchObject({
      cid: dest.clientid,
      user_name: 'alice',
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    });
    const tampered = tamper(user);
    const refused = await token(
      dest.url,
      { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: tampered },
      { Authorization: basic(dest) },
    );
    expect([refused.status, refused.body.error]).toEqual([400, 'invalid_grant']);
    expect(refused.body.error_description).toMatch(/signature/);
    const missing = await token(
      dest.url,
      { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' },
      { Authorization: basic(dest) },
    );
    expect(missing.body.error).toBe('invalid_request');
  });

  it('user_token takes the user JWT as Bearer and the client id alone', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const user = (
      await token(
        c.url,
        { grant_type: 'password', username: 'bob', password: 'bob' },
        { Authorization: basic(c) },
      )
    ).body.access_token as string;
    const result = await token(
      c.url,
      { grant_type: 'user_token', client_id: c.clientid },
      { Authorization: `Bearer ${user}` },
    );
    expect(result.status).toBe(200);
    expect(result.body).toHaveProperty('refresh_token');
    expect(decodeJwt(result.body.access_token as string).user_name).toBe('bob');
  });

  it('refresh_token gives a fresh access token, refuses another client, and refuses an expired refresh token', async () => {
    const handle = await engine();
    const [c, other] = [creds(handle, 'xsuaa'), creds(handle, 'destination')];
    const first = await token(
      c.url,
      { grant_type: 'password', username: 'alice', password: 'alice' },
      { Authorization: basic(c) },
    );
    const refreshToken = first.body.refresh_token as string;
    const refreshed = await token(
      c.url,
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      { Authorization: basic(c) },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toHaveProperty('access_token');
    expect(refreshed.body).toHaveProperty('expires_in', 43200);
    expect(refreshed.body).toHaveProperty('refresh_token');
    const stolen = await token(
      other.url,
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      { Authorization: basic(other) },
    );
    expect(stolen.body.error).toBe('invalid_grant');
    // A refresh token is no access token: it fails the jwt-bearer path too.
    const asAssertion = await token(
      c.url,
      { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: refreshToken },
      { Authorization: basic(c) },
    );
    expect(asAssertion.body.error).toBe('invalid_grant');

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 8 * 86_400_000); // past the 7-day default refresh lifetime
    const expired = await token(
      c.url,
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      { Authorization: basic(c) },
    );
    expect([expired.status, expired.body.error]).toEqual([400, 'invalid_grant']);
    expect(expired.body.error_description).toMatch(/expired/);
  });
});

describe('authorization_code with PKCE and the login page', () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirect = 'http://localhost:5000/login/callback';

  async function authorize(handle: EmulatorHandle, extra: Record<string, string> = {}) {
    const c = creds(handle, 'xsuaa');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: c.clientid,
      redirect_uri: redirect,
      state: 'st4te',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    return rawRequest(`${c.url}/oauth/authorize?${query.toString()}`);
  }

  async function login(handle: EmulatorHandle, user: string, password: string) {
    const page = await authorize(handle);
    expect(page.status).toBe(200);
    const authRequest = /name="auth_request" value="([^"]+)"/.exec(page.body)![1]!;
    return rawRequest(`${handle.urls.xsuaa}/login.do`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ auth_request: authRequest, username: user, password }).toString(),
    });
  }

  it('shows the workspace users, signs one in, and exchanges the code exactly once', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const page = await authorize(handle);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Sign in as alice');
    expect(page.body).toContain('Sign in as bob');
    expect(page.headers['content-security-policy']).toContain("form-action 'self' http://localhost:5000");

    const loggedIn = await login(handle, 'alice', 'alice');
    expect(loggedIn.status).toBe(302);
    const location = new URL(loggedIn.headers.location!);
    expect(`${location.origin}${location.pathname}`).toBe(redirect);
    expect(location.searchParams.get('state')).toBe('st4te');
    const code = location.searchParams.get('code')!;
    expect(loggedIn.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);

    const exchange = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
    };
    const ok = await token(c.url, exchange, { Authorization: basic(c) });
    expect(ok.status).toBe(200);
    expect(decodeJwt(ok.body.access_token as string)).toMatchObject({
      user_name: 'alice',
      grant_type: 'authorization_code',
    });
    expect(ok.body).toHaveProperty('refresh_token');
    const reused = await token(c.url, exchange, { Authorization: basic(c) });
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);

    // The session cookie signs the browser in again without the page.
    const again = await rawRequest(
      `${c.url}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: c.clientid, redirect_uri: redirect }).toString()}`,
      {
        headers: { Cookie: loggedIn.headers['set-cookie']![0]!.split(';')[0]! },
      },
    );
    expect(again.status).toBe(302);
    const logout = await rawRequest(
      `${c.url}/logout.do?redirect=${encodeURIComponent('http://localhost:5000/')}`,
    );
    expect([logout.status, logout.headers.location]).toEqual([302, 'http://localhost:5000/']);
  });

  it('refuses a bad PKCE verifier, a wrong redirect_uri, a wrong password and a foreign redirect', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const codeOf = async () =>
      new URL((await login(handle, 'bob', 'bob')).headers.location!).searchParams.get('code')!;
    const badVerifier = await token(
      c.url,
      {
        grant_type: 'authorization_code',
        code: await codeOf(),
        redirect_uri: redirect,
        code_verifier: 'x'.repeat(43),
      },
      { Authorization: basic(c) },
    );
    expect(badVerifier.body).toEqual({
      error: 'invalid_grant',
      error_description: 'code_verifier does not match the code_challenge',
    });
    const noVerifier = await token(
      c.url,
      { grant_type: 'authorization_code', code: await codeOf(), redirect_uri: redirect },
      { Authorization: basic(c) },
    );
    expect(noVerifier.body.error).toBe('invalid_grant');
    const wrongRedirect = await token(
      c.url,
      {
        grant_type: 'authorization_code',
        code: await codeOf(),
        redirect_uri: 'http://localhost:1/',
        code_verifier: verifier,
      },
      { Authorization: basic(c) },
    );
    expect(wrongRedirect.body.error).toBe('invalid_grant');
    const wrongPassword = await login(handle, 'alice', 'nope');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toContain('Wrong user name or password.');
    const foreign = await authorize(handle, { redirect_uri: 'https://evil.example/cb' });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toContain('not a loopback URL');
    const implicit = await authorize(handle, { response_type: 'token' });
    expect(new URL(implicit.headers.location!).searchParams.get('error')).toBe('unsupported_response_type');
  });

  it('signs the autoLogin user in without a page (for tests)', async () => {
    const workspace = structuredClone(DEMO_WORKSPACE);
    workspace.xsuaa!.autoLogin = 'bob';
    const handle = await engine({ workspace });
    const response = await authorize(handle);
    expect(response.status).toBe(302);
    const code = new URL(response.headers.location!).searchParams.get('code')!;
    const c = creds(handle, 'xsuaa');
    const ok = await token(
      c.url,
      { grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: verifier },
      { Authorization: basic(c) },
    );
    expect(decodeJwt(ok.body.access_token as string).user_name).toBe('bob');
  });
});

describe('keys, discovery, userinfo and the TLS listener', () => {
  it('publishes the JWKS with kty, n, e, kid, alg and the PEM value over HTTPS trusted through the emulator CA', async () => {
    const handle = await engine();
    const keys = await tlsRequest(handle, `/token_keys?zid=${DEMO_WORKSPACE.subaccount.id}`);
    expect(keys.status).toBe(200);
    const jwks = JSON.parse(keys.body) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', e: 'AQAB', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]!.n).toBeTruthy();
    expect(jwks.keys[0]!.value).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const discovery = (await (
      await fetch(`${handle.urls.xsuaa}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      jwks_uri: `${handle.urls.xsuaaTls}/token_keys`,
      code_challenge_methods_supported: ['S256', 'plain'],
    });
  });

  it('honours x-zid on the HTTPS token endpoint and refuses an unknown zone', async () => {
    const handle = await engine();
    const c = creds(handle, 'destination');
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: c.clientid,
      client_secret: c.clientsecret,
    }).toString();
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const ok = await tlsRequest(handle, '/oauth/token', {
      method: 'POST',
      headers: { ...headers, 'x-zid': DEMO_WORKSPACE.subaccount.id },
      body: form,
    });
    expect(ok.status).toBe(200);
    expect(decodeJwt((JSON.parse(ok.body) as { access_token: string }).access_token).zid).toBe(
      DEMO_WORKSPACE.subaccount.id,
    );
    const unknown = await tlsRequest(handle, '/oauth/token', {
      method: 'POST',
      headers: { ...headers, 'x-zid': 'other-zone' },
      body: form,
    });
    expect(unknown.status).toBe(401);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: 'invalid_client' });
  });

  it('serves a leaf naming <subdomain>.localhost as soon as the workspace turns multi-tenant', async () => {
    const handle = await engine();
    const peerNames = () =>
      new Promise<string>((resolve, reject) => {
        const socket = tls.connect(
          {
            host: '127.0.0.1',
            port: Number(new URL(handle.urls.xsuaaTls!).port),
            servername: 'demo.localhost',
            ca: readFileSync(handle.caCert!, 'utf8'),
            rejectUnauthorized: false,
          },
          () => {
            resolve(socket.getPeerCertificate().subjectaltname ?? '');
            socket.end();
          },
        );
        socket.on('error', reject);
      });
    expect(await peerNames()).not.toContain('DNS:demo.localhost');
    const workspace = structuredClone(DEMO_WORKSPACE);
    workspace.xsuaa!.multiTenant = true;
    const put = await fetch(`${adminUrl(handle)}/api/workspace`, {
      method: 'PUT',
      headers: { ...bearer(handle), 'Content-Type': 'application/json' },
      body: JSON.stringify(workspace),
    });
    expect(put.status).toBe(200);
    expect(await peerNames()).toContain('DNS:demo.localhost');
  });

  it('answers /userinfo for a user token only', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const user = (
      await token(
        c.url,
        { grant_type: 'password', username: 'alice', password: 'alice' },
        { Authorization: basic(c) },
      )
    ).body.access_token as string;
    const info = await fetch(`${c.url}/userinfo`, { headers: { Authorization: `Bearer ${user}` } });
    expect(await info.json()).toMatchObject({
      user_name: 'alice',
      email: 'alice@example.com',
      name: 'Alice Anders',
    });
    expect((await fetch(`${c.url}/userinfo`)).status).toBe(401);
  });

  it('stages a rotation: the next key is published at once and signs only after clients could refresh their JWKS', async () => {
    const handle = await engine();
    const c = creds(handle, 'xsuaa');
    const kidOf = async () =>
      decodeProtectedHeader(
        (await token(c.url, { grant_type: 'client_credentials' }, { Authorization: basic(c) })).body
          .access_token as string,
      ).kid;
    const before = await kidOf();
    const rotated = (await (
      await fetch(`${adminUrl(handle)}/api/xsuaa/keys/rotate`, { method: 'POST', headers: bearer(handle) })
    ).json()) as {
      kid: string;
      activatesAt: string;
      current: boolean;
    };
    expect(rotated.current).toBe(false);
    expect(Date.parse(rotated.activatesAt) - Date.now()).toBeGreaterThan(30 * 60_000); // beyond xssec's 30-minute JWKS cache
    const jwks = (await (await fetch(`${handle.urls.xsuaa}/token_keys`)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([before, rotated.kid]);
    expect(await kidOf()).toBe(before); // still the old key: cached JWKS everywhere stay valid
    const vcap = handle.bindingEnv().VCAP_SERVICES as Record<
      string,
      { credentials: { verificationkey: string } }[]
    >;
    const jwksNow = (await (await fetch(`${handle.urls.xsuaa}/token_keys`)).json()) as {
      keys: { kid: string; value: string }[];
    };
    expect(vcap.xsuaa![0]!.credentials.verificationkey).toBe(
      jwksNow.keys.find((k) => k.kid === before)!.value,
    ); // the signing key, not the pending one

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(rotated.activatesAt) + 1000);
    expect(await kidOf()).toBe(rotated.kid);
  });

  it('rotates keys: old tokens stay valid while new ones use the new kid, and keys survive a restart', async () => {
    const dataDir = await tempDir();
    const first = await engine({ dataDir });
    const c = creds(first, 'xsuaa');
    const old = (await token(c.url, { grant_type: 'client_credentials' }, { Authorization: basic(c) })).body
      .access_token as string;
    const rotated = (await (
      await fetch(`${adminUrl(first)}/api/xsuaa/keys/rotate`, {
        method: 'POST',
        headers: { ...bearer(first), 'Content-Type': 'application/json' },
        body: JSON.stringify({ immediate: true }),
      })
    ).json()) as { kid: string };
    const fresh = (await token(c.url, { grant_type: 'client_credentials' }, { Authorization: basic(c) })).body
      .access_token as string;
    expect(decodeProtectedHeader(fresh).kid).toBe(rotated.kid);
    expect(decodeProtectedHeader(old).kid).not.toBe(rotated.kid);
    const jwks = (await (await fetch(`${first.urls.xsuaa}/token_keys`)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual(
      expect.arrayContaining([decodeProtectedHeader(old).kid, rotated.kid]),
    );
    await first.stop();

    const second = await engine({ dataDir });
    const verify = async (t: string) =>
      (await (
        await fetch(`${adminUrl(second)}/api/tokens/verify`, {
          method: 'POST',
          headers: { ...bearer(second), 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: t, audience: 'demo-uaa' }),
        })
      ).json()) as VerifyTokenResponse;
    expect((await verify(old)).valid).toBe(true);
    expect((await verify(fresh)).valid).toBe(true);
    expect(creds(second, 'xsuaa').clientsecret).toBe(c.clientsecret); // secrets persist too
  });

  it('answers rotations sent together one after the other, and the keys they made survive a restart', async () => {
    const dataDir = await tempDir();
    const first = await engine({ dataDir });
    const rotate = async (immediate: boolean) => {
      const response = await fetch(`${adminUrl(first)}/api/xsuaa/keys/rotate`, {
        method: 'POST',
        headers: { ...bearer(first), 'Content-Type': 'application/json' },
        body: JSON.stringify({ immediate }),
      });
      return { status: response.status, body: (await response.json()) as { kid: string } };
    };
    // Two keys.json writes at once used to collide on one temporary file: 500 for all but one.
    const answers = await Promise.all([rotate(true), rotate(false), rotate(true), rotate(false)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const published = async (handle: EmulatorHandle) =>
      ((await (await fetch(`${handle.urls.xsuaa}/token_keys`)).json()) as { keys: { kid: string }[] }).keys
        .map((k) => k.kid)
        .sort();
    const before = await published(first);
    // Whatever order they ran in, every key they answered with is published (retired ones too: tokens
    // they signed are still valid), and keys.json holds the same list for the next start.
    expect(before).toEqual(expect.arrayContaining(answers.map((a) => a.body.kid)));
    await first.stop();
    expect(await published(await engine({ dataDir }))).toEqual(before);
  });
});

describe('token verification explains itself (admin API)', () => {
  it('names expiry, unknown kid, bad signature and audience', async () => {
    const handle = await engine();
    const call = async (path: string, body: unknown) =>
      (await (
        await fetch(`${adminUrl(handle)}${path}`, {
          method: 'POST',
          headers: { ...bearer(handle), 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as Record<string, unknown>;
    const announced: { listener: string; user: string | null }[] = [];
    handle.on('token-issued', (e) => announced.push({ listener: e.listener, user: e.user }));
    const good = (await call('/api/tokens', { client: 'demo-uaa', user: 'alice' })).access_token as string;
    expect(announced).toEqual([{ listener: 'admin', user: 'alice' }]);
    const expired = (await call('/api/tokens', { client: 'demo-uaa', expiresIn: -3600 }))
      .access_token as string;
    const codes = async (t: string, audience?: string) =>
      (
        (await call('/api/tokens/verify', {
          token: t,
          ...(audience ? { audience } : {}),
        })) as unknown as VerifyTokenResponse
      ).problems.map((p) => p.code);
    expect(await codes(good, 'demo-uaa')).toEqual([]);
    expect(await codes(expired)).toEqual(['expired']);
    const [, p, s] = good.split('.');
    expect(await codes(tamper(good))).toEqual(['bad_signature']);
    const foreignKid = Buffer.from(JSON.stringify({ ...decodeProtectedHeader(good), kid: 'nope' })).toString(
      'base64url',
    );
    expect(await codes(`${foreignKid}.${p}.${s}`)).toEqual(['unknown_kid']);
    expect(await codes(good, 'demo-destination')).toEqual(['audience']);
    expect(await codes('not-a-jwt')).toEqual(['malformed']);
    const badScope = await fetch(`${adminUrl(handle)}/api/tokens`, {
      method: 'POST',
      headers: { ...bearer(handle), 'Content-Type': 'application/json' },
      body: JSON.stringify({ client: 'demo-uaa', user: 'bob', scopes: ['demo!t1.Edit'] }),
    });
    expect(badScope.status).toBe(400);
  });
});
