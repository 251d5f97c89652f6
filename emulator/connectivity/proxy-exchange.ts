// One request through the HTTP proxy: admission first (405/407/503/403 answered here, the backend
// never contacted), then the head rewritten for the mapped backend only, the body relayed unchanged
// with backpressure both ways, and the response relayed back until its framing says it ended.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Decision } from '../../app/connectivity/events.js';
import type { ProxySettings } from '../../app/workspace/schema.js';
import type { SystemDirectory } from '../core/plugin.js';
import { deny } from './access-rules.js';
import { admit, type AdmissionContext, type Admitted } from './admission.js';
import { planForward } from './plan.js';
import { BodyFramer } from './body-framer.js';
import type { ClientConnection } from './client-connection.js';
import { Exchange, type RecordExchange } from './exchange.js';
import { backendRequestHead, clientResponseHead, describeBackendError, type ForwardPlan } from './headers.js';
import { connectionTokens, parseResponseHead, type RequestHead, type ResponseHead } from './http1.js';
import type { PrincipalCertificates } from './principal-certs.js';
import { writeError } from './replies.js';
import { corkForTurn } from './turn-cork.js';
import { cutBytes } from './byte-slab.js';
import { BodyTap } from './traffic.js';
import {
  resolveUpstream,
  type PooledSocket,
  type Upstream,
  type UpstreamOwner,
  type UpstreamPools,
} from './upstream.js';

export interface ProxyRuntime extends AdmissionContext {
  certs: PrincipalCertificates;
  pools: UpstreamPools;
  systems: SystemDirectory;
  record: RecordExchange;
  settings(): ProxySettings;
}

const MAX_RESPONSE_HEAD = 64 * 1024;

export class ProxyExchange implements UpstreamOwner {
  private readonly x: Exchange;
  private readonly client: Socket;
  private framer: BodyFramer | null = null;
  private queued: Buffer[] | null = [];
  private pooled: PooledSocket | null = null;
  private plan: (ForwardPlan & { trust: 'verify' | 'ignore' }) | null = null;
  private allowed: Decision | null = null;
  private upstream: Upstream | null = null;
  private headBytes: Buffer | null = null;
  private response: ResponseHead | null = null;
  private responseFramer: BodyFramer | null = null;
  private closeClient: boolean;
  private retried = false;
  private upstreamCloses = false;
  private waitingUpstream = false;
  private pausedClient = false;
  private waitingClient = false;
  private over = false;
  /** 'drain' listeners (backend, client socket): made on first backpressure, removed at the end. */
  private upstreamDrained: (() => void) | null = null;
  private clientDrained: (() => void) | null = null;

