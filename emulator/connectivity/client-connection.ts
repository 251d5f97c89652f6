// One client connection to the HTTP proxy: reads request heads (at most 8192 bytes, strictly parsed),
// runs one exchange at a time (pipelined requests wait, the socket is paused) and keeps the connection
// alive between them. Nothing from the client is trusted before admission in proxy-exchange.ts.
import type { Socket } from 'node:net';
import { parseRequestHead } from './http1.js';
import type { ProxyRuntime } from './proxy-exchange.js';
import { ProxyExchange } from './proxy-exchange.js';
import { writeError } from './replies.js';
import { Exchange } from './exchange.js';
import { deny } from './access-rules.js';

/** Request line plus headers, as the real proxy limits them. */
export const MAX_HEADER_BYTES = 8192;
const KEEP_ALIVE_MS = 30_000;

export class ClientConnection {
  private pending: Buffer | null = null;
  private current: ProxyExchange | null = null;

  constructor(
    private readonly rt: ProxyRuntime,
    readonly socket: Socket,
  ) {
    socket.setNoDelay(true);
    // Idle keep-alive connections close; a connection waiting for a slow backend does not.
    socket.setTimeout(KEEP_ALIVE_MS, () => {
      if (this.current === null) socket.destroy();
    });
    socket.on('data', this.onData);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.current?.clientClosed());
  }

  private readonly onData = (chunk: Buffer): void => {
    if (this.current) {
      const rest = this.current.clientData(chunk);
      if (rest !== null && rest.length > 0) this.hold(rest);
      return;
    }
    this.pending = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.nextHead();
  };

  /** Bytes after the current request (pipelining): kept until the exchange is over, or parsed now. */
  private hold(rest: Buffer): void {
    this.pending = this.pending === null ? rest : Buffer.concat([this.pending, rest]);
    if (this.current) this.socket.pause();
    else this.nextHead();
  }

  private nextHead(): void {
    const buf = this.pending;
    if (buf === null) return;
    const end = buf.indexOf('\r\n\r\n', 0, 'latin1');
    if (end < 0 || end > MAX_HEADER_BYTES) {
      if (end > MAX_HEADER_BYTES || buf.length > MAX_HEADER_BYTES + 4)
        this.refuseUnparsed(431, `The request line and headers are over ${MAX_HEADER_BYTES} bytes`);
      return;
    }
    this.pending = null;
    const parsed = parseRequestHead(buf.toString('latin1', 0, end));
    if (!parsed.ok) return this.refuseUnparsed(parsed.status, parsed.reason);
    const body = buf.subarray(end + 4);
    this.current = new ProxyExchange(this.rt, this, parsed.head);
    const rest = this.current.start(body);
    if (rest !== null && rest.length > 0) this.hold(rest);
  }

  /** The exchange is over; the connection either serves the next request or closes. */
  exchangeDone(keepAlive: boolean): void {
    this.current = null;
    if (!keepAlive) {
      this.socket.end();
      return;
    }
    if (this.socket.isPaused()) this.socket.resume();
    if (this.pending !== null) this.nextHead();
  }

  /** The socket now belongs to a tunnel (WebSocket upgrade). */
  detach(): void {
    this.current = null;
    this.socket.off('data', this.onData);
    this.socket.setTimeout(0);
  }

  private refuseUnparsed(status: number, reason: string): void {
    const x = new Exchange({ method: 'UNKNOWN', target: '', raw: [] }, this.rt.record);
    x.responseHeaders = writeError(this.socket, status, reason, true);
    x.finish(status, deny(status, 'request', reason).decision);
    this.pending = null;
    this.socket.off('data', this.onData);
  }
}
