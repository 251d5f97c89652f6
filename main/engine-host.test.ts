import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineHost, describeFailure, newAdminToken, type EngineHostOptions } from './engine-host.js';
import { FakeUtilityProcess } from './testing/fakes.js';

const TOKEN = 'secret-token-0123456789abcdef';
const ADMIN = 'http://127.0.0.1:41000';

function setup(overrides: Partial<EngineHostOptions> = {}) {
  const utilityProcess = new FakeUtilityProcess();
  const onFailure = vi.fn();
  const host = createEngineHost({
    utilityProcess,
    workerPath: '/app/dist/main/engine-worker.js',
    start: { workspacePath: '/ws/btp.yaml' },
    createToken: () => TOKEN,
    onFailure,
    ...overrides,
  });
  return { host, utilityProcess, onFailure };
}

const ready = { type: 'ready', urls: { admin: ADMIN, xsuaa: 'http://127.0.0.1:41001' }, adminUrl: ADMIN };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('engine host: start', () => {
  it('forks the worker and sends the secret by message, never in argv', async () => {
    const { host, utilityProcess } = setup();
    const started = host.start();
    expect(utilityProcess.forks).toEqual([
      { modulePath: '/app/dist/main/engine-worker.js', args: [], options: expect.any(Object) as unknown },
    ]);
    expect(JSON.stringify(utilityProcess.forks)).not.toContain(TOKEN);
    expect(utilityProcess.child.sent).toEqual([
      { type: 'start', adminToken: TOKEN, workspacePath: '/ws/btp.yaml' },
    ]);
    expect(host.state()).toEqual({ status: 'starting' });
    utilityProcess.child.reply(ready);
    await expect(started).resolves.toEqual({ adminUrl: ADMIN, adminToken: TOKEN });
    expect(host.state()).toMatchObject({ status: 'running', urls: ready.urls });
  });

  it('forks once however often start() is called', async () => {
    const { host, utilityProcess } = setup();
    const first = host.start();
    expect(host.start()).toBe(first);
    utilityProcess.child.reply(ready);
    await first;
    expect(utilityProcess.forks).toHaveLength(1);
  });

  it('rejects with the engine error code and keeps it for the dialog', async () => {
    const { host, utilityProcess, onFailure } = setup();
    const started = host.start();
    const error = { type: 'error', code: 'EMU_ERR_PORT_IN_USE', message: 'port 20000 busy', hint: 'free it' };
    utilityProcess.child.reply(error);
    await expect(started).rejects.toMatchObject({ code: 'EMU_ERR_PORT_IN_USE', message: 'port 20000 busy' });
    const state = host.state();
    expect(state).toEqual({
      status: 'failed',
      code: 'EMU_ERR_PORT_IN_USE',
      message: 'port 20000 busy',
      hint: 'free it',
    });
    expect(state.status === 'failed' && describeFailure(state)).toBe(
      'EMU_ERR_PORT_IN_USE: port 20000 busy\n\nfree it',
    );
    // A failed start is reported by start()'s rejection, not by the crash callback.
    expect(onFailure).not.toHaveBeenCalled();
  });

  it('rejects when the worker dies before it is ready', async () => {
    const { host, utilityProcess } = setup();
    const started = host.start();
    utilityProcess.child.exit(1);
    await expect(started).rejects.toThrow('exited unexpectedly (code 1)');
    expect(host.state()).toMatchObject({ status: 'failed', code: 'EMU_ERR_INTERNAL' });
  });

  it('gives up and kills a worker that never becomes ready', async () => {
    const { host, utilityProcess } = setup({ readyTimeoutMs: 1000 });
    const started = host.start();
    const assertion = expect(started).rejects.toThrow('not ready after 1000 ms');
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
    expect(utilityProcess.child.killed).toBe(1);
  });

  it('ignores messages that do not match the protocol', async () => {
    const { host, utilityProcess } = setup();
    const started = host.start();
    utilityProcess.child.reply({ type: 'ready', adminUrl: 'not a url', urls: {} });
    utilityProcess.child.reply('ready');
    expect(host.state()).toEqual({ status: 'starting' });
    utilityProcess.child.reply(ready);
    await started;
  });
});

