import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../app/connectivity/api.js';
import type { ProxyRequestEvent, SocksConnectionEvent } from '../../app/connectivity/events.js';
import { BodyTap, PREVIEW_BYTES, TrafficRing } from './traffic.js';

let n = 0;
function event(): ProxyRequestEvent {
  n++;
  return {
    type: 'proxy-request',
    at: new Date(0).toISOString(),
    id: `t-${n}`,
    method: 'GET',
    url: `http://s4.virtual/sap/${n}`,
    location: null,
    status: 200,
    decision: { allowed: true, stage: 'forwarded', reason: 'ok', mapping: null, resource: null },
    client: null,
    user: null,
    target: '127.0.0.1:1',
    timings: { totalMs: 1, backendMs: 1 },
    sizes: { requestBytes: 0, responseBytes: 0 },
  };
}

function tap(...chunks: string[]): BodyTap {
  const t = new BodyTap();
  for (const c of chunks) t.push(Buffer.from(c));
  return t;
}

describe('traffic ring', () => {
  it('keeps headers (redacted on read) and body previews of each exchange, capped and marked truncated', () => {
    const ring = new TrafficRing();
    const e = event();
    const big = 'x'.repeat(PREVIEW_BYTES + 10);
    ring.add(
      e,
      {
        headers: ['Proxy-Authorization', 'Bearer secret', 'Accept', 'application/json'],
        body: tap('{"a":', '1}'),
      },
      { headers: ['Content-Type', 'application/json; charset=ä'], body: tap(big) },
    );
    const detail = ring.detail(e.id)!;
    expect(detail.request).toEqual({
      headers: [
        ['Proxy-Authorization', REDACTED],
        ['Accept', 'application/json'],
      ],
      bodyPreview: '{"a":1}',
      bodyTruncated: false,
    });
    expect(detail.response!.headers).toEqual([['Content-Type', 'application/json; charset=ä']]);
    expect(detail.response!.bodyPreview).toBe(big.slice(0, PREVIEW_BYTES));
    expect(detail.response!.bodyTruncated).toBe(true);
  });

  it('keeps the newest 500 entries and says when an old entry’s bytes were overwritten', () => {
    const ring = new TrafficRing();
    const first = event();
    ring.add(first, { headers: ['A', 'first'], body: null }, null);
    expect(ring.detail(first.id)!.request!.headers).toEqual([['A', 'first']]);
    // 400 exchanges with 24 KB of headers each overrun the 8 MB byte log, not the 500 slots.
    const huge = 'h'.repeat(24 * 1024);
    for (let i = 0; i < 400; i++) ring.add(event(), { headers: ['X-Big', huge], body: null }, null);
    const old = ring.detail(first.id)!;
    expect(old.entry.id).toBe(first.id);
    expect(old.request).toBeNull();
    const last = ring.list({ limit: 1 }).items[0]!;
    expect(ring.detail(last.id)!.request!.headers[0]![1]).toBe(huge);
    for (let i = 0; i < 500; i++) ring.add(event(), null, null);
    expect(ring.detail(first.id)).toBeUndefined();
    expect(ring.list({ limit: 1000 }).items).toHaveLength(500);
  });

  it('gives back each entry as it was added, HTTP and SOCKS5, without holding on to the event', async () => {
    const ring = new TrafficRing();
    const decision = {
      allowed: false,
      stage: 'backend',
      reason: 'refused',
      mapping: 'm → i',
      resource: '/a*',
    } as const;
    const http: ProxyRequestEvent = {
      ...event(),
      method: 'PATCH',
      url: 'http://s4.virtual/sap/x?access_token=<redacted>&$filter=Name%20eq%20%27%C3%A4%27',
      location: 'loc-1',
      status: 502,
      decision,
      client: 'sb-client',
      user: 'alice',
      timings: { totalMs: 12.34, backendMs: null },
      sizes: { requestBytes: 17, responseBytes: 99 },
    };
    const socks: SocksConnectionEvent = {
      type: 'socks-connection',
      at: '2026-11-26T12:00:00.123Z',
      id: 'socks-1',
      destination: 'tcp.virtual:3300',
      location: null,
      reply: 2,
      decision,
      client: 'sb-client',
      target: null,
      timings: { totalMs: 0.5 },
      sizes: { bytesUp: 3, bytesDown: 4 },
    };
    ring.add(http, { headers: ['A', '1'], body: null }, null);
    ring.add(socks, null, null);
    expect(ring.list({ limit: 10 }).items).toEqual([socks, http]);
    expect(ring.detail(http.id)!.entry).toEqual(http);
    expect(ring.list({ limit: 10, kind: 'socks' }).items).toEqual([socks]);
    expect(ring.list({ limit: 10, q: 'patch' }).items.map((e) => e.id)).toEqual([http.id]);
    expect(ring.detail('nope')).toBeUndefined();

    // The ring keeps bytes and numbers, not the event objects: they are garbage once the request is over.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const refs = Array.from({ length: 20 }, () => {
      const e = event();
      ring.add(e, null, null);
      return new WeakRef(e);
    });
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    expect(ring.list({ limit: 20 }).items).toHaveLength(20);
  });
});
