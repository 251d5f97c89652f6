// Starting and stopping the built engine for benchmarks: the CLI as a user runs it, on ephemeral ports.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export async function startEngine(args = []) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'btp-bench-'));
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'emulator/bin/btp-emulator.mjs'),
      'start',
      '--json',
      '--ephemeral-ports',
      '--data-dir',
      dataDir,
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return readyEngine(child, dataDir, { drain: true });
}

/**
 * Waits for the child's first stdout line (its ready line) and hands back how to stop it. With `drain`
 * the rest of stdout is read on, so an engine printing a line per event never blocks on a full pipe.
 */
async function readyEngine(child, dataDir, { drain = false } = {}) {
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('engine exited before its ready line');
  if (drain)
    void (async () => {
      for await (const _ of { [Symbol.asyncIterator]: () => lines });
    })();
  return {
    ready: JSON.parse(first.value),
    pid: child.pid,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// The built engine through its public entry, in a process of its own: what a test file embedding the
// engine runs. Unlike `start --json`, no stdout line per engine event, which a per-request
// measurement would otherwise include.
const LIBRARY_ENGINE = `
const { startEmulator } = await import(process.env.BENCH_ENGINE_ENTRY);
const handle = await startEmulator({ workspacePath: process.env.BENCH_WORKSPACE || undefined, dataDir: process.env.BENCH_DATA, ephemeralPorts: true, uiDir: null });
console.log(JSON.stringify({ urls: handle.urls, adminToken: handle.adminToken }));
process.on('SIGTERM', () => handle.stop().then(() => process.exit(0)));
`;

export async function startLibraryEngine({ workspacePath = '', nodeArgs = [] } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'btp-bench-'));
  const child = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', LIBRARY_ENGINE], {
    cwd: root,
    env: {
      ...process.env,
      BENCH_ENGINE_ENTRY: path.join(root, 'dist/emulator/index.js'),
      BENCH_WORKSPACE: workspacePath,
      BENCH_DATA: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return readyEngine(child, dataDir);
}

export async function vcap(ready) {
  const response = await fetch(`${ready.urls.admin}/api/bindings`, {
    headers: { Authorization: `Bearer ${ready.adminToken}` },
  });
  return (await response.json()).VCAP_SERVICES;
}

/** Resident memory of a process now in MB (Linux), or null. */
export const rssMb = (pid) => statusMb(pid, 'VmRSS');

/** The most resident memory the process has had so far (its high-water mark) in MB (Linux), or null. */
export const peakRssMb = (pid) => statusMb(pid, 'VmHWM');

async function statusMb(pid, field) {
  try {
    const { readFileSync } = await import('node:fs');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

export const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
