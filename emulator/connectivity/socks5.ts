// The Connectivity proxy's SOCKS5 listener (onpremise_socks5_proxy_port). Trusts only a JWT of the
// connectivity binding (same cache as the HTTP proxy) and connects only to the internal host of a TCP
// mapping in the requested location; every refusal is a SAP reply code followed by close. The handshake
// must be complete within the head deadline; a fault in this code closes the one connection.
import net, { type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Decision, SocksConnectionEvent } from '../../app/connectivity/events.js';
import type { EventBus } from '../core/event-bus.js';
import {
  createTcpListener,
  headDeadline,
  reportFault,
  type ListenerContext,
} from '../core/listener-guard.js';
import type { SystemDirectory } from '../core/plugin.js';
import { AccessRules, deny } from './access-rules.js';
import type { TokenCache } from './credentials.js';
import { nextId } from './exchange.js';
import {
  NO_ACCEPTABLE_METHOD,
  readConnect,
  readGreeting,
  readSapAuth,
  reply,
  REPLY,
  SAP_METHOD,
  VERSION,
  type Parsed,
} from './socks5-protocol.js';
import { describeBackendError } from './headers.js';
import { resolveUpstream } from './upstream.js';

export interface SocksRuntime {
  rules(): AccessRules;
  proxyTokens: TokenCache;
  systems: SystemDirectory;
  connectTimeoutMs(): number;
  recordSocks(event: SocksConnectionEvent): void;
}

/** Silence allowed between handshake messages; the whole handshake has the head deadline. */
const HANDSHAKE_IDLE_MS = 10_000;

export function createSocksServer(rt: SocksRuntime, bus: EventBus): net.Server {
  const listener = { name: 'socks5', bus };
  return createTcpListener(listener, (socket) => new SocksSession(rt, socket, listener).start());
}

class SocksSession {
  private buf: Buffer = Buffer.alloc(0);
  private step: 'greeting' | 'auth' | 'connect' | 'done' = 'greeting';
  private readonly started = performance.now();
  private readonly at = new Date().toISOString();
  private readonly id = nextId();
  private destination = '';
  private locationId: string | null = null;
  private client: string | null = null;
  private target: string | null = null;
  private recorded = false;
  private deadline: NodeJS.Timeout | undefined;

  constructor(
    private readonly rt: SocksRuntime,
    private readonly socket: Socket,
    private readonly listener: ListenerContext,
  ) {}

  start(): void {
    this.socket.setTimeout(HANDSHAKE_IDLE_MS, () => this.socket.destroy());
    // A client that sends its handshake a byte at a time is closed all the same (no reply code fits).
    this.deadline = setTimeout(() => this.socket.destroy(), headDeadline());
    this.socket.on('error', () => this.socket.destroy());
    this.socket.on('close', () => clearTimeout(this.deadline));
    this.socket.on('data', this.onData);
  }

  private readonly onData = (chunk: Buffer): void => {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    this.safely(() => {
      while (this.step !== 'done' && this.advance());
    });
  };

