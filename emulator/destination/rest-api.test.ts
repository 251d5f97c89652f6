// The Destination service REST API over real sockets: who may call it (401 otherwise), the find call
// (instance before subaccount, owner, the exact 404 body, $skipTokenRetrieval), both collection levels
// with create/update/delete and validation errors, certificates, and writes reaching the workspace file.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../app/events.js';
import { engine, tempDir } from '../test/support.js';
import { call, ccToken, creds, demoWith, destinationEngine, exchanged, userToken } from './test-helpers.js';

const BASIC = {
  Name: 'S4',
  Type: 'HTTP',
  URL: 'http://s4.virtual:44300',
  ProxyType: 'OnPremise',
  Authentication: 'BasicAuthentication',
  User: 'DEVELOPER',
  Password: 'Welcome1',
  'sap-client': '100',
};
const INTERNET = {
  Name: 'NORTHWIND',
  Type: 'HTTP',
  URL: 'https://services.odata.org',
  Authentication: 'NoAuthentication',
  ProxyType: 'Internet',
};

describe('Destination service: who may call it', () => {
  it('answers 401 without a token, with a foreign token, a tampered one, and a refresh token', async () => {
    const handle = await destinationEngine({ subaccount: [BASIC] });
    const own = await ccToken(handle, 'destination');
    const [h, p, s] = own.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), cid: 'x' })).toString('base64url')}.${s}`;
    const c = creds(handle, 'destination');
    const password = await fetch(`${c.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        username: 'alice',
        password: 'alice',
        client_id: c.clientid,
        client_secret: c.clientsecret,
      }),
    });
    const refresh = ((await password.json()) as { refresh_token: string }).refresh_token;
    const foreign = [
      undefined,
      await ccToken(handle, 'xsuaa'),
      await ccToken(handle, 'connectivity'),
      tampered,
      refresh,
      'not-a-jwt',
    ];
    for (const token of foreign) {
      const reply = await call(handle, '/destinations/S4', token === undefined ? {} : { token });
      expect(reply.status, String(token)).toBe(401);
      expect(reply.headers.get('www-authenticate')).toContain('Bearer');
      expect(JSON.stringify(reply.body)).not.toContain('Welcome1');
      expect(reply.body).toMatchObject({
        ErrorMessage: expect.stringMatching(/^Unauthorized\. /) as unknown,
      });
    }
    for (const route of ['/subaccountDestinations', '/instanceDestinations', '/subaccountCertificates']) {
      expect((await call(handle, route, { token: await ccToken(handle, 'xsuaa') })).status).toBe(401);
      expect((await call(handle, route, { method: 'POST', body: INTERNET })).status).toBe(401);
    }
    expect((await call(handle, '/destinations/S4', { token: own })).status).toBe(200);
  });

  it('accepts a user token exchanged for the destination binding (jwt-bearer)', async () => {
    const handle = await destinationEngine({ subaccount: [BASIC] });
    const token = await exchanged(handle, await userToken(handle, 'alice'));
    const reply = await call(handle, '/destinations/S4', { token });
    expect(reply.status).toBe(200);
  });
});

