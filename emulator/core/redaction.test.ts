// One set of redaction rules wherever a request is shown: engine events (bus and /api/events), the
// proxy's traffic previews and audit log, the recordings. A password in a query or a form body is
// never shown, whichever surface shows the request.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../app/events.js';
import { token } from '../connectivity/test-support.js';
import { adminUrl, bearer, engine, onCleanup, sseMessages } from '../test/support.js';
import { Redaction } from './redaction.js';

const SECRET = 'hunter2';

describe('redaction rules', () => {
  const r = new Redaction(undefined, { mark: '[x]', byName: true });

  it('redacts secret query parameters, exact names and names that contain password/secret/token', () => {
    const url = '/s?sap-password=hunter2&sap-user=DEV&new_password=a&client_secret=b&id=1';
    expect(r.url(url)).toBe(
      '/s?sap-password=%5Bx%5D&sap-user=DEV&new_password=%5Bx%5D&client_secret=%5Bx%5D&id=1',
    );
    // Session files keep to the listed names: a redacted value cannot be matched on replay.
    expect(new Redaction(undefined, { mark: '[x]' }).url(url)).toBe(
      '/s?sap-password=%5Bx%5D&sap-user=DEV&new_password=a&client_secret=%5Bx%5D&id=1',
    );
    expect(r.url('/s?$filter=CountryCode%20eq%20%27DE%27&CountryCode=DE')).toBe(
      '/s?$filter=CountryCode%20eq%20%27DE%27&CountryCode=DE',
    );
    // Paging state of OData itself: replay must match it.
    expect(r.url('/s?$skiptoken=10&!deltatoken=abc&token=x')).toBe(
      '/s?$skiptoken=10&!deltatoken=abc&token=%5Bx%5D',
    );
  });

  it('redacts form and JSON bodies, also a JSON preview cut mid-member, and keeps the rest as sent', () => {
    expect(r.body('application/x-www-form-urlencoded', 'username=a&password=hunter2')).toBe(
      'username=a&password=%5Bx%5D',
    );
    expect(r.body('application/json', '{ "user": "a", "password": "hunter2" }')).toBe(
      '{"user":"a","password":"[x]"}',
    );
    expect(r.body('application/json', '{ "user": "a" }')).toBe('{ "user": "a" }');
    expect(r.body('application/json', '{"access_token":"eyJ.a.b","refresh_token":"r-1","d":[1,2')).toBe(
      '{"access_token":"[x]","refresh_token":"[x]","d":[1,2',
    );
    expect(r.body('application/json', '{"d":{"code":"E1","client_secret":"hunt')).toBe(
      '{"d":{"code":"E1","client_secret":"[x]"',
    );
  });

  it('redacts credential headers and keeps CSRF protocol values', () => {
    expect(r.header('SAP-Connectivity-Authentication', 'Bearer a')).toBe('[x]');
    expect(r.header('X-API-Key', 'k')).toBe('[x]');
    expect(r.header('X-CSRF-Token', 'Fetch')).toBe('Fetch');
    expect(r.header('Location', '/cb?code=abc&state=s')).toBe('/cb?code=%5Bx%5D&state=s');
    expect(r.header('Accept', 'application/json')).toBe('application/json');
  });
});

function viaProxy(
  proxyUrl: string,
  proxyToken: string,
  url: string,
  body: string,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        path: url,
        method: 'POST',
        agent: false,
        headers: {
          'Proxy-Authorization': `Bearer ${proxyToken}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('what the engine shows of a request', () => {
  it('never shows a password from a query or a form body: events, /api/events, traffic preview', async () => {
    const handle = await engine();
    const seen: EngineEvent[] = [];
    handle.on('odata-request', (e) => seen.push(e));
    handle.on('proxy-request', (e) => seen.push(e));
    const abort = new AbortController();
    onCleanup(() => Promise.resolve(abort.abort()));
    const stream = await fetch(`${adminUrl(handle)}/api/events`, {
      headers: bearer(handle),
      signal: abort.signal,
    });
    const messages = sseMessages(stream.body!);
    await messages.next(); // the status snapshot: the stream is subscribed from here on

    const proxyToken = await token(handle, { client: 'demo-connectivity' });
    const url =
      'http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner' +
      `?sap-password=${SECRET}&password=${SECRET}&sap-client=100`;
    await viaProxy(handle.urls.proxy!, proxyToken, url, `username=DEVELOPER&password=${SECRET}`);

    const streamed: unknown[] = [];
    for await (const message of messages) {
      streamed.push(message);
      const types = streamed.map((m) => (m as { type: string }).type);
      if (types.includes('odata-request') && types.includes('proxy-request')) break;
    }
    expect(JSON.stringify(streamed)).not.toContain(SECRET);
    expect(seen.map((e) => e.type).sort()).toEqual(['odata-request', 'proxy-request']);
    expect(JSON.stringify(seen)).not.toContain(SECRET);
    const odata = seen.find((e) => e.type === 'odata-request') as { url: string };
    expect(odata.url).toContain('sap-password=%5Bredacted%5D&password=%5Bredacted%5D&sap-client=100');

    const proxied = seen.find((e) => e.type === 'proxy-request')!;
    const detail = (await (
      await fetch(`${adminUrl(handle)}/api/connectivity/traffic/${(proxied as { id: string }).id}`, {
        headers: bearer(handle),
      })
    ).json()) as { request: { headers: [string, string][]; bodyPreview: string } };
    expect(detail.request.bodyPreview).toBe('username=DEVELOPER&password=<redacted>');
    expect(detail.request.headers).toContainEqual(['Authorization', '<redacted>']);
    expect(JSON.stringify(detail)).not.toContain(SECRET);
  });
});
