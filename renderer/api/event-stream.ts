// The live engine feed: one long-lived SSE request (fetch, because EventSource cannot send the
// Bearer header Electron needs), reconnected with exponential backoff. Every event is validated
// against the app/ contract; the engine sends a full status snapshot first on each connection,
// so nothing needs replaying after a reconnect.
import { engineEventSchema, type EngineEvent } from '../../app/events.js';
import { AdminApiError, invalidResponseError, networkError, safeJson } from './admin-error.js';
import type { AdminClient } from './client.js';
import { readSseMessages, type SseMessage } from './sse-parser.js';

export type ConnectionState = 'connecting' | 'open' | 'unauthorized' | 'unreachable';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Failed attempts since the stream was last open. */
  failures: number;
  /** When the next attempt starts (epoch ms); null while attempting or not scheduled. */
  retryAt: number | null;
  error: AdminApiError | null;
}

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export interface EventStreamOptions {
  onEvent(event: EngineEvent): void;
  onStatus(status: ConnectionStatus): void;
  /** A message that is not a valid EngineEvent; it is skipped either way. */
  onInvalidEvent?(data: string, error: AdminApiError): void;
  backoff?: Partial<BackoffPolicy>;
}

export interface EventSubscription {
  /** Skips the pending wait (or leaves the unauthorized state) and connects now. */
  retryNow(): void;
  close(): void;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000, factor: 2 };
export const INITIAL_CONNECTION: ConnectionStatus = {
  state: 'connecting',
  failures: 0,
  retryAt: null,
  error: null,
};

export function backoffDelay(policy: BackoffPolicy, failures: number): number {
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, failures - 1));
}

export function subscribeToEvents(client: AdminClient, options: EventStreamOptions): EventSubscription {
  const stream = new EngineEventStream(client, options);
  void stream.run();
  return { retryNow: () => stream.retryNow(), close: () => stream.close() };
}

/** Outcome of one connection: it was open and ended, or it never opened. */
type Attempt = { opened: true } | { opened: false; error: AdminApiError };

class EngineEventStream {
  readonly #client: AdminClient;
  readonly #options: EventStreamOptions;
  readonly #backoff: BackoffPolicy;
  #status: ConnectionStatus = INITIAL_CONNECTION;
  #closed = false;
  #abort: AbortController | null = null;
  #wake: (() => void) | null = null;

  constructor(client: AdminClient, options: EventStreamOptions) {
    this.#client = client;
    this.#options = options;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  }

  async run(): Promise<void> {
    this.#report(INITIAL_CONNECTION);
    while (!this.#closed) {
      const attempt = await this.#connectOnce();
      if (this.#closed) return;
      await this.#afterAttempt(attempt);
    }
  }

  retryNow(): void {
    this.#wake?.();
  }

  close(): void {
    this.#closed = true;
    this.#abort?.abort();
    this.#wake?.();
  }

  async #connectOnce(): Promise<Attempt> {
    const abort = new AbortController();
    this.#abort = abort;
    let opened = false;
    try {
      const body = await this.#client.openEventStream(abort.signal);
      opened = true;
      this.#report({ state: 'open', failures: 0, retryAt: null, error: null });
      for await (const message of readSseMessages(body)) this.#dispatch(message);
      return { opened: true };
    } catch (error) {
      // A stream that breaks after opening is a normal end (engine restart, sleep): reconnect at once.
      if (opened) return { opened: true };
      return { opened: false, error: error instanceof AdminApiError ? error : networkError(error) };
    } finally {
      abort.abort();
    }
  }

  async #afterAttempt(attempt: Attempt): Promise<void> {
    if (attempt.opened) {
      this.#report({ state: 'connecting', failures: 0, retryAt: null, error: null });
      await this.#wait(this.#backoff.initialMs);
      return;
    }
    if (attempt.error.unauthorized) {
      // Retrying cannot help until the user opens a fresh link; wait for an explicit retry.
      this.#report({
        state: 'unauthorized',
        failures: this.#status.failures + 1,
        retryAt: null,
        error: attempt.error,
      });
      await this.#wait(Number.POSITIVE_INFINITY);
    } else {
      const failures = this.#status.failures + 1;
      const delay = backoffDelay(this.#backoff, failures);
      this.#report({ state: 'unreachable', failures, retryAt: Date.now() + delay, error: attempt.error });
      await this.#wait(delay);
    }
    // Keep showing the failure while the next attempt runs, instead of flickering to "connecting".
    if (!this.#closed) this.#report({ ...this.#status, retryAt: null });
  }

  #dispatch(message: SseMessage): void {
    const parsed = engineEventSchema.safeParse(safeJson(message.data));
    if (parsed.success) this.#options.onEvent(parsed.data);
    else this.#options.onInvalidEvent?.(message.data, invalidResponseError('event', parsed.error));
  }

  #wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
      const wake = (): void => done();
      this.#wake = wake;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => {
      this.#wake = null;
    });
  }

  #report(status: ConnectionStatus): void {
    this.#status = status;
    if (!this.#closed) this.#options.onStatus(status);
  }
}
