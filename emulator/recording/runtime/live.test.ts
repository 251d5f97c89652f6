// Live mode: the real system over HTTPS (trusted through the emulator CA, caFile or "ignore"; refused
// otherwise), through a corporate proxy with credentials (CONNECT for HTTPS, absolute-form for HTTP),
// hop-by-hop headers dropped, redirects mapped back, and failures as 502/504 naming live.url.
import { writeFile } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHar } from '../har-writer.js';
import { V2_ROOT } from '../../systems/test-support.js';
import { onCleanup, rawRequest, tempDir, unusedPort } from '../../test/support.js';
import { ensureTls, type TlsMaterial } from '../../tls/ca.js';
import { sessionFile } from './session-files.js';
import { startBed } from './test-support.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

interface Echo {
  url: string;
  port: number;
  seen: Seen[];
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        if (server instanceof http.Server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

/** A stand-in for the real system: echoes the request; /redirect points at itself; /hang never answers. */
async function startEcho(tls?: TlsMaterial): Promise<Echo> {
  const echo: Echo = { url: '', port: 0, seen: [] };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    echo.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      if (req.url === '/hang') return;
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `${echo.url}/landing?x=1` }).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'S=1; Domain=real.corp; Path=/',
      });
      res.end(JSON.stringify({ url: req.url, host: req.headers.host }));
    });
  };
  const server = tls
    ? https.createServer({ cert: tls.certPem, key: tls.keyPem }, handler)
    : http.createServer(handler);
  echo.port = await listen(server);
  echo.url = `${tls ? 'https' : 'http'}://127.0.0.1:${echo.port}`;
  return echo;
}

interface Proxy {
  url(credentials?: string): string;
  seen: { method: string; target: string; authorization: string | undefined }[];
}

/** A corporate forward proxy: CONNECT tunnels and absolute-form requests, Basic credentials required. */
async function startProxy(user: string, password: string): Promise<Proxy> {
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const proxy: Proxy = { url: () => '', seen: [] };
  const server = http.createServer((req, res) => {
    proxy.seen.push({
      method: req.method ?? '',
      target: req.url ?? '',
      authorization: req.headers['proxy-authorization'],
    });
    if (req.headers['proxy-authorization'] !== expected) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' }).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(req.url!, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    proxy.seen.push({
      method: 'CONNECT',
      target: req.url ?? '',
      authorization: req.headers['proxy-authorization'],
    });
    if (req.headers['proxy-authorization'] !== expected) {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n',
      );
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const port = await listen(server);
  proxy.url = (credentials = `${encodeURIComponent(user)}:${encodeURIComponent(password)}@`) =>
    `http://${credentials}127.0.0.1:${port}`;
  return proxy;
}

const tlsIn = async (): Promise<TlsMaterial> => ensureTls(await tempDir('btp-live-tls-'));