describe('Destination service: find by name', () => {
  it('returns the configuration, owner and Basic authTokens; instance level wins over subaccount', async () => {
    const instanceCopy = { ...BASIC, URL: 'http://s4-instance.virtual:44300' };
    const handle = await destinationEngine({ subaccount: [BASIC, INTERNET], instance: [instanceCopy] });
    const token = await ccToken(handle, 'destination');
    const events: EngineEvent[] = [];
    handle.onAny((e) => events.push(e));
    const s4 = await call(handle, '/destinations/S4', { token });
    expect(s4.body).toEqual({
      owner: {
        SubaccountId: demoWith({}).subaccount.id,
        InstanceId: creds(handle, 'destination').instanceid,
      },
      destinationConfiguration: instanceCopy,
      authTokens: [
        {
          type: 'Basic',
          value: Buffer.from('DEVELOPER:Welcome1').toString('base64'),
          http_header: {
            key: 'Authorization',
            value: `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`,
          },
        },
      ],
    });
    const nw = await call(handle, '/destinations/NORTHWIND', { token });
    expect(nw.body).toEqual({
      owner: { SubaccountId: demoWith({}).subaccount.id, InstanceId: null },
      destinationConfiguration: INTERNET,
    });
    const resolved = events.filter((e) => e.type === 'destination-resolved');
    expect(resolved.map((e) => [e.name, e.level, e.outcome])).toEqual([
      ['S4', 'instance', 'found'],
      ['NORTHWIND', 'subaccount', 'found'],
    ]);
    expect(JSON.stringify(events)).not.toContain('Welcome1');
  });

  it('answers a missing name with exactly the 404 body the Cloud SDK expects', async () => {
    const handle = await destinationEngine({ subaccount: [BASIC] });
    const token = await ccToken(handle, 'destination');
    for (const name of ['MISSING', 'MISSING?$skipTokenRetrieval=true']) {
      const reply = await call(handle, `/destinations/${name}`, { token });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ ErrorMessage: 'Configuration with the specified name was not found' });
    }
    expect((await call(handle, '/subaccountDestinations/MISSING', { token })).body).toEqual({
      ErrorMessage: 'Configuration with the specified name was not found',
    });
  });

  it('leaves authTokens out with $skipTokenRetrieval=true', async () => {
    const handle = await destinationEngine({ subaccount: [BASIC] });
    const reply = await call(handle, '/destinations/S4?$skipTokenRetrieval=true', {
      token: await ccToken(handle, 'destination'),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).not.toHaveProperty('authTokens');
  });
});

