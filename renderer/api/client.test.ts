import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DesktopBridge } from '../../app/ipc.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { workspaceSchema } from '../../app/workspace/schema.js';
import { BASE_URL, engineStatus, testClient, unauthorizedBody } from '../test/engine-fixtures.js';
import { server } from '../test/msw-server.js';
import { bindingEnv, CLIENTS, issueResponse, signingKey, xsuaaReadHandlers } from '../test/xsuaa-fixtures.js';
import { AdminApiError } from './admin-error.js';
import { AdminClient } from './client.js';
import { resolveAdminConnection } from './desktop-bridge.js';

async function caught(promise: Promise<unknown>): Promise<AdminApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminApiError);
  return error as AdminApiError;
}

describe('AdminClient', () => {
  it('sends the bearer token when it has one and returns the validated status', async () => {
    let authorization: string | null = 'unset';
    server.use(
      http.get(`${BASE_URL}/api/status`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(engineStatus());
      }),
    );
    const status = await testClient('s3cret-token-0123456789').status();
    expect(authorization).toBe('Bearer s3cret-token-0123456789');
    expect(status.workspace.name).toBe('Demo');
    expect(status.services).toHaveLength(6);
  });

  it('sends no Authorization header in a browser, where the session cookie authenticates', async () => {
    let authorization: string | null = 'unset';
    server.use(
      http.get(`${BASE_URL}/api/health`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ status: 'ok', version: '0.1.0', uptimeMs: 5 });
      }),
    );
    await expect(testClient().health()).resolves.toEqual({ status: 'ok', version: '0.1.0', uptimeMs: 5 });
    expect(authorization).toBeNull();
  });

  it('turns an ErrorBody into a typed error with code, hint and issues', async () => {
    const issues = [{ path: '$.name', message: 'Too small', file: 'ws.yaml', line: 3 }];
    server.use(
      http.put(`${BASE_URL}/api/workspace`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'EMU_ERR_WORKSPACE_INVALID',
              message: 'Invalid workspace',
              hint: 'Fix it',
              issues,
            },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await caught(testClient().replaceWorkspace(DEMO_WORKSPACE));
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      code: 'EMU_ERR_WORKSPACE_INVALID',
      message: 'Invalid workspace',
      hint: 'Fix it',
      issues,
    });
    expect(error.unauthorized).toBe(false);
  });

  it('marks a 401 as unauthorized', async () => {
    server.use(
      http.get(`${BASE_URL}/api/status`, () => HttpResponse.json(unauthorizedBody, { status: 401 })),
    );
    const error = await caught(testClient().status());
    expect(error.unauthorized).toBe(true);
    expect(error.code).toBe('EMU_ERR_ADMIN_UNAUTHORIZED');
  });

  it('reports an error response that is not an ErrorBody by its status, without inventing a code', async () => {
    server.use(
      http.get(`${BASE_URL}/api/status`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })),
    );
    const error = await caught(testClient().status());
    expect(error).toMatchObject({ kind: 'http', status: 502, code: null });
    expect(error.message).toContain('502');
  });

  it('rejects an ErrorBody with a code outside the catalog as unknown rather than trusting it', async () => {
    server.use(
      http.get(`${BASE_URL}/api/status`, () =>
        HttpResponse.json({ error: { code: 'NOPE', message: 'x', hint: 'y' } }, { status: 500 }),
      ),
    );
    expect(await caught(testClient().status())).toMatchObject({ status: 500, code: null });
  });

  it('rejects a 200 whose body does not match the contract', async () => {
    const { services: _dropped, ...withoutServices } = engineStatus();
    server.use(http.get(`${BASE_URL}/api/status`, () => HttpResponse.json(withoutServices)));
    const error = await caught(testClient().status());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('/api/status');
  });

  it('rejects a 200 that is not JSON', async () => {
    server.use(http.get(`${BASE_URL}/api/status`, () => HttpResponse.text('<!doctype html>')));
    expect((await caught(testClient().status())).kind).toBe('invalid-response');
  });

  it('reports a failed connection as a network error', async () => {
    server.use(http.get(`${BASE_URL}/api/status`, () => HttpResponse.error()));
    expect(await caught(testClient().status())).toMatchObject({ kind: 'network', status: null });
  });

  it('PUTs the workspace as JSON and validates the workspace it gets back', async () => {
    let sent: unknown;
    let contentType: string | null = null;
    const summary = { name: 'Renamed', path: null, source: 'demo', schemaVersion: 2, migrated: [] };
    server.use(
      http.put(`${BASE_URL}/api/workspace`, async ({ request }) => {
        sent = await request.json();
        contentType = request.headers.get('content-type');
        const workspace = workspaceSchema.parse(sent);
        return HttpResponse.json({ summary, workspace, persisted: false });
      }),
    );
    const result = await testClient().replaceWorkspace({ ...DEMO_WORKSPACE, name: 'Renamed' });
    expect(contentType).toBe('application/json');
    expect(sent).toMatchObject({ name: 'Renamed' });
    expect(result.workspace.name).toBe('Renamed');
    // Defaults were applied by the schema, so the typed workspace is complete.
    expect(result.workspace.engine.bind).toBe('127.0.0.1');
  });

  it('strips a trailing slash from the base URL', async () => {
    server.use(http.get(`${BASE_URL}/api/status`, () => HttpResponse.json(engineStatus())));
    await expect(new AdminClient({ baseUrl: `${BASE_URL}/` }).status()).resolves.toMatchObject({ pid: 4242 });
  });
});

