// Builds the real engine-worker entry and a harness that plays Electron's `process.parentPort` over
// Node's IPC channel, so tests run the real worker and engine in a child process without Electron.
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { UtilityChild } from '../engine-host.js';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface WorkerHarness {
  /** Scratch folder (inside node_modules/.cache) to delete after the tests. */
  dir: string;
  /** Script to fork: it installs the parentPort stand-in and imports the bundled worker. */
  script: string;
}

export async function buildWorkerHarness(): Promise<WorkerHarness> {
  // Inside the project, so the bundle's external packages (fastify, zod, ...) resolve from node_modules.
  const cache = path.join(root, 'node_modules', '.cache', 'btp-emulator-tests');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'worker-'));
  await build({
    entryPoints: [path.join(root, 'main', 'engine-worker.ts')],
    outfile: path.join(dir, 'dist/main/engine-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const script = path.join(dir, 'harness.mjs');
  writeFileSync(
    script,
    [
      "process.parentPort = { on: (_e, l) => process.on('message', (data) => l({ data })), postMessage: (m) => process.send(m) };",
      // Like a utility process, the worker must not outlive its parent (a failed test, a killed run).
      "process.on('disconnect', () => process.exit(1));",
      "await import('./dist/main/engine-worker.js');",
    ].join('\n'),
  );
  return { dir, script };
}

/** Electron's utilityProcess.fork, played by Node's fork of the harness. */
export function forkHarness(script: string): UtilityChild {
  const child = fork(script, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const adapter: UtilityChild = {
    postMessage: (message) => void child.send(message),
    on: (event: 'message' | 'exit', listener: (value: never) => void) => {
      if (event === 'message') child.on('message', listener as (m: unknown) => void);
      else child.on('exit', (code) => (listener as (c: number) => void)(code ?? -1));
      return adapter;
    },
    kill: () => child.kill(),
  };
  return adapter;
}
