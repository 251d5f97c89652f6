// @sap/approuter 23, unmodified, started by `btp-emulator exec` in e2e/clients/approuter-app, with a
// real Chromium: a protected route sends the browser to the emulator's login page
// (authorization_code with state + PKCE S256), the callback completes the login, and the approuter
// forwards the user's token to a local backend; the token also satisfies @sap/xssec. Logout goes
// through <url>/logout.do, and the workspace option xsuaa.autoLogin skips the page.
import { expect, test, type Page, type Request } from '@playwright/test';
import path from 'node:path';
import { CLIENTS_DIR, decodeJwt, ROOT, runScript, startExec, type LongRunning } from './support/cli.js';
import { startEchoBackend, type EchoBackend, type RecordedRequest } from './support/echo-backend.js';
import { onlyCase, xssecResultSchema } from './support/results.js';
import {
  DEMO,
  expectNoTokenFailures,
  issuedEvent,
  tokenEvents,
  useEngine,
  type SuiteEngine,
} from './support/suite.js';

const APPROUTER = path.join(ROOT, 'node_modules', '@sap', 'approuter', 'approuter.js');
const APP_DIR = path.join(CLIENTS_DIR, 'approuter-app');
const LISTENING = /Application router is listening on port: (\d+)/;

interface Router {
  url: string;
  backend: EchoBackend;
}

/** Starts the echo backend and the approuter (through exec) for the describe; stops both after it. */
function useApprouter(engine: SuiteEngine): () => Router {
  let router: Router | undefined;
  let backend: EchoBackend | undefined;
  let approuter: LongRunning | undefined;
  test.beforeAll(async () => {
    backend = await startEchoBackend();
    const { dataDir, workspace } = engine();
    approuter = startExec({
      dataDir,
      ...(workspace ? { workspace } : {}),
      command: [process.execPath, APPROUTER],
      cwd: APP_DIR,
      env: {
        PORT: '0',
        XS_BIND_ADDRESS: '127.0.0.1',
        destinations: JSON.stringify([{ name: 'backend', url: backend.url, forwardAuthToken: true }]),
      },
      readyPattern: LISTENING,
    });
    const [, port] = await approuter.ready;
    router = { url: `http://127.0.0.1:${port}`, backend };
  });
  test.afterAll(async () => {
    try {
      await approuter?.stop();
    } finally {
      await backend?.close();
    }
  });
  test.beforeEach(() => {
    backend?.requests.splice(0);
  });
  return () => {
    if (!router) throw new Error('approuter not started (beforeAll failed?)');
    return router;
  };
}

function escapeRegExp(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/**
 * The emulator's login page: one form per workspace user ("Sign in as <name>", a password field
 * "Password for <name>", a "Sign in" button) and a collapsed "Another user name" form.
 */
async function signIn(
  page: Page,
  user: string,
  password: string,
  form: 'user' | 'other' = 'user',
): Promise<void> {
  if (form === 'user') {
    const userForm = page.getByRole('form', { name: `Sign in as ${user}` });
    await userForm.getByLabel(`Password for ${user}`).fill(password);
    await userForm.getByRole('button', { name: 'Sign in' }).click();
    return;
  }
  const other = page.getByRole('group').filter({ hasText: 'Another user name' });
  await other.getByText('Another user name').click();
  await other.getByRole('textbox', { name: 'User name' }).fill(user);
  await other.getByLabel('Password', { exact: true }).fill(password);
  await other.getByRole('button', { name: 'Sign in' }).click();
}

function bearerOf(request: RecordedRequest | undefined): string {
  const header = request?.headers.authorization;
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`backend got no Bearer JWT: ${JSON.stringify(request?.headers ?? null)}`);
  return match[1]!;
}

function record(page: Page, pathname: string): URL[] {
  const seen: URL[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname === pathname) seen.push(url);
  });
  return seen;
}

