// One request through the HTTP proxy: admission first (405/407/503/403 answered here, the backend
// never contacted), then the head rewritten for the mapped backend only, the body relayed unchanged
// with backpressure both ways, and the response relayed back until its framing says it ended.
import { performance } from 'node:perf_hooks';
import { deny } from './access-rules.js';
import { admit, type Admitted } from './admission.js';
import { planForward } from './plan.js';
import { BodyFramer } from './body-framer.js';
import { ExchangeEndings } from './exchange-endings.js';
import { backendRequestHead, clientResponseHead, type ForwardPlan } from './headers.js';
import { connectionTokens, parseResponseHead } from './http1.js';
import { corkForTurn } from './turn-cork.js';
import { cutBytes } from './byte-slab.js';
import { BodyTap } from './traffic.js';
import { resolveUpstream, type Upstream, type UpstreamOwner } from './upstream.js';

export type { ProxyRuntime } from './exchange-endings.js';

const MAX_RESPONSE_HEAD = 64 * 1024;

/** The forwarding flow of one exchange; how it ends (and the state that decides it) is ExchangeEndings. */
export class ProxyExchange extends ExchangeEndings implements UpstreamOwner {
  private queued: Buffer[] | null = [];
  private plan: (ForwardPlan & { trust: 'verify' | 'ignore' }) | null = null;
  private upstream: Upstream | null = null;
  private headBytes: Buffer | null = null;
  private responseFramer: BodyFramer | null = null;
  private retried = false;
  private pausedClient = false;

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
}
