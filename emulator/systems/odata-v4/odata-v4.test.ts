// Conformance: OData V4 JSON over the sales-order-like service (generated data, seed 7, 5 orders with
// 15 items): context and count annotations, V4 filters and lambdas, nested expand options, $search,
// writes with ETags, bound/unbound actions and functions, and both $batch formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectJson,
  FIXTURES,
  fixtureSystem,
  startTestSystem,
  V4_ROOT,
  type TestSystem,
} from '../test-support.js';

type Entity = Record<string, unknown>;
type Collection = {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Entity[];
};
type V4Error = { error: { code: string; message: string } };

let sys: TestSystem;
let csrf: { 'x-csrf-token': string; cookie: string };
beforeAll(async () => {
  sys = await startTestSystem(fixtureSystem(), { baseDir: FIXTURES });
  csrf = await sys.csrf();
});
afterAll(() => sys.stop());

const get = (path: string): Promise<Response> =>
  sys.request(`${V4_ROOT}${path}`, { headers: { accept: 'application/json' } });
const send = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> =>
  sys.request(`${V4_ROOT}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...csrf, ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

describe('reads', () => {
  it('serves the service document and $metadata', async () => {
    const doc = await expectJson<Collection>(await get(''), 200);
    expect(doc['@odata.context']).toBe(`${sys.url}${V4_ROOT}$metadata`);
    expect(doc.value.map((v) => v.name)).toEqual([
      'SalesOrder',
      'SalesOrderItem',
      'summary',
      'createFromQuote',
    ]);
    expect(await (await get('$metadata')).text()).toContain('<Action Name="release" IsBound="true">');
  });

  it('returns value with @odata.context, @odata.count and @odata.etag', async () => {
    const body = await expectJson<Collection>(
      await get('SalesOrder?$count=true&$top=2&$select=SalesOrder,SalesOrderDate'),
      200,
    );
    expect(body['@odata.context']).toBe(
      `${sys.url}${V4_ROOT}$metadata#SalesOrder(SalesOrder,SalesOrderDate)`,
    );
    expect(body['@odata.count']).toBe(5);
    expect(body.value).toHaveLength(2);
    expect(Object.keys(body.value[0]!)).toEqual(['@odata.etag', 'SalesOrder', 'SalesOrderDate']);
    expect(body.value[0]!.SalesOrder).toBe('1000001');
    expect(body.value[0]!.SalesOrderDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await (await get('SalesOrder/$count')).text()).toBe('5');
  });

  it('reads composite keys, properties and navigations', async () => {
    const item = await expectJson<Entity>(
      await get("SalesOrderItem(SalesOrder='1000001',SalesOrderItem='000010')"),
      200,
    );
    expect(item['@odata.context']).toBe(`${sys.url}${V4_ROOT}$metadata#SalesOrderItem/$entity`);
    const order = await expectJson<Entity>(
      await get("SalesOrderItem(SalesOrder='1000001',SalesOrderItem='000010')/_SalesOrder"),
      200,
    );
    expect(order.SalesOrder).toBe('1000001');
    const items = await expectJson<Collection>(await get("SalesOrder('1000001')/_Item"), 200);
    expect(items.value.every((i) => i.SalesOrder === '1000001')).toBe(true);
    const property = await expectJson<Entity>(await get("SalesOrder('1000001')/SalesOrder"), 200);
    expect(property.value).toBe('1000001');
  });

  it('filters with V4 functions, in, and lambdas', async () => {
    const all = (await expectJson<Collection>(await get('SalesOrder?$expand=_Item'), 200)).value;
    const expected = all
      .filter((o) => (o._Item as Entity[]).some((i) => (i.RequestedQuantity as number) > 50))
      .map((o) => o.SalesOrder);
    const any = await expectJson<Collection>(
      await get('SalesOrder?$filter=_Item/any(i:i/RequestedQuantity gt 50)&$select=SalesOrder'),
      200,
    );
    expect(any.value.map((o) => o.SalesOrder)).toEqual(expected);
    const inList = await expectJson<Collection>(
      await get("SalesOrder?$filter=SalesOrder in ('1000002','1000004') and contains(SalesOrder,'00')"),
      200,
    );
    expect(inList.value.map((o) => o.SalesOrder)).toEqual(['1000002', '1000004']);
    const dated = await expectJson<Collection>(
      await get(
        'SalesOrder?$filter=year(SalesOrderDate) ge 2018 and SalesOrderDate lt 2030-01-01&$count=true&$top=0',
      ),
      200,
    );
    expect(dated['@odata.count']).toBe(5);
  });

  it('expands with nested $select, $filter, $orderby, $top and $count', async () => {
    const body = await expectJson<Entity>(
      await get(
        "SalesOrder('1000001')?$expand=_Item($select=SalesOrderItem;$orderby=SalesOrderItem desc;$top=2;$count=true;$expand=_SalesOrder($select=SalesOrder))",
      ),
      200,
    );
    const items = body._Item as Entity[];
    expect(body['_Item@odata.count']).toBe(3);
    expect(items.map((i) => i.SalesOrderItem)).toEqual(['000110', '000060']);
    expect((items[0]!._SalesOrder as Entity).SalesOrder).toBe('1000001');
  });

  it('searches string properties with $search', async () => {
    const all = (await expectJson<Collection>(await get('SalesOrder'), 200)).value;
    const name = all[0]!.CustomerName as string;
    const found = await expectJson<Collection>(
      await get(`SalesOrder?$search=${encodeURIComponent(name.toLowerCase())}`),
      200,
    );
    expect(found.value.map((o) => o.SalesOrder)).toEqual(
      all.filter((o) => o.CustomerName === name).map((o) => o.SalesOrder),
    );
  });

  it.each([
    ["SalesOrder?$filter=substringof('a',SalesOrder)", 400, /Unknown function substringof/],
    ['SalesOrder?$expand=_Item($nope=1)', 400, /Option \$nope is not allowed in \$expand of _Item/],
    ['SalesOrder?$count=maybe', 400, /\$count/],
    ["SalesOrder(Nope='1')", 400, /has the keys SalesOrder/],
    ["SalesOrder('none')", 404, /Resource not found/],
    ['SalesOrder?$apply=groupby((SalesOrder))', 400, /not supported/],
  ])('%s → %i with an error naming it', async (path, status, message) => {
    const body = await expectJson<V4Error>(await get(path), status);
    expect(body.error.message).toMatch(message);
  });
});

