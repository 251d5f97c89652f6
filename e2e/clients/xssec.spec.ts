// @sap/xssec 4.x, unmodified, in child processes started by `btp-emulator exec`: it accepts the
// emulator's client_credentials, password and jwt-bearer tokens with the workspace's scopes and user
// attributes, fetches the keys from https://<uaadomain>/token_keys, and rejects expired, tampered,
// unknown-kid and wrong-audience tokens with its own error classes.
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { accepts, cliToken, runExec, runScript } from './support/cli.js';
import { onlyCase, xssecResultSchema, type XssecResult } from './support/results.js';
import { adminToken, DEMO, expectNoTokenFailures, tempDir, useEngine } from './support/suite.js';

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

test.describe('@sap/xssec against the emulator', () => {
  const engine = useEngine({ prefix: 'xssec' });
  expectNoTokenFailures(engine);

  async function validate(cases: string[], env: Record<string, string> = {}): Promise<XssecResult> {
    const { dataDir } = engine();
    const { result } = await runScript('xssec-validate.mjs', cases, { dataDir, env });
    return xssecResultSchema.parse(result);
  }

  function accepted(result: XssecResult, name: string) {
    const found = onlyCase(result.cases, name);
    if (!found.ok) throw new Error(`xssec rejected ${name}: ${JSON.stringify(found.error)}`);
    return found.context;
  }

  function rejected(result: XssecResult, name: string) {
    const found = onlyCase(result.cases, name);
    if (found.ok) throw new Error(`xssec accepted ${name}: ${JSON.stringify(found.context)}`);
    return found.error;
  }

  test('client_credentials token: the client itself with its authorities', async () => {
    const result = await validate(['cc']);
    expect(result.binding).toMatchObject({ clientid: DEMO.clientid, xsappname: DEMO.xsappname });
    const ctx = accepted(result, 'cc');
    expect(ctx).toMatchObject({
      grantType: 'client_credentials',
      clientId: DEMO.clientid,
      userName: `client/${DEMO.clientid}`,
      logonName: null,
      zoneId: DEMO.zid,
      subaccountId: DEMO.zid,
      subdomain: null,
      localScopes: { Display: true, Edit: false },
    });
    expect(ctx.scopes).toContain(`${DEMO.xsappname}.Display`);
    expect(ctx.audiences).toContain(DEMO.clientid);
    expect(ctx.issuer).toBe(`${result.binding.url}/oauth/token`);
    expect(ctx.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(typeof ctx.header.kid).toBe('string');
    expect(typeof ctx.header.jku).toBe('string');
  });

  for (const [user, expected] of [
    [
      'alice',
      {
        Edit: true,
        country: ['DE'],
        roleCollections: ['Demo_Editor'],
        givenName: 'Alice',
        familyName: 'Anders',
      },
    ],
    [
      'bob',
      {
        Edit: false,
        country: ['US'],
        roleCollections: ['Demo_Viewer'],
        givenName: 'Bob',
        familyName: 'Berg',
      },
    ],
  ] as const) {
    test(`password token of ${user}: scopes from role collections, user attributes`, async () => {
      const name = `password:${user}:${user}`;
      const ctx = accepted(await validate([name]), name);
      expect(ctx).toMatchObject({
        grantType: 'password',
        clientId: DEMO.clientid,
        logonName: user,
        userName: `user/ldap/${user}`,
        email: `${user}@example.com`,
        givenName: expected.givenName,
        familyName: expected.familyName,
        origin: 'ldap',
        zoneId: DEMO.zid,
        localScopes: { Display: true, Edit: expected.Edit },
        attributes: { Country: expected.country },
        country: expected.country,
        roleCollections: expected.roleCollections,
      });
      expect(ctx.scopes).toContain(`${DEMO.xsappname}.Display`);
      if (!expected.Edit) expect(ctx.scopes).not.toContain(`${DEMO.xsappname}.Edit`);
    });
  }

  test('jwt-bearer token: a user token exchanged by the app keeps the user', async () => {
    const result = await validate(['jwt-bearer:alice:alice']);
    const ctx = accepted(result, 'jwt-bearer:alice:alice');
    expect(ctx).toMatchObject({
      grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      clientId: DEMO.clientid,
      logonName: 'alice',
      localScopes: { Display: true, Edit: true },
      attributes: { Country: ['DE'] },
    });
    const grants = result.requests
      .filter((r) => r.url.endsWith('/oauth/token'))
      .map((r) => r.form?.grant_type);
    expect(grants).toEqual(['password', 'urn:ietf:params:oauth:grant-type:jwt-bearer']);
  });

  test('tokens from `btp-emulator token` are accepted like fetched ones; --scopes narrows them', async () => {
    const { dataDir } = engine();
    const bob = cliToken({ dataDir, client: DEMO.xsuaaBinding, user: 'bob' });
    const narrowed = cliToken({
      dataDir,
      client: DEMO.clientid,
      user: 'alice',
      scopes: [`${DEMO.xsappname}.Display`],
    });
    const result = await validate(['jwt:BOB', 'jwt:NARROWED'], {
      E2E_JWT_BOB: bob,
      E2E_JWT_NARROWED: narrowed,
    });
    expect(accepted(result, 'jwt:BOB')).toMatchObject({
      logonName: 'bob',
      localScopes: { Display: true, Edit: false },
    });
    const ctx = accepted(result, 'jwt:NARROWED');
    expect(ctx).toMatchObject({ logonName: 'alice', localScopes: { Display: true, Edit: false } });
    expect(ctx.scopes).toEqual([`${DEMO.xsappname}.Display`]);
  });

  test('keys come from https://<uaadomain>/token_keys?zid=<zid>; tokens from <url>/oauth/token', async () => {
    const result = await validate(['password:alice:alice']);
    const { url, uaadomain } = result.binding;
    expect(result.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: `${url}/oauth/token`,
        xZid: null,
        status: 200,
        form: expect.objectContaining({ grant_type: 'password', client_id: DEMO.clientid }),
      }),
      expect.objectContaining({
        method: 'GET',
        url: `https://${uaadomain}/token_keys?zid=${DEMO.zid}`,
        status: 200,
      }),
    ]);
  });

  test('an expired token is rejected (ExpiredTokenError, 401)', async () => {
    const jwt = await adminToken(engine(), { client: DEMO.xsuaaBinding, user: 'alice', expiresIn: -3600 });
    const error = rejected(await validate(['jwt:EXPIRED'], { E2E_JWT_EXPIRED: jwt }), 'jwt:EXPIRED');
    expect(error).toEqual({ class: 'ExpiredTokenError', message: 'Token is expired.', statusCode: 401 });
  });

  test('a tampered token is rejected (InvalidTokenSignatureError, 401)', async () => {
    const error = rejected(await validate(['tampered:alice:alice']), 'tampered:alice:alice');
    expect(error).toEqual({
      class: 'InvalidTokenSignatureError',
      message: 'Token signature is invalid.',
      statusCode: 401,
    });
  });

  test('a token naming an unknown key is rejected (MissingKidError, 401)', async () => {
    const error = rejected(await validate(['unknown-kid:alice:alice']), 'unknown-kid:alice:alice');
    expect(error).toEqual({
      class: 'MissingKidError',
      message: 'JWKS does not contain a key for kid=e2e-unknown-kid',
      statusCode: 401,
    });
  });

  test("another client's token is rejected (WrongAudienceError, 401)", async () => {
    const result = await validate(['wrong-audience']);
    const error = rejected(result, 'wrong-audience');
    expect(error).toMatchObject({ class: 'WrongAudienceError', statusCode: 401 });
    expect(error.message).toContain(result.binding.destinationClientid);
    expect(error.message).toContain(`than this service (${DEMO.clientid})`);
  });

  test('exec keeps a NODE_EXTRA_CA_CERTS the machine already has and adds the emulator CA', async () => {
    test.skip(!existsSync(SYSTEM_BUNDLE), `no system CA bundle at ${SYSTEM_BUNDLE}`);
    const result = await validate(['password:alice:alice'], { NODE_EXTRA_CA_CERTS: SYSTEM_BUNDLE });
    accepted(result, 'password:alice:alice');
    const seen = result.nodeExtraCaCerts;
    expect(seen, 'the child must get NODE_EXTRA_CA_CERTS').not.toBeNull();
    const bundle = readFileSync(seen!, 'utf8');
    const systemFirstCert = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/.exec(
      readFileSync(SYSTEM_BUNDLE, 'utf8'),
    )![0];
    const caCert = engine().ready.caCert;
    expect(caCert, 'ready line names the CA').not.toBeNull();
    expect(bundle).toContain(systemFirstCert);
    expect(bundle).toContain(readFileSync(caCert!, 'utf8').trim());
  });
});

test.describe('exec without a running engine', () => {
  test('starts an engine for the command and stops it when the command ends', async () => {
    const dir = await tempDir('exec-own');
    try {
      const { result } = await runScript('xssec-validate.mjs', ['cc', 'password:alice:alice'], {
        dataDir: path.join(dir, 'data'),
      });
      const parsed = xssecResultSchema.parse(result);
      expect(parsed.cases.map((c) => [c.case, c.ok])).toEqual([
        ['cc', true],
        ['password:alice:alice', true],
      ]);
      expect(await accepts(parsed.binding.url), `${parsed.binding.url} still answers after exec`).toBe(false);
      expect(await accepts(`https://${parsed.binding.uaadomain}`)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("returns the command's exit code", async () => {
    const dir = await tempDir('exec-code');
    try {
      const run = await runExec({
        dataDir: path.join(dir, 'data'),
        command: [process.execPath, '-e', 'process.exit(process.env.VCAP_SERVICES ? 7 : 1)'],
      });
      expect(run.code, run.stderr).toBe(7);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
