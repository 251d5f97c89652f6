// Where a mapping's requests go, and the pooled keep-alive connections to it. A mapping's internal
// host is either a real host the user named or `system:<id>` resolved through the engine's system
// directory; nothing else is ever connected to. Idle connections are kept per origin and trust.
import net, { type Socket } from 'node:net';
import tls, { rootCertificates } from 'node:tls';
import type { SystemMapping } from '../../app/workspace/schema.js';
import type { SystemAddress, SystemDirectory } from '../core/plugin.js';
import { cutBytes } from './byte-slab.js';

export interface Upstream {
  host: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  /** `host:port` for events, redirects and internal host headers. */
  authority: string;
}

export type UpstreamResult = { ok: true; upstream: Upstream } | { ok: false; reason: string };

/**
 * The answer per mapping, reused while the system it names keeps its address: the same Upstream
 * object (and authority string) for every request saves allocations and lets the audit log reuse the
 * text it built for the last request.
 */
const resolved = new WeakMap<SystemMapping, { address: SystemAddress | undefined; result: UpstreamResult }>();

export function resolveUpstream(mapping: SystemMapping, systems: SystemDirectory): UpstreamResult {
  const isSystem = mapping.internalHost.startsWith('system:');
  const address = isSystem ? systems.resolve(mapping.internalHost.slice('system:'.length)) : undefined;
  const cached = resolved.get(mapping);
  if (cached && cached.address === address) return cached.result;
  const result = resolveNow(mapping, address);
  resolved.set(mapping, { address, result });
  return result;
}

function resolveNow(mapping: SystemMapping, system: SystemAddress | undefined): UpstreamResult {
  if (mapping.internalHost.startsWith('system:')) {
    const id = mapping.internalHost.slice('system:'.length);
    if (!system) return { ok: false, reason: `the simulated system "${id}" is not running` };
    const protocol = mapping.protocol === 'TCP' ? 'TCP' : system.protocol;
    const port = mapping.internalPort ?? system.port;
    return { ok: true, upstream: { host: system.host, port, protocol, authority: `${system.host}:${port}` } };
  }
  const port = mapping.internalPort;
  if (port === undefined) return { ok: false, reason: 'the mapping has no internal port' };
  const host = mapping.internalHost;
  return { ok: true, upstream: { host, port, protocol: mapping.protocol, authority: `${host}:${port}` } };
}

const IDLE_MS = 4_000;
const MAX_IDLE_PER_ORIGIN = 256;

/** Where plain upstream connections read to; each read is copied out before the next can happen. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

function copyOut(buf: Uint8Array, n: number): Buffer {
  const chunk = cutBytes(n);
  chunk.set(n === buf.length ? buf : buf.subarray(0, n));
  return chunk;
}

function openTls(upstream: Upstream, trust: 'verify' | 'ignore', caCertPem: string): tls.TLSSocket {
  return tls.connect({
    host: upstream.host,
    port: upstream.port,
    rejectUnauthorized: trust === 'verify',
    // The emulator CA signs simulated HTTPS systems; real hosts chain to the system roots.
    ca: [...rootCertificates, caCertPem],
    ...(net.isIP(upstream.host) ? {} : { servername: upstream.host }),
  });
}

/**
 * Reads straight into one shared buffer and copies out what was read (cut from a slab, see
 * byte-slab.ts): no read stream, no buffer allocated per read, no tick scheduled per read.
 */
function openPlain(upstream: Upstream, onData: (chunk: Buffer) => void): Socket {
  return net.connect({
    host: upstream.host,
    port: upstream.port,
    noDelay: true,
    onread: {
      buffer: READ_BUFFER,
      callback: (n: number, buf: Uint8Array): boolean => {
        onData(copyOut(buf, n));
        return true;
      },
    },
  });
}

/** The exchange a pooled connection serves; its events go there (one set of listeners per socket). */
export interface UpstreamOwner {
  readonly onUpstreamData: (chunk: Buffer) => void;
  readonly onUpstreamClose: () => void;
  readonly onUpstreamError: (error: Error) => void;
  readonly onUpstreamTimeout: () => void;
  /** One of the handlers above (or the ready callback) threw: a bug, which must not end the process. */
  readonly onUpstreamFault: (error: unknown) => void;
}

