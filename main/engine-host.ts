// Runs the engine in an Electron utility process and owns the per-launch admin secret. The secret is made
// here and sent by message only (never argv, env or logs). Trusts the worker script we ship, yet parses its
// messages and treats any exit it did not ask for as a failure the UI must show.
import { randomBytes } from 'node:crypto';
import type { EngineInfo } from '../app/ipc.js';
import {
  workerToMainSchema,
  type MainToWorker,
  type StartMessage,
  type WorkerToMain,
} from './engine-protocol.js';

/** The slice of Electron's UtilityProcess the host uses (a fake in tests). */
export interface UtilityChild {
  postMessage(message: MainToWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface UtilityForker {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'inherit' },
  ): UtilityChild;
}

export type EngineState =
  | { status: 'idle' | 'starting' | 'stopping' | 'stopped' }
  | { status: 'running'; info: EngineInfo; urls: Record<string, string> }
  | { status: 'failed'; code: string; message: string; hint?: string };

export type EngineFailure = Extract<EngineState, { status: 'failed' }>;

export interface EngineHostOptions {
  utilityProcess: UtilityForker;
  workerPath: string;
  start: Omit<StartMessage, 'type' | 'adminToken'>;
  /** Called once when the engine dies after it was ready (not when we stopped it). */
  onFailure?: (failure: EngineFailure) => void;
  createToken?: () => string;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface EngineHost {
  start(): Promise<EngineInfo>;
  stop(): Promise<void>;
  state(): EngineState;
  /** A one-time link that opens the UI in a browser (which has no bearer token, so needs a session). */
  createUiLink(): Promise<string>;
}

/** For the error dialog: code and message, then what to do about it. */
export function describeFailure(failure: EngineFailure): string {
  return `${failure.code}: ${failure.message}${failure.hint ? `\n\n${failure.hint}` : ''}`;
}

export const newAdminToken = (): string => randomBytes(32).toString('base64url');

export function createEngineHost(options: EngineHostOptions): EngineHost {
  return new UtilityEngineHost(options);
}

class UtilityEngineHost implements EngineHost {
  #state: EngineState = { status: 'idle' };
  #child: UtilityChild | undefined;
  #exited: Promise<void> | undefined;
  #startPromise: Promise<EngineInfo> | undefined;
  #stopPromise: Promise<void> | undefined;
  #settleStart: { resolve(info: EngineInfo): void; reject(error: Error): void } | undefined;
  #pendingLinks = new Map<number, (url: string) => void>();
  #nextLinkId = 1;

  constructor(private readonly options: EngineHostOptions) {}

  state(): EngineState {
    return this.#state;
  }

  start(): Promise<EngineInfo> {
    if (!this.#startPromise) {
      const started = new Promise<EngineInfo>((resolve, reject) => {
        this.#settleStart = { resolve, reject };
      });
      this.#startPromise = started;
      const timer = this.#spawn();
      void started.then(
        () => clearTimeout(timer),
        () => clearTimeout(timer),
      );
    }
    return this.#startPromise;
  }

  /** Forks the worker and sends it the start message; returns the ready timeout to clear. */
  #spawn(): NodeJS.Timeout {
    const { utilityProcess, workerPath, start, readyTimeoutMs = 30_000 } = this.options;
    const adminToken = (this.options.createToken ?? newAdminToken)();
    const child = utilityProcess.fork(workerPath, [], {
      serviceName: 'BTP Emulator engine',
      stdio: 'inherit',
    });
    this.#child = child;
    this.#state = { status: 'starting' };
    this.#exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        this.#onExit(code);
        resolve();
      });
    });
    child.on('message', (raw) => this.#onMessage(raw, adminToken));
    child.postMessage({ type: 'start', adminToken, ...start });
    return setTimeout(() => {
      if (this.#state.status !== 'starting') return;
      this.#fail({
        code: 'EMU_ERR_INTERNAL',
        message: `the engine was not ready after ${readyTimeoutMs} ms`,
      });
      child.kill();
    }, readyTimeoutMs);
  }

  #onMessage(raw: unknown, adminToken: string): void {
    const parsed = workerToMainSchema.safeParse(raw);
    if (!parsed.success) return;
    const message: WorkerToMain = parsed.data;
    if (message.type === 'ready' && this.#state.status === 'starting') {
      const info = { adminUrl: message.adminUrl, adminToken };
      this.#state = { status: 'running', info, urls: message.urls };
      this.#settleStart?.resolve(info);
    } else if (message.type === 'error') {
      this.#fail({ code: message.code, message: message.message, hint: message.hint });
    } else if (message.type === 'ui-link') {
      this.#pendingLinks.get(message.id)?.(message.url);
      this.#pendingLinks.delete(message.id);
    }
  }

  #onExit(code: number): void {
    const status = this.#state.status;
    this.#child = undefined;
    if (status === 'stopping') this.#state = { status: 'stopped' };
    else if (status === 'starting' || status === 'running') {
      this.#fail({
        code: 'EMU_ERR_INTERNAL',
        message: `the engine process exited unexpectedly (code ${code})`,
      });
    }
  }

  #fail(failure: Omit<EngineFailure, 'status'>): void {
    const wasRunning = this.#state.status === 'running';
    const state: EngineFailure = { status: 'failed', ...failure };
    if (!state.hint) delete state.hint;
    this.#state = state;
    this.#settleStart?.reject(Object.assign(new Error(failure.message), { code: failure.code }));
    if (wasRunning) this.options.onFailure?.(state);
  }

  stop(): Promise<void> {
    this.#stopPromise ??= this.#stopChild();
    return this.#stopPromise;
  }

  async #stopChild(): Promise<void> {
    const child = this.#child;
    const exited = this.#exited;
    if (!child || !exited) {
      if (this.#state.status === 'idle') this.#state = { status: 'stopped' };
      return;
    }
    if (this.#state.status !== 'failed') this.#state = { status: 'stopping' };
    this.#settleStart?.reject(new Error('the engine was stopped before it was ready'));
    child.postMessage({ type: 'stop' });
    const stopTimeoutMs = this.options.stopTimeoutMs ?? 5_000;
    if (await settlesWithin(exited, stopTimeoutMs)) return;
    // The engine did not finish closing its sockets in time: a hard kill beats a hung quit.
    child.kill();
    await settlesWithin(exited, stopTimeoutMs);
  }

  createUiLink(): Promise<string> {
    const child = this.#child;
    if (!child || this.#state.status !== 'running')
      return Promise.reject(new Error('the engine is not running'));
    const id = this.#nextLinkId++;
    const timeoutMs = this.options.requestTimeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pendingLinks.delete(id);
        reject(new Error('the engine did not answer the UI link request'));
      }, timeoutMs);
      this.#pendingLinks.set(id, (url) => {
        clearTimeout(timer);
        resolve(url);
      });
      child.postMessage({ type: 'ui-link', id });
    });
  }
}

/** True when the promise settled before the timeout. */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
