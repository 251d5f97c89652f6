import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import type { HarEntry } from './har.js';
import { importHar } from './har-import.js';
import { HarSessionWriter, readHar } from './har-writer.js';
import { ReplayIndex } from './matcher.js';
import { REDACTED, Redactor } from './redact.js';
import { Replayer } from './replayer.js';
import { normalizePath, shapeKey, shapeOf } from './request-shape.js';
import { harEntry } from './session-test-support.js';

function entry(url: string, extra: Partial<HarEntry['request']> = {}, responseText = '{"d":{}}'): HarEntry {
  const e = harEntry(url, responseText);
  return { ...e, request: { ...e.request, queryString: [], ...extra } };
}

describe('HAR session files', () => {
  it('are valid HAR 1.2 after every append', async () => {
    const file = path.join(await tempDir(), 'session.har');
    const writer = await HarSessionWriter.create(file, {
      creatorVersion: '1.0.0',
      session: { system: 'S4D' },
    });
    expect((await readHar(file)).log.entries).toEqual([]);
    await writer.append(entry('http://s4.virtual:44300/a'));
    await Promise.all([
      writer.append(entry('http://s4.virtual:44300/b')),
      writer.append(entry('http://s4.virtual:44300/c')),
    ]);
    const { log, repaired } = await readHar(file);
    expect(repaired).toBe(false);
    expect(log.version).toBe('1.2');
    expect(log._session).toEqual({ system: 'S4D' });
    expect(log.entries.map((e) => e.request.url.slice(-1))).toEqual(['a', 'b', 'c']);
    await writer.close();
    await expect(writer.append(entry('http://x/d'))).rejects.toThrow(/closed/);
    await expect(HarSessionWriter.create(file, { creatorVersion: '1', session: {} })).rejects.toThrow(); // never overwrites
  });

  it('survive a killed writer process, and a cut-off file is repaired to its complete entries', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'killed.har');
    const writerModule = fileURLToPath(new URL('./har-writer.ts', import.meta.url));
    // A child that appends forever; SIGKILL it after its 20th append (it says so on stdout).
    const script = `
      const { HarSessionWriter } = await import(${JSON.stringify(writerModule)});
      const w = await HarSessionWriter.create(${JSON.stringify(file)}, { creatorVersion: '1', session: {} });
      for (let i = 0; ; i++) {
        await w.append({ startedDateTime: '', time: i, request: { method: 'GET', url: 'http://x/' + i, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 }, response: { status: 200, statusText: '', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/plain', text: 'x'.repeat(2000) }, redirectURL: '', headersSize: -1, bodySize: 0 }, cache: {}, timings: { send: 0, wait: 0, receive: 0 } });
        if (i === 19) process.stdout.write('20\\n');
      }`;
    // transform-types: the writer uses TypeScript parameter properties, which plain type stripping cannot run.
    const child = spawn(
      process.execPath,
      ['--experimental-transform-types', '--no-warnings', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const { log, repaired } = await readHar(file);
    expect(repaired).toBe(false);
    expect(log.entries.length).toBeGreaterThanOrEqual(20);
    expect(log.entries.every((e, i) => e.time === i)).toBe(true);

    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 700)); // a write cut short mid-entry
    const cut = await readHar(file);
    expect(cut.repaired).toBe(true);
    expect(cut.log.entries.length).toBe(log.entries.length - 1);
  });
});