describe('writes, operations and $batch', () => {
  it('creates (deep), patches with If-Match, and deletes', async () => {
    const created = await send('POST', 'SalesOrder', {
      SalesOrder: '7000001',
      CustomerName: 'V4 Deep',
      _Item: [{ SalesOrderItem: '000010', Material: 'M1' }],
    });
    const order = await expectJson<Entity>(created, 201);
    expect(created.headers.get('location')).toBe(`${sys.url}${V4_ROOT}SalesOrder('7000001')`);
    expect(
      (
        await expectJson<Entity>(
          await get("SalesOrderItem(SalesOrder='7000001',SalesOrderItem='000010')"),
          200,
        )
      ).Material,
    ).toBe('M1');
    const stale = await send(
      'PATCH',
      "SalesOrder('7000001')",
      { CustomerName: 'x' },
      { 'if-match': 'W/"00000000"' },
    );
    expect(stale.status).toBe(412);
    const patched = await send(
      'PATCH',
      "SalesOrder('7000001')",
      { CustomerName: 'Patched' },
      { 'if-match': order['@odata.etag'] as string, prefer: 'return=representation' },
    );
    expect((await expectJson<Entity>(patched, 200)).CustomerName).toBe('Patched');
    expect((await send('DELETE', "SalesOrder('7000001')")).status).toBe(204);
    expect((await get("SalesOrder('7000001')")).status).toBe(404);
  });

  it('calls bound and unbound actions and functions', async () => {
    const released = await expectJson<Entity>(
      await send('POST', "SalesOrder('1000002')/com.sap.gateway.srvd.salesorder.v0001.release", {}),
      200,
    );
    expect(released.SalesOrder).toBe('1000002');
    const count = await expectJson<Entity>(
      await get("SalesOrder('1000002')/com.sap.gateway.srvd.salesorder.v0001.itemCount()"),
      200,
    );
    expect(count).toMatchObject({ value: 0 });
    const summary = await expectJson<Entity>(await get("summary(SoldToParty='1000001')"), 200);
    expect(summary).toMatchObject({ OrderCount: 0 });
    expect(
      (await send('GET', "SalesOrder('1000002')/com.sap.gateway.srvd.salesorder.v0001.release")).status,
    ).toBe(405);
    const bad = await expectJson<V4Error>(await send('POST', 'createFromQuote', { Nope: 1 }), 400);
    expect(bad.error.message).toBe('createFromQuote has no parameter Nope');
  });

  it('runs a JSON $batch with an atomicity group, rolled back on failure', async () => {
    const body = {
      requests: [
        { id: 'r1', method: 'GET', url: "SalesOrder('1000001')?$select=SalesOrder" },
        {
          id: 'c1',
          atomicityGroup: 'g1',
          method: 'POST',
          url: 'SalesOrder',
          body: { SalesOrder: '8000001' },
        },
        { id: 'c2', atomicityGroup: 'g1', method: 'POST', url: 'SalesOrder', body: { Nope: 1 } },
      ],
    };
    const result = await expectJson<{ responses: { id: string; status: number }[] }>(
      await send('POST', '$batch', body),
      200,
    );
    expect(result.responses.map((r) => [r.id, r.status])).toEqual([
      ['r1', 200],
      ['c1', 400],
      ['c2', 400],
    ]);
    expect((await get("SalesOrder('8000001')")).status).toBe(404);
  });

  it('runs a multipart $batch', async () => {
    const text = [
      '--b1',
      'Content-Type: application/http',
      '',
      "GET SalesOrder('1000001')?$select=SalesOrder HTTP/1.1",
      'Accept: application/json',
      '',
      '',
      '--b1--',
      '',
    ].join('\r\n');
    const response = await send('POST', '$batch', text, { 'content-type': 'multipart/mixed;boundary=b1' });
    // 200 OK in V4 (OData 4.0 Protocol 11.7.4); 202 Accepted is V2's answer.
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"SalesOrder":"1000001"');
  });
});

