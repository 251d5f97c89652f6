import { describe, expect, it, vi } from 'vitest';
import { EmulatorError } from '../app/errors.js';
import type { EmulatorHandle, StartOptions } from '../emulator/types.js';
import type { WorkerToMain } from './engine-protocol.js';
import { serveEngine, toErrorMessage, type ParentPortLike } from './worker-loop.js';

const TOKEN = 'secret-token-0123456789abcdef';

class FakePort implements ParentPortLike {
  readonly posted: WorkerToMain[] = [];
  listener: ((event: { data: unknown }) => void) | undefined;
  on(_event: 'message', listener: (event: { data: unknown }) => void): this {
    this.listener = listener;
    return this;
  }
  postMessage(message: WorkerToMain): void {
    this.posted.push(message);
  }
  send(data: unknown): void {
    this.listener?.({ data });
  }
}

function fakeHandle() {
  const stop = vi.fn(() => Promise.resolve());
  // Only what the worker loop uses; the engine's handle grows, and this fake should not have to follow.
  const used = {
    urls: { admin: 'http://127.0.0.1:40000', proxy: 'http://127.0.0.1:40001' },
    adminToken: TOKEN,
    dataDir: '/data',
    caCert: null,
    workspacePath: null,
    createUiLink: () => 'http://127.0.0.1:40000/?token=once',
    stop,
  } satisfies Partial<EmulatorHandle>;
  return { handle: used as Partial<EmulatorHandle> as EmulatorHandle, stop };
}

function setup(start: (options: StartOptions) => Promise<EmulatorHandle>) {
  const port = new FakePort();
  const exit = vi.fn();
  const startEmulator = vi.fn(start);
  serveEngine({ port, startEmulator, exit, uiDir: '/app/dist/renderer' });
  return { port, exit, startEmulator };
}

describe('engine worker loop', () => {
  it('starts the engine with the secret from the message and the UI folder, then reports ready', async () => {
    const { handle } = fakeHandle();
    const { port, startEmulator } = setup(() => Promise.resolve(handle));
    port.send({ type: 'start', adminToken: TOKEN, workspacePath: '/ws.yaml', ephemeralPorts: true });
    await vi.waitFor(() => expect(port.posted).toHaveLength(1));
    expect(startEmulator).toHaveBeenCalledWith({
      adminToken: TOKEN,
      workspacePath: '/ws.yaml',
      dataDir: undefined,
      ephemeralPorts: true,
      uiDir: '/app/dist/renderer',
    });
    expect(port.posted[0]).toEqual({ type: 'ready', urls: handle.urls, adminUrl: 'http://127.0.0.1:40000' });
  });

  it('reports a failed start with the catalog code and hint, then exits 1', async () => {
    const failure = new EmulatorError('EMU_ERR_PORT_IN_USE', 'Port 20000 is in use.');
    const { port, exit } = setup(() => Promise.reject(failure));
    port.send({ type: 'start', adminToken: TOKEN });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    expect(port.posted).toEqual([
      { type: 'error', code: 'EMU_ERR_PORT_IN_USE', message: 'Port 20000 is in use.', hint: failure.hint },
    ]);
  });

  it('stops the engine and exits 0 on stop, also when stop arrives during start', async () => {
    const { handle, stop } = fakeHandle();
    let finishStart: (h: EmulatorHandle) => void = () => undefined;
    const { port, exit } = setup(() => new Promise((resolve) => (finishStart = resolve)));
    port.send({ type: 'start', adminToken: TOKEN });
    port.send({ type: 'stop' });
    expect(exit).not.toHaveBeenCalled();
    finishStart(handle);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('answers a UI link request with a fresh one-time link', async () => {
    const { port } = setup(() => Promise.resolve(fakeHandle().handle));
    port.send({ type: 'start', adminToken: TOKEN });
    port.send({ type: 'ui-link', id: 7 });
    await vi.waitFor(() => expect(port.posted).toHaveLength(2));
    expect(port.posted[1]).toEqual({ type: 'ui-link', id: 7, url: 'http://127.0.0.1:40000/?token=once' });
  });

  it('ignores malformed messages and a second start', async () => {
    const { port, startEmulator } = setup(() => Promise.resolve(fakeHandle().handle));
    port.send({ type: 'start', adminToken: 'short' });
    port.send({ type: 'launch-missiles' });
    port.send(null);
    expect(startEmulator).not.toHaveBeenCalled();
    port.send({ type: 'start', adminToken: TOKEN });
    port.send({ type: 'start', adminToken: TOKEN });
    await vi.waitFor(() => expect(port.posted).toHaveLength(1));
    expect(startEmulator).toHaveBeenCalledTimes(1);
  });
});

describe('toErrorMessage', () => {
  it('reports foreign errors as internal, without inventing a hint', () => {
    expect(toErrorMessage(new TypeError('boom'))).toEqual({
      type: 'error',
      code: 'EMU_ERR_INTERNAL',
      message: 'boom',
    });
    expect(toErrorMessage({ code: 'ENOENT' })).toMatchObject({ code: 'EMU_ERR_INTERNAL' });
  });
});
