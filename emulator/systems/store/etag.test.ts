// Conformance: `requireIfMatch` makes a service answer as SAP Gateway does: an update or delete of an
// entity type with an ETag (V2 ConcurrencyMode="Fixed", V4 Core.OptimisticConcurrency) without If-Match
// gets 428 Precondition Required with an SAP error body, also inside a $batch changeset (rolled back).
// Types without an ETag in the metadata, and services without the setting, do not need If-Match.
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectJson,
  FIXTURES,
  fixtureSystem,
  startTestSystem,
  V2_ROOT,
  V4_ROOT,
  type TestSystem,
  type V2ErrorBody,
} from '../test-support.js';

type V4Error = { error: { code: string; message: string } };

let sys: TestSystem | undefined;
afterEach(async () => {
  await sys?.stop();
  sys = undefined;
});

async function start(requireIfMatch: boolean): Promise<{
  send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
}> {
  const system = fixtureSystem((s) => {
    for (const service of s.services as Record<string, unknown>[]) service.requireIfMatch = requireIfMatch;
  });
  const started = await startTestSystem(system, { baseDir: FIXTURES });
  sys = started;
  const csrf = await started.csrf();
  return {
    send: (method, path, body, headers = {}) =>
      started.request(path, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...csrf, ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}

const PARTNER = `${V2_ROOT}A_BusinessPartner('1000002')`;
const ADDRESS = `${V2_ROOT}A_BusinessPartnerAddress(BusinessPartner='1000002',AddressID='3')`;

describe('requireIfMatch, OData V2', () => {
  it.each(['MERGE', 'PATCH', 'PUT', 'DELETE'])(
    '%s without If-Match on a type with an ETag: 428 with the SAP error body',
    async (method) => {
      const { send } = await start(true);
      const response = await send(method, PARTNER, method === 'DELETE' ? undefined : { FirstName: 'X' });
      const body = await expectJson<V2ErrorBody>(response, 428);
      expect(body.error.code).toBe('/IWBEP/CM_MGW_RT/194');
      expect(body.error.message).toEqual({
        lang: 'en',
        value: expect.stringContaining('A_BusinessPartnerType has an ETag') as unknown,
      });
      expect(body.error.innererror.errordetails).toEqual([
        expect.objectContaining({ code: '/IWBEP/CM_MGW_RT/194', severity: 'error' }),
      ]);
      expect((await send('GET', PARTNER)).status).toBe(200);
    },
  );

  it('passes with the current ETag or *, refuses a stale one with 412', async () => {
    const { send } = await start(true);
    const read = await expectJson<{ d: { __metadata: { etag: string } } }>(await send('GET', PARTNER), 200);
    const etag = read.d.__metadata.etag;
    expect((await send('MERGE', PARTNER, { FirstName: 'Y' }, { 'if-match': etag })).status).toBe(204);
    expect((await send('MERGE', PARTNER, { FirstName: 'Z' }, { 'if-match': etag })).status).toBe(412);
    expect((await send('DELETE', PARTNER, undefined, { 'if-match': '*' })).status).toBe(204);
  });

  it('does not ask for If-Match where the metadata declares no ETag, nor on create', async () => {
    const { send } = await start(true);
    expect((await send('MERGE', ADDRESS, { CityName: 'Lyon' })).status).toBe(204);
    expect(
      (await send('POST', `${V2_ROOT}A_BusinessPartner`, { BusinessPartner: '5000001', LastName: 'New' }))
        .status,
    ).toBe(201);
  });

  it('is off by default: a change without If-Match passes', async () => {
    const { send } = await start(false);
    expect((await send('MERGE', PARTNER, { FirstName: 'Free' })).status).toBe(204);
  });

  it('answers 428 inside a $batch changeset and rolls the changeset back', async () => {
    const { send } = await start(true);
    const part = (request: string): string =>
      `--cs\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n${request}\r\n`;
    const changeset = `${part(
      'POST A_BusinessPartner HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"BusinessPartner":"5000002","LastName":"Rolled back"}',
    )}${part(
      'MERGE A_BusinessPartner(\'1000002\') HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"FirstName":"No"}',
    )}--cs--\r\n`;
    const body = `--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n${changeset}\r\n--b--\r\n`;
    const response = await send('POST', `${V2_ROOT}$batch`, body, {
      'content-type': 'multipart/mixed; boundary=b',
    });
    const text = await response.text();
    expect(text).toContain('HTTP/1.1 428 Precondition Required');
    expect(text).toContain('/IWBEP/CM_MGW_RT/194');
    expect((await send('GET', `${V2_ROOT}A_BusinessPartner('5000002')`)).status).toBe(404);
  });
});

describe('requireIfMatch, OData V4', () => {
  const ORDER = `${V4_ROOT}SalesOrder('1000001')`;

  it.each(['PATCH', 'PUT', 'DELETE'])(
    '%s without If-Match on a type with Core.OptimisticConcurrency: 428 with the SAP error body',
    async (method) => {
      const { send } = await start(true);
      const response = await send(method, ORDER, method === 'DELETE' ? undefined : { CustomerName: 'X' });
      const body = await expectJson<V4Error>(response, 428);
      expect(body.error.code).toBe('/IWBEP/CM_V4_APPS/017');
      expect(body.error.message).toContain('The request has to be conditional (ETag required)');
    },
  );

  it('passes with the current ETag, and without one on a type that has none', async () => {
    const { send } = await start(true);
    const order = await expectJson<Record<string, unknown>>(await send('GET', ORDER), 200);
    const etag = order['@odata.etag'] as string;
    expect((await send('PATCH', ORDER, { CustomerName: 'With ETag' }, { 'if-match': etag })).status).toBe(
      204,
    );
    const item = `${V4_ROOT}SalesOrderItem(SalesOrder='1000001',SalesOrderItem='000010')`;
    expect((await send('PATCH', item, { Material: 'M-2' })).status).toBe(204);
  });

  it('answers 428 for a JSON $batch change without If-Match, and rolls its atomicity group back', async () => {
    const { send } = await start(true);
    const result = await expectJson<{ responses: { id: string; status: number; body?: V4Error }[] }>(
      await send('POST', `${V4_ROOT}$batch`, {
        requests: [
          {
            id: 'c1',
            atomicityGroup: 'g',
            method: 'POST',
            url: 'SalesOrder',
            body: { SalesOrder: '8100001' },
          },
          {
            id: 'c2',
            atomicityGroup: 'g',
            method: 'PATCH',
            url: "SalesOrder('1000001')",
            body: { CustomerName: 'No' },
          },
        ],
      }),
      200,
    );
    expect(result.responses.map((r) => r.status)).toEqual([428, 428]);
    expect((await send('GET', `${V4_ROOT}SalesOrder('8100001')`)).status).toBe(404);
  });
});