/** Hands an event to its owner; a throw there goes back to the owner as a fault, never up the socket. */
function deliver<T>(owner: UpstreamOwner, handler: (value: T) => void, value: T): void {
  try {
    handler(value);
  } catch (error) {
    owner.onUpstreamFault(error);
  }
}

export interface PooledSocket {
  socket: Socket;
  key: string;
  /** True when it served a request before: a failure before any response byte may be a stale close. */
  reused: boolean;
  /** Who gets the socket's events; null while idle in the pool (or once handed to a tunnel). */
  owner: UpstreamOwner | null;
}

interface Slot extends PooledSocket {
  connected: boolean;
  idle: boolean;
  /** When it went back to the pool (performance.now()). */
  idleSince: number;
  /** Joined to a client socket byte for byte (WebSocket): the pool no longer looks at it. */
  tunneled: boolean;
}

/**
 * Keep-alive connections per origin and trust. Each socket gets its listeners once, when it is
 * created, and routes events to its current owner: adding and removing four listeners per request
 * (and four more for the idle state) was a measurable share of the proxy's time.
 */
export class UpstreamPools {
  private readonly idle = new Map<string, Slot[]>();
  private readonly live = new Set<Socket>();
  /** Closes connections idle for longer than idleMs; runs only while some are idle. */
  private sweeper: NodeJS.Timeout | undefined;

  private readonly idleMs: number;

  constructor(
    private readonly caCertPem: () => string,
    options: { idleMs?: number } = {},
  ) {
    this.idleMs = options.idleMs ?? IDLE_MS;
  }

  /**
   * An idle connection, ready on return (`reused` is true), or a new one: `ready` fires once that can be
   * written to (connect or TLS done). A reused one is not announced through a callback: a microtask
   * and a closure per request for an answer known at once.
   */
  acquire(
    upstream: Upstream,
    trust: 'verify' | 'ignore',
    connectTimeoutMs: number,
    owner: UpstreamOwner,
    ready: (error: Error | null) => void,
    tunnel = false,
  ): PooledSocket {
    // A connection that may become a WebSocket tunnel must be a stream (it is piped); the others read
    // into the pool's buffer. They never share a pool.
    const key = `${upstream.protocol}|${upstream.authority}|${upstream.protocol === 'HTTPS' ? trust : ''}${tunnel ? '|tunnel' : ''}`;
    const list = this.idle.get(key);
    const now = performance.now();
    for (let slot = list?.pop(); slot; slot = list!.pop()) {
      slot.idle = false;
      if (now - slot.idleSince > this.idleMs || slot.socket.destroyed) {
        slot.socket.destroy();
        continue;
      }
      slot.reused = true;
      slot.owner = owner;
      return slot;
    }
    return this.connect(upstream, key, trust, connectTimeoutMs, owner, ready, tunnel);
  }

  private connect(
    upstream: Upstream,
    key: string,
    trust: 'verify' | 'ignore',
    timeoutMs: number,
    owner: UpstreamOwner,
    ready: (error: Error | null) => void,
    tunnel: boolean,
  ): Slot {
    const https = upstream.protocol === 'HTTPS';
    const onData = (chunk: Buffer): void => {
      if (slot.owner) deliver(slot.owner, slot.owner.onUpstreamData, chunk);
      // Bytes on an idle keep-alive connection: the backend is confused; never hand it out again.
      else if (slot.idle) this.drop(slot);
    };
    const socket = https
      ? openTls(upstream, trust, this.caCertPem())
      : tunnel
        ? net.connect({ host: upstream.host, port: upstream.port, noDelay: true })
        : openPlain(upstream, onData);
    const slot: Slot = {
      socket,
      key,
      reused: false,
      owner,
      connected: false,
      idle: false,
      idleSince: 0,
      tunneled: false,
    };
    this.live.add(socket);
    if (https || tunnel) socket.on('data', onData);
    this.route(slot, owner, ready, timeoutMs, https);
    return slot;
  }