describe('protocol details', () => {
  it('integer div is an integer (ItemPosition div 2 eq 2 matches 4 and 5); div and mod by zero are 400', async () => {
    const items = [3, 4, 5, 6].map((ItemPosition, i) => ({
      SalesOrderItem: `0000${i + 1}0`,
      ItemPosition,
    }));
    expect((await send('POST', 'SalesOrder', { SalesOrder: '7100001', _Item: items })).status).toBe(201);
    const found = await expectJson<Collection>(
      await get(
        "SalesOrderItem?$filter=SalesOrder eq '7100001' and ItemPosition div 2 eq 2&$select=ItemPosition",
      ),
      200,
    );
    expect(found.value.map((i) => i.ItemPosition)).toEqual([4, 5]);
    for (const [filter, op] of [
      ['ItemPosition div 0 eq 1', 'div'],
      ['ItemPosition mod 0 eq 1', 'mod'],
    ]) {
      const failed = await expectJson<V4Error>(await get(`SalesOrderItem?$filter=${filter}`), 400);
      expect(failed.error.message).toBe(`Invalid $filter: division by zero (${op} at position 14)`);
    }
  });

  it('answers a single-valued navigation with no related entity with 204 No Content', async () => {
    const orphan = { SalesOrder: '7199999', SalesOrderItem: '000010' };
    expect((await send('POST', 'SalesOrderItem', orphan)).status).toBe(201);
    const path = "SalesOrderItem(SalesOrder='7199999',SalesOrderItem='000010')/_SalesOrder";
    const none = await get(path);
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
    expect((await get(`${path}/SalesOrder`)).status).toBe(404);
    expect((await send('PATCH', path, { CustomerName: 'x' })).status).toBe(404);
  });
});