describe('redaction', () => {
  it('removes credentials from headers, cookies, query strings, form and JSON bodies but keeps CSRF protocol values', () => {
    const redactor = new Redactor({ headers: ['x-api-key'], queryParams: ['session'], formFields: [] });
    const redacted = redactor.entry({
      ...entry('http://s4.virtual/x?access_token=abc&$top=5&session=s1', {
        method: 'POST',
        headers: [
          { name: 'Authorization', value: 'Basic dXNlcjpwYXNz' },
          { name: 'x-csrf-token', value: 'Fetch' },
          { name: 'SAP-Connectivity-Authentication', value: 'Bearer eyJ' },
          { name: 'X-API-Key', value: 'k' },
          { name: 'Accept', value: 'application/json' },
        ],
        queryString: [
          { name: 'access_token', value: 'abc' },
          { name: '$top', value: '5' },
        ],
        cookies: [{ name: 'SAP_SESSIONID', value: 'xyz' }],
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: 'grant_type=password&password=secret&username=alice',
        },
      }),
      response: {
        ...entry('').response,
        headers: [
          { name: 'x-csrf-token', value: 'AbC123==' },
          { name: 'set-cookie', value: 'a=b' },
        ],
        content: { size: 1, mimeType: 'application/json', text: '{"d":{"Password":"p","Name":"n"}}' },
      },
    });
    const text = JSON.stringify(redacted);
    for (const secret of ['dXNlcjpwYXNz', 'eyJ', 'AbC123', 'abc&', 'secret', 'xyz', '"p"', 'a=b', 's1'])
      expect(text, secret).not.toContain(secret);
    expect(redacted.request.headers.find((h) => h.name === 'x-csrf-token')?.value).toBe('Fetch');
    expect(redacted.request.headers.find((h) => h.name === 'Accept')?.value).toBe('application/json');
    expect(redacted.request.url).toContain('$top=5');
    expect(redacted.request.postData?.text).toContain('username=alice');
    expect(redacted.response.content.text).toContain(`"Password":"${REDACTED}"`);
  });

  it('redacts tokens in redirect targets and survives malformed percent-encoding', () => {
    const redactor = new Redactor();
    const redacted = redactor.entry({
      ...entry('http://s4.virtual/cb?%zz=1&code=c0de'),
      response: {
        ...entry('').response,
        status: 302,
        redirectURL: 'http://app.local/cb?code=c0de&state=s',
        headers: [{ name: 'Location', value: 'http://app.local/cb?access_token=t0k&state=s' }],
      },
    });
    const text = JSON.stringify(redacted);
    for (const secret of ['c0de', 't0k']) expect(text, secret).not.toContain(secret);
    expect(redacted.response.redirectURL).toContain('state=s');
    expect(redacted.request.url).toContain('%zz=1');
  });
});

describe('semantic request shapes', () => {
  it('ignore key order, $-option order and percent-encoding, but keep sap-client and values significant', () => {
    expect(normalizePath("/S/A_Item(ItemNo='10',Order='4711')")).toBe(
      normalizePath("/S/A_Item(Order='4711',ItemNo='10')"),
    );
    expect(normalizePath("/S/A(Name='a%2Cb',Id='1')")).toBe("/S/A(Id='1',Name='a,b')");
    const a = shapeOf({
      method: 'get',
      url: '/S/A?$top=5&$filter=Name%20eq%20%27x%27&sap-client=100',
      headers: {},
      body: '',
    });
    const b = shapeOf({
      method: 'GET',
      url: "/S/A?$filter=Name+eq+'x'&sap-client=100&$top=5&_=123",
      headers: {},
      body: '',
    });
    expect(shapeKey(a)).toBe(shapeKey(b));
    const other = shapeOf({
      method: 'GET',
      url: "/S/A?$filter=Name+eq+'x'&sap-client=200&$top=5",
      headers: {},
      body: '',
    });
    expect(shapeKey(other)).not.toBe(shapeKey(a));
    const j1 = shapeOf({
      method: 'POST',
      url: '/S/A',
      headers: { 'Content-Type': 'application/json' },
      body: '{"b":1,"a":{"y":2,"x":1}}',
    });
    const j2 = shapeOf({
      method: 'POST',
      url: '/S/A',
      headers: { 'content-type': 'application/json' },
      body: '{ "a": {"x":1,"y":2}, "b": 1 }',
    });
    expect(shapeKey(j1)).toBe(shapeKey(j2));
  });

  it('split $batch into its parts, whatever the boundaries', () => {
    const batch = (b: string, c: string) =>
      [
        `--${b}`,
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        "GET A('1') HTTP/1.1",
        'Accept: application/json',
        '',
        '',
        `--${b}`,
        `Content-Type: multipart/mixed; boundary=${c}`,
        '',
        `--${c}`,
        'Content-Type: application/http',
        '',
        'POST A HTTP/1.1',
        'Content-Type: application/json',
        '',
        '{"Name":"x"}',
        `--${c}--`,
        `--${b}--`,
        '',
      ].join('\r\n');
    const one = shapeOf({
      method: 'POST',
      url: '/S/$batch',
      headers: { 'content-type': 'multipart/mixed; boundary=batch_1' },
      body: batch('batch_1', 'changeset_1'),
    });
    const two = shapeOf({
      method: 'POST',
      url: '/S/$batch',
      headers: { 'content-type': 'multipart/mixed; boundary=batch_2' },
      body: batch('batch_2', 'changeset_2'),
    });
    expect(one.parts?.map((p) => `${p.method} ${p.path}`)).toEqual(["GET /S/A('1')", 'POST /S/A']);
    expect(shapeKey(one)).toBe(shapeKey(two));
  });
});

