// Every way one request through the HTTP proxy ends: relayed to its end, refused before any backend
// contact (405/407/503/403, decided by admission), failed before the response began (the proxy's own
// 4xx/5xx), cut midway, or joined into a tunnel. Nothing here reads client or backend bytes: the flow
// in proxy-exchange.ts decides which ending applies. Each records exactly one event and leaves both
// connections in a known state; a backend connection goes back to the pool only at rest.
import type { Socket } from 'node:net';
import type { Decision } from '../../app/connectivity/events.js';
import type { ProxySettings } from '../../app/workspace/schema.js';
import type { SystemDirectory } from '../core/plugin.js';
import { deny } from './access-rules.js';
import type { AdmissionContext } from './admission.js';
import type { BodyFramer } from './body-framer.js';
import { Exchange, type RecordExchange } from './exchange.js';
import { describeBackendError } from './headers.js';
import { connectionTokens, type RequestHead, type ResponseHead } from './http1.js';
import type { PrincipalCertificates } from './principal-certs.js';
import { writeError } from './replies.js';
import type { PooledSocket, UpstreamPools } from './upstream.js';

export interface ProxyRuntime extends AdmissionContext {
  certs: PrincipalCertificates;
  pools: UpstreamPools;
  systems: SystemDirectory;
  record: RecordExchange;
  settings(): ProxySettings;
}

/** What an exchange needs of its ClientConnection; an interface, so client-connection.ts is not imported back. */
export interface ExchangeConnection {
  readonly socket: Socket;
  /** The exchange is over; the connection serves the next request (`keepAlive`) or closes. */
  exchangeDone(keepAlive: boolean): void;
  /** The socket now belongs to a tunnel. */
  detach(): void;
  /** A throw in the proxy's own code met this exchange. */
  fault(error: unknown): void;
}

/**
 * The state an exchange's endings look at, and the endings themselves; the forwarding flow that leads
 * to them is ProxyExchange. A base class rather than functions over the exchange: the state stays
 * protected, and no object or call is added per request on the proxy's hot path.
 */
export abstract class ExchangeEndings {
  protected readonly x: Exchange;
  protected readonly client: Socket;
  protected framer: BodyFramer | null = null;
  protected pooled: PooledSocket | null = null;
  protected allowed: Decision | null = null;
  protected response: ResponseHead | null = null;
  protected closeClient: boolean;
  protected upstreamCloses = false;
  protected waitingUpstream = false;
  protected waitingClient = false;
  protected over = false;
  /** 'drain' listeners (backend, client socket): made on first backpressure, removed at the end. */
  protected upstreamDrained: (() => void) | null = null;
  protected clientDrained: (() => void) | null = null;

  constructor(
    protected readonly rt: ProxyRuntime,
    protected readonly conn: ExchangeConnection,
    readonly head: RequestHead,
  ) {
    this.client = conn.socket;
    this.x = new Exchange({ method: head.method, target: head.target, raw: head.raw }, rt.record);
    const tokens = connectionTokens(head.headers.connection);
    // HTTP/1.0 keep-alive is a legacy extension: such a client gets its answer and the connection closes.
    this.closeClient = head.version === '1.0' || (tokens?.has('close') ?? false);
    if (head.version === '1.1' && head.headers.upgrade !== undefined && tokens?.has('upgrade'))
      this.upgrade = head.headers.upgrade;
  }

  /** The protocol of a WebSocket (or other) upgrade request, allowed only on resources that say so. */
  protected readonly upgrade: string | undefined;

  protected complete(clean: boolean): void {
    if (this.over) return;
    this.over = true;
    this.endUpstream(clean);
    this.x.finish(this.response!.status, this.allowed!);
    this.conn.exchangeDone(!this.closeClient);
  }

  /**
   * The response was read (to its end when `ended`), but the client is gone: the backend connection
   * still goes back to the pool when the response ended cleanly, the client connection is closed.
   */
  protected clientGone(ended: boolean): void {
    if (!ended) return this.abortMidway('the client closed the connection');
    this.over = true;
    this.endUpstream(true);
    this.client.destroy();
    const reason = 'the client closed the connection';
    this.x.finish(this.response!.status, { ...this.allowed!, allowed: false, stage: 'backend', reason });
  }