describe('Destination service: the collections', () => {
  it('lists, creates, updates and deletes destinations at both levels', async () => {
    const handle = await destinationEngine({ subaccount: [BASIC] });
    const token = await ccToken(handle, 'destination');
    expect((await call(handle, '/subaccountDestinations', { token })).body).toEqual([BASIC]);
    expect((await call(handle, '/instanceDestinations', { token })).body).toEqual([]);
    for (const level of ['subaccount', 'instance']) {
      const route = `/${level}Destinations`;
      expect((await call(handle, route, { token, method: 'POST', body: INTERNET })).status).toBe(201);
      expect((await call(handle, route, { token, method: 'POST', body: INTERNET })).status).toBe(409);
      expect((await call(handle, `${route}/NORTHWIND`, { token })).body).toEqual(INTERNET);
      const changed = { ...INTERNET, URL: 'https://example.org' };
      expect(await call(handle, route, { token, method: 'PUT', body: changed })).toMatchObject({
        status: 200,
        body: { Count: 1 },
      });
      expect((await call(handle, `${route}/NORTHWIND`, { token })).body).toEqual(changed);
      expect(
        (await call(handle, route, { token, method: 'PUT', body: { ...INTERNET, Name: 'NOPE' } })).status,
      ).toBe(404);
      expect((await call(handle, `${route}/NORTHWIND`, { token, method: 'DELETE' })).status).toBe(200);
      expect((await call(handle, `${route}/NORTHWIND`, { token, method: 'DELETE' })).status).toBe(404);
    }
    const two = [
      { ...INTERNET, Name: 'A' },
      { ...INTERNET, Name: 'B' },
    ];
    expect((await call(handle, '/instanceDestinations', { token, method: 'POST', body: two })).status).toBe(
      201,
    );
    expect((await call(handle, '/instanceDestinations', { token })).body).toEqual(two);
  });

  it('rejects invalid destinations with a message naming each wrong property, and changes nothing', async () => {
    const handle = await destinationEngine({ subaccount: [BASIC] });
    const token = await ccToken(handle, 'destination');
    const cases: [unknown, RegExp][] = [
      [{ ...BASIC, Name: 'X', Password: undefined }, /\$\.Password: required for BasicAuthentication/],
      [{ ...INTERNET, URL: 'not a url' }, /\$\.URL: "not a url" is not an absolute URL/],
      [{ ...BASIC, Name: 'X', URL: 'https://s4.virtual' }, /\$\.URL: an OnPremise URL uses http:\/\//],
      [
        { ...INTERNET, Authentication: 'OAuth2ClientCredentials' },
        /\$\.tokenServiceURL: required for OAuth2ClientCredentials/,
      ],
      [{ ...INTERNET, Authentication: 'Kerberos' }, /\$\.Authentication: "Kerberos" is not emulated/],
      [{ ...INTERNET, 'sap-client': '1' }, /\$\["sap-client"\]: must be three digits/],
      [{ ...INTERNET, Type: 'FTP' }, /\$\.Type: /],
      [
        { ...INTERNET, 'URL.headers.bad header': 'x' },
        /\$\["URL\.headers\.bad header"\]: the part after URL\.headers\. must be an HTTP header name/,
      ],
      [{ ...INTERNET, WebIDEEnabled: true }, /\$\.WebIDEEnabled: must be a string/],
      [[INTERNET, { ...INTERNET, Name: 'Y', URL: '' }], /\$\[1\]\.URL: required/],
      ['text', /must be a destination object/],
    ];
    for (const [body, message] of cases) {
      const reply = await call(handle, '/subaccountDestinations', { token, method: 'POST', body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect((reply.body as { ErrorMessage: string }).ErrorMessage).toMatch(message);
    }
    expect((await call(handle, '/subaccountDestinations', { token })).body).toEqual([BASIC]);
  });

  it('stores certificates and hands the key store to a ClientCertificateAuthentication destination', async () => {
    const handle = await destinationEngine({});
    const token = await ccToken(handle, 'destination');
    const cert = {
      Name: 'client.p12',
      Type: 'CERTIFICATE',
      Content: Buffer.from('not really p12').toString('base64'),
    };
    const mtls = {
      Name: 'MTLS',
      Type: 'HTTP',
      URL: 'https://mtls.example',
      Authentication: 'ClientCertificateAuthentication',
      KeyStoreLocation: 'client.p12',
      KeyStorePassword: 'secret',
    };
    const missing = await call(handle, '/subaccountDestinations', { token, method: 'POST', body: mtls });
    expect(missing.status).toBe(400);
    expect((missing.body as { ErrorMessage: string }).ErrorMessage).toMatch(
      /\$\.KeyStoreLocation: no certificate "client.p12"/,
    );
    expect(
      (
        await call(handle, '/subaccountCertificates', {
          token,
          method: 'POST',
          body: { ...cert, Content: '***' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(handle, '/subaccountCertificates', { token, method: 'POST', body: cert })).status,
    ).toBe(201);
    expect((await call(handle, '/subaccountCertificates/client.p12', { token })).body).toEqual(cert);
    expect((await call(handle, '/instanceDestinations', { token, method: 'POST', body: mtls })).status).toBe(
      201,
    );
    const found = await call(handle, '/destinations/MTLS', { token });
    expect(found.body).toMatchObject({ destinationConfiguration: mtls, certificates: [cert] });
    expect(found.body).not.toHaveProperty('authTokens');
    const inUse = await call(handle, '/subaccountCertificates/client.p12', { token, method: 'DELETE' });
    expect(inUse.status).toBe(400);
    expect((inUse.body as { ErrorMessage: string }).ErrorMessage).toMatch(/KeyStoreLocation/);
  });

  it('saves writes to the workspace file as written, without filling in defaults', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'ws.json');
    await writeFile(file, JSON.stringify(demoWith({ subaccount: [BASIC] }), null, 2));
    const handle = await engine({ workspacePath: file });
    const token = await ccToken(handle, 'destination');
    expect(
      (await call(handle, '/instanceDestinations', { token, method: 'POST', body: INTERNET })).status,
    ).toBe(201);
    const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(saved.destinations).toEqual({ subaccount: [BASIC], instance: [INTERNET] });
    expect(saved).not.toHaveProperty('engine');
  });
});