describe('replay index', () => {
  const shape = (url: string, body = '') =>
    shapeOf({ method: body ? 'POST' : 'GET', url, headers: { 'content-type': 'application/json' }, body });

  it('replays identical requests in recorded order, then stays on the last', () => {
    const index = new ReplayIndex([
      { shape: shape('/S/A/$count'), value: '1' },
      { shape: shape('/S/A/$count'), value: '2' },
    ]);
    const served = [1, 2, 3].map(() => index.lookup(shape('/S/A/$count')));
    expect(served.map((s) => ('hit' in s ? s.hit : null))).toEqual(['1', '2', '2']);
    index.rewind();
    expect(index.lookup(shape('/S/A/$count'))).toMatchObject({ hit: '1', position: 1, of: 2 });
  });

  it('explains a miss with the nearest candidates and each difference', () => {
    const index = new ReplayIndex([
      { shape: shape("/S/A('1')?$expand=B"), value: 'a' },
      { shape: shape('/S/A', '{"Name":"x","Age":3}'), value: 'b' },
      { shape: shape('/S/Other'), value: 'c' },
    ]);
    const result = index.lookup(shape("/S/A('2')?$expand=C"));
    expect('miss' in result).toBe(true);
    if (!('miss' in result)) return;
    expect(result.miss.request).toBe("GET /S/A('2')?$expand=C");
    expect(result.miss.candidates[0]).toEqual({
      request: "GET /S/A('1')?$expand=B",
      differences: [
        { what: 'path', detail: "path /S/A('2'), recorded /S/A('1')" },
        { what: 'query', detail: '$expand is C, recorded B'.replace(/^/, 'query ') },
      ],
    });
    const body = index.lookup(shape('/S/A', '{"Name":"y","Age":3}'));
    expect('miss' in body && body.miss.candidates[0]?.differences).toEqual([
      { what: 'body', detail: 'body differs at $.Name: "y" vs recorded "x"' },
    ]);
  });
});

describe('replayer', () => {
  const recorded = (
    method: string,
    url: string,
    status: number,
    text: string,
    extra: Partial<HarEntry['request']> = {},
  ): HarEntry => {
    const e = entry(`http://s4.virtual:44300${url}`, { method, ...extra }, text);
    return {
      ...e,
      response: {
        ...e.response,
        status,
        headers: [
          { name: 'x-csrf-token', value: REDACTED },
          { name: 'Content-Type', value: 'application/json' },
          { name: 'Content-Length', value: '99' },
        ],
      },
    };
  };
  const json = { 'content-type': 'application/json' };

  it('replays CSRF as a protocol: fresh tokens on fetch, 403 Required without one, the recorded answer with one', () => {
    const replayer = new Replayer([
      recorded('GET', '/sap/opu/odata/sap/API_BP/A_BP', 200, '{"d":{"results":[]}}'),
      recorded('POST', '/sap/opu/odata/sap/API_BP/A_BP', 201, '{"d":{"BP":"1"}}', {
        postData: { mimeType: 'application/json', text: '{"Name":"x"}' },
      }),
    ]);
    const fetched = replayer.respond({
      method: 'GET',
      url: '/sap/opu/odata/sap/API_BP/A_BP',
      headers: { 'X-CSRF-Token': 'Fetch' },
      body: '',
    });
    expect(fetched.kind).toBe('hit');
    const token = fetched.response.headers.find(([n]) => n === 'x-csrf-token')?.[1];
    expect(token).toMatch(/^[A-Za-z0-9+/=]{24}$/);
    expect(fetched.response.headers.map(([n]) => n.toLowerCase())).not.toContain('content-length'); // recomputed by the server
    const post = { method: 'POST', url: '/sap/opu/odata/sap/API_BP/A_BP', body: '{ "Name": "x" }' };
    const refused = replayer.respond({ ...post, headers: json });
    expect(refused.response.status).toBe(403);
    expect(refused.response.headers).toContainEqual(['x-csrf-token', 'Required']);
    const wrongToken = replayer.respond({ ...post, headers: { ...json, 'x-csrf-token': 'forged' } });
    expect(wrongToken.response.status).toBe(403);
    const created = replayer.respond({ ...post, headers: { ...json, 'x-csrf-token': token! } });
    expect([created.kind, created.response.status, created.response.body.toString()]).toEqual([
      'hit',
      201,
      '{"d":{"BP":"1"}}',
    ]);
    const head = replayer.respond({
      method: 'HEAD',
      url: '/sap/opu/odata/sap/API_BP/',
      headers: { 'x-csrf-token': 'Fetch' },
      body: '',
    });
    expect(head.kind).toBe('token');
  });

  it('answers a strict miss with an OData error naming the request and the nearest recordings', () => {
    const replayer = new Replayer([recorded('GET', "/sap/opu/odata/sap/API_BP/A_BP('1')", 200, '{}')]);
    const result = replayer.respond({
      method: 'GET',
      url: "/sap/opu/odata/sap/API_BP/A_BP('2')",
      headers: {},
      body: '',
    });
    expect(result.kind).toBe('miss');
    expect(result.response.status).toBe(404);
    const body = JSON.parse(result.response.body.toString()) as {
      error: {
        code: string;
        message: { value: string };
        innererror: { errordetails: { message: string }[] };
      };
    };
    expect(body.error.code).toBe('BTP_EMULATOR/REPLAY_MISS');
    expect(body.error.message.value).toContain("GET /sap/opu/odata/sap/API_BP/A_BP('2')");
    expect(body.error.innererror.errordetails[0]?.message).toBe(
      "GET /sap/opu/odata/sap/API_BP/A_BP('1'): path /sap/opu/odata/sap/API_BP/A_BP('2'), recorded /sap/opu/odata/sap/API_BP/A_BP('1')",
    );
    const v4 = replayer.respond({ method: 'GET', url: '/x', headers: { 'OData-Version': '4.0' }, body: '' });
    expect(JSON.parse(v4.response.body.toString())).toMatchObject({
      error: { code: 'BTP_EMULATOR/REPLAY_MISS', details: expect.any(Array) as unknown },
    });
  });
});

