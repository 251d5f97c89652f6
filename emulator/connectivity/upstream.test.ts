// The upstream pool on its own: a released connection is reused (only at rest), one idle for too long is
// closed by the sweeper (not by a timer per release), and the exchange's timeout stays the same timer
// across requests.
import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { onCleanup } from '../test/support.js';
import { UpstreamPools, type PooledSocket, type Upstream, type UpstreamOwner } from './upstream.js';

const owner: UpstreamOwner = {
  onUpstreamData: () => undefined,
  onUpstreamClose: () => undefined,
  onUpstreamError: () => undefined,
  onUpstreamTimeout: () => undefined,
  onUpstreamFault: () => undefined,
};

async function backend(): Promise<{ upstream: Upstream; accepted: net.Socket[]; closed: Promise<void>[] }> {
  const accepted: net.Socket[] = [];
  const closed: Promise<void>[] = [];
  const server = net.createServer((socket) => {
    accepted.push(socket);
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(async () => {
    for (const s of accepted) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return {
    upstream: { host: '127.0.0.1', port, protocol: 'HTTP', authority: `127.0.0.1:${port}` },
    accepted,
    closed,
  };
}

/** The Timeout object behind socket.setTimeout (Node keeps it under a symbol described 'timeout'). */
function timerOf(socket: net.Socket): unknown {
  const key = Object.getOwnPropertySymbols(socket).find((s) => s.description === 'timeout');
  return key === undefined ? undefined : (socket as unknown as Record<symbol, unknown>)[key];
}

function acquire(
  pools: UpstreamPools,
  upstream: Upstream,
  who: UpstreamOwner = owner,
  tunnel = false,
): Promise<PooledSocket> {
  return new Promise((resolve, reject) => {
    const pooled = pools.acquire(
      upstream,
      'verify',
      5_000,
      who,
      (error) => (error ? reject(error) : resolve(pooled)),
      tunnel,
    );
    if (pooled.reused) resolve(pooled);
  });
}

describe('upstream pool', () => {
  it('reuses a released connection and keeps its timer; closes it once idle longer than idleMs', async () => {
    const pools = new UpstreamPools(() => '', { idleMs: 200 });
    onCleanup(() => pools.closeAll());
    const { upstream, accepted, closed } = await backend();

    const first = await acquire(pools, upstream);
    first.socket.setTimeout(30_000);
    const timer = timerOf(first.socket);
    expect(timer).toBeDefined();
    pools.release(first);
    const second = await acquire(pools, upstream);
    expect(second.socket).toBe(first.socket);
    expect(second.reused).toBe(true);
    // Releasing set no timer of its own: the exchange's timeout is still the same object.
    expect(timerOf(second.socket)).toBe(timer);
    expect(second.socket.timeout).toBe(30_000);

    pools.release(second);
    await closed[0]; // the sweeper closes it: no request is needed to notice
    expect(accepted).toHaveLength(1);
    const third = await acquire(pools, upstream);
    expect(third.socket).not.toBe(first.socket);
    expect(third.reused).toBe(false);
  });

  it('closes a released connection that is not at rest instead of handing it out again', async () => {
    const pools = new UpstreamPools(() => '');
    onCleanup(() => pools.closeAll());
    const { upstream } = await backend();
    const unrest: Record<string, (socket: net.Socket) => void> = {
      // Reads stopped (for a client's 'drain'): the next request's answer would never be read.
      paused: (socket) => socket.pause(),
      'waiting for drain': (socket) => socket.once('drain', () => undefined),
      'holding unsent request bytes': (socket) => {
        socket.cork();
        socket.write('x');
      },
    };
    for (const [state, disturb] of Object.entries(unrest)) {
      const pooled = await acquire(pools, upstream);
      disturb(pooled.socket);
      pools.release(pooled);
      const next = await acquire(pools, upstream);
      expect(next.socket, state).not.toBe(pooled.socket);
      expect(next.reused, state).toBe(false);
      expect(pooled.socket.destroyed, state).toBe(true);
      pools.discard(next);
    }
    // One at rest is kept.
    const calm = await acquire(pools, upstream);
    pools.release(calm);
    expect((await acquire(pools, upstream)).socket).toBe(calm.socket);
  });

  it('hands out chunks that stay intact after later reads, and streams for tunnels only', async () => {
    const pools = new UpstreamPools(() => '');
    onCleanup(() => pools.closeAll());
    const { upstream, accepted } = await backend();
    const chunks: Buffer[] = [];
    let arrived: () => void = () => undefined;
    const collector: UpstreamOwner = {
      ...owner,
      onUpstreamData: (chunk) => {
        chunks.push(chunk);
        arrived();
      },
    };
    const next = (): Promise<void> => new Promise((resolve) => (arrived = resolve));

    // Plain connections read into one shared buffer: each chunk handed out must be a copy.
    const a = await acquire(pools, upstream, collector);
    const b = await acquire(pools, upstream, collector);
    let got = next();
    accepted[0]!.write('first connection, first answer');
    await got;
    got = next();
    accepted[1]!.write('SECOND CONNECTION');
    await got;
    expect(chunks.map(String)).toEqual(['first connection, first answer', 'SECOND CONNECTION']);
    expect(a.socket.listenerCount('data')).toBe(0);
    expect(b.socket).not.toBe(a.socket);

    // One that may become a WebSocket tunnel is a stream (it gets piped), from a pool of its own.
    pools.release(a);
    const t = await acquire(pools, upstream, collector, true);
    expect(t.socket).not.toBe(a.socket);
    expect(t.reused).toBe(false);
    got = next();
    accepted[2]!.write('upgrade answer');
    await got;
    expect(String(chunks[2])).toBe('upgrade answer');
    expect(t.socket.listenerCount('data')).toBe(1);
  });
});
