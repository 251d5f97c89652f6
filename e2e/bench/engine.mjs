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
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('engine exited before its ready line');
  // Keep draining stdout so the engine never blocks on a full pipe.
  void (async () => {
    for await (const _ of { [Symbol.asyncIterator]: () => lines });
  })();
  const ready = JSON.parse(first.value);
  return {
    ready,
    pid: child.pid,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