  /**
   * The response ended: the connection goes back to the pool only at rest (response framed to its end,
   * request sent whole, no 'drain' awaited: an unsent request tail or a paused read must not meet the
   * next exchange). Otherwise it is closed.
   */
  private endUpstream(clean: boolean): void {
    const pooled = this.pooled!;
    this.detachUpstream();
    const waiting = this.waitingClient || this.waitingUpstream;
    if (this.waitingClient) this.client.off('drain', this.clientDrained!);
    if (this.waitingUpstream) pooled.socket.off('drain', this.upstreamDrained!);
    this.waitingClient = this.waitingUpstream = false;
    const atRest = clean && !waiting && this.framer!.done && !this.upstreamCloses;
    if (atRest && this.response!.framing.kind !== 'close') this.rt.pools.release(pooled);
    else this.rt.pools.discard(pooled);
  }

  /** The connection's events stop coming here (the pool routes them to its next owner). */
  protected detachUpstream(): void {
    if (this.pooled) this.pooled.owner = null;
  }

  protected backendFailed(error: Error): void {
    const failure = describeBackendError(error, this.x.target ?? 'the backend');
    this.fail(failure.status, failure.reason);
  }

  /** A failure before the response started: the client gets the proxy's own error response. */
  protected fail(status: number, reason: string): void {
    if (this.over) return;
    this.over = true;
    this.detachUpstream();
    this.pooled?.socket.destroy();
    const close = this.closeClient || !(this.framer?.done ?? true);
    this.x.responseHeaders = writeError(this.client, status, reason, close, [], this.head.method === 'HEAD');
    this.x.finish(status, { ...this.allowed!, allowed: false, stage: 'backend', reason });
    this.client.resume();
    this.conn.exchangeDone(!close);
  }

  /** A failure after the response head went out: nothing can be said any more but closing. */
  protected abortMidway(reason: string): void {
    if (this.over) return;
    this.over = true;
    this.detachUpstream();
    this.pooled?.socket.destroy();
    this.client.destroy();
    this.x.finish(this.response?.status ?? 502, {
      ...this.allowed!,
      allowed: false,
      stage: 'backend',
      reason,
    });
  }

  /** Denied before any backend contact; a request body that was not read forces a close. */
  protected refuse(
    status: number,
    decision: Decision,
    pipelined: Buffer,
    extra: string[] = [],
  ): Buffer | null {
    this.over = true;
    const close = this.closeClient || this.head.framing.kind !== 'none';
    const head = this.head.method === 'HEAD';
    this.x.responseHeaders = writeError(this.client, status, decision.reason, close, extra, head);
    this.x.finish(status, decision);
    this.conn.exchangeDone(!close);
    return close ? null : pipelined;
  }

  /** 101 Switching Protocols: from here on the two sockets are joined byte for byte. */
  protected tunnel(bytes: Buffer): void {
    this.over = true;
    const backend = this.rt.pools.handOver(this.pooled!);
    this.conn.detach();
    this.x.responseHeaders = [];
    this.x.finish(101, this.allowed!);
    this.client.write(bytes);
    backend.pipe(this.client);
    this.client.pipe(backend);
    const close = (): void => {
      backend.destroy();
      this.client.destroy();
    };
    backend.once('close', close).on('error', close);
    this.client.once('close', close).on('error', close);
    this.client.resume();
  }

  clientClosed(): void {
    if (this.over) return;
    this.abortMidway('the client closed the connection');
  }

  /** A throw in the proxy's own code (reported by the connection): a 500 if nothing was answered yet. */
  crash(): void {
    const answered = this.over || this.response !== null;
    this.over = true;
    this.detachUpstream();
    this.pooled?.socket.destroy();
    const reason = 'Internal error of the emulated connectivity proxy';
    if (answered) this.client.destroy();
    else this.x.responseHeaders = writeError(this.client, 500, reason, true);
    const decision = this.allowed ?? deny(500, 'request', reason).decision;
    this.x.finish(500, { ...decision, allowed: false, reason });
  }
}
