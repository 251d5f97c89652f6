// The Traffic page against the real CLI: a request made through the connectivity proxy (to a local
// backend mapped in the workspace) appears live with its decision, and its detail shows the rule,
// redacted secrets and the body; a denied request shows which rule denied it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures/engine.js';
import { mapLocalBackend, proxyToken } from './fixtures/proxy.js';

function viaProxy(proxyUrl: string, token: string, url: string): Promise<number> {
  const proxy = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: proxy.hostname,
        port: proxy.port,
        path: url,
        headers: { 'Proxy-Authorization': `Bearer ${token}` },
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('the Traffic page shows a request through the proxy with its decision', async ({ page, engine }) => {
  const backend = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"from the backend"}'),
  );
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  try {
    await mapLocalBackend(engine, (backend.address() as AddressInfo).port, '/api/');
    const token = await proxyToken(engine);
    await page.goto(engine.ready.ui);
    await page.getByRole('link', { name: 'Traffic' }).click();
    await expect(page.getByRole('heading', { name: 'Traffic', level: 1 })).toBeVisible();

    expect(await viaProxy(engine.ready.urls.proxy!, token, 'http://erp.virtual:8000/api/items')).toBe(200);
    expect(await viaProxy(engine.ready.urls.proxy!, token, 'http://erp.virtual:8000/private')).toBe(403);

    const table = page.getByRole('table', { name: 'Traffic' });
    const allowed = table.getByRole('row').filter({ hasText: 'GET http://erp.virtual:8000/api/items' });
    await expect(allowed).toContainText('Allowed: allowed by resource /api/* of erp.virtual:8000');
    await expect(allowed).toContainText('200');
    const denied = table.getByRole('row').filter({ hasText: 'GET http://erp.virtual:8000/private' });
    await expect(denied).toContainText('Denied: Access denied to system erp.virtual:8000');
    await expect(denied).toContainText('403');

    await allowed.getByRole('button').click();
    const detail = page.getByRole('region', { name: 'Exchange detail' });
    await expect(detail).toContainText('Allowed (forwarded)');
    await expect(detail).toContainText(/Mapping\s*erp\.virtual:8000 → 127\.0\.0\.1:\d+ \(HTTP\)/);
    await expect(detail.getByRole('region', { name: 'Request' })).toContainText('<redacted>');
    await expect(detail.getByLabel('Response body')).toContainText('from the backend');

    await page.getByLabel('Outcome').selectOption('denied');
    await expect(allowed).toHaveCount(0);
    await expect(denied).toBeVisible();
  } finally {
    await new Promise<void>((resolve) => backend.close(() => resolve()));
  }
});

test('the Cloud Connector page explains a URL check and saves a suspended resource', async ({
  page,
  engine,
}) => {
  await page.goto(engine.ready.ui);
  await page.getByRole('link', { name: 'Cloud Connector' }).click();
  const check = page.getByRole('form', { name: 'Check a URL' });
  await check.getByLabel('URL').fill('http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/');
  await check.getByRole('button', { name: 'Check' }).click();
  const result = page.getByRole('status', { name: 'Check result' });
  await expect(result).toContainText('Resource: /sap/opu/odata/*');
  await check.getByLabel('URL').fill('http://s4.virtual:44300/other');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(result).toContainText('Denied (403): Access denied to system s4.virtual:44300');

  const location = page.getByRole('region', { name: 'Default location (no id)' });
  await location
    .getByRole('checkbox', { name: 'Resource /sap/opu/odata/ of s4.virtual:44300 enabled' })
    .click();
  await expect(location.locator('.cc-suspended')).toHaveCount(1);
  await check.getByLabel('URL').fill('http://s4.virtual:44300/sap/opu/odata/x');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(result).toContainText('is suspended');

  const add = location.getByRole('form', { name: /Add a system mapping/ });
  await add.getByLabel('Virtual host').fill('bad host');
  await add.getByRole('button', { name: 'Add mapping' }).click();
  await expect(add).toContainText('must be a host name or IPv4 address');
});
