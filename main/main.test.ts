// main.ts itself, wired to a fake 'electron' (the real module would try to download a binary) and the
// real engine worker: proves the wiring the unit tests cannot see — lock, hardening, IPC, window on the
// engine's admin URL, and a quit that waits for the engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../app/ipc.js';
import { app, control } from './testing/fake-electron.js';
import { buildWorkerHarness } from './testing/worker-harness.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

let scratch: string;
let dataDir: string;
const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };

beforeAll(async () => {
  const harness = await buildWorkerHarness();
  scratch = harness.dir;
  control.harnessScript = harness.script;
  dataDir = mkdtempSync(path.join(tmpdir(), 'btp-main-'));
  vi.stubEnv('BTP_EMULATOR_DATA_DIR', dataDir);
  vi.stubEnv('BTP_EMULATOR_EPHEMERAL_PORTS', '1');
});

afterAll(() => {
  // main.ts turns SIGINT/SIGTERM into app.quit(); that must not outlive the test in this worker.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.off(signal, listener);
    }
  }
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('main.ts with a fake electron and the real engine', () => {
  it('starts the engine, hardens the session, opens the window on the admin URL, answers IPC, stops on quit', async () => {
    await import('./main.js');
    await vi.waitFor(() => expect(control.windows[0]?.loadedUrl).toBeDefined(), { timeout: 15_000 });
    expect(control.errors).toEqual([]);
    expect(control.forked).toEqual([expect.stringMatching(/engine-worker\.js$/) as unknown]);
    expect(control.session).toEqual({ permissionRequest: true, permissionCheck: true, headers: true });
    expect(control.menu).toBeDefined();

    const window = control.windows[0];
    if (!window?.loadedUrl) throw new Error('no window');
    const adminUrl = window.loadedUrl;
    expect(adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(window.options).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect((window.options.webPreferences as { preload: string }).preload).toMatch(/preload\.cjs$/);

    const handler = control.handlers.get(IPC_CHANNELS.engineInfo);
    const fromWindow = { sender: window.webContents, senderFrame: { url: `${adminUrl}/`, parent: null } };
    const info = (await handler?.(fromWindow)) as { adminUrl: string; adminToken: string };
    expect(info.adminUrl).toBe(adminUrl);
    const status = await fetch(`${adminUrl}/api/status`, {
      headers: { authorization: `Bearer ${info.adminToken}` },
    });
    expect(status.status).toBe(200);
    const foreign = { ...fromWindow, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(Promise.resolve(handler?.(foreign))).rejects.toThrow('sender');

    app.quit();
    expect(control.quitted).toBe(false); // held back until the engine has stopped
    await vi.waitFor(() => expect(control.quitted).toBe(true), { timeout: 10_000 });
    await expect(fetch(`${adminUrl}/api/health`)).rejects.toThrow();
  });
});
