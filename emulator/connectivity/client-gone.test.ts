// A client that leaves while its response is on the way: the backend connection the response came on
// must go back to the pool ready for the next request (not paused for the gone client's 'drain').
// The backend here is raw, so the test decides when the last bytes of the response leave: right
// after the client's FIN (or reset) has left, so the proxy reads both in the same batch of events,
// client first; no sleeps, no timers.
import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ProxyRequestEvent } from '../../app/connectivity/events.js';
import { engine, onCleanup } from '../test/support.js';
import { proxyWorkspace, rawExchange, responseComplete, token } from './test-support.js';

interface RawBackend {
  port: number;
  /** Requests as `<connection number> <path>`, in arrival order. */
  seen: string[];
  /** Sends the rest of the /api/split response (held back until the test says so). */
  rest(): void;
}

/**
 * Answers /api/split with its head and half of its body, holding back the other half; anything else
 * with `ok`. Request heads only (no bodies).
 */
async function rawBackend(): Promise<RawBackend> {
  const sockets: net.Socket[] = [];
  const backend: RawBackend = { port: 0, seen: [], rest: () => undefined };
  const server = net.createServer((socket) => {
    const n = sockets.push(socket) - 1;
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const path = buffered.slice(0, end).split(' ')[1]!;
        buffered = buffered.slice(end + 4);
        backend.seen.push(`${n} ${path}`);
        if (path !== '/api/split') socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
        else {
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello');
          backend.rest = () => socket.write('world');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  backend.port = (server.address() as AddressInfo).port;
  return backend;
}

type Leave = 'half-closes' | 'resets';

/** Sends a request for /api/split; once the first half of the body is here, leaves and releases the rest. */
function leaveMidResponse(port: number, request: string, how: Leave, rest: () => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.endsWith('hello')) return;
      socket.removeAllListeners('data');
      if (how === 'half-closes') {
        // 'finish' comes once the FIN has left: the proxy has it before the rest of the body.
        socket.once('finish', () => rest());
        socket.end();
      } else {
        // The reset leaves when the socket is closed, before 'close' is emitted.
        socket.once('close', () => rest());
        socket.resetAndDestroy();
      }
    });
    socket.write(request);
  });
}

describe('connectivity proxy (HTTP): a client that leaves mid-response', () => {
  it.each<Leave>(['half-closes', 'resets'])(
    'when the client %s, the pooled backend connection answers the next client',
    async (how) => {
      const backend = await rawBackend();
      const handle = await engine({ workspace: proxyWorkspace({ http: backend.port }) });
      const port = Number(new URL(handle.urls.proxy!).port);
      const auth = `Proxy-Authorization: Bearer ${await token(handle, { client: 'demo-connectivity' })}\r\n`;
      const get = (path: string): string =>
        `GET http://erp.virtual:44300${path} HTTP/1.1\r\nHost: erp.virtual:44300\r\n${auth}\r\n`;
      const split = new Promise<ProxyRequestEvent>((resolve) =>
        handle.on('proxy-request', (e) => {
          if (e.url.endsWith('/api/split')) resolve(e);
        }),
      );

      const first = await leaveMidResponse(port, get('/api/split'), how, () => backend.rest());
      expect(first).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nhello$/);

      const second = (await rawExchange(port, get('/api/next'), responseComplete)).toString('latin1');
      expect(second).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(second.endsWith('\r\n\r\nok')).toBe(true);
      // The same backend connection served both: it went back to the pool, ready.
      expect(backend.seen).toEqual(['0 /api/split', '0 /api/next']);
      // The response ended at the backend, but the client never got all of it.
      expect((await split).decision).toMatchObject({
        allowed: false,
        reason: 'the client closed the connection',
      });
    },
  );
});
