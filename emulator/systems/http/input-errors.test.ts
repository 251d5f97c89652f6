// Malformed input answers an OData 4xx in the service's own error format, never a 500: deep nesting in
// $filter/$orderby/$expand/$search and JSON bodies, long operator chains (which work), broken
// percent-encoding, JSON bodies that are not objects, nested $batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  fixtureSystem,
  startTestSystem,
  V2_ROOT,
  V4_ROOT,
  type TestSystem,
  type V2ErrorBody,
} from '../test-support.js';
import { statusOf, talk } from '../../test/raw-socket.js';

type V4ErrorBody = { error: { code: string; message: string } };

let sys: TestSystem;
let csrf: { 'x-csrf-token': string; cookie: string };
beforeAll(async () => {
  sys = await startTestSystem(fixtureSystem(), { baseDir: FIXTURES });
  csrf = await sys.csrf();
});
afterAll(() => sys.stop());

const SERVICES = [
  { version: 'v2', root: V2_ROOT, set: 'A_BusinessPartner', key: 'BusinessPartner', first: '1000001' },
  { version: 'v4', root: V4_ROOT, set: 'SalesOrder', key: 'SalesOrder', first: '1000001' },
] as const;
type Service = (typeof SERVICES)[number];

/** Query text with spaces as `+`, so 4,000-term chains stay under the request-line limit. */
const q = (text: string): string => encodeURIComponent(text).replaceAll('%20', '+');

const send = (service: Service, method: string, path: string, body?: string, type = 'application/json') =>
  sys.request(`${service.root}${path}`, {
    method,
    headers: { 'content-type': type, accept: 'application/json', ...csrf },
    ...(body === undefined ? {} : { body }),
  });

/** The status, and the error message from the version's own envelope. */
async function failure(service: Service, response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as V2ErrorBody | V4ErrorBody;
  const message =
    service.version === 'v2'
      ? (body as V2ErrorBody).error.message.value
      : (body as V4ErrorBody).error.message;
  expect(typeof message, `${service.version} error envelope`).toBe('string');
  return { status: response.status, message };
}

async function keys(service: Service, response: Response): Promise<string[]> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  const body = JSON.parse(text) as {
    d?: { results: Record<string, unknown>[] };
    value?: Record<string, unknown>[];
  };
  return (body.d?.results ?? body.value ?? []).map((row) => row[service.key] as string);
}

