import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../app/events.js';
import {
  AT,
  BASE_URL,
  engineStatus,
  eventsEndpoint,
  service,
  testClient,
  unauthorizedBody,
} from '../test/engine-fixtures.js';
import { server } from '../test/msw-server.js';
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  subscribeToEvents,
  type ConnectionState,
  type ConnectionStatus,
  type EventSubscription,
} from './event-stream.js';

const FAST = { initialMs: 5, maxMs: 20, factor: 2 };

/** Records everything a subscription reports, so tests can assert on the sequence. */
function record(token?: string) {
  const events: EngineEvent[] = [];
  const statuses: ConnectionStatus[] = [];
  const invalid: string[] = [];
  const subscription = subscribeToEvents(testClient(token), {
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
    onInvalidEvent: (data) => invalid.push(data),
    backoff: FAST,
  });
  const states = (): ConnectionState[] => statuses.map((s) => s.state);
  const last = (): ConnectionStatus => statuses[statuses.length - 1] as ConnectionStatus;
  const waitForState = (state: ConnectionState): Promise<void> =>
    vi.waitFor(() => expect(last().state).toBe(state));
  return { events, statuses, invalid, subscription, states, last, waitForState };
}

let active: EventSubscription | undefined;
afterEach(() => active?.close());

describe('subscribeToEvents', () => {
  it('opens the stream with the bearer token and delivers validated events in order', async () => {
    const seen: string[] = [];
    const endpoint = eventsEndpoint({
      onRequest: (request) => seen.push(request.headers.get('authorization') ?? ''),
    });
    server.use(endpoint.handler);
    const feed = record('t0k3n-t0k3n-t0k3n-t0k3n');
    active = feed.subscription;
    const channel = await endpoint.next();
    await feed.waitForState('open');
    channel.send({ type: 'service-state', at: AT, service: service('proxy', { state: 'stopped' }) });
    await vi.waitFor(() => expect(feed.events).toHaveLength(2));
    expect(feed.events.map((e) => e.type)).toEqual(['status', 'service-state']);
    expect(feed.states()).toEqual(['connecting', 'open']);
    expect(seen).toEqual(['Bearer t0k3n-t0k3n-t0k3n-t0k3n']);
  });

  it('skips messages that are not valid engine events and keeps going', async () => {
    const endpoint = eventsEndpoint({ snapshot: () => null });
    server.use(endpoint.handler);
    const feed = record();
    active = feed.subscription;
    const channel = await endpoint.next();
    channel.write('data: not json\n\n');
    channel.write('data: {"type":"service-state","at":"x","service":{"id":"nope"}}\n\n');
    channel.send({ type: 'engine-stopping', at: AT });
    await vi.waitFor(() => expect(feed.events).toHaveLength(1));
    expect(feed.events[0]?.type).toBe('engine-stopping');
    expect(feed.invalid).toHaveLength(2);
  });

  it('reconnects after the engine ends the stream and gets a fresh snapshot', async () => {
    let pid = 1;
    const endpoint = eventsEndpoint({ snapshot: () => engineStatus({ pid: pid++ }) });
    server.use(endpoint.handler);
    const feed = record();
    active = feed.subscription;
    const first = await endpoint.next();
    await vi.waitFor(() => expect(feed.events).toHaveLength(1));
    first.end();
    await endpoint.next();
    await vi.waitFor(() => expect(feed.events).toHaveLength(2));
    expect(feed.events[1]).toMatchObject({ type: 'status', status: { pid: 2 } });
    expect(feed.states()).toEqual(['connecting', 'open', 'connecting', 'open']);
  });

  it('reports unreachable with growing backoff while the engine is down, then recovers', async () => {
    let up = false;
    const endpoint = eventsEndpoint();
    server.use(
      http.get(`${BASE_URL}/api/events`, () => (up ? undefined : HttpResponse.error())),
      endpoint.handler,
    );
    const feed = record();
    active = feed.subscription;
    await vi.waitFor(() => expect(feed.last().failures).toBeGreaterThanOrEqual(3));
    const scheduled = feed.statuses.filter((s) => s.retryAt !== null);
    expect(scheduled.slice(0, 3).map((s) => s.failures)).toEqual([1, 2, 3]);
    expect(scheduled[0]).toMatchObject({ state: 'unreachable', error: { kind: 'network' } });
    // Between attempts the state stays "unreachable" instead of flickering back to "connecting".
    expect(feed.states().slice(1)).not.toContain('connecting');
    expect(feed.states()).not.toContain('open');
    up = true;
    await feed.waitForState('open');
    expect(feed.last().failures).toBe(0);
  });

  it('stops retrying on 401 until asked, then connects', async () => {
    let authorized = false;
    let requests = 0;
    const endpoint = eventsEndpoint();
    server.use(
      http.get(`${BASE_URL}/api/events`, () => {
        requests++;
        return authorized ? undefined : HttpResponse.json(unauthorizedBody, { status: 401 });
      }),
      endpoint.handler,
    );
    const feed = record();
    active = feed.subscription;
    await feed.waitForState('unauthorized');
    expect(feed.last().error?.code).toBe('EMU_ERR_ADMIN_UNAUTHORIZED');
    await new Promise((resolve) => setTimeout(resolve, FAST.maxMs * 3));
    expect(requests).toBe(1);
    authorized = true;
    feed.subscription.retryNow();
    await feed.waitForState('open');
    expect(requests).toBe(2);
  });

  it('close() cancels the open request and reports nothing more', async () => {
    let aborted = false;
    const endpoint = eventsEndpoint({
      onRequest: (request) => request.signal.addEventListener('abort', () => (aborted = true)),
    });
    server.use(endpoint.handler);
    const feed = record();
    const channel = await endpoint.next();
    await feed.waitForState('open');
    await vi.waitFor(() => expect(feed.events).toHaveLength(1));
    feed.subscription.close();
    channel.send({ type: 'engine-stopping', at: AT });
    await vi.waitFor(() => expect(aborted).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(feed.events).toHaveLength(1);
    expect(feed.states()).toEqual(['connecting', 'open']);
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(DEFAULT_BACKOFF, n))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });
});
