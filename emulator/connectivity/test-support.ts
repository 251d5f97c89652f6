// Test fixtures for the connectivity proxy: loopback backends on port 0, a workspace that maps them,
// tokens from the engine's admin API and raw sockets that show the bytes on the wire.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { adminUrl, bearer, onCleanup } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';

export interface Backend {
  port: number;
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  /** /api/big: bytes handed to the socket so far, and how often write() said to wait for 'drain'. */
  big: { sent: number; stalls: number };
}

/** /api/big sends this many bytes, chunk i filled with byte i % 251 (order and content are checkable). */
export const BIG_CHUNK = 64 * 1024;
export const BIG_CHUNKS = 768;

/** The body /api/big sends. */
export function bigBody(): Buffer {
  return Buffer.concat(Array.from({ length: BIG_CHUNKS }, (_, i) => Buffer.alloc(BIG_CHUNK, i % 251)));
}

/**
 * Echoes method, path, headers and body as JSON; /redirect sends a Location to itself; /hang never
 * answers; /big streams 48 MB, honouring backpressure.
 */
export async function startBackend(): Promise<Backend> {
  const backend: Backend = { port: 0, requests: [], big: { sent: 0, stalls: 0 } };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      backend.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/api/hang') return;
      if (req.url === '/api/big') {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': BIG_CHUNK * BIG_CHUNKS,
        });
        let i = 0;
        const more = (): void => {
          while (i < BIG_CHUNKS) {
            const ok = res.write(Buffer.alloc(BIG_CHUNK, i % 251));
            backend.big.sent += BIG_CHUNK;
            i++;
            if (!ok) {
              backend.big.stalls++;
              res.once('drain', more);
              return;
            }
          }
          res.end();
        };
        more();
        return;
      }
      if (req.url === '/api/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${backend.port}/api/landing?x=1` }).end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
  backend.port = await listenOn(server);
  onCleanup(() => closeAll(server));
  return backend;
}

/** A TCP echo server (for SOCKS5 mappings). */
export async function startTcpEcho(): Promise<number> {
  const server = net.createServer((socket) => socket.pipe(socket));
  const port = await listenOn(server);
  onCleanup(() => closeAll(server));
  return port;
}

async function listenOn(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closeAll(server: net.Server): Promise<void> {
  if (server instanceof http.Server) server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export function proxyWorkspace(
  ports: { http: number; tcp?: number; refused?: number },
  change?: (ws: WorkspaceInput) => void,
): WorkspaceInput {
  const ws = structuredClone(DEMO_WORKSPACE);
  const local = { internalHost: '127.0.0.1', protocol: 'HTTP' as const };
  ws.cloudConnector = {
    proxy: { connectTimeoutMs: 1000, responseTimeoutMs: 300, idleTimeoutMs: 1000 },
    locations: [
      {
        systemMappings: [
          {
            virtualHost: 'erp.virtual',
            virtualPort: 44300,
            ...local,
            internalPort: ports.http,
            resources: [
              { path: '/api', mode: 'prefix' },
              { path: '/exact', mode: 'exact' },
              { path: '/api/suspended', mode: 'prefix', enabled: false },
              { path: '/ws', mode: 'prefix', websocket: true },
            ],
          },
          {
            virtualHost: 'internal.virtual',
            virtualPort: 80,
            ...local,
            internalPort: ports.http,
            hostInHeader: 'internal',
            principalType: 'X509',
          },
          { virtualHost: 'down.virtual', virtualPort: 80, ...local, internalPort: ports.refused ?? 1 },
          ...(ports.tcp
            ? [
                {
                  virtualHost: 'tcp.virtual',
                  virtualPort: 3300,
                  ...local,
                  internalPort: ports.tcp,
                  protocol: 'TCP' as const,
                },
              ]
            : []),
        ],
      },
      {
        id: 'loc1',
        systemMappings: [
          {
            virtualHost: 'erp.virtual',
            virtualPort: 44300,
            ...local,
            internalPort: ports.http,
            resources: [{ path: '/loc1', mode: 'prefix' }],
          },
        ],
      },
      { id: 'off', connected: false, systemMappings: [] },
    ],
  };
  change?.(ws);
  return ws;
}

export async function token(
  handle: EmulatorHandle,
  body: { client: string; user?: string; expiresIn?: number },
): Promise<string> {
  const response = await fetch(`${adminUrl(handle)}/api/tokens`, {
    method: 'POST',
    headers: { ...bearer(handle), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { access_token?: string };
  if (!json.access_token) throw new Error(`no token: ${JSON.stringify(json)}`);
  return json.access_token;
}

/** Writes raw bytes to a port and collects everything until the server closes or `until` matches. */
export function rawExchange(
  port: number,
  bytes: string | Buffer,
  until?: (received: Buffer) => boolean,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = (): void => {
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (until?.(Buffer.concat(chunks))) done();
    });
    socket.on('end', done);
    socket.on('error', reject);
    socket.write(bytes);
  });
}

/** A complete HTTP response (by Content-Length) has arrived. */
export function responseComplete(received: Buffer): boolean {
  const text = received.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, end))?.[1];
  return length !== undefined && text.length >= end + 4 + Number(length);
}