  /** A throw in this code is a bug: an error event, and this connection (only) is closed. */
  private safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.step = 'done';
      reportFault(this.listener, `SOCKS5 CONNECT ${this.destination || '(handshake)'}`, error);
      this.socket.destroy();
    }
  }

  /** Handles one protocol message if complete; false when more bytes are needed. */
  private advance(): boolean {
    if (this.step === 'greeting') return this.take(readGreeting(this.buf), (g) => this.greeting(g.methods));
    if (this.step === 'auth')
      return this.take(readSapAuth(this.buf), (a) => this.auth(a.token, a.locationId));
    return this.take(readConnect(this.buf), (c) =>
      c.ok ? this.connect(c.host, c.port) : this.refuse(c.reply, deny(0, 'request', c.reason).decision),
    );
  }

  private take<T>(parsed: Parsed<T>, next: (value: T) => void): boolean {
    if (parsed === undefined) return false;
    if ('error' in parsed) {
      this.step = 'done';
      this.socket.destroy();
      return false;
    }
    this.buf = parsed.rest;
    next(parsed.value);
    return true;
  }

  private greeting(methods: number[]): void {
    if (!methods.includes(SAP_METHOD)) {
      this.step = 'done';
      this.socket.end(Buffer.from([VERSION, NO_ACCEPTABLE_METHOD]));
      return;
    }
    this.step = 'auth';
    this.socket.write(Buffer.from([VERSION, SAP_METHOD]));
  }

  private auth(token: string, locationId: string | null): void {
    this.locationId = locationId;
    const credential = this.rt.proxyTokens.check(token);
    if (!credential.ok) {
      // Any status but 00 is a failure; 05 is SAP's code for "authentication failed".
      this.step = 'done';
      this.socket.end(Buffer.from([0x01, REPLY.authenticationFailed]));
      this.record(
        REPLY.authenticationFailed,
        deny(0, 'auth', `The proxy token is not accepted: ${credential.reason}`).decision,
      );
      return;
    }
    this.client = credential.client;
    this.step = 'connect';
    this.socket.write(Buffer.from([0x01, 0x00]));
  }

  private connect(host: string, port: number): void {
    this.step = 'done';
    this.destination = `${host}:${port}`;
    const location = this.rt.rules().location(this.locationId);
    if (!location.ok) return this.refuse(REPLY.networkUnreachable, location.decision);
    const mapped = AccessRules.tcp(location.location, host, port);
    if (!mapped.ok) return this.refuse(REPLY.forbidden, mapped.decision);
    const upstream = resolveUpstream(mapped.mapping.mapping, this.rt.systems);
    const unreachable = (reason: string): void =>
      this.refuse(REPLY.hostUnreachable, { ...mapped.decision, allowed: false, stage: 'backend', reason });
    if (!upstream.ok) return unreachable(`Backend is not reachable from Cloud Connector: ${upstream.reason}`);
    this.target = upstream.upstream.authority;
    this.open(upstream.upstream.host, upstream.upstream.port, mapped.decision, unreachable);
  }

  private open(host: string, port: number, allowed: Decision, unreachable: (reason: string) => void): void {
    const backend = net.connect({ host, port, noDelay: true });
    const timer = setTimeout(
      () => backend.destroy(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' })),
      this.rt.connectTimeoutMs(),
    );
    backend.once('error', (error) => {
      clearTimeout(timer);
      this.safely(() => unreachable(describeBackendError(error, this.target ?? this.destination).reason));
    });
    backend.once('connect', () => this.safely(() => this.joined(backend, timer, allowed)));
    this.socket.once('close', () => backend.destroy());
  }

  /** The backend accepted: from here on the bytes are relayed both ways. */
  private joined(backend: Socket, timer: NodeJS.Timeout, allowed: Decision): void {
    clearTimeout(timer);
    clearTimeout(this.deadline);
    backend.removeAllListeners('error');
    backend.on('error', () => backend.destroy());
    this.socket.setTimeout(0);
    this.socket.off('data', this.onData);
    this.socket.write(reply(REPLY.succeeded));
    if (this.buf.length > 0) backend.write(this.buf);
    const handshake = this.socket.bytesRead - this.buf.length;
    this.socket.pipe(backend);
    backend.pipe(this.socket);
    const done = (): void => {
      this.socket.destroy();
      backend.destroy();
      this.safely(() =>
        this.record(REPLY.succeeded, allowed, {
          up: this.socket.bytesRead - handshake,
          down: backend.bytesRead,
        }),
      );
    };
    backend.on('error', done).on('close', done);
    this.socket.on('error', done).on('close', done);
  }

  private refuse(code: number, decision: Decision): void {
    this.step = 'done';
    this.socket.end(reply(code));
    this.record(code, decision);
  }

  private record(code: number, decision: Decision, bytes = { up: 0, down: 0 }): void {
    if (this.recorded) return;
    this.recorded = true;
    this.rt.recordSocks({
      type: 'socks-connection',
      at: this.at,
      id: this.id,
      destination: this.destination,
      location: this.locationId,
      reply: code,
      decision,
      client: this.client,
      target: this.target,
      timings: { totalMs: Math.round((performance.now() - this.started) * 100) / 100 },
      sizes: { bytesUp: Math.max(0, bytes.up), bytesDown: bytes.down },
    });
  }
}
