// Realistic engine data and a controllable SSE response for tests.
import { http, HttpResponse } from 'msw';
import type { EngineEvent, EngineStatus, ServiceId, ServiceStatus } from '../../app/events.js';
import { SERVICE_TITLES } from '../../app/events.js';
import { AdminClient } from '../api/client.js';

export const BASE_URL = 'http://127.0.0.1:20000';
export const AT = '2026-01-01T10:00:00.000Z';

const PORTS: Record<ServiceId, number> = {
  admin: 20000,
  xsuaa: 20010,
  xsuaaTls: 20011,
  destination: 20020,
  proxy: 20003,
  socks5: 20004,
};

export function service(id: ServiceId, overrides: Partial<ServiceStatus> = {}): ServiceStatus {
  const scheme = id === 'socks5' ? 'socks5' : id === 'xsuaaTls' ? 'https' : 'http';
  return {
    id,
    title: SERVICE_TITLES[id],
    state: 'running',
    url: `${scheme}://127.0.0.1:${PORTS[id]}`,
    port: PORTS[id],
    host: '127.0.0.1',
    ...overrides,
  };
}

export function engineStatus(overrides: Partial<EngineStatus> = {}): EngineStatus {
  return {
    version: '0.1.0',
    startedAt: AT,
    pid: 4242,
    dataDir: '/home/dev/.local/share/btp-emulator',
    caCert: null,
    workspace: { name: 'Demo', path: null, source: 'demo', schemaVersion: 2, migrated: [] },
    services: (Object.keys(PORTS) as ServiceId[]).map((id) => service(id)),
    ...overrides,
  };
}

export function statusEvent(status: EngineStatus = engineStatus()): EngineEvent {
  return { type: 'status', at: AT, status };
}

export function testClient(token?: string): AdminClient {
  return new AdminClient(token === undefined ? { baseUrl: BASE_URL } : { baseUrl: BASE_URL, token });
}

const encoder = new TextEncoder();

/** One open SSE response whose messages the test pushes when it wants. */
export class SseChannel {
  #controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  #closed = false;
  readonly stream = new ReadableStream<Uint8Array>({
    start: (controller) => {
      this.#controller = controller;
    },
    cancel: () => {
      this.#closed = true;
    },
  });

  send(event: EngineEvent): void {
    this.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  write(text: string): void {
    if (!this.#closed) this.#controller?.enqueue(encoder.encode(text));
  }

  /** Ends the response, as the engine does when it stops. */
  end(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#controller?.close();
  }

  response(): Response {
    return new HttpResponse(this.stream, {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
    });
  }
}

export interface EventsEndpointOptions {
  /** The snapshot each new connection starts with, as the engine's contract says; null sends nothing. */
  snapshot?: () => EngineStatus | null;
  onRequest?: (request: Request) => void;
}

/**
 * Serves /api/events: every request gets a fresh channel, and `next()` resolves with the channel of
 * the next connection in order, so a test can end one connection and watch the client open another.
 * (MSW resolves fetch() only once the first chunk is written, so a silent channel never "opens".)
 */
export function eventsEndpoint({ snapshot = () => engineStatus(), onRequest }: EventsEndpointOptions = {}): {
  handler: ReturnType<typeof http.get>;
  channels: SseChannel[];
  next(): Promise<SseChannel>;
} {
  const channels: SseChannel[] = [];
  const waiters: { index: number; resolve: (channel: SseChannel) => void }[] = [];
  let taken = 0;
  const settle = (): void => {
    for (const waiter of [...waiters]) {
      const channel = channels[waiter.index];
      if (!channel) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(channel);
    }
  };
  const handler = http.get(`${BASE_URL}/api/events`, ({ request }) => {
    onRequest?.(request);
    const channel = new SseChannel();
    const initial = snapshot();
    if (initial) channel.send(statusEvent(initial));
    channels.push(channel);
    settle();
    return channel.response();
  });
  const next = (): Promise<SseChannel> =>
    new Promise((resolve) => {
      waiters.push({ index: taken++, resolve });
      settle();
    });
  return { handler, channels, next };
}

export const unauthorizedBody = {
  error: {
    code: 'EMU_ERR_ADMIN_UNAUTHORIZED',
    message: 'The admin API needs the per-launch secret.',
    hint: 'Send Authorization: Bearer <adminToken> from the ready line, or open the ui link it printed.',
  },
};