describe('live mode', () => {
  it('verifies HTTPS against the emulator CA, drops hop-by-hop headers, keeps Host and maps redirects back', async () => {
    const tls = await tlsIn();
    const real = await startEcho(tls);
    const bed = await startBed({ mode: 'live', live: { url: real.url } }, { tls, noServices: true });
    const answer = await rawRequest(`${bed.url()}/api/echo?x=1`, {
      headers: {
        connection: 'keep-alive, x-drop',
        'x-drop': 'hop',
        'x-keep': 'end-to-end',
        'proxy-authorization': 'Basic c2VjcmV0',
        authorization: 'Basic dXNlcjpwdw==',
        // As the proxy sends it for a mapping with "host in request header: virtual".
        host: 's4.virtual:44300',
      },
    });
    expect(answer.status).toBe(200);
    // The certificate was still verified for the real host (127.0.0.1), not for the Host header.
    expect(JSON.parse(answer.body)).toEqual({ url: '/api/echo?x=1', host: 's4.virtual:44300' });
    expect(answer.headers['set-cookie']).toEqual(['S=1; Path=/']); // the real domain would not match ours
    const seen = real.seen[0]!.headers;
    expect([seen['x-keep'], seen.authorization, seen['x-drop'], seen['proxy-authorization']]).toEqual([
      'end-to-end',
      'Basic dXNlcjpwdw==',
      undefined,
      undefined,
    ]);
    const redirect = await rawRequest(`${bed.url()}/redirect`);
    expect([redirect.status, redirect.headers.location]).toEqual([302, `${bed.url()}/landing?x=1`]);
    expect(bed.systems.recording.writingSessions().size).toBe(0);
    expect(bed.eventsOf('recording-entry')).toEqual([]);
  });

  it('refuses a certificate no trusted CA signed (502 naming live.url); trust "ignore" or caFile accept it', async () => {
    const foreign = await tlsIn();
    const real = await startEcho(foreign);
    const folder = await tempDir('btp-live-ws-');
    await writeFile(path.join(folder, 'corp-ca.pem'), foreign.caCertPem);
    const bed = await startBed(
      { mode: 'live', live: { url: real.url, trust: 'verify' } },
      { workspacePath: path.join(folder, 'workspace.json') },
    );
    const refused = await bed.request(`${V2_ROOT}A_BusinessPartner`);
    expect(refused.status).toBe(502);
    const error = (await refused.json()) as { error: { code: string; message: { value: string } } };
    expect(error.error.code).toBe('BTP_EMULATOR/LIVE_UNREACHABLE');
    expect(error.error.message.value).toMatch(
      new RegExp(`^The live system ${real.url} is not reachable: its certificate is not trusted \\(\\w+\\)`),
    );
    await bed.setRecording({ mode: 'live', live: { url: real.url, trust: 'ignore' } });
    expect((await bed.request('/ok')).status).toBe(200);
    await bed.setRecording({ mode: 'live', live: { url: real.url, caFile: 'corp-ca.pem' } });
    expect((await bed.request('/ok')).status).toBe(200);
    await bed.setRecording({ mode: 'live', live: { url: real.url, caFile: 'missing.pem' } });
    expect(bed.systems.recording.systemStates()[0]!.error).toContain(
      `live.caFile ${path.join(folder, 'missing.pem')} cannot be read`,
    );
    const missing = await bed.request('/ok');
    expect([missing.status, await missing.text()]).toEqual([
      502,
      expect.stringContaining('missing.pem cannot be read') as unknown,
    ]);
  });

  it('answers 502 for a refused connection and 504 when the real system is too slow', async () => {
    const real = await startEcho();
    const port = await unusedPort();
    const bed = await startBed({ mode: 'live', live: { url: `http://127.0.0.1:${port}` } });
    const refused = await bed.request('/anything');
    expect([refused.status, await refused.text()]).toEqual([
      502,
      `The live system http://127.0.0.1:${port} is not reachable: the connection was refused\n`,
    ]);
    await bed.setRecording({ mode: 'live', live: { url: real.url, timeoutMs: 150 } });
    const slow = await bed.request('/hang');
    expect([slow.status, await slow.text()]).toEqual([
      504,
      `The live system ${real.url} did not answer within 150 ms (live.timeoutMs)\n`,
    ]);
    expect(bed.eventsOf('log').some((e) => e.level === 'warn' && e.message.includes('did not answer'))).toBe(
      true,
    );
  });
});

describe('a corporate proxy', () => {
  it('carries HTTPS (CONNECT) and HTTP (absolute-form) with the credentials of its URL, and records through it', async () => {
    const tls = await tlsIn();
    const secure = await startEcho(tls);
    const plain = await startEcho();
    const proxy = await startProxy('corp', 's3cr#t');
    const bed = await startBed(
      { mode: 'record', session: 'proxied', live: { url: secure.url, proxy: proxy.url() } },
      { tls, noServices: true },
    );
    expect((await bed.request('/via-tunnel')).status).toBe(200);
    const auth = `Basic ${Buffer.from('corp:s3cr#t').toString('base64')}`;
    expect(proxy.seen).toEqual([
      { method: 'CONNECT', target: `127.0.0.1:${secure.port}`, authorization: auth },
    ]);
    const { log } = await readHar(sessionFile(bed.dataDir, 'proxied'));
    expect(log.entries.map((e) => [e.request.url, e.response.status])).toEqual([
      [`${secure.url}/via-tunnel`, 200],
    ]);

    await bed.setRecording({ mode: 'live', live: { url: plain.url, proxy: proxy.url() } });
    expect((await bed.request('/via-proxy?q=1')).status).toBe(200);
    expect(proxy.seen[1]).toEqual({
      method: 'GET',
      target: `${plain.url}/via-proxy?q=1`,
      authorization: auth,
    });
    expect(plain.seen[0]!.headers['proxy-authorization']).toBeUndefined();

    await bed.setRecording({ mode: 'live', live: { url: secure.url, proxy: proxy.url('corp:wrong@') } });
    const refused = await bed.request('/refused');
    const text = await refused.text();
    expect(refused.status).toBe(502);
    expect(text).toContain(`through the proxy http://127.0.0.1:`);
    expect(text).toContain('407');
    const everything = JSON.stringify(bed.events) + text;
    expect(everything).not.toContain('wrong');
    expect(everything).not.toContain('s3cr');
  });
});
