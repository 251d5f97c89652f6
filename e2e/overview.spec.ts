// The Overview against the real CLI: one-time link sign-in, live service table, a workspace change
// through the admin API appearing without reload, and the unauthorized state for a bare URL.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures/engine.js';

const connection = (page: Page) => page.getByRole('status', { name: 'Engine connection' });
const serviceRow = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title, exact: true }) });

test('Overview shows the running engine and follows workspace changes live', async ({ page, engine }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.goto(engine.ready.ui);
  // The one-time token was traded for a session cookie and dropped from the address bar.
  await expect(page).toHaveURL(`${engine.adminUrl}/`);
  await expect(connection(page)).toHaveText('Live');

  const admin = serviceRow(page, 'Admin API & UI');
  await expect(admin.getByText('Running')).toBeVisible();
  await expect(admin.getByRole('cell', { name: String(engine.adminPort), exact: true })).toBeVisible();
  await expect(admin.getByText(engine.adminUrl, { exact: true })).toBeVisible();
  const header = page.getByRole('group', { name: 'Current workspace' });
  await expect(header).toContainText('Demo');

  // A marker on window survives only if the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { e2eMarker: 'same-page' }));
  const current = await engine.api('/api/workspace');
  expect(current.status).toBe(200);
  const { workspace } = (await current.json()) as { workspace: Record<string, unknown> };
  const renamed = await engine.api('/api/workspace', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...workspace, name: 'Renamed by e2e' }),
  });
  expect(renamed.status, await renamed.clone().text()).toBe(200);

  await expect(header).toContainText('Renamed by e2e');
  await expect(page.getByRole('region', { name: 'Workspace' })).toContainText('Renamed by e2e');
  expect(await page.evaluate(() => (window as Window & { e2eMarker?: string }).e2eMarker)).toBe('same-page');
  await expect(connection(page)).toHaveText('Live');

  await page.screenshot({ path: path.join(ROOT, 'test-results', 'overview.png'), fullPage: true });
  // Includes Content-Security-Policy violations, which Chromium reports as console errors.
  expect(problems).toEqual([]);
});

test('a browser without the one-time link is told how to sign in', async ({ browser, engine }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(engine.adminUrl);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('not signed in');
    await expect(alert).toContainText(
      'Open the link printed by btp-emulator start — it contains a one-time token',
    );
    await expect(connection(page)).toHaveText('Not signed in');
    await expect(page.getByRole('table')).toHaveCount(0);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'overview-unauthorized.png') });
  } finally {
    await context.close();
  }
});

test('when the engine stops, the page says so and keeps the last known state', async ({ page, engine }) => {
  await page.goto(engine.ready.ui);
  await expect(connection(page)).toHaveText('Live');
  await engine.stop();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Cannot reach the engine');
  await expect(alert).toContainText('last known state');
  await expect(connection(page)).toHaveText('Engine unreachable');
  await expect(serviceRow(page, 'Admin API & UI')).toBeVisible();
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'overview-unreachable.png') });
});
