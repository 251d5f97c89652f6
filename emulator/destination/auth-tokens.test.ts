// authTokens per authentication type against the emulator's own XSUAA over real sockets (HTTP `url` and
// the HTTPS `uaadomain`, trusted through the emulator CA), and failures reported in authTokens[].error
// with HTTP 200, as BTP does, never a 500.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../app/events.js';
import { unusedPort } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { call, ccToken, creds, destinationEngine, exchanged, userToken } from './test-helpers.js';

interface Answer {
  authTokens?: {
    type: string;
    value: string;
    http_header?: { key: string; value: string };
    expires_in?: string;
    error?: string;
  }[];
}

/** A destination whose OAuth client is the workspace's XSUAA app (the emulator's own token service). */
function oauthDestination(
  handle: EmulatorHandle,
  Name: string,
  Authentication: string,
  extra: Record<string, string> = {},
) {
  const app = creds(handle, 'xsuaa');
  return {
    Name,
    Type: 'HTTP',
    URL: 'https://api.example',
    ProxyType: 'Internet',
    Authentication,
    tokenServiceURL: `${app.url}/oauth/token`,
    clientId: app.clientid,
    clientSecret: app.clientsecret,
    ...extra,
  };
}

async function withDestinations(build: (handle: EmulatorHandle) => Record<string, string>[]) {
  const handle = await destinationEngine({});
  const token = await ccToken(handle, 'destination');
  for (const d of build(handle)) {
    const reply = await call(handle, '/subaccountDestinations', { token, method: 'POST', body: d });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  }
  return { handle, token };
}

async function find(
  handle: EmulatorHandle,
  name: string,
  token: string,
  headers: Record<string, string> = {},
) {
  const reply = await call(handle, `/destinations/${name}`, { token, headers });
  expect(reply.status).toBe(200);
  return reply.body as Answer;
}

function bearerClaims(answer: Answer): Record<string, unknown> {
  const [entry] = answer.authTokens ?? [];
  expect(entry?.error).toBeUndefined();
  expect(entry?.http_header?.value).toBe(`Bearer ${entry?.value}`);
  return decodeJwt(entry!.value);
}

describe('authTokens', () => {
  it('OAuth2ClientCredentials: a token from tokenServiceURL, over HTTP and over the HTTPS uaadomain', async () => {
    const { handle, token } = await withDestinations((h) => [
      oauthDestination(h, 'CC', 'OAuth2ClientCredentials'),
      oauthDestination(h, 'CC_TLS', 'OAuth2ClientCredentials', {
        tokenServiceURL: `https://${(h.bindingEnv().VCAP_SERVICES as { xsuaa: { credentials: { uaadomain: string } }[] }).xsuaa[0]!.credentials.uaadomain}/oauth/token`,
      }),
    ]);
    for (const name of ['CC', 'CC_TLS']) {
      const answer = await find(handle, name, token);
      expect(bearerClaims(answer)).toMatchObject({
        grant_type: 'client_credentials',
        cid: creds(handle, 'xsuaa').clientid,
      });
      expect(answer.authTokens?.[0]).toMatchObject({
        type: 'bearer',
        expires_in: expect.stringMatching(/^\d+$/) as unknown,
      });
    }
  });

  it('OAuth2Password: the destination user signs in at the token service', async () => {
    const { handle, token } = await withDestinations((h) => [
      oauthDestination(h, 'PW', 'OAuth2Password', { User: 'bob', Password: 'bob' }),
    ]);
    expect(bearerClaims(await find(handle, 'PW', token))).toMatchObject({
      grant_type: 'password',
      user_name: 'bob',
    });
  });

  it('OAuth2JWTBearer and OAuth2UserTokenExchange: exchange X-user-token, or the caller token when it is a user token', async () => {
    const { handle, token } = await withDestinations((h) => [
      oauthDestination(h, 'JWT', 'OAuth2JWTBearer'),
      oauthDestination(h, 'UTE', 'OAuth2UserTokenExchange'),
    ]);
    const alice = await userToken(handle, 'alice');
    const bobExchanged = await exchanged(handle, await userToken(handle, 'bob'));
    for (const name of ['JWT', 'UTE']) {
      const viaHeader = bearerClaims(await find(handle, name, token, { 'X-user-token': alice }));
      expect(viaHeader).toMatchObject({
        user_name: 'alice',
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      });
      expect(bearerClaims(await find(handle, name, bobExchanged))).toMatchObject({ user_name: 'bob' });
      const missing = await find(handle, name, token);
      expect(missing.authTokens?.[0]?.error).toMatch(/needs a user: send the user's JWT in X-user-token/);
      const forged = await find(handle, name, token, { 'X-user-token': `${alice}x` });
      expect(forged.authTokens?.[0]?.error).toMatch(/X-user-token is not valid: the signature/);
    }
  });

  it('reports a failing token service in authTokens[].error with HTTP 200, and in the event without secrets', async () => {
    const port = await unusedPort();
    const { handle, token } = await withDestinations((h) => [
      oauthDestination(h, 'WRONG_SECRET', 'OAuth2ClientCredentials', { clientSecret: 'nope-secret' }),
      oauthDestination(h, 'UNREACHABLE', 'OAuth2ClientCredentials', {
        tokenServiceURL: `http://127.0.0.1:${port}/oauth/token`,
      }),
      oauthDestination(h, 'NOT_OAUTH', 'OAuth2ClientCredentials', {
        tokenServiceURL: `${h.urls.xsuaa}/token_keys`,
      }),
    ]);
    const events: EngineEvent[] = [];
    handle.onAny((e) => events.push(e));
    const expected: Record<string, RegExp> = {
      WRONG_SECRET: /failed with HTTP 401: invalid_client/,
      UNREACHABLE: /ECONNREFUSED/,
      NOT_OAUTH: /failed with HTTP (404|405)|has no access_token/,
    };
    for (const [name, error] of Object.entries(expected)) {
      const answer = await find(handle, name, token);
      expect(answer.authTokens).toEqual([
        { type: '', value: '', expires_in: '0', error: expect.stringMatching(error) as unknown },
      ]);
    }
    const failures = events.filter((e) => e.type === 'destination-resolved' && e.outcome === 'token-error');
    expect(failures).toHaveLength(3);
    expect(JSON.stringify(events)).not.toMatch(/nope-secret|clientsecret/);
  });

  it('NoAuthentication and PrincipalPropagation carry no authTokens', async () => {
    const { handle, token } = await withDestinations(() => [
      {
        Name: 'NONE',
        Type: 'HTTP',
        URL: 'http://x.example',
        ProxyType: 'Internet',
        Authentication: 'NoAuthentication',
      },
      {
        Name: 'PP',
        Type: 'HTTP',
        URL: 'http://s4.virtual:44300',
        ProxyType: 'OnPremise',
        Authentication: 'PrincipalPropagation',
      },
    ]);
    for (const name of ['NONE', 'PP'])
      expect(await find(handle, name, token)).not.toHaveProperty('authTokens');
  });
});