describe('engine host: crash and stop', () => {
  async function running(overrides: Partial<EngineHostOptions> = {}) {
    const setupResult = setup(overrides);
    const started = setupResult.host.start();
    setupResult.utilityProcess.child.reply(ready);
    await started;
    return setupResult;
  }

  it('turns an exit it did not ask for into a failure state and one callback', async () => {
    const { host, utilityProcess, onFailure } = await running();
    utilityProcess.child.exit(134);
    expect(host.state()).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('code 134') as unknown,
    });
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('stops by asking the worker and waiting for its exit', async () => {
    const { host, utilityProcess, onFailure } = await running();
    const stopped = host.stop();
    expect(utilityProcess.child.sent.at(-1)).toEqual({ type: 'stop' });
    expect(host.state()).toEqual({ status: 'stopping' });
    utilityProcess.child.exit(0);
    await stopped;
    expect(host.state()).toEqual({ status: 'stopped' });
    expect(utilityProcess.child.killed).toBe(0);
    expect(onFailure).not.toHaveBeenCalled();
    expect(host.stop()).toBe(stopped);
  });

  it('kills the worker when it does not exit within the stop timeout', async () => {
    const { host, utilityProcess } = await running({ stopTimeoutMs: 2000 });
    const stopped = host.stop();
    await vi.advanceTimersByTimeAsync(1999);
    expect(utilityProcess.child.killed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await stopped;
    expect(utilityProcess.child.killed).toBe(1);
    expect(host.state()).toEqual({ status: 'stopped' });
  });

  it('still resolves stop() when even the kill is not followed by an exit', async () => {
    const { host, utilityProcess } = await running({ stopTimeoutMs: 100 });
    utilityProcess.child.onKill = () => undefined;
    const stopped = host.stop();
    await vi.advanceTimersByTimeAsync(200);
    await stopped;
    expect(utilityProcess.child.killed).toBe(1);
  });

  it('stops a worker that is still starting and rejects the pending start', async () => {
    const { host, utilityProcess } = setup();
    const started = host.start();
    const stopped = host.stop();
    await expect(started).rejects.toThrow('stopped before it was ready');
    utilityProcess.child.exit(0);
    await stopped;
    expect(host.state()).toEqual({ status: 'stopped' });
  });

  it('has nothing to do when it never started', async () => {
    const { host, utilityProcess } = setup();
    await host.stop();
    expect(utilityProcess.forks).toHaveLength(0);
    expect(host.state()).toEqual({ status: 'stopped' });
  });
});

describe('engine host: UI links', () => {
  it('asks the worker for a one-time link and resolves with its answer', async () => {
    const { host, utilityProcess } = setup();
    const started = host.start();
    utilityProcess.child.reply(ready);
    await started;
    const link = host.createUiLink();
    const request = utilityProcess.child.sent.at(-1);
    expect(request).toMatchObject({ type: 'ui-link', id: expect.any(Number) as unknown });
    const id = request?.type === 'ui-link' ? request.id : -1;
    utilityProcess.child.reply({ type: 'ui-link', id, url: `${ADMIN}/?token=abc` });
    await expect(link).resolves.toBe(`${ADMIN}/?token=abc`);
  });

  it('times out when the worker does not answer, and refuses while not running', async () => {
    const { host, utilityProcess } = setup({ requestTimeoutMs: 500 });
    await expect(host.createUiLink()).rejects.toThrow('not running');
    const started = host.start();
    utilityProcess.child.reply(ready);
    await started;
    const link = host.createUiLink();
    const assertion = expect(link).rejects.toThrow('did not answer');
    await vi.advanceTimersByTimeAsync(500);
    await assertion;
  });
});

describe('newAdminToken', () => {
  it('makes a fresh secret long enough for the IPC schema each time', () => {
    const a = newAdminToken();
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(newAdminToken()).not.toBe(a);
  });
});