  constructor(
    private readonly rt: ProxyRuntime,
    private readonly conn: ClientConnection,
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
  private readonly upgrade: string | undefined;

  /** Returns bytes after this request's body (a pipelined request), or null. */
  start(body: Buffer): Buffer | null {
    const head = this.head;
    if (head.method === 'CONNECT')
      return this.refuse(
        405,
        deny(
          405,
          'request',
          'CONNECT is not supported: the connectivity proxy forwards http:// requests only',
        ).decision,
        body,
        ['Allow', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'],
      );
    const admission = admit(this.rt, head.target, head.headers, this.upgrade !== undefined);
    const x = this.x;
    if (!admission.ok) {
      x.location = admission.locationId ?? null;
      x.client = admission.client ?? null;
      x.user = admission.user?.name ?? null;
      return this.refuse(admission.status, admission.decision, body);
    }
    x.location = admission.location.id;
    x.client = admission.client;
    x.user = admission.user?.name ?? null;
    this.allowed = admission.decision;
    this.framer = new BodyFramer(head.framing);
    if (head.framing.kind !== 'none') x.requestBody = new BodyTap();
    const rest = this.clientData(body);
    const upstream = resolveUpstream(admission.mapping.mapping, this.rt.systems);
    if (!upstream.ok) {
      this.fail(502, `Backend is not reachable from Cloud Connector: ${upstream.reason}`);
      return rest;
    }
    this.upstream = upstream.upstream;
    x.target = upstream.upstream.authority;
    this.plan = planForward(admission, upstream.upstream);
    // A body is queued until the backend connection is ready; bound it by pausing the client.
    if (!this.framer.done) {
      this.pausedClient = true;
      this.client.pause();
    }
    const m = admission.mapping.mapping;
    if (m.principalType === 'X509' && admission.user !== null) this.withCertificate(admission);
    else this.connect();
    return rest;
  }

  private withCertificate(admission: Admitted): void {
    const subject = this.rt.certs.subject(admission.location.subjectPattern, admission.user!.claims);
    this.rt.certs
      .headerFor(subject)
      .then(
        (cert) => {
          this.plan!.extra.push('SSL_CLIENT_CERT', cert);
          this.connect();
        },
        (error: unknown) =>
          this.fail(
            502,
            `Principal propagation failed: no certificate for ${subject} (${(error as Error).message})`,
          ),
      )
      .catch((error: unknown) => this.conn.fault(error));
  }

  private connect(): void {
    if (this.over) return;
    const mapping = this.upstream!;
    const s = this.rt.settings();
    const pooled = this.rt.pools.acquire(
      mapping,
      this.trust(),
      s.connectTimeoutMs,
      this,
      this.onUpstreamReady,
      this.upgrade !== undefined,
    );
    this.pooled = pooled;
    if (pooled.reused) this.sendHead();
  }

  readonly onUpstreamFault = (error: unknown): void => this.conn.fault(error);

  /** The pool's answer to acquire(): connected, or why not. */
  readonly onUpstreamReady = (error: Error | null): void => {
    if (error) this.backendFailed(error);
    else this.sendHead();
  };

  private trust(): 'verify' | 'ignore' {
    return this.plan!.trust;
  }

  private sendHead(): void {
    if (this.over) {
      if (this.pooled) this.rt.pools.discard(this.pooled);
      return;
    }
    const socket = this.pooled!.socket;
    // Node allocates a new timer on every setTimeout; the one already set (refreshed by every read and
    // write) is kept when the value is the same.
    const timeout = this.rt.settings().responseTimeoutMs;
    if (socket.timeout !== timeout) socket.setTimeout(timeout);
    const head = backendRequestHead(this.head, this.plan!, this.upgrade);
    const queued = this.queued;
    this.queued = null;
    // Corked to the end of this turn: the head and the body bytes read so far leave together.
    corkForTurn(socket);
    socket.write(head, 'latin1');
    if (queued !== null) for (const part of queued) socket.write(part);
    if (this.pausedClient) {
      this.pausedClient = false;
      this.client.resume();
    }
  }

  /** Request body bytes from the client; returns what follows the body. */
  clientData(chunk: Buffer): Buffer | null {
    const framer = this.framer;
    if (framer === null || framer.done) return chunk;
    const n = framer.feed(chunk);
    if (n < 0) {
      this.closeClient = true;
      this.fail(400, 'The chunked request body is malformed');
      return null;
    }
    const part = n === chunk.length ? chunk : chunk.subarray(0, n);
    if (part.length > 0) {
      this.x.requestBody?.push(part);
      if (this.queued !== null) this.queued.push(part);
      else if (!this.pooled!.socket.write(part) && !this.waitingUpstream) {
        this.waitingUpstream = true;
        this.client.pause();
        this.pooled!.socket.once(
          'drain',
          (this.upstreamDrained ??= () => {
            this.waitingUpstream = false;
            this.client.resume();
          }),
        );
      }
    }
    return n === chunk.length ? null : chunk.subarray(n);
  }

  readonly onUpstreamData = (chunk: Buffer): void => {
    if (this.response !== null) return this.relayBody(chunk, null);
    const final = this.readResponseHead(chunk);
    if (final !== null) this.relayBody(final.rest, final.head);
  };

  /**
   * Relays body bytes; `head` (the response head, on the first call) leaves in the same write, as one
   * buffer: one syscall, no writev of mixed chunks. The exchange is recorded only after the bytes are
   * handed to the client socket, so bookkeeping never delays an answer.
   */
  private relayBody(body: Buffer, head: string | null): void {
    const framer = this.responseFramer!;
    const n = framer.feed(body);
    if (n < 0) {
      if (head !== null) this.client.write(head, 'latin1');
      return this.abortMidway('the backend sent a malformed chunked body');
    }
    const part = n === body.length ? body : body.subarray(0, n);
    if (part.length > 0) this.x.responseBody.push(part);
    // The client left (its FIN ended the socket, or a reset destroyed it) and 'close' has not come yet:
    // a write would fail, and pausing the backend for a 'drain' that never comes would leave the
    // connection stuck, in the pool too once the response ends.
    if (!this.client.writable) return this.clientGone(framer.done && n === body.length);
    let flowing = true;
    corkForTurn(this.client);
    if (head !== null && part.length > 0) {
      const out = cutBytes(head.length + part.length);
      out.write(head, 0, 'latin1');
      part.copy(out, head.length);
      flowing = this.client.write(out);
    } else if (head !== null) flowing = this.client.write(head, 'latin1');
    else if (part.length > 0) flowing = this.client.write(part);
    // Read to its end: nothing more to hold back, so the backend connection is not paused (it goes back
    // to the pool); the client's buffer drains on its own.
    if (framer.done) return this.complete(n === body.length);
    if (!flowing && !this.waitingClient) {
      this.waitingClient = true;
      this.pooled!.socket.pause();
      this.client.once(
        'drain',
        (this.clientDrained ??= () => {
          this.waitingClient = false;
          this.pooled!.socket.resume();
        }),
      );
    }
  }

  /**
   * Parses the response head once complete; returns the head for the client and the body bytes that
   * came with it, or null (head incomplete, refused, interim only, or a tunnel).
   */
  private readResponseHead(chunk: Buffer): { head: string; rest: Buffer } | null {
    const buf = this.headBytes === null ? chunk : Buffer.concat([this.headBytes, chunk]);
    const end = buf.indexOf('\r\n\r\n', 0, 'latin1');
    if (end < 0) {
      this.headBytes = buf;
      if (buf.length > MAX_RESPONSE_HEAD) this.backendFailed(new Error('the response head is too large'));
      return null;
    }
    this.headBytes = null;
    const parsed = parseResponseHead(buf.toString('latin1', 0, end), this.head.method);
    if (!parsed.ok) {
      this.backendFailed(new Error(parsed.reason));
      return null;
    }
    const response = parsed.head;
    const rest = buf.subarray(end + 4);
    if (response.status === 101 && this.upgrade !== undefined) {
      this.x.backendAt = performance.now();
      this.tunnel(buf);
      return null;
    }
    if (response.status >= 100 && response.status < 200) {
      // 100 Continue and friends go to the client as they are; the final response follows.
      this.client.write(buf.subarray(0, end + 4));
      return rest.length > 0 ? this.readResponseHead(rest) : null;
    }
    this.x.backendAt = performance.now();
    this.response = response;
    const connection = response.headers.connection;
    this.upstreamCloses = connection !== undefined && (connectionTokens(connection)?.has('close') ?? false);
    this.closeClient ||= response.framing.kind === 'close' || !this.framer!.done;
    const { text, raw } = clientResponseHead(response, this.plan!, this.closeClient);
    this.x.responseHeaders = raw;
    this.responseFramer = new BodyFramer(response.framing);
    const s = this.rt.settings();
    if (s.idleTimeoutMs !== s.responseTimeoutMs) this.pooled!.socket.setTimeout(s.idleTimeoutMs);
    return { head: text, rest };
  }

  private complete(clean: boolean): void {
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
  private clientGone(ended: boolean): void {
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

  readonly onUpstreamClose = (): void => {
    if (this.over) return;
    if (this.response !== null && this.response.framing.kind === 'close') return this.complete(true);
    if (this.response !== null)
      return this.abortMidway('the backend closed the connection in the middle of the response');
    const pooled = this.pooled!;
    // A reused keep-alive connection the backend had just closed: retry once on a fresh one.
    if (pooled.reused && !this.retried && this.head.framing.kind === 'none' && this.headBytes === null) {
      this.retried = true;
      this.detachUpstream();
      return this.connect();
    }
    this.backendFailed(Object.assign(new Error('the backend closed the connection'), { code: 'ECONNRESET' }));
  };

  readonly onUpstreamError = (error: Error): void => {
    if (this.response !== null)
      this.abortMidway(
        `the backend connection failed (${(error as NodeJS.ErrnoException).code ?? error.message})`,
      );
    else this.backendFailed(error);
  };

  readonly onUpstreamTimeout = (): void => {
    if (this.response !== null) return this.abortMidway('the backend stopped sending its response');
    this.backendFailed(Object.assign(new Error('response timeout'), { code: 'RESPONSE_TIMEOUT' }));
  };

  /** The connection's events stop coming here (the pool routes them to its next owner). */
  private detachUpstream(): void {
    if (this.pooled) this.pooled.owner = null;
  }

  private backendFailed(error: Error): void {
    const failure = describeBackendError(error, this.x.target ?? 'the backend');
    this.fail(failure.status, failure.reason);
  }

  /** A failure before the response started: the client gets the proxy's own error response. */
  private fail(status: number, reason: string): void {
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
  private abortMidway(reason: string): void {
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
  private refuse(status: number, decision: Decision, pipelined: Buffer, extra: string[] = []): Buffer | null {
    this.over = true;
    const close = this.closeClient || this.head.framing.kind !== 'none';
    const head = this.head.method === 'HEAD';
    this.x.responseHeaders = writeError(this.client, status, decision.reason, close, extra, head);
    this.x.finish(status, decision);
    this.conn.exchangeDone(!close);
    return close ? null : pipelined;
  }

  /** 101 Switching Protocols: from here on the two sockets are joined byte for byte. */
  private tunnel(bytes: Buffer): void {
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
