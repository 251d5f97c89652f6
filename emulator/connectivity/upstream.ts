// Where a mapping's requests go, and the pooled keep-alive connections to it. A mapping's internal
// host is either a real host the user named or `system:<id>` resolved through the engine's system
// directory; nothing else is ever connected to. Idle connections are kept per origin and trust.
import net, { type Socket } from 'node:net';
import tls, { rootCertificates } from 'node:tls';
import type { SystemMapping } from '../../app/workspace/schema.js';
import type { SystemDirectory } from '../core/plugin.js';

export interface Upstream {
  host: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  /** `host:port` for events, redirects and internal host headers. */
  authority: string;
}

export type UpstreamResult = { ok: true; upstream: Upstream } | { ok: false; reason: string };

export function resolveUpstream(mapping: SystemMapping, systems: SystemDirectory): UpstreamResult {
  if (mapping.internalHost.startsWith('system:')) {
    const id = mapping.internalHost.slice('system:'.length);
    const system = systems.resolve(id);
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

export interface PooledSocket {
  socket: Socket;
  key: string;
  /** True when it served a request before: a failure before any response byte may be a stale close. */
  reused: boolean;
}

export class UpstreamPools {
  private readonly idle = new Map<string, Socket[]>();
  private readonly live = new Set<Socket>();
  /** The listeners an idle socket carries, removed again when it is taken. */
  private readonly idleListeners = new WeakMap<Socket, () => void>();

  constructor(private readonly caCertPem: () => string) {}

  /** An idle connection, or a new one; `ready` fires once it can be written to (connect or TLS done). */
  acquire(
    upstream: Upstream,
    trust: 'verify' | 'ignore',
    connectTimeoutMs: number,
    ready: (error: Error | null) => void,
  ): PooledSocket {
    const key = `${upstream.protocol}|${upstream.authority}|${upstream.protocol === 'HTTPS' ? trust : ''}`;
    const list = this.idle.get(key);
    const socket = list?.pop();
    if (socket) {
      const drop = this.idleListeners.get(socket)!;
      // The idle timer keeps running until the exchange sets its own timeout.
      socket.off('close', drop).off('error', drop).off('end', drop).off('timeout', drop);
      queueMicrotask(() => ready(null));
      return { socket, key, reused: true };
    }
    const fresh = this.connect(upstream, trust, connectTimeoutMs, ready);
    return { socket: fresh, key, reused: false };
  }

  private connect(
    upstream: Upstream,
    trust: 'verify' | 'ignore',
    timeoutMs: number,
    ready: (error: Error | null) => void,
  ): Socket {
    const https = upstream.protocol === 'HTTPS';
    const socket = https
      ? tls.connect({
          host: upstream.host,
          port: upstream.port,
          rejectUnauthorized: trust === 'verify',
          // The emulator CA signs simulated HTTPS systems; real hosts chain to the system roots.
          ca: [...rootCertificates, this.caCertPem()],
          ...(net.isIP(upstream.host) ? {} : { servername: upstream.host }),
        })
      : net.connect({ host: upstream.host, port: upstream.port, noDelay: true });
    this.live.add(socket);
    socket.once('close', () => this.live.delete(socket));
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' })),
      timeoutMs,
    );
    const onError = (error: Error): void => {
      clearTimeout(timer);
      ready(error);
    };
    socket.once('error', onError);
    socket.once(https ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      if (https) (socket as tls.TLSSocket).setNoDelay(true);
      ready(null);
    });
    return socket;
  }

  /** A connection whose last response ended cleanly goes back to the idle list. */
  release(pooled: PooledSocket): void {
    const { socket, key } = pooled;
    if (socket.destroyed || !socket.writable) return;
    let list = this.idle.get(key);
    if (!list) this.idle.set(key, (list = []));
    if (list.length >= MAX_IDLE_PER_ORIGIN) {
      socket.destroy();
      return;
    }
    const drop = (): void => {
      const i = list.indexOf(socket);
      if (i >= 0) list.splice(i, 1);
      socket.destroy();
    };
    this.idleListeners.set(socket, drop);
    socket.once('close', drop).once('error', drop).once('end', drop);
    socket.setTimeout(IDLE_MS);
    socket.once('timeout', drop);
    list.push(socket);
  }

  closeAll(): Promise<void> {
    for (const socket of this.live) socket.destroy();
    this.idle.clear();
    return Promise.resolve();
  }
}
