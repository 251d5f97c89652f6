// One proxied request from arrival to its single event: what the checks found, when the backend
// answered, how many bytes went each way. `finish` records it exactly once (event, traffic, audit).
import { performance } from 'node:perf_hooks';
import type { Decision, ProxyRequestEvent } from '../../app/connectivity/events.js';
import { BodyTap, type RecordedMessage } from './traffic.js';

export type RecordExchange = (
  event: ProxyRequestEvent,
  request: RecordedMessage | null,
  response: RecordedMessage | null,
) => void;

let sequence = 0;
const bootPrefix = Date.now().toString(36);
export const nextId = (): string => `${bootPrefix}-${(++sequence).toString(36)}`;

let lastMs = 0;
let lastIso = '';
/** ISO time, formatted at most once per millisecond (the hot path asks for it per request). */
export function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

export interface RequestInfo {
  method: string;
  target: string;
  /** Flat [name, value…] as received (redacted only when read). */
  raw: readonly string[];
}

export class Exchange {
  readonly id = nextId();
  readonly started = performance.now();
  readonly at = isoNow();
  location: string | null = null;
  client: string | null = null;
  user: string | null = null;
  target: string | null = null;
  backendAt: number | null = null;
  requestBody: BodyTap | null = null;
  readonly responseBody = new BodyTap();
  responseHeaders: readonly string[] = [];
  private done = false;

  constructor(
    readonly request: RequestInfo,
    private readonly record: RecordExchange,
  ) {}

  get finished(): boolean {
    return this.done;
  }

  finish(status: number, decision: Decision): void {
    if (this.done) return;
    this.done = true;
    const now = performance.now();
    const event: ProxyRequestEvent = {
      type: 'proxy-request',
      at: this.at,
      id: this.id,
      method: this.request.method,
      // As received: the one recorder (connectivity plugin) redacts it before anything shows or keeps it.
      url: this.request.target,
      location: this.location,
      status,
      decision,
      client: this.client,
      user: this.user,
      target: this.target,
      timings: {
        totalMs: round(now - this.started),
        backendMs: this.backendAt === null ? null : round(this.backendAt - this.started),
      },
      sizes: { requestBytes: this.requestBody?.total ?? 0, responseBytes: this.responseBody.total },
    };
    this.record(
      event,
      { headers: this.request.raw, body: this.requestBody },
      { headers: this.responseHeaders, body: this.responseBody },
    );
  }
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
