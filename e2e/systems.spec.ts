// The Systems page against the real CLI and its demo workspace: system S4D serves API_BUSINESS_PARTNER,
// A_BusinessPartner is browsed and filtered through the engine's own OData query compiler, a bad filter
// shows the engine's message, and an edited row keeps its new value after a reload. An EDMX file
// imported on the page becomes a service of S4D whose generated rows can be browsed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures/engine.js';
import type { Page } from '@playwright/test';

async function browsePartners(page: Page): Promise<void> {
  const card = page.getByRole('region', { name: 'System S4D' });
  await card.getByRole('button', { name: 'Browse A_BusinessPartner of API_BUSINESS_PARTNER' }).click();
  await expect(page.getByRole('status', { name: 'Rows shown' })).toHaveText(/^1–\d+ of \d+$/);
}

test('Systems: browse, filter and edit A_BusinessPartner of S4D', async ({ page, engine }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(engine.ready.ui);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText('Live');
  await page
    .getByRole('navigation', { name: 'Product areas' })
    .getByRole('link', { name: 'Systems' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Systems' })).toBeVisible();

  const card = page.getByRole('region', { name: 'System S4D' });
  await expect(card.getByText('Running')).toBeVisible();
  const services = card.getByRole('table', { name: 'Services of S4D' });
  await expect(services.getByRole('rowheader', { name: /API_BUSINESS_PARTNER/ })).toBeVisible();
  await expect(services).toContainText('http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/');

  await browsePartners(page);
  const rows = page.getByRole('table', { name: 'A_BusinessPartner rows' }).getByRole('row');
  const total = Number(
    (await page.getByRole('status', { name: 'Rows shown' }).textContent())?.split(' of ')[1],
  );
  expect(total).toBeGreaterThan(1);

  const query = page.getByRole('form', { name: 'Query' });
  await query.getByLabel('$filter').fill('Foo eq 1');
  await query.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toContainText('Property Foo does not exist');

  await query.getByLabel('$filter').fill("BusinessPartner eq '1000002'");
  await query.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status', { name: 'Rows shown' })).toHaveText('1–1 of 1');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('alert')).toBeHidden();

  await page.getByRole('button', { name: 'Edit 1000002' }).click();
  const form = page.getByRole('form', { name: 'Edit 1000002' });
  await form.getByLabel('LastName', { exact: true }).fill('Edited-by-e2e');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(rows.nth(1)).toContainText('Edited-by-e2e');
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.getByRole('region', { name: 'Rows of A_BusinessPartner' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/systems.png' });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Systems' })).toBeVisible();
  await browsePartners(page);
  await query.getByLabel('$filter').fill("LastName eq 'Edited-by-e2e'");
  await query.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status', { name: 'Rows shown' })).toHaveText('1–1 of 1');
  await expect(rows.nth(1)).toContainText('1000002');
  expect(problems).toEqual([]);
});

test('Systems: import an EDMX file as a new service and browse its generated rows', async ({
  page,
  engine,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(engine.ready.ui);
  await page
    .getByRole('navigation', { name: 'Product areas' })
    .getByRole('link', { name: 'Systems' })
    .click();
  const card = page.getByRole('region', { name: 'Import an EDMX' });
  await card.getByLabel('EDMX file').setInputFiles({
    name: 'ZPRODUCT_SRV.edmx',
    mimeType: 'application/xml',
    buffer: await readFile(path.join(ROOT, 'emulator/systems/fixtures/products.edmx')),
  });
  await expect(card.getByLabel('EDMX XML')).toHaveValue(/ZPRODUCT_SRV_Entities/);
  await card.getByRole('button', { name: 'Inspect' }).click();
  await expect(card.getByRole('region', { name: 'EDMX contents' })).toContainText(
    'OData v2, namespace ZPRODUCT_SRV, 1 entity set(s)',
  );
  const add = card.getByRole('form', { name: 'Add the service' });
  await expect(add.getByLabel('Service name')).toHaveValue('ZPRODUCT_SRV');
  await expect(add.getByLabel('System')).toHaveValue('S4D');
  await add.getByLabel('Rows per entity set').fill('12');
  await add.getByRole('button', { name: 'Add service' }).click();
  await expect(card.getByRole('status', { name: 'Import result' })).toContainText(
    'Service ZPRODUCT_SRV added to system S4D',
  );

  const services = page
    .getByRole('region', { name: 'System S4D' })
    .getByRole('table', { name: 'Services of S4D' });
  await expect(services.getByRole('rowheader', { name: /ZPRODUCT_SRV/ })).toContainText('OData v2');
  await expect(services).toContainText('http://s4.virtual:44300/sap/opu/odata/sap/ZPRODUCT_SRV/');
  // The page opens the new service's first entity set: its generated rows, served by the engine.
  await expect(page.getByRole('status', { name: 'Rows shown' })).toHaveText('1–12 of 12');
  const rows = page.getByRole('table', { name: 'Products rows' }).getByRole('row');
  await expect(rows).toHaveCount(13);
  await expect(rows.nth(1)).not.toContainText('undefined');

  // And again after a reload: the service is part of the running workspace.
  await page.reload();
  await page
    .getByRole('region', { name: 'System S4D' })
    .getByRole('button', { name: 'Browse Products of ZPRODUCT_SRV' })
    .click();
  await expect(page.getByRole('status', { name: 'Rows shown' })).toHaveText('1–12 of 12');
  expect(problems).toEqual([]);
});
