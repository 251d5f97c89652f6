// Content negotiation of the V2 service: data is JSON, $metadata is XML, Atom is not served. What
// clients really send keeps working (no Accept, */*, JSON with parameters and q-values, browsers,
// the SAP Cloud SDK's application/json, UI5's application/xml for $metadata, multipart/mixed for
// $batch); a request that accepts none of it gets 406 in V2's XML error format, before anything runs.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASIC, DEMO_SYSTEM, startTestSystem, V2_ROOT, type TestSystem } from '../test-support.js';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem(DEMO_SYSTEM);
});
afterAll(() => sys.stop());

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A request with exactly these headers: fetch would add `Accept: *\/*` when none is given. */
function send(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<Answer> {
  const { port } = new URL(sys.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `${V2_ROOT}${pathAndQuery}`,
        headers: { authorization: BASIC, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const get = (pathAndQuery: string, headers: Record<string, string> = {}): Promise<Answer> =>
  send('GET', pathAndQuery, headers);

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

function expectNotAcceptable(answer: Answer, asked: string): void {
  expect(answer.status, answer.body).toBe(406);
  expect(answer.type).toContain('application/xml');
  expect(answer.body).toMatch(
    /^<\?xml version="1\.0" encoding="utf-8"\?><error xmlns="http:\/\/schemas\.microsoft\.com\/ado\/2007\/08\/dataservices\/metadata"><code>\/IWCOR\/CX_OD_NOT_ACCEPTABLE\/[0-9A-F]+<\/code><message xml:lang="en">/,
  );
  expect(answer.body).toContain('not acceptable according to the accept headers sent in the request');
  expect(answer.body).toContain(`(${asked})`);
  expect(answer.body).toContain(
    'answers data as JSON (Accept: application/json or $format=json) and $metadata as XML',
  );
}

describe('requests that accept JSON get JSON', () => {
  it.each([
    ['no Accept header', {}],
    ['*/*', { accept: '*/*' }],
    ['application/json (SAP Cloud SDK, UI5 data requests)', { accept: 'application/json' }],
    ['application/json;odata=verbose', { accept: 'application/json;odata=verbose' }],
    ['application/*', { accept: 'application/*' }],
    ['a browser', { accept: BROWSER }],
    ['Atom preferred, JSON acceptable', { accept: 'application/atom+xml;q=0.9, application/json;q=0.1' }],
    ['two Accept values joined', { accept: 'application/atom+xml, application/json' }],
    ['an Accept without a media range', { accept: '*' }],
  ])('%s', async (_what, headers) => {
    for (const target of [
      '',
      'A_BusinessPartner?$top=1',
      "A_BusinessPartner('1000001')",
      'CountPartnersInCity?CityName=%27Berlin%27',
    ]) {
      const answer = await get(target, headers);
      expect(answer.status, `${target}: ${answer.body}`).toBe(200);
      expect(answer.type).toContain('application/json');
    }
  });

  it('$format=json wins over an Accept header without JSON', async () => {
    const answer = await get('A_BusinessPartner?$top=1&$format=json', { accept: 'application/atom+xml' });
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('application/json');
  });

  it('leaves $count, $value and $batch to their own media types', async () => {
    expect((await get('A_BusinessPartner/$count', { accept: 'text/plain' })).status).toBe(200);
    expect((await get("A_BusinessPartner('1000001')/LastName/$value", { accept: 'text/plain' })).status).toBe(
      200,
    );
    const boundary = 'batch_1';
    const batch = await send(
      'POST',
      '$batch',
      {
        accept: 'multipart/mixed',
        'content-type': `multipart/mixed; boundary=${boundary}`,
        ...(await sys.csrf()),
      },
      `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET A_BusinessPartner?$top=1 HTTP/1.1\r\nAccept: application/json\r\n\r\n\r\n--${boundary}--\r\n`,
    );
    expect(batch.status, batch.body).toBe(202);
    expect(batch.body).toContain('HTTP/1.1 200');
  });
});

describe('requests that accept no JSON get 406 in XML', () => {
  it.each([
    ['Accept: application/atom+xml', 'A_BusinessPartner', { accept: 'application/atom+xml' }],
    ['Accept: application/atom+xml', "A_BusinessPartner('1000001')", { accept: 'application/atom+xml' }],
    [
      'Accept: application/atom+xml;type=feed',
      'A_BusinessPartner',
      { accept: 'application/atom+xml;type=feed' },
    ],
    ['Accept: application/xml', 'A_BusinessPartner', { accept: 'application/xml' }],
    ['Accept: application/atomsvc+xml', '', { accept: 'application/atomsvc+xml' }],
    [
      'Accept: application/json;q=0, application/atom+xml',
      'A_BusinessPartner',
      { accept: 'application/json;q=0, application/atom+xml' },
    ],
    [
      'Accept: application/atom+xml',
      "A_BusinessPartner('1000001')/to_BusinessPartnerAddress",
      { accept: 'application/atom+xml' },
    ],
    [
      'Accept: application/atom+xml',
      "A_BusinessPartner('1000001')/$links/to_BusinessPartnerAddress",
      { accept: 'application/atom+xml' },
    ],
    [
      'Accept: application/atom+xml',
      'CountPartnersInCity?CityName=%27Berlin%27',
      { accept: 'application/atom+xml' },
    ],
    ['$format=atom', 'A_BusinessPartner?$format=atom', {}],
    ['$format=xml', 'A_BusinessPartner?$format=xml', { accept: 'application/json' }],
    ['$format=application/atom+xml', 'A_BusinessPartner?$format=application/atom%2Bxml', {}],
  ])('%s on %s', async (asked, target, headers) => {
    expectNotAcceptable(await get(target, headers), asked);
  });

  it('answers HEAD alike, without a body', async () => {
    const answer = await send('HEAD', 'A_BusinessPartner', { accept: 'application/atom+xml' });
    expect(answer.status).toBe(406);
    expect(answer.body).toBe('');
  });

  it('refuses a create before it runs', async () => {
    const count = async (): Promise<string> => (await get('A_BusinessPartner/$count')).body;
    const before = await count();
    const created = await send(
      'POST',
      'A_BusinessPartner',
      { accept: 'application/atom+xml', 'content-type': 'application/json', ...(await sys.csrf()) },
      JSON.stringify({ BusinessPartner: '9000001', LastName: 'Atom' }),
    );
    expectNotAcceptable(created, 'Accept: application/atom+xml');
    expect(await count()).toBe(before);
  });

  it('keeps $format garbage a 400 that names the option', async () => {
    const answer = await get('A_BusinessPartner?$format=yaml');
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Format 'yaml' is not supported");
  });
});

describe('$metadata is XML', () => {
  it.each([
    ['no Accept header', {}],
    ['application/xml (UI5, datajs metadata handler)', { accept: 'application/xml' }],
    ['*/*', { accept: '*/*' }],
    ['a browser', { accept: BROWSER }],
    ['text/xml', { accept: 'text/xml' }],
    ['application/json, application/xml;q=0.5', { accept: 'application/json, application/xml;q=0.5' }],
  ])('for %s', async (_what, headers) => {
    const answer = await get('$metadata', headers);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('application/xml');
    expect(answer.body).toContain('<edmx:Edmx');
  });

  it('and 406 for a client that accepts only JSON, as Gateway answers it', async () => {
    const answer = await get('$metadata', { accept: 'application/json' });
    expectNotAcceptable(answer, 'Accept: application/json');
  });
});
