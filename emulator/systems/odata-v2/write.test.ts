// Conformance: OData V2 writes with CSRF and ETags, deep insert, $links, and $batch changesets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  expectJson,
  FIXTURES,
  fixtureSystem,
  startTestSystem,
  V2_ROOT,
  type TestSystem,
  type V2ErrorBody,
} from '../test-support.js';

type Entity = Record<string, unknown> & { __metadata: { uri: string; etag: string } };

let sys: TestSystem;
let csrf: { 'x-csrf-token': string; cookie: string };
beforeEach(async () => {
  sys = await startTestSystem(fixtureSystem(), { baseDir: FIXTURES });
  csrf = await sys.csrf();
});
afterEach(() => sys.stop());

const send = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> =>
  sys.request(`${V2_ROOT}${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...csrf, ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

describe('CSRF protection', () => {
  it('refuses a modifying request without a token: 403 and x-csrf-token: Required', async () => {
    const response = await sys.request(`${V2_ROOT}A_BusinessPartner`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-csrf-token')).toBe('Required');
    expect(((await response.json()) as V2ErrorBody).error.message.value).toBe('CSRF token validation failed');
  });

  it('binds the token to the session cookie', async () => {
    const other = await sys.csrf();
    const mixed = await send(
      'POST',
      'A_BusinessPartner',
      { LastName: 'X' },
      { 'x-csrf-token': other['x-csrf-token'], cookie: csrf.cookie },
    );
    expect(mixed.status).toBe(403);
    const again = await sys.request(V2_ROOT, {
      method: 'HEAD',
      headers: { 'x-csrf-token': 'Fetch', cookie: csrf.cookie },
    });
    expect(again.headers.get('x-csrf-token')).toBe(csrf['x-csrf-token']);
  });
});

describe('create, update, delete', () => {
  it('creates with a generated key, Location, ETag and a sap-message from the hook', async () => {
    const response = await send('POST', 'A_BusinessPartner', {
      d: { FirstName: 'Dora', LastName: 'Novak', CreationDate: '/Date(1700000000000)/' },
    });
    const body = await expectJson<{ d: Entity }>(response, 201);
    expect(body.d.BusinessPartner).toBe('1000004');
    expect(response.headers.get('location')).toBe(`${sys.url}${V2_ROOT}A_BusinessPartner('1000004')`);
    expect(response.headers.get('etag')).toBe(body.d.__metadata.etag);
    expect(JSON.parse(response.headers.get('sap-message')!)).toMatchObject({
      code: 'BP/001',
      severity: 'success',
    });
    const read = await expectJson<{ d: Entity }>(await send('GET', "A_BusinessPartner('1000004')"), 200);
    expect(read.d.CreationDate).toBe('/Date(1700000000000)/');
  });

  it('deep-inserts navigations and fills their foreign keys', async () => {
    const body = {
      BusinessPartner: '2000001',
      LastName: 'Deep',
      to_BusinessPartnerAddress: {
        results: [
          {
            AddressID: '900',
            CityName: 'Lyon',
            to_EmailAddress: [{ Person: 'P9', OrdinalNumber: '1', EmailAddress: 'deep@example.com' }],
          },
        ],
      },
    };
    const created = await expectJson<{ d: Entity }>(await send('POST', 'A_BusinessPartner', body), 201);
    expect((created.d.to_BusinessPartnerAddress as { results: Entity[] }).results[0]!.CityName).toBe('Lyon');
    const address = await expectJson<{ d: Entity }>(
      await send(
        'GET',
        "A_BusinessPartnerAddress(BusinessPartner='2000001',AddressID='900')?$expand=to_EmailAddress",
      ),
      200,
    );
    expect((address.d.to_EmailAddress as { results: Entity[] }).results[0]!.EmailAddress).toBe(
      'deep@example.com',
    );
  });

  it('creates through a navigation with the parent key', async () => {
    const created = await expectJson<{ d: Entity }>(
      await send('POST', "A_BusinessPartner('1000003')/to_BusinessPartnerAddress", {
        AddressID: '77',
        CityName: 'Prague',
      }),
      201,
    );
    expect(created.d.BusinessPartner).toBe('1000003');
  });

  it('refuses a duplicate key (409), an unknown property, a wrong type and broken JSON (400)', async () => {
    expect((await send('POST', 'A_BusinessPartner', { BusinessPartner: '1000001' })).status).toBe(409);
    const unknown = await expectJson<V2ErrorBody>(await send('POST', 'A_BusinessPartner', { Nope: 1 }), 400);
    expect(unknown.error.message.value).toBe('Property Nope does not exist in type A_BusinessPartnerType');
    const wrong = await expectJson<V2ErrorBody>(
      await send('POST', 'A_BusinessPartner', { EmployeeCount: 'many' }),
      400,
    );
    expect(wrong.error.message.value).toContain('EmployeeCount expects a number');
    const broken = await expectJson<V2ErrorBody>(
      await send('POST', 'A_BusinessPartner', '{"LastName":'),
      400,
    );
    expect(broken.error.message.value).toContain('not valid JSON');
    const long = await expectJson<V2ErrorBody>(
      await send('POST', 'A_BusinessPartner', { BusinessPartner: 'X'.repeat(11) }),
      400,
    );
    expect(long.error.message.value).toContain('longer than 10');
  });

  it('MERGE, PATCH (and X-HTTP-Method tunnelling) change only the given properties; PUT replaces', async () => {
    expect((await send('MERGE', "A_BusinessPartner('1000001')", { FirstName: 'Anne' })).status).toBe(204);
    expect((await send('PATCH', "A_BusinessPartner('1000001')", { EmployeeCount: 11 })).status).toBe(204);
    expect(
      (
        await send(
          'POST',
          "A_BusinessPartner('1000001')",
          { Industry: 'HIGHTECH' },
          { 'x-http-method': 'MERGE' },
        )
      ).status,
    ).toBe(204);
    let read = await expectJson<{ d: Entity }>(await send('GET', "A_BusinessPartner('1000001')"), 200);
    expect(read.d).toMatchObject({
      FirstName: 'Anne',
      LastName: 'Weber',
      EmployeeCount: 11,
      Industry: 'HIGHTECH',
    });
    expect((await send('PUT', "A_BusinessPartner('1000001')", { LastName: 'Only' })).status).toBe(204);
    read = await expectJson<{ d: Entity }>(await send('GET', "A_BusinessPartner('1000001')"), 200);
    expect(read.d).toMatchObject({ LastName: 'Only', FirstName: null, BusinessPartner: '1000001' });
  });

  it('checks If-Match: a stale ETag gets 412, the current one and * pass, and the ETag changes', async () => {
    const before = await expectJson<{ d: Entity }>(await send('GET', "A_BusinessPartner('1000002')"), 200);
    const etag = before.d.__metadata.etag;
    const ok = await send(
      'MERGE',
      "A_BusinessPartner('1000002')",
      { FirstName: 'Benno' },
      { 'if-match': etag },
    );
    expect(ok.status).toBe(204);
    expect(ok.headers.get('etag')).not.toBe(etag);
    const stale = await expectJson<V2ErrorBody>(
      await send('MERGE', "A_BusinessPartner('1000002')", { FirstName: 'B' }, { 'if-match': etag }),
      412,
    );
    expect(stale.error.message.value).toContain('Precondition failed');
    expect(
      (await send('DELETE', "A_BusinessPartner('1000002')", undefined, { 'if-match': '*' })).status,
    ).toBe(204);
    expect((await send('GET', "A_BusinessPartner('1000002')")).status).toBe(404);
  });

  it('changes $links: PUT points a to-one navigation at another entity', async () => {
    const path = "A_BusinessPartnerAddress(BusinessPartner='1000002',AddressID='3')";
    expect(
      (
        await send('PUT', `${path}/$links/to_BusinessPartner`, {
          uri: `${sys.url}${V2_ROOT}A_BusinessPartner('1000003')`,
        })
      ).status,
    ).toBe(204);
    const moved = await expectJson<{ d: { results: Entity[] } }>(
      await send('GET', "A_BusinessPartner('1000003')/to_BusinessPartnerAddress"),
      200,
    );
    expect(moved.d.results.map((a) => a.AddressID)).toEqual(['3']);
  });
});

function batchBody(boundary: string, parts: string[]): string {
  return `${parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n')}\r\n--${boundary}--\r\n`;
}
const httpPart = (request: string, id?: string): string =>
  `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n${id ? `Content-ID: ${id}\r\n` : ''}\r\n${request}\r\n`;

describe('$batch', () => {
  const post = (body: string): Promise<Response> =>
    send('POST', '$batch', body, { 'content-type': 'multipart/mixed; boundary=batch_1' });

  it('answers reads and an atomic changeset with content-ID references', async () => {
    const changeset = batchBody('cs_1', [
      httpPart(
        'POST A_BusinessPartner HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"BusinessPartner":"3000001","LastName":"Batch"}',
        '1',
      ),
      httpPart(
        'POST $1/to_BusinessPartnerAddress HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"AddressID":"31","CityName":"Madrid"}',
        '2',
      ),
      httpPart(
        'MERGE A_BusinessPartner(\'1000001\') HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"FirstName":"Batched"}',
      ),
    ]);
    const body = batchBody('batch_1', [
      httpPart("GET A_BusinessPartner('1000001')?$select=LastName HTTP/1.1\r\nAccept: application/json\r\n"),
      `Content-Type: multipart/mixed; boundary=cs_1\r\n\r\n${changeset}`,
    ]);
    const response = await post(body);
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batch_/);
    const text = await response.text();
    expect(text).toContain('HTTP/1.1 200 OK');
    expect(text.match(/HTTP\/1\.1 201 Created/g)).toHaveLength(2);
    expect(text).toContain('HTTP/1.1 204 No Content');
    const address = await expectJson<{ d: Entity }>(
      await send('GET', "A_BusinessPartnerAddress(BusinessPartner='3000001',AddressID='31')"),
      200,
    );
    expect(address.d.CityName).toBe('Madrid');
  });

  it('rolls a failing changeset back completely', async () => {
    const changeset = batchBody('cs_2', [
      httpPart(
        'POST A_BusinessPartner HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"BusinessPartner":"4000001","LastName":"Gone"}',
      ),
      httpPart('POST A_BusinessPartner HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"Nope":1}'),
    ]);
    const text = await (
      await post(batchBody('batch_1', [`Content-Type: multipart/mixed; boundary=cs_2\r\n\r\n${changeset}`]))
    ).text();
    expect(text).toContain('HTTP/1.1 400 Bad Request');
    expect(text).toContain('Property Nope does not exist');
    expect((await send('GET', "A_BusinessPartner('4000001')")).status).toBe(404);
  });

  it.each([
    [
      'no closing delimiter',
      '--batch_1\r\nContent-Type: application/http\r\n\r\nGET A_BusinessPartner HTTP/1.1\r\n',
      /closing delimiter/,
    ],
    ['a bad request line', batchBody('batch_1', [httpPart('FETCH')]), /invalid request line/],
    [
      'a foreign part type',
      batchBody('batch_1', ['Content-Type: text/plain\r\n\r\nhello']),
      /expected application\/http/,
    ],
  ])('answers a broken multipart body (%s) with 400 naming it', async (_name, body, message) => {
    const error = await expectJson<V2ErrorBody>(await post(body), 400);
    expect(error.error.message.value).toMatch(message);
  });

  it('refuses a $batch without a boundary', async () => {
    const error = await expectJson<V2ErrorBody>(
      await send('POST', '$batch', 'x', { 'content-type': 'multipart/mixed' }),
      400,
    );
    expect(error.error.message.value).toContain('boundary');
  });
});
