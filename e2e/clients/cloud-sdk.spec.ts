// The SAP Cloud SDK 4.x (@sap-cloud-sdk/connectivity), unmodified, in child processes started by
// `btp-emulator exec`, one process per scenario (the SDK caches tokens per tenant and client id):
// client-credentials tokens for the destination and connectivity bindings without a user JWT
// (<url>/oauth/token) and with one carrying `zid` (https://<uaadomain>/oauth/token + x-zid), the full
// token response, and the jwt-bearer exchange of a user token.
import { expect, test } from '@playwright/test';
import { cliToken, runScript } from './support/cli.js';
import { cloudSdkResultSchema, onlyCase, type CloudSdkResult } from './support/results.js';
import { DEMO, expectNoTokenFailures, issuedEvent, useEngine } from './support/suite.js';

const SERVICES = ['destination', 'connectivity'] as const;

test.describe('SAP Cloud SDK against the emulator', () => {
  const engine = useEngine({ prefix: 'cloud-sdk' });
  expectNoTokenFailures(engine);
  let userJwt = '';

  test.beforeAll(() => {
    userJwt = cliToken({ dataDir: engine().dataDir, client: DEMO.xsuaaBinding, user: 'alice' });
  });

  async function sdk(
    caseName: string,
  ): Promise<{ result: CloudSdkResult; run: CloudSdkResult['cases'][number] }> {
    const { result } = await runScript('cloud-sdk-tokens.mjs', [caseName], {
      dataDir: engine().dataDir,
      env: { E2E_USER_JWT: userJwt },
    });
    const parsed = cloudSdkResultSchema.parse(result);
    return { result: parsed, run: onlyCase(parsed.cases, caseName) };
  }

  test('the user JWT from `btp-emulator token` carries zid and no subdomain', () => {
    const [, payload] = userJwt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ zid: DEMO.zid, user_name: 'alice', ext_attr: { enhancer: 'XSUAA' } });
    expect(
      (claims.ext_attr as Record<string, unknown>).zdn,
      'zdn would send the SDK to a subdomain',
    ).toBeUndefined();
  });

  for (const service of SERVICES) {
    test(`serviceToken('${service}') without a JWT: client credentials at <url>/oauth/token`, async () => {
      const { result, run } = await sdk(`service-token:${service}`);
      const binding = result.bindings[service];
      expect(run.claims).toMatchObject({
        cid: binding.clientid,
        client_id: binding.clientid,
        grant_type: 'client_credentials',
        zid: DEMO.zid,
        user_name: null,
      });
      expect(run.claims.aud).toContain(binding.clientid);
      expect(run.requests).toEqual([
        {
          method: 'POST',
          url: `${binding.url}/oauth/token`,
          xZid: null,
          authorization: null,
          form: {
            grant_type: 'client_credentials',
            client_id: binding.clientid,
            client_secret: '<redacted>',
          },
          status: 200,
        },
      ]);
    });

    test(`serviceToken('${service}', { jwt }) with a zid: https://<uaadomain>/oauth/token + x-zid`, async () => {
      const { result, run } = await sdk(`service-token:${service}:jwt`);
      const binding = result.bindings[service];
      expect(run.claims).toMatchObject({
        cid: binding.clientid,
        grant_type: 'client_credentials',
        zid: DEMO.zid,
        user_name: null,
      });
      expect(run.requests).toEqual([
        {
          method: 'POST',
          url: `https://${binding.uaadomain}/oauth/token`,
          xZid: DEMO.zid,
          authorization: null,
          form: {
            grant_type: 'client_credentials',
            client_id: binding.clientid,
            client_secret: '<redacted>',
          },
          status: 200,
        },
      ]);
    });
  }

  test('getClientCredentialsToken returns the whole OAuth response', async () => {
    const { result, run } = await sdk('cc-response:connectivity:jwt');
    expect(run.response).toEqual({
      token_type: expect.stringMatching(/^bearer$/i) as unknown,
      expires_in: expect.any(Number) as unknown,
      scope: expect.any(String) as unknown,
      jti: expect.any(String) as unknown,
    });
    expect(run.response!.expires_in).toBeGreaterThan(60);
    expect(run.response!.expires_in).toBeLessThanOrEqual(run.claims.lifetime);
    expect(run.response!.scope.split(' ').sort()).toEqual([...run.claims.scope].sort());
    expect(run.claims.cid).toBe(result.bindings.connectivity.clientid);
  });

  test("jwtBearerToken(jwt, 'destination'): the user's token for the destination client", async () => {
    const { result, run } = await sdk('jwt-bearer:destination');
    const binding = result.bindings.destination;
    expect(run.claims).toMatchObject({
      cid: binding.clientid,
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      user_name: 'alice',
      zid: DEMO.zid,
    });
    expect(run.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: `https://${binding.uaadomain}/oauth/token`,
        xZid: DEMO.zid,
        form: {
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          client_id: binding.clientid,
          client_secret: '<redacted>',
          assertion: '<redacted>',
        },
        status: 200,
      }),
    ]);
    expect(await issuedEvent(engine(), run.claims.jti)).toMatchObject({
      grant: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      binding: binding.name,
      user: 'alice',
      listener: 'https',
    });
  });
});