describe('HAR import', () => {
  const fixture = fileURLToPath(new URL('./fixtures/playwright-recorded.har', import.meta.url));

  it('imports a HAR recorded by Playwright, redacted, and replays it by path whatever host it came from', async () => {
    const imported = await importHar(fixture);
    expect(imported.creator).toBe('Playwright');
    expect(imported.entries).toHaveLength(3);
    expect(JSON.stringify(imported.entries)).not.toContain('REVWRUxPUEVSOldlbGNvbWUx'); // the Basic credentials
    const replayer = new Replayer(imported.entries);
    const list = replayer.respond({
      method: 'GET',
      url: '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?sap-client=100&$format=json&$top=2',
      headers: {},
      body: '',
    });
    expect(list.kind).toBe('hit');
    expect(
      (JSON.parse(list.response.body.toString()) as { d: { results: unknown[] } }).d.results,
    ).toHaveLength(2);
    const count = replayer.respond({
      method: 'GET',
      url: '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner/$count?sap-client=100',
      headers: {},
      body: '',
    });
    expect(count.response.body.toString()).toBe('20');
    const other = replayer.respond({
      method: 'GET',
      url: '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner/$count?sap-client=200',
      headers: {},
      body: '',
    });
    expect(other.kind).toBe('miss'); // sap-client stays significant
  });

  it('skips what cannot be replayed and says why, and refuses a file that is no HAR', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mixed.har');
    const good = entry('http://x/ok');
    await writeFile(
      file,
      JSON.stringify({
        log: {
          creator: { name: 'Chrome DevTools' },
          entries: [
            good,
            { ...good, response: { ...good.response, status: 0 } },
            {
              ...good,
              response: { ...good.response, content: { size: 1, mimeType: 'text/plain', _file: 'body.txt' } },
            },
            {
              ...good,
              response: {
                ...good.response,
                status: 401,
                headers: [{ name: 'WWW-Authenticate', value: 'Basic' }],
              },
            },
            { request: {} },
          ],
        },
      }),
    );
    const imported = await importHar(file);
    expect(imported.entries).toHaveLength(1);
    expect(imported.skipped.map((s) => s.reason)).toEqual([
      'the request never got an answer (status 0)',
      'the body is stored outside the HAR (_file): record with content embedded',
      'an authentication challenge (the retry with credentials is kept)',
      expect.stringMatching(/^malformed entry: request\.method/) as unknown as string,
    ]);
    await writeFile(file, '{"nope":1}');
    await expect(importHar(file)).rejects.toThrow(/no log.entries array/);
  });
});