  /**
   * The socket's one set of listeners (data aside): until connected, an error or the connect timeout
   * goes to `ready`; after that, each event goes to the current owner, or closes the connection while
   * it sits idle in the pool.
   */
  private route(
    slot: Slot,
    owner: UpstreamOwner,
    ready: (error: Error | null) => void,
    timeoutMs: number,
    https: boolean,
  ): void {
    const { socket } = slot;
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' })),
      timeoutMs,
    );
    socket.on('error', (error: Error) => {
      if (!slot.connected) {
        clearTimeout(timer);
        deliver(owner, ready, error);
      } else if (slot.owner) deliver(slot.owner, slot.owner.onUpstreamError, error);
      else if (slot.idle) this.drop(slot);
    });
    socket.on('close', () => {
      this.live.delete(socket);
      if (slot.idle) this.drop(slot);
      else if (slot.connected && slot.owner) deliver(slot.owner, slot.owner.onUpstreamClose, undefined);
    });
    socket.on('end', () => {
      if (slot.idle) this.drop(slot);
    });
    socket.on('timeout', () => {
      if (slot.owner) deliver(slot.owner, slot.owner.onUpstreamTimeout, undefined);
      else if (slot.idle) this.drop(slot);
    });
    socket.once(https ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      slot.connected = true;
      if (https) (socket as tls.TLSSocket).setNoDelay(true);
      deliver(owner, ready, null);
    });
  }

  /**
   * A connection whose last response ended cleanly goes back to the idle list, if it is at rest: a
   * paused one would neither answer the next request nor notice the backend closing it, and unsent
   * request bytes or a 'drain' listener belong to the exchange that ended. Such a one is closed.
   */
  release(pooled: PooledSocket): void {
    const slot = pooled as Slot;
    slot.owner = null;
    const { socket, key } = slot;
    if (
      !socket.writable ||
      socket.isPaused() ||
      socket.writableLength > 0 ||
      socket.listenerCount('drain') > 0
    ) {
      socket.destroy();
      return;
    }
    let list = this.idle.get(key);
    if (!list) this.idle.set(key, (list = []));
    if (list.length >= MAX_IDLE_PER_ORIGIN) {
      socket.destroy();
      return;
    }
    // No socket timer per release: Node allocates a new timer (and a bound callback) on every
    // setTimeout, twice per request with the exchange's own. Idle connections are swept instead; the
    // exchange's inactivity timeout stays on the socket as a backstop.
    slot.idle = true;
    slot.idleSince = performance.now();
    list.push(slot);
    this.sweeper ??= setInterval(() => this.sweep(), this.idleMs / 2).unref();
  }

  private sweep(): void {
    const now = performance.now();
    let left = 0;
    for (const [key, list] of this.idle) {
      const keep = list.filter((slot) => {
        if (now - slot.idleSince <= this.idleMs && !slot.socket.destroyed) return true;
        slot.idle = false;
        slot.socket.destroy();
        return false;
      });
      if (keep.length === 0) this.idle.delete(key);
      else this.idle.set(key, keep);
      left += keep.length;
    }
    if (left === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  /** The exchange is over without giving the connection back: it is closed. */
  discard(pooled: PooledSocket): void {
    pooled.owner = null;
    pooled.socket.destroy();
  }

  /** The socket now belongs to a byte-for-byte tunnel; the pool only closes it on shutdown. */
  handOver(pooled: PooledSocket): Socket {
    const slot = pooled as Slot;
    slot.owner = null;
    slot.tunneled = true;
    return slot.socket;
  }

  private drop(slot: Slot): void {
    if (!slot.idle) return;
    slot.idle = false;
    const list = this.idle.get(slot.key);
    const i = list ? list.indexOf(slot) : -1;
    if (i >= 0) list!.splice(i, 1);
    slot.socket.destroy();
  }

  closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const socket of this.live) socket.destroy();
    this.idle.clear();
    return Promise.resolve();
  }
}
