// One client connection to the HTTP proxy: reads request heads (at most 8192 bytes, strictly parsed,
// complete within the head deadline), runs one exchange at a time (pipelined requests wait, the socket
// is paused) and keeps the connection alive between them. Nothing from the client is trusted before
// admission in proxy-exchange.ts. A fault in the proxy's own code ends this connection, never the engine.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  describeRequest,
  headDeadline,
  lingerClose,
  reportFault,
  type ListenerContext,
} from '../core/listener-guard.js';
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
  private readonly deadlineMs = headDeadline();
  /**
   * When the head being read began (performance.now()): the connection's start for the first one, the
   * first byte seen for the next ones; -1 between heads. A timer runs only while a head is incomplete,
   * so a head that arrives in one read (the usual case) costs no timer at all.
   */
  private headSince = performance.now();
  private headTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly rt: ProxyRuntime,
    readonly socket: Socket,
    private readonly listener: ListenerContext,
  ) {
    socket.setNoDelay(true);
    // Idle keep-alive connections close; a connection waiting for a slow backend does not.
    socket.setTimeout(KEEP_ALIVE_MS, () => {
      if (this.current === null) socket.destroy();
    });
    socket.on('data', this.onData);
    socket.on('error', () => socket.destroy());
    socket.on('close', this.onClose);
  }

  private readonly onData = (chunk: Buffer): void => {
    try {
      if (this.current) {
        const rest = this.current.clientData(chunk);
        if (rest !== null && rest.length > 0) this.hold(rest);
        return;
      }
      this.pending = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
      this.nextHead();
    } catch (error) {
      this.fault(error);
    }
  };

  private readonly onClose = (): void => {
    this.headDone();
    try {
      this.current?.clientClosed();
    } catch (error) {
      this.fault(error);
    }
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
      else this.awaitHead();
      return;
    }
    this.pending = null;
    this.headDone();
    const parsed = parseRequestHead(buf.toString('latin1', 0, end));
    if (!parsed.ok) return this.refuseUnparsed(parsed.status, parsed.reason);
    const body = buf.subarray(end + 4);
    this.current = new ProxyExchange(this.rt, this, parsed.head);
    const rest = this.current.start(body);
    if (rest !== null && rest.length > 0) this.hold(rest);
  }

  /** Part of a head is here: the rest must follow before the deadline (no slowloris). */
  private awaitHead(): void {
    if (this.headTimer !== null) return;
    const now = performance.now();
    if (this.headSince < 0) this.headSince = now;
    this.headTimer = setTimeout(this.headTimeout, Math.max(0, this.deadlineMs - (now - this.headSince)));
  }

  private headDone(): void {
    if (this.headTimer !== null) {
      clearTimeout(this.headTimer);
      this.headTimer = null;
    }
    this.headSince = -1;
  }

  private readonly headTimeout = (): void => {
    this.headTimer = null;
    if (this.current !== null || this.pending === null) return;
    this.refuseUnparsed(
      408,
      `The request line and headers did not arrive within ${this.deadlineMs / 1000} s`,
    );
  };

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
    this.headDone();
    this.socket.off('data', this.onData);
    this.socket.setTimeout(0);
  }

  /**
   * A bug met this connection (a throw while reading, admitting, forwarding or relaying): an error
   * event, then a 500 if the client has no answer yet, else the connection is cut.
   */
  fault(error: unknown): void {
    const current = this.current;
    this.current = null;
    this.pending = null;
    this.headDone();
    this.socket.off('data', this.onData);
    reportFault(
      this.listener,
      current ? describeRequest(current.head.method, current.head.target) : 'reading a request head',
      error,
    );
    try {
      if (current) {
        current.crash();
        lingerClose(this.socket);
      } else this.refuseUnparsed(500, 'Internal error of the emulated connectivity proxy');
    } catch {
      this.socket.destroy();
    }
  }

  private refuseUnparsed(status: number, reason: string): void {
    this.headDone();
    const x = new Exchange({ method: 'UNKNOWN', target: '', raw: [] }, this.rt.record);
    x.responseHeaders = writeError(this.socket, status, reason, true);
    lingerClose(this.socket);
    x.finish(status, deny(status, 'request', reason).decision);
    this.pending = null;
    this.socket.off('data', this.onData);
  }
}