test.describe('@sap/approuter login through the emulator', () => {
  const engine = useEngine({ prefix: 'approuter' });
  const router = useApprouter(engine);
  expectNoTokenFailures(engine);

  test('at start the approuter fetches client-credentials tokens for its destination and connectivity bindings', async () => {
    router();
    const issued = () =>
      tokenEvents(engine(), 'token-issued')
        .filter((e) => e.grant === 'client_credentials')
        .map((e) => `${e.binding} via ${e.listener}`)
        .sort();
    await expect
      .poll(issued)
      .toEqual([`${DEMO.connectivityBinding} via http`, `${DEMO.destinationBinding} via http`]);
  });

  // The approuter builds redirect_uri from the Host the browser used; developers open either.
  for (const host of ['127.0.0.1', 'localhost']) {
    test(`browser login with PKCE via http://${host}; the backend gets alice's token`, async ({ page }) => {
      const { url, backend } = router();
      const app = url.replace('127.0.0.1', host);
      const xsuaa = engine().ready.urls.xsuaa!;
      const authorize = record(page, '/oauth/authorize');
      const callback = record(page, '/login/callback');

      await page.goto(`${app}/backend/hello?from=e2e`);
      await expect(page).toHaveURL(escapeRegExp(`${xsuaa}/oauth/authorize?`));
      await expect(page.getByRole('form', { name: 'Sign in as alice' })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Sign in as bob' })).toBeVisible();
      await signIn(page, 'alice', 'alice');
      await expect(page).toHaveURL(`${app}/backend/hello?from=e2e`);
      expect(JSON.parse(await page.locator('body').innerText())).toMatchObject({
        echo: true,
        path: '/hello?from=e2e',
      });

      expect(authorize).toHaveLength(1);
      const query = Object.fromEntries(authorize[0]!.searchParams);
      expect(query).toMatchObject({
        response_type: 'code',
        client_id: DEMO.clientid,
        redirect_uri: `${app}/login/callback`,
        code_challenge_method: 'S256',
      });
      expect(query.state).toMatch(/\S/);
      expect(query.code_challenge).toMatch(/^[\w-]{43}$/);
      expect(callback).toHaveLength(1);
      expect(callback[0]!.searchParams.get('state')).toBe(query.state);
      expect(callback[0]!.searchParams.get('code')).toMatch(/\S/);

      expect(backend.requests).toHaveLength(1);
      const jwt = bearerOf(backend.requests[0]);
      const { header, payload } = decodeJwt(jwt);
      expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
      expect(payload).toMatchObject({
        user_name: 'alice',
        email: 'alice@example.com',
        given_name: 'Alice',
        family_name: 'Anders',
        origin: 'ldap',
        grant_type: 'authorization_code',
        cid: DEMO.clientid,
        client_id: DEMO.clientid,
        zid: DEMO.zid,
        iss: `${xsuaa}/oauth/token`,
        ext_attr: { enhancer: 'XSUAA' },
        'xs.user.attributes': { Country: ['DE'] },
        'xs.system.attributes': { 'xs.rolecollections': ['Demo_Editor'] },
      });
      expect(payload.scope).toEqual(
        expect.arrayContaining([`${DEMO.xsappname}.Display`, `${DEMO.xsappname}.Edit`]),
      );
      expect(payload.aud).toContain(DEMO.clientid);
      expect(await issuedEvent(engine(), String(payload.jti))).toMatchObject({
        grant: 'authorization_code',
        clientId: DEMO.clientid,
        binding: DEMO.xsuaaBinding,
        user: 'alice',
        listener: 'http',
      });

      // The forwarded token is what a backend would validate: run it through @sap/xssec too.
      const { result } = await runScript('xssec-validate.mjs', ['jwt:FORWARDED'], {
        dataDir: engine().dataDir,
        env: { E2E_JWT_FORWARDED: jwt },
      });
      const validated = onlyCase(xssecResultSchema.parse(result).cases, 'jwt:FORWARDED');
      expect(validated.ok ? validated.context : validated.error).toMatchObject({
        grantType: 'authorization_code',
        logonName: 'alice',
        localScopes: { Display: true, Edit: true },
      });
    });
  }

  test('a wrong password keeps the browser on the login page; another user name works', async ({ page }) => {
    const { url: app, backend } = router();
    const xsuaa = engine().ready.urls.xsuaa!;
    await page.goto(`${app}/backend/wrong-password`);
    await signIn(page, 'alice', 'not-her-password');
    await expect(page).toHaveURL(escapeRegExp(xsuaa));
    await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
    expect(backend.requests).toEqual([]);

    await signIn(page, 'alice', 'alice', 'other');
    await expect(page).toHaveURL(`${app}/backend/wrong-password`);
    expect(decodeJwt(bearerOf(backend.requests[0])).payload.user_name).toBe('alice');
  });

  test('logout goes through <url>/logout.do and the next request needs a new login', async ({ page }) => {
    const { url: app, backend } = router();
    const xsuaa = engine().ready.urls.xsuaa!;
    await page.goto(`${app}/backend/before-logout`);
    await signIn(page, 'bob', 'bob');
    await expect(page).toHaveURL(`${app}/backend/before-logout`);
    expect(decodeJwt(bearerOf(backend.requests[0])).payload.user_name).toBe('bob');

    const logout = record(page, '/logout.do');
    await page.goto(`${app}/logout`);
    await expect(page).toHaveURL(`${app}/logged-out.html`);
    await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
    expect(logout.map((u) => u.origin)).toEqual([xsuaa]);
    expect(Object.fromEntries(logout[0]!.searchParams)).toEqual({
      redirect: `${app}/logged-out.html`,
      client_id: DEMO.clientid,
    });

    await page.goto(`${app}/backend/after-logout`);
    await expect(page).toHaveURL(escapeRegExp(`${xsuaa}/oauth/authorize?`));
    expect(backend.requests).toHaveLength(1);
  });
});

test.describe('@sap/approuter with xsuaa.autoLogin', () => {
  const engine = useEngine({
    prefix: 'approuter-auto',
    workspace: (demo) => ({ ...demo, xsuaa: { ...demo.xsuaa, autoLogin: 'bob' } }),
  });
  const router = useApprouter(engine);

  test('the login page is skipped and the backend gets bob’s token', async ({ page }) => {
    const { url: app, backend } = router();
    const authorize = record(page, '/oauth/authorize');
    await page.goto(`${app}/backend/auto`);
    await expect(page).toHaveURL(`${app}/backend/auto`);
    expect(authorize).toHaveLength(1);
    expect(backend.requests).toHaveLength(1);
    const { payload } = decodeJwt(bearerOf(backend.requests[0]));
    expect(payload).toMatchObject({ user_name: 'bob', grant_type: 'authorization_code', zid: DEMO.zid });
    expect(payload.scope).toContain(`${DEMO.xsappname}.Display`);
    expect(payload.scope).not.toContain(`${DEMO.xsappname}.Edit`);
  });
});
