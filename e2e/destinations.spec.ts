// The Destinations page against the real CLI: a wrong destination is refused with the property named,
// a new Internet destination is created, its connection is checked against a local backend through the
// engine, the result reads as BTP's cockpit words it, and the destination can be deleted again.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures/engine.js';

test('Destinations: create a destination, check its connection, delete it', async ({ page, engine }) => {
  const backend = http.createServer((_req, res) => res.writeHead(200, 'OK').end('hello'));
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/api`;
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(engine.ready.ui);
    await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText('Live');
    await page
      .getByRole('navigation', { name: 'Product areas' })
      .getByRole('link', { name: 'Destinations' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Destinations' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Destinations' });
    await expect(table.getByRole('rowheader', { name: 'S4' })).toBeVisible();

    await page.getByRole('button', { name: 'New destination' }).click();
    const form = page.getByRole('form', { name: 'New destination' });
    await form.getByLabel('Name', { exact: true }).fill('LOCAL_API');
    await form.getByLabel('Authentication', { exact: true }).selectOption('BasicAuthentication');
    await form.getByLabel('User', { exact: true }).fill('me');
    await form.getByRole('button', { name: 'Save' }).click();
    const refusal = form.getByRole('alert');
    await expect(refusal).toContainText('The destination was not saved');
    await expect(refusal).toContainText('$.URL');
    await expect(refusal).toContainText('$.Password');

    await form.getByLabel('URL', { exact: true }).fill(url);
    await form.getByLabel('Password', { exact: true }).fill('secret');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'LOCAL_API' }) });
    await expect(row).toContainText(url);
    await expect(row).toContainText('BasicAuthentication');

    await row.getByRole('button', { name: 'Check connection of LOCAL_API' }).click();
    await expect(page.getByRole('status', { name: 'Check result' })).toHaveText(
      'Connection to "LOCAL_API" established. Response returned: "200: OK"',
    );

    const saved = (await (await engine.api('/api/destinations')).json()) as {
      subaccount: { Name: string }[];
    };
    expect(saved.subaccount.map((d) => d.Name)).toContain('LOCAL_API');

    await row.getByRole('button', { name: 'Delete LOCAL_API' }).click();
    await expect(table.getByRole('rowheader', { name: 'LOCAL_API' })).toBeHidden();
    expect(problems).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => backend.close(() => resolve()));
  }
});

test('Destinations: an on-premise check runs through the connectivity path', async ({ page, engine }) => {
  await page.goto(engine.ready.ui);
  await page
    .getByRole('navigation', { name: 'Product areas' })
    .getByRole('link', { name: 'Destinations' })
    .click();
  await page.getByRole('button', { name: 'Check connection of S4' }).click();
  const result = page.getByRole('status', { name: 'Check result' });
  await expect(result).toContainText('Connection to "S4"');
  const status = (await (await engine.api('/api/status')).json()) as {
    services: { id: string; state: string }[];
  };
  if (!status.services.some((s) => s.id === 'proxy' && s.state === 'running'))
    await expect(result).toContainText('The connectivity proxy is not running');
});
