// The real worker entry with the real engine, minus Electron: a harness stands in for
// `process.parentPort` over Node's IPC channel. Proves start → ready → authorised admin API → stop → exit 0.
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHost } from './engine-host.js';
import { workerToMainSchema, type WorkerToMain } from './engine-protocol.js';
import { buildWorkerHarness, forkHarness } from './testing/worker-harness.js';

const TOKEN = 'worker-test-token-0123456789abcdef';
let scratch: string;
let harness: string;

beforeAll(async () => {
  ({ dir: scratch, script: harness } = await buildWorkerHarness());
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function nextMessage(child: ChildProcess): Promise<WorkerToMain> {
  return new Promise((resolve) => child.once('message', (raw) => resolve(workerToMainSchema.parse(raw))));
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('engine worker (built entry, real engine)', () => {
  it('starts with the secret from main, serves the admin API only with it, and exits 0 on stop', async () => {
    const child = fork(harness, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const exited = exitCode(child);
    try {
      const ready = nextMessage(child);
      child.send({
        type: 'start',
        adminToken: TOKEN,
        ephemeralPorts: true,
        dataDir: path.join(scratch, 'data'),
      });
      const message = await ready;
      if (message.type !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(message)}`);
      expect(message.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = `${message.adminUrl}/api/health`;
      expect((await fetch(health, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      expect((await fetch(health)).status).toBe(401);

      const link = nextMessage(child);
      child.send({ type: 'ui-link', id: 1 });
      expect(await link).toMatchObject({
        type: 'ui-link',
        id: 1,
        url: expect.stringContaining(message.adminUrl) as unknown,
      });

      child.send({ type: 'stop' });
      expect(await exited).toBe(0);
      await expect(fetch(health)).rejects.toThrow();
    } finally {
      child.kill();
    }
  });

  it('reports a workspace that cannot be loaded as an engine error and exits 1', async () => {
    const child = fork(harness, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const exited = exitCode(child);
    const reply = nextMessage(child);
    child.send({ type: 'start', adminToken: TOKEN, workspacePath: path.join(scratch, 'missing.yaml') });
    expect(await reply).toMatchObject({ type: 'error', code: 'EMU_ERR_WORKSPACE_NOT_FOUND' });
    expect(await exited).toBe(1);
  });
});

describe('engine host with the real worker', () => {
  it('speaks the same protocol: start gives a working secret, stop ends the process', async () => {
    const host = createEngineHost({
      utilityProcess: { fork: () => forkHarness(harness) },
      workerPath: 'ignored: the harness loads the worker',
      start: { ephemeralPorts: true, dataDir: path.join(scratch, 'host-data') },
    });
    try {
      const info = await host.start();
      const headers = { authorization: `Bearer ${info.adminToken}` };
      expect((await fetch(`${info.adminUrl}/api/status`, { headers })).status).toBe(200);
      await expect(host.createUiLink()).resolves.toContain(info.adminUrl);
    } finally {
      await host.stop();
    }
    expect(host.state()).toEqual({ status: 'stopped' });
  });
});
