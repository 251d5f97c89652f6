// Server-Sent Events: the first message is always a full status snapshot, then every engine event.
// Heartbeats keep proxies and the client's liveness check happy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineStatus } from '../../app/events.js';
import { now, type EventBus } from '../core/event-bus.js';

export const HEARTBEAT_MS = 15_000;

export function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  bus: EventBus,
  status: () => EngineStatus,
  headers: Record<string, string>,
): () => void {
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.write(`retry: 2000\n\n`);
  response.write(`data: ${JSON.stringify({ type: 'status', at: now(), status: status() })}\n\n`);
  const unsubscribe = bus.onAny((event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    response.end();
  };
  request.once('close', close);
  return close;
}
