// What passes the proxy: headers stripped and rewritten, redirects mapped back, keep-alive and
// streaming, principal propagation as a certificate, and the one event / traffic entry / audit line.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ProxyRequestEvent } from '../../app/connectivity/events.js';
import { readClientCertificate } from '../tls/client-cert.js';
import { adminUrl, bearer, engine, onCleanup } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { AUDIT_DIR, AUDIT_FILE } from './audit-log.js';
import {
  BIG_CHUNK,
  BIG_CHUNKS,
  bigBody,
  proxyWorkspace,
  rawExchange,
  responseComplete,
  startBackend,
  token,
  type Backend,
} from './test-support.js';

interface Setup {
  handle: EmulatorHandle;
  proxy: { host: string; port: number };
  backend: Backend;
  tokenValue: string;
  events: ProxyRequestEvent[];
}

async function setup(): Promise<Setup> {
  const backend = await startBackend();
  const handle = await engine({ workspace: proxyWorkspace({ http: backend.port }) });
  const events: ProxyRequestEvent[] = [];
  handle.on('proxy-request', (e) => events.push(e));
  const tokenValue = await token(handle, { client: 'demo-connectivity' });
  return {
    handle,
    proxy: { host: '127.0.0.1', port: Number(new URL(handle.urls.proxy!).port) },
    backend,
    tokenValue,
    events,
  };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function viaProxy(
  s: Setup,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        ...s.proxy,
        path: url,
        method: options.method ?? 'GET',
        agent: options.agent ?? false,
        headers: { 'Proxy-Authorization': `Bearer ${s.tokenValue}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const echoed = (reply: Reply): { url: string; headers: Record<string, string>; body: string } =>
  JSON.parse(reply.body) as { url: string; headers: Record<string, string>; body: string };

describe('connectivity proxy (HTTP): forwarding', () => {
  it('strips proxy and SAP-Connectivity headers and sends the virtual host', async () => {
    const s = await setup();
    const reply = await viaProxy(s, 'http://erp.virtual:44300/api/items?$top=2', {
      headers: {
        'SAP-Connectivity-SCC-Location_ID': '',
        'sap-client': '100',
        Authorization: 'Basic dTpw',
        'Proxy-Connection': 'keep-alive',
        SSL_CLIENT_CERT: 'forged',
      },
    });
    expect(reply.status).toBe(200);
    const { url, headers } = echoed(reply);
    expect(url).toBe('/api/items?$top=2');
    expect(headers.host).toBe('erp.virtual:44300');
    expect(headers['sap-client']).toBe('100');
    expect(headers.authorization).toBe('Basic dTpw');
    for (const h of [
      'proxy-authorization',
      'proxy-connection',
      'sap-connectivity-scc-location_id',
      'ssl_client_cert',
    ])
      expect(headers, h).not.toHaveProperty(h);
    expect(reply.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('accepts Basic base64("<token>:") and routes by location id', async () => {
    const s = await setup();
    const basic = `Basic ${Buffer.from(`${s.tokenValue}:`).toString('base64')}`;
    const reply = await viaProxy(s, 'http://erp.virtual:44300/loc1/x', {
      headers: { 'Proxy-Authorization': basic, 'SAP-Connectivity-SCC-Location_ID': 'loc1' },
    });
    expect(reply.status).toBe(200);
    // The default location has no /loc1 resource: the location id decided.
    expect((await viaProxy(s, 'http://erp.virtual:44300/loc1/x')).status).toBe(403);
  });

  it('with "host in request header: internal" sends the internal host and X-Forwarded-Host', async () => {
    const s = await setup();
    const { headers } = echoed(
      await viaProxy(s, 'http://internal.virtual/p', { headers: { 'X-Forwarded-Host': 'evil' } }),
    );
    expect(headers.host).toBe(`127.0.0.1:${s.backend.port}`);
    expect(headers['x-forwarded-host']).toBe('internal.virtual');
  });

  it('serves an HTTP/1.0 client: forwarded as HTTP/1.0 (never chunked), answered, then closed', async () => {
    const s = await setup();
    const reply = (
      await rawExchange(
        s.proxy.port,
        `GET http://erp.virtual:44300/api/old HTTP/1.0\r\nProxy-Authorization: Bearer ${s.tokenValue}\r\n\r\n`,
      )
    ).toString('latin1');
    // rawExchange returns when the proxy closes the connection.
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).not.toMatch(/transfer-encoding/i);
    expect(head).toMatch(/\r\nConnection: close/i);
    expect(JSON.parse(body!)).toMatchObject({ method: 'GET', url: '/api/old' });
    expect(s.backend.requests.at(-1)!.url).toBe('/api/old');
  });

  it('maps redirect Location headers back to the virtual host', async () => {
    const s = await setup();
    const reply = await viaProxy(s, 'http://erp.virtual:44300/api/redirect');
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('http://erp.virtual:44300/api/landing?x=1');
  });

  it('streams a large response with backpressure to the backend, bytes intact', async () => {
    const s = await setup();
    const socket = net.connect(s.proxy.port, s.proxy.host);
    onCleanup(() => {
      socket.destroy();
      return Promise.resolve();
    });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    // Not reading: the proxy must stop reading the backend rather than buffer the body.
    socket.pause();
    socket.write(
      `GET http://erp.virtual:44300/api/big HTTP/1.1\r\nHost: erp.virtual:44300\r\nProxy-Authorization: Bearer ${s.tokenValue}\r\n\r\n`,
    );
    const total = BIG_CHUNK * BIG_CHUNKS;
    // Wait until the backend has stopped sending (the same count on three polls in a row). Through a
    // proxy that kept reading, the whole body would have left the backend by then (it takes ~50 ms).
    let last = -1;
    let same = 0;
    await vi.waitFor(
      () => {
        same = s.backend.big.sent === last ? same + 1 : 0;
        last = s.backend.big.sent;
        expect(same).toBeGreaterThanOrEqual(3);
      },
      { interval: 50, timeout: 5_000 },
    );
    // Sockets and kernel buffers hold a few MB at most; the rest is still at the backend.
    expect(s.backend.big.sent).toBeGreaterThan(0);
    expect(s.backend.big.sent).toBeLessThan(total / 2);

    const chunks: Buffer[] = [];
    let received = 0;
    let expected = Infinity;
    const done = new Promise<void>((resolve) =>
      socket.on('data', (c: Buffer) => {
        chunks.push(c);
        received += c.length;
        if (expected === Infinity) {
          const end = Buffer.concat(chunks).indexOf('\r\n\r\n');
          if (end >= 0) expected = end + 4 + total;
        }
        if (received >= expected) resolve();
      }),
    );
    socket.resume();
    await done;
    const all = Buffer.concat(chunks);
    const bodyAt = all.indexOf('\r\n\r\n') + 4;
    expect(all.subarray(0, bodyAt).toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(all.length - bodyAt).toBe(total);
    expect(all.subarray(bodyAt).equals(bigBody())).toBe(true);
    const event = s.events.find((e) => e.url.endsWith('/api/big'))!;
    expect(event.sizes.responseBytes).toBe(total);
  });

  it('keeps the client connection alive across requests and streams request bodies', async () => {
    const s = await setup();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    agent.on('free', (socket) => sockets.add(socket));
    const body = 'x'.repeat(200_000);
    const first = await viaProxy(s, 'http://erp.virtual:44300/api/upload', {
      method: 'POST',
      body,
      agent,
      headers: { 'content-type': 'text/plain' },
    });
    const second = await viaProxy(s, 'http://erp.virtual:44300/api/again', { agent });
    agent.destroy();
    expect(echoed(first).body).toHaveLength(body.length);
    expect(second.status).toBe(200);
    expect(sockets.size).toBe(1);
    const upload = s.events.find((e) => e.url.endsWith('/upload'))!;
    expect(upload.sizes.requestBytes).toBe(body.length);
  });

  it('propagates the user as an SSL_CLIENT_CERT certificate signed by the emulator CA', async () => {
    const s = await setup();
    const user = await token(s.handle, { client: 'demo-uaa', user: 'alice' });
    const reply = await viaProxy(s, 'http://internal.virtual/pp', {
      headers: { 'SAP-Connectivity-Authentication': `Bearer ${user}` },
    });
    const cert = echoed(reply).headers.ssl_client_cert!;
    const caPem = await readFile(s.handle.caCert!, 'utf8');
    expect(await readClientCertificate(cert, caPem)).toMatchObject({ ok: true, commonName: 'alice' });
    expect(s.events.at(-1)).toMatchObject({ user: 'alice', status: 200 });
  });

  it('treats a jwt-bearer style user token of the connectivity client as the propagated user', async () => {
    const s = await setup();
    s.tokenValue = await token(s.handle, { client: 'demo-connectivity', user: 'bob' });
    const { headers } = echoed(await viaProxy(s, 'http://internal.virtual/pp'));
    const caPem = await readFile(s.handle.caCert!, 'utf8');
    expect(await readClientCertificate(headers.ssl_client_cert!, caPem)).toMatchObject({
      ok: true,
      commonName: 'bob',
    });
  });

  it('propagates a technical user (SAP-Connectivity-Technical-Authentication) as its client id', async () => {
    const s = await setup();
    const technical = await token(s.handle, { client: 'demo-uaa' });
    const reply = await viaProxy(s, 'http://internal.virtual/tech', {
      headers: { 'SAP-Connectivity-Technical-Authentication': `Bearer ${technical}` },
    });
    expect(reply.status).toBe(200);
    const { headers } = echoed(reply);
    expect(headers).not.toHaveProperty('sap-connectivity-technical-authentication');
    const caPem = await readFile(s.handle.caCert!, 'utf8');
    const cert = await readClientCertificate(headers.ssl_client_cert!, caPem);
    expect(cert).toMatchObject({ ok: true });
    expect(s.events.at(-1)!.user).toBe((cert as { commonName: string }).commonName);
    expect(s.events.at(-1)!.user).toMatch(/\S/);

    const forged = await viaProxy(s, 'http://internal.virtual/tech', {
      headers: { 'SAP-Connectivity-Technical-Authentication': `Bearer ${technical.slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(407);
    expect(forged.body).toMatch(/^The technical user token is not accepted/);
    const user = await token(s.handle, { client: 'demo-uaa', user: 'alice' });
    const both = await viaProxy(s, 'http://internal.virtual/tech', {
      headers: {
        'SAP-Connectivity-Technical-Authentication': `Bearer ${technical}`,
        'SAP-Connectivity-Authentication': `Bearer ${user}`,
      },
    });
    expect(both.status).toBe(400);
  });

  it('emits one proxy-request event per request, keeps a redacted traffic entry and writes the audit line', async () => {
    const s = await setup();
    await viaProxy(s, 'http://erp.virtual:44300/api/ok?access_token=secret', {
      headers: { Cookie: 'session=1' },
    });
    await viaProxy(s, 'http://erp.virtual:44300/denied');
    expect(s.events).toHaveLength(2);
    const [ok, denied] = s.events as [ProxyRequestEvent, ProxyRequestEvent];
    expect(ok).toMatchObject({
      method: 'GET',
      url: 'http://erp.virtual:44300/api/ok?access_token=<redacted>',
      status: 200,
      location: null,
      target: `127.0.0.1:${s.backend.port}`,
    });
    expect(ok.decision).toEqual({
      allowed: true,
      stage: 'forwarded',
      reason: `allowed by resource /api* of erp.virtual:44300 → 127.0.0.1:${s.backend.port} (HTTP)`,
      mapping: `erp.virtual:44300 → 127.0.0.1:${s.backend.port} (HTTP)`,
      resource: '/api*',
    });
    expect(ok.sizes.responseBytes).toBeGreaterThan(100);
    expect(ok.timings.backendMs).not.toBeNull();
    expect(denied).toMatchObject({ status: 403, decision: { allowed: false, stage: 'resource' } });
    const detail = (await (
      await fetch(`${adminUrl(s.handle)}/api/connectivity/traffic/${ok.id}`, { headers: bearer(s.handle) })
    ).json()) as {
      request: { headers: [string, string][] };
      response: { bodyPreview: string };
    };
    expect(detail.request.headers).toContainEqual(['Proxy-Authorization', '<redacted>']);
    expect(detail.request.headers).toContainEqual(['Cookie', '<redacted>']);
    expect(detail.response.bodyPreview).toContain('"url":"/api/ok?access_token=secret"');
    const list = (await (
      await fetch(`${adminUrl(s.handle)}/api/connectivity/traffic?outcome=denied`, {
        headers: bearer(s.handle),
      })
    ).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([denied.id]);
    const audit = path.join(s.handle.dataDir, AUDIT_DIR, AUDIT_FILE);
    await vi.waitFor(async () => expect((await readFile(audit, 'utf8')).split('\n')).toHaveLength(3), {
      timeout: 5000,
    });
    const text = await readFile(audit, 'utf8');
    expect(text).toContain(
      '| ALLOWED | forwarded | HTTP GET http://erp.virtual:44300/api/ok?access_token=<redacted> status=200',
    );
    expect(text).toContain('| DENIED | resource | HTTP GET http://erp.virtual:44300/denied status=403');
    expect(text).not.toContain(s.tokenValue.slice(0, 40));
  });

  it('"Check a URL" names the mapping and resource that decide', async () => {
    const s = await setup();
    const check = async (body: object): Promise<unknown> =>
      (
        await fetch(`${adminUrl(s.handle)}/api/connectivity/check`, {
          method: 'POST',
          headers: { ...bearer(s.handle), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    expect(await check({ method: 'GET', url: 'http://erp.virtual:44300/api/x' })).toMatchObject({
      status: 200,
      decision: { allowed: true, resource: '/api*' },
      target: `127.0.0.1:${s.backend.port}`,
    });
    expect(await check({ url: 'http://erp.virtual:44300/api/suspended/1' })).toMatchObject({
      status: 403,
      decision: {
        allowed: false,
        resource: '/api/suspended*',
        reason: expect.stringContaining('suspended') as unknown,
      },
    });
    expect(await check({ url: 'http://erp.virtual:44300/api/x', location: 'off' })).toMatchObject({
      status: 503,
      decision: { stage: 'location' },
    });
  });

  it('joins the keep-alive raw socket for two requests in a row', async () => {
    const s = await setup();
    const request = `GET http://erp.virtual:44300/api/a HTTP/1.1\r\nHost: erp.virtual:44300\r\nProxy-Authorization: Bearer ${s.tokenValue}\r\n\r\n`;
    let seen = 0;
    const bytes = await rawExchange(s.proxy.port, request + request.replace('/api/a', '/api/b'), (b) => {
      seen = (b.toString('latin1').match(/HTTP\/1\.1 200 OK/g) ?? []).length;
      return (
        seen === 2 &&
        responseComplete(
          Buffer.from(b.toString('latin1').slice(b.toString('latin1').lastIndexOf('HTTP/1.1 200'))),
        )
      );
    });
    expect(bytes.toString('latin1').match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
  });
});
