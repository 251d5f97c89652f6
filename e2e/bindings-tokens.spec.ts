// The Bindings and Tokens pages against the real CLI: issue a user token and verify it, catch a
// tampered copy by its signature, and read, reveal and export the bindings an app gets.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, test, type RunningEngine } from './fixtures/engine.js';

/** Signs in with the one-time link, then opens an area from the side navigation. */
async function openArea(page: Page, engine: RunningEngine, area: 'Bindings' | 'Tokens'): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(engine.ready.ui);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText('Live');
  await page.getByRole('navigation', { name: 'Product areas' }).getByRole('link', { name: area }).click();
  await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible();
  return problems;
}

/** The app scrolls inside <main>, so a full-page screenshot first grows the viewport to the content. */
async function screenshotArea(page: Page, name: string): Promise<void> {
  const height = await page
    .locator('#main')
    .evaluate((main: HTMLElement) => main.scrollHeight + main.offsetTop);
  await page.setViewportSize({ width: 1280, height: Math.min(height, 6000) });
  await page.screenshot({ path: path.join(ROOT, 'test-results', name) });
}

/** The same token with one payload claim changed and the original signature kept. */
function tamper(token: string, claim: string, value: unknown): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, [claim]: value }), 'utf8').toString('base64url');
  return `${header}.${forged}.${signature}`;
}

const claimRow = (page: Page, table: string, claim: string) =>
  page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${claim}\\b`) }) });

test('Tokens: issue a user token, verify it, and catch a tampered copy', async ({ page, engine }) => {
  const problems = await openArea(page, engine, 'Tokens');

  const issue = page.getByRole('form', { name: 'Issue a token' });
  await issue.getByLabel('Client', { exact: true }).selectOption({ label: 'demo-uaa (XSUAA app)' });
  await issue.getByLabel('User', { exact: true }).selectOption('alice');
  await issue.getByRole('button', { name: 'Issue token' }).click();

  await expect(page.getByRole('heading', { name: 'Token for alice' })).toBeVisible();
  await expect(claimRow(page, 'Claims of the issued token', 'user_name')).toContainText('alice');
  const scopes = claimRow(page, 'Claims of the issued token', 'scope');
  await expect(scopes).toContainText('demo!t1.Edit');
  await expect(scopes).toContainText('demo!t1.Display');
  const token = (await page.getByLabel('Issued access token').textContent()) ?? '';
  expect(token.split('.')).toHaveLength(3);

  const verify = page.getByRole('form', { name: 'Decode & verify' });
  await verify.getByLabel('JWT', { exact: true }).fill(token);
  await verify.getByLabel('Audience', { exact: true }).selectOption({ label: 'Meant for demo-uaa' });
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Valid/ })).toContainText('meant for demo-uaa');
  await expect(claimRow(page, 'Token claims', 'user_name')).toContainText('alice');
  await expect(claimRow(page, 'Token header', 'alg')).toContainText('RS256');

  await verify.getByLabel('JWT', { exact: true }).fill(tamper(token, 'user_name', 'mallory'));
  await verify.getByRole('button', { name: 'Verify' }).click();
  const verdict = page.getByRole('alert').filter({ hasText: /^Invalid/ });
  await expect(verdict).toContainText('Bad signature: the signature does not match the header and payload');
  // The forged claim is decoded and shown, so the user sees what was changed.
  await expect(claimRow(page, 'Token claims', 'user_name')).toContainText('mallory');

  await screenshotArea(page, 'tokens.png');
  expect(problems).toEqual([]);
});

test('Bindings: masked secrets, a warning when one is shown, and a default-env.json export', async ({
  page,
  engine,
}) => {
  const response = await engine.api('/api/bindings');
  const env = (await response.json()) as {
    VCAP_SERVICES: { xsuaa: { credentials: { clientsecret: string } }[] };
  };
  const secret = env.VCAP_SERVICES.xsuaa[0]!.credentials.clientsecret;
  const problems = await openArea(page, engine, 'Bindings');

  const credentials = page.getByRole('table', { name: 'Credentials of demo-uaa' });
  const row = (key: string) =>
    credentials.getByRole('row').filter({ has: page.getByRole('rowheader', { name: key, exact: true }) });
  await expect(row('clientid')).toContainText('sb-demo!t1');
  await expect(row('clientsecret')).toContainText('••••');
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await row('clientsecret').getByRole('button', { name: 'Show clientsecret of demo-uaa' }).click();
  await expect(row('clientsecret')).toContainText(secret);
  const warning = page.getByRole('alert');
  await expect(warning).toContainText('Secret visible');
  await expect(warning).toContainText('clientsecret of demo-uaa is shown on screen');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download default-env.json' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('default-env.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    VCAP_SERVICES: { xsuaa: { name: string; credentials: { clientid: string } }[] };
    VCAP_APPLICATION: unknown;
  };
  expect(exported.VCAP_SERVICES.xsuaa[0]).toMatchObject({
    name: 'demo-uaa',
    credentials: { clientid: 'sb-demo!t1' },
  });
  expect(exported.VCAP_APPLICATION).toBeTruthy();
  await expect(page.getByText('Downloaded default-env.json.')).toBeVisible();

  await screenshotArea(page, 'bindings.png');
  expect(problems).toEqual([]);
});

test('Bindings: a staged key rotation shows the pending key, and an outside rotation arrives live', async ({
  page,
  engine,
}) => {
  const problems = await openArea(page, engine, 'Bindings');
  const keys = page.getByRole('table', { name: 'Signing keys' });
  const keyRow = (kid: string) =>
    keys.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kid }) });
  await expect(keys.getByRole('row')).toHaveCount(2); // header + the current key
  const [original] = await engine.api('/api/xsuaa/keys').then((r) => r.json() as Promise<{ kid: string }[]>);

  await page.getByRole('button', { name: 'Rotate signing key…' }).click();
  const confirm = page.getByRole('group', { name: 'Rotate the signing key?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Rotate', exact: true }).click();

  await expect(keys.getByRole('row')).toHaveCount(3);
  const pending = keys.getByRole('row').filter({ hasText: 'Pending' });
  await expect(pending).toContainText(/published, starts signing in 3[01] minutes/);
  const pendingKid = (await pending.getByRole('rowheader').textContent()) ?? '';
  await expect(page.getByRole('status').filter({ hasText: `${pendingKid} is published` })).toBeVisible();
  await expect(keyRow(original!.kid)).toContainText('Current');

  // Activated from outside the page (CLI, another window): the keys-rotated event updates the table.
  const rotated = await engine.api('/api/xsuaa/keys/rotate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ immediate: true }),
  });
  expect(rotated.status).toBe(200);
  await expect(keyRow(pendingKid)).toContainText('Current');
  await expect(keyRow(original!.kid)).toContainText('Retired');
  await expect(keyRow(original!.kid)).toContainText('leaves the JWKS in 12 hours');
  expect(problems).toEqual([]);
});
