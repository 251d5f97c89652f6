// WebSocket through the HTTP proxy, end to end on real sockets: an upgrade to a resource that allows
// it reaches a real WebSocket backend, the 101 goes back, and frames flow both ways through the tunnel;
// a resource without the WebSocket flag refuses the upgrade before the backend is contacted.
import { createHash } from 'node:crypto';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ProxyRequestEvent } from '../../app/connectivity/events.js';
import { engine, onCleanup } from '../test/support.js';
import { proxyWorkspace, rawExchange, responseComplete, token } from './test-support.js';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

/** A text frame; clients mask theirs (RFC 6455 §5.3). Payloads here are under 126 bytes. */
function frame(text: string, mask: boolean): Buffer {
  const payload = Buffer.from(text);
  if (!mask) return Buffer.concat([Buffer.from([0x81, payload.length]), payload]);
  const key = Buffer.from([1, 2, 3, 4]);
  const masked = payload.map((b, i) => b ^ key[i % 4]!);
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), key, masked]);
}

function readFrame(bytes: Buffer): string | undefined {
  if (bytes.length < 2) return undefined;
  const masked = (bytes[1]! & 0x80) !== 0;
  const length = bytes[1]! & 0x7f;
  const start = masked ? 6 : 2;
  if (bytes.length < start + length) return undefined;
  const payload = Buffer.from(bytes.subarray(start, start + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= bytes[2 + (i % 4)]!;
  return payload.toString();
}

/** Completes the handshake and answers each text frame with "echo:<text>". */
async function startWebSocketBackend(): Promise<{ port: number; upgrades: http.IncomingHttpHeaders[] }> {
  const upgrades: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((_req, res) => res.writeHead(426).end());
  const sockets = new Set<Duplex>();
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex) => {
    sockets.add(socket);
    upgrades.push(req.headers);
    const accept = createHash('sha1')
      .update(`${String(req.headers['sec-websocket-key'])}${GUID}`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const text = readFrame(pending);
      if (text === undefined) return;
      pending = Buffer.alloc(0);
      socket.write(frame(`echo:${text}`, false));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as AddressInfo).port, upgrades };
}

function upgradeRequest(path: string, proxyToken: string): string {
  return [
    `GET http://erp.virtual:44300${path} HTTP/1.1`,
    'Host: erp.virtual:44300',
    `Proxy-Authorization: Bearer ${proxyToken}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    `Sec-WebSocket-Key: ${KEY}`,
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

describe('connectivity proxy (HTTP): WebSocket', () => {
  it('tunnels an allowed upgrade to a real WebSocket backend, frames both ways', async () => {
    const backend = await startWebSocketBackend();
    const handle = await engine({ workspace: proxyWorkspace({ http: backend.port }) });
    const events: ProxyRequestEvent[] = [];
    handle.on('proxy-request', (e) => events.push(e));
    const proxyToken = await token(handle, { client: 'demo-connectivity' });
    const port = Number(new URL(handle.urls.proxy!).port);

    const socket = net.connect(port, '127.0.0.1');
    onCleanup(() => {
      socket.destroy();
      return Promise.resolve();
    });
    let received = Buffer.alloc(0);
    const waitFor = (done: (b: Buffer) => boolean): Promise<Buffer> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!done(received)) return;
          socket.off('data', onData);
          resolve(received);
        };
        const onData = (chunk: Buffer): void => {
          received = Buffer.concat([received, chunk]);
          check();
        };
        socket.on('data', onData).once('error', reject);
        check();
      });
    socket.write(upgradeRequest('/ws/chat', proxyToken));
    const head = (await waitFor((b) => b.includes('\r\n\r\n'))).toString('latin1');
    const headText = head.slice(0, head.indexOf('\r\n\r\n'));
    expect(headText).toMatch(/^HTTP\/1\.1 101 /);
    // The accept value proves the backend saw the client's own key: RFC 6455's sample pair.
    expect(headText).toMatch(/\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=/i);
    received = received.subarray(head.indexOf('\r\n\r\n') + 4);

    socket.write(frame('hello', true));
    expect(readFrame(await waitFor((b) => readFrame(b) !== undefined))).toBe('echo:hello');
    received = Buffer.alloc(0);
    socket.write(frame('again', true));
    expect(readFrame(await waitFor((b) => readFrame(b) !== undefined))).toBe('echo:again');

    expect(backend.upgrades[0]).toMatchObject({ upgrade: 'websocket', host: 'erp.virtual:44300' });
    expect(backend.upgrades[0]).not.toHaveProperty('proxy-authorization');
    expect(events.at(-1)).toMatchObject({ status: 101, decision: { allowed: true } });
  });

  it('refuses an upgrade where the resource does not allow WebSocket (403), without contacting the backend', async () => {
    const backend = await startWebSocketBackend();
    const handle = await engine({ workspace: proxyWorkspace({ http: backend.port }) });
    const proxyToken = await token(handle, { client: 'demo-connectivity' });
    const port = Number(new URL(handle.urls.proxy!).port);
    const reply = (
      await rawExchange(port, upgradeRequest('/api/chat', proxyToken), responseComplete)
    ).toString('latin1');
    expect(reply).toMatch(/^HTTP\/1\.1 403 /);
    expect(reply).toContain('does not allow WebSocket upgrade');
    expect(backend.upgrades).toHaveLength(0);
  });
});