describe('AdminClient: bindings and tokens', () => {
  it('asks the export endpoint for one format and returns its text verbatim', async () => {
    let url = '';
    server.use(
      http.get(`${BASE_URL}/api/bindings/export`, ({ request }) => {
        url = request.url;
        return HttpResponse.text("VCAP_SERVICES='{}'\n");
      }),
    );
    await expect(testClient().exportBindings('dotenv')).resolves.toBe("VCAP_SERVICES='{}'\n");
    expect(new URL(url).searchParams.get('format')).toBe('dotenv');
  });

  it('POSTs a token request and returns the validated response', async () => {
    let sent: unknown;
    server.use(
      http.post(`${BASE_URL}/api/tokens`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...issueResponse(), id_token: 'extra fields are dropped' });
      }),
    );
    const response = await testClient().issueToken({ client: 'demo-uaa', user: 'alice', scopes: ['openid'] });
    expect(sent).toEqual({ client: 'demo-uaa', user: 'alice', scopes: ['openid'] });
    expect(response.claims.user_name).toBe('alice');
    expect(response).not.toHaveProperty('id_token');
  });

  it('rejects a verify response with a problem code outside the contract', async () => {
    server.use(
      http.post(`${BASE_URL}/api/tokens/verify`, () =>
        HttpResponse.json({
          valid: false,
          header: null,
          claims: null,
          problems: [{ code: 'revoked', message: 'x' }],
        }),
      ),
    );
    const error = await caught(testClient().verifyToken({ token: 'a.b.c' }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('/api/tokens/verify');
  });

  it('rotates with the requested mode and returns the new key', async () => {
    let sent: unknown;
    server.use(
      http.post(`${BASE_URL}/api/xsuaa/keys/rotate`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(signingKey({ kid: 'key-new', current: true }));
      }),
    );
    await expect(testClient().rotateSigningKey({ immediate: true })).resolves.toMatchObject({
      kid: 'key-new',
    });
    expect(sent).toEqual({ immediate: true });
  });

  it('validates bindings, clients and signing keys', async () => {
    server.use(...xsuaaReadHandlers);
    const client = testClient();
    await expect(client.bindings()).resolves.toEqual(bindingEnv());
    await expect(client.clients()).resolves.toEqual(CLIENTS);
    await expect(client.signingKeys()).resolves.toEqual([signingKey()]);
    server.use(http.get(`${BASE_URL}/api/xsuaa/clients`, () => HttpResponse.json([{ kind: 'saml' }])));
    expect((await caught(client.clients())).kind).toBe('invalid-response');
  });
});

describe('resolveAdminConnection', () => {
  it('uses the page origin and no token in a plain browser', async () => {
    await expect(resolveAdminConnection(window)).resolves.toEqual({ baseUrl: window.location.origin });
  });

  it('uses the URL and token from the desktop bridge in Electron', async () => {
    const bridge: DesktopBridge = {
      engineInfo: () => Promise.resolve({ adminUrl: 'http://127.0.0.1:20000/', adminToken: 'a'.repeat(32) }),
      appInfo: () => Promise.reject(new Error('unused')),
      openExternal: () => Promise.resolve(),
    };
    const win = { btpEmulator: bridge, location: window.location } as unknown as Window;
    await expect(resolveAdminConnection(win)).resolves.toEqual({ baseUrl: BASE_URL, token: 'a'.repeat(32) });
  });
});
