// Real clients against the simulated systems: the SAP Cloud SDK OData V2 and V4 clients, unmodified,
// with typed clients generated offline from the demo EDMX (e2e/clients/generated), in fresh processes
// started by `btp-emulator exec`. First straight at the system (ODATA_URL), then the way an app on BTP
// works: destination `S4` from the destination service, through the connectivity proxy and the Cloud
// Connector mapping `s4.virtual:44300 → system:S4D`.
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import type { SystemSummary } from '../../app/systems/api.js';
import { runScript } from './support/cli.js';
import { useEngine } from './support/suite.js';

const v2Steps = z.object({
  getAll: z.array(z.object({ key: z.string(), lastName: z.string(), addresses: z.number() })),
  getByKey: z.object({ key: z.string(), etag: z.string().nullable() }),
  create: z.object({ key: z.string(), lastName: z.string() }),
  update: z.object({ lastName: z.string(), sentIfMatch: z.boolean(), etagChanged: z.boolean() }),
  delete: z.object({ gone: z.boolean() }),
  functionImport: z.object({ count: z.number() }),
  batch: z.object({
    success: z.boolean(),
    parts: z.number(),
    statuses: z.array(z.number()),
    city: z.string(),
  }),
});
const v4Steps = z.object({
  getAll: z.object({ keys: z.array(z.string()), items: z.array(z.number()), count: z.number() }),
  getByKey: z.object({ key: z.string(), etag: z.string().nullable() }),
  create: z.object({ key: z.string(), itemMaterial: z.string() }),
  update: z.object({ customerName: z.string() }),
  delete: z.object({ gone: z.boolean() }),
  operations: z.object({ summaryCount: z.number().nullable(), actionResult: z.string().nullable() }),
  batch: z.object({ success: z.boolean(), statuses: z.array(z.number()), created: z.string() }),
});
const resultOf = <S extends z.ZodType>(steps: S) => z.object({ script: z.string(), steps });

test.describe('SAP Cloud SDK OData clients against the simulated S4D system', () => {
  const engine = useEngine({ prefix: 'odata' });
  let systemUrl = '';

  test.beforeAll(async () => {
    const systems = (await (await engine().api('/api/systems')).json()) as SystemSummary[];
    const s4d = systems.find((s) => s.id === 'S4D');
    expect(s4d?.state).toBe('running');
    systemUrl = `http://127.0.0.1:${s4d!.port!}`;
  });

  const run = (script: string, env: Record<string, string>) =>
    runScript(script, [], { dataDir: engine().dataDir, env });
  const direct = (): Record<string, string> => ({
    ODATA_URL: systemUrl,
    ODATA_USER: 'DEVELOPER',
    ODATA_PASSWORD: 'Welcome1',
  });

  function expectV2(steps: z.infer<typeof v2Steps>): void {
    expect(steps.getAll).toHaveLength(3);
    expect(
      steps.getAll.every((bp) => bp.addresses > 0),
      '$expand of to_BusinessPartnerAddress',
    ).toBe(true);
    expect(steps.getByKey.etag).toMatch(/^W\//);
    expect(steps.create.lastName).toBe('Sdk');
    expect(steps.update).toEqual({ lastName: 'Sdk-Updated', sentIfMatch: true, etagChanged: true });
    expect(steps.delete.gone).toBe(true);
    expect(steps.batch).toMatchObject({ success: true, parts: 2, statuses: [201, 204], city: 'Batchville' });
  }

  function expectV4(steps: z.infer<typeof v4Steps>): void {
    expect(steps.getAll.keys).toHaveLength(3);
    expect(steps.getAll.items).toEqual([2, 2, 2]);
    expect(steps.getAll.count).toBeGreaterThanOrEqual(20);
    expect(steps.getByKey.etag).toMatch(/^W\//);
    expect(steps.create.itemMaterial).toBe('SDK-1');
    expect(steps.update.customerName).toBe('Cloud SDK updated');
    expect(steps.delete.gone).toBe(true);
    expect(steps.operations.summaryCount).toBe(0);
    expect(steps.batch).toMatchObject({ success: true, created: 'Batch new' });
  }

  test('V2: getAll with filter/select/expand/top, getByKey, create, update, delete, function import, $batch — direct', async () => {
    const { result } = await run('odata-v2-client.mjs', direct());
    expectV2(resultOf(v2Steps).parse(result).steps);
  });

  test('V2: the same through destination S4 and the connectivity proxy', async () => {
    const { result } = await run('odata-v2-client.mjs', { ODATA_DESTINATION: 'S4' });
    expectV2(resultOf(v2Steps).parse(result).steps);
  });

  test('V4: getAll with lambda filter/select/nested expand/top/count, writes, operations, $batch — direct', async () => {
    const { result } = await run('odata-v4-client.mjs', direct());
    expectV4(resultOf(v4Steps).parse(result).steps);
  });

  test('V4: the same through destination S4 and the connectivity proxy', async () => {
    const { result } = await run('odata-v4-client.mjs', { ODATA_DESTINATION: 'S4' });
    expectV4(resultOf(v4Steps).parse(result).steps);
  });
});