describe.each(SERVICES)('$version expressions', (service) => {
  const { set, key, first } = service;

  it.each([
    ['$filter', `${'('.repeat(10_000)}${key} eq '1'${')'.repeat(10_000)}`],
    ['$filter', `${'not '.repeat(5_000)}(${key} eq '1')`],
    ['$filter', `${'-'.repeat(5_000)}1 eq 1`],
    ['$orderby', `${'('.repeat(10_000)}${key}${')'.repeat(10_000)}`],
  ])('%s nested 5,000-10,000 deep: 400 naming the limit', async (option, text) => {
    const answer = await failure(service, await send(service, 'GET', `${set}?${option}=${q(text)}`));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(new RegExp(`^Invalid \\${option}: .*nested too deeply.*limit 100`));
  });

  it('answers a 4,000-term or chain and a 5,000-term add chain', async () => {
    const or = `${Array.from({ length: 4_000 }, (_, i) => `${i} eq -1`).join(' or ')} or ${key} eq '${first}'`;
    expect(await keys(service, await send(service, 'GET', `${set}?$filter=${q(or)}&$select=${key}`))).toEqual(
      [first],
    );
    const add = `${Array.from({ length: 5_000 }, () => '1').join(' add ')} eq 5000 and ${key} eq '${first}'`;
    expect(
      await keys(service, await send(service, 'GET', `${set}?$filter=${q(add)}&$select=${key}`)),
    ).toEqual([first]);
  });

  it('answers an Int64 literal out of range with 400', async () => {
    const answer = await failure(
      service,
      await send(service, 'GET', `${set}?$filter=${q('9223372036854775808 eq 1')}`),
    );
    expect(answer).toEqual({
      status: 400,
      message:
        'Invalid $filter: Integer literal 9223372036854775808 at position 1 is out of the Edm.Int64 range',
    });
  });

  it('answers %ff%fe in the path with 400, not "URI malformed"', async () => {
    for (const path of ['%ff%fe', `${set}/%ff%fe`]) {
      const answer = await failure(service, await send(service, 'GET', path));
      expect(answer.status, path).toBe(400);
      expect(answer.message).toMatch(/Malformed percent-encoding in resource path '%ff%fe'/);
    }
  });

  it.each(['null', '[]', '[{}]', '17', '"text"', 'true'])(
    'answers a POST whose JSON body is %s with 400',
    async (body) => {
      const answer = await failure(service, await send(service, 'POST', set, body));
      expect(answer).toEqual({ status: 400, message: `Create in ${set}: the body must be a JSON object` });
    },
  );

  it('answers a JSON body nested 10,000 deep with 400', async () => {
    const body = `{"${key}":"9","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const answer = await failure(service, await send(service, 'POST', set, body));
    expect(answer).toEqual({
      status: 400,
      message: 'The request body is nested too deeply (limit 64 levels of arrays and objects)',
    });
  });
});

describe('$expand, $search and $batch', () => {
  const [v2, v4] = SERVICES;

  it('refuses $expand deeper than 10 levels (V2 paths, V4 paths and nested $expand)', async () => {
    const v2Path = Array.from({ length: 2_000 }, (_, i) =>
      i % 2 ? 'to_BusinessPartner' : 'to_BusinessPartnerAddress',
    ).join('/');
    const v4Path = Array.from({ length: 4_000 }, (_, i) => (i % 2 ? '_SalesOrder' : '_Item')).join('/');
    const v4Nested = `${'_Item($expand=_SalesOrder($expand='.repeat(500)}_Item${'))'.repeat(500)}`;
    for (const [service, expand] of [
      [v2, v2Path],
      [v4, v4Path],
      [v4, v4Nested],
    ] as const) {
      const answer = await failure(
        service,
        await send(service, 'GET', `${service.set}?$expand=${q(expand)}`),
      );
      expect(answer).toEqual({
        status: 400,
        message: 'Invalid $expand: more than 10 levels of navigation are not supported',
      });
    }
    const tenLevels = `${'_Item($expand=_SalesOrder($expand='.repeat(4)}_Item($expand=_SalesOrder)${'))'.repeat(4)}`;
    const orders = await keys(v4, await send(v4, 'GET', `SalesOrder?$expand=${q(tenLevels)}&$top=1`));
    expect(orders).toEqual(['1000001']);
  });

  it('refuses a $search nested 5,000 deep, and an unterminated phrase', async () => {
    for (const [search, message] of [
      [`${'('.repeat(5_000)}a${')'.repeat(5_000)}`, /^Invalid \$search: .*nested too deeply/],
      ['"abc', /^Invalid \$search: Unterminated search phrase starting at position 1/],
    ] as const) {
      const answer = await failure(v4, await send(v4, 'GET', `SalesOrder?$search=${q(search)}`));
      expect(answer.status).toBe(400);
      expect(answer.message).toMatch(message);
    }
  });

  it('refuses a JSON $batch with a part body nested 10,000 deep', async () => {
    const body = `{"requests":[{"id":"1","method":"POST","url":"SalesOrder","body":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
    const answer = await failure(v4, await send(v4, 'POST', '$batch', body));
    expect(answer).toEqual({
      status: 400,
      message: 'The request body is nested too deeply (limit 64 levels of arrays and objects)',
    });
  });

  it('refuses a $batch inside a $batch', async () => {
    const json = JSON.stringify({
      requests: [{ id: '1', method: 'POST', url: '$batch', body: { requests: [] } }],
    });
    const multipart = [
      '--b1',
      'Content-Type: multipart/mixed; boundary=c1',
      '',
      '--c1',
      'Content-Type: application/http',
      '',
      'POST $batch HTTP/1.1',
      'Content-Type: multipart/mixed; boundary=b2',
      '',
      '--b2--',
      '--c1--',
      '--b1--',
      '',
    ].join('\r\n');
    for (const [service, body, type] of [
      [v4, json, 'application/json'],
      [v2, multipart, 'multipart/mixed; boundary=b1'],
    ] as const) {
      const answer = await failure(service, await send(service, 'POST', '$batch', body, type));
      expect(answer).toEqual({
        status: 400,
        message: 'Malformed $batch: a batch request cannot contain another $batch request',
      });
    }
  });

  it('answers a V2 $links body whose key has broken percent-encoding with 400', async () => {
    const path =
      "A_BusinessPartnerAddress(BusinessPartner='1000002',AddressID='3')/$links/to_BusinessPartner";
    const body = JSON.stringify({ uri: `${sys.url}${V2_ROOT}A_BusinessPartner(%ff%fe)` });
    const answer = await failure(v2, await send(v2, 'PUT', path, body));
    expect(answer).toEqual({
      status: 400,
      message: '$links body: malformed percent-encoding in the key (%ff%fe)',
    });
  });
});

describe('a request target that is no URL', () => {
  it('answers 400 with an OData error, not 500', async () => {
    const { port } = new URL(sys.url);
    const answer = await talk(
      { port: Number(port) },
      'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(answer.received)).toBe(400);
    expect(answer.received).toContain('is not a valid URL');
  });
});
