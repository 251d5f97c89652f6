// `start --detach`, `stop` and `status`: an engine that outlives the command that started it, for CI
// jobs whose steps are separate shells. The engine's pid, URLs and admin token are in runtime.json of
// its data folder (mode 0600, as every secret there); its output goes to <data folder>/engine.log.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { ReadyLine } from '../../app/admin-api.js';
import { EmulatorError } from '../../app/errors.js';
import { ensureDataDir, pidAlive, RUNTIME_FILE, type RuntimeInfo } from '../core/data-dir.js';
import { resolveTarget } from '../core/offline.js';
import type { TargetFlags } from './binding-commands.js';
import { EXIT } from './exit-codes.js';
import { engineState } from './running.js';
import { DETACHED_ENV, type StartFlags } from './start-command.js';

export const ENGINE_LOG = 'engine.log';
/** How long `start --detach` waits for the ready line (a first start creates keys and the CA). */
const READY_TIMEOUT_MS = 120_000;

/**
 * Starts the same command line without --detach (and with --json) as a process of its own session,
 * its output appended to the log, and returns once it sent its ready line over the IPC channel.
 */
export async function startDetached(argv: string[], flags: StartFlags): Promise<number> {
  const { dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  await ensureDataDir(dataDir);
  const bin = process.argv[1];
  if (!bin) throw new EmulatorError('EMU_ERR_INTERNAL', 'Cannot tell which script runs the CLI.');
  const log = path.join(dataDir, ENGINE_LOG);
  // The log may hold paths and request details of a workspace: readable by the user only.
  const fd = openSync(log, 'a', 0o600);
  const offset = fstatSync(fd).size;
  const args = [...argv.filter((a) => a !== '--detach'), ...(argv.includes('--json') ? [] : ['--json'])];
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [bin, ...args], {
      detached: true,
      stdio: ['ignore', fd, fd, 'ipc'],
      env: { ...process.env, [DETACHED_ENV]: '1' },
      windowsHide: true,
    });
  } finally {
    closeSync(fd);
  }
  const outcome = await readyOrExit(child);
  if ('ready' in outcome) {
    child.disconnect();
    child.unref();
    printDetached(outcome.ready, log, flags.json === true);
    return EXIT.ok;
  }
  // It ended before it was ready: what it printed says why (its error, as `start` would show it).
  const text = readFrom(log, offset);
  for (const line of text.split('\n').filter(Boolean)) {
    if (line.startsWith('{')) {
      if (flags.json) process.stdout.write(`${line}\n`);
    } else process.stderr.write(`${line}\n`);
  }
  if (outcome.error) throw outcome.error;
  return outcome.code ?? EXIT.failure;
}

type Outcome = { ready: ReadyLine } | { code: number | null; error?: EmulatorError };

function readyOrExit(child: ChildProcess): Promise<Outcome> {
  return new Promise((resolve) => {
    const onSignal = (): void => void child.kill('SIGTERM');
    const onMessage = (ready: unknown): void => finish({ ready: ready as ReadyLine });
    const onExit = (code: number | null): void => finish({ code });
    const onError = (error: Error): void =>
      finish({
        code: EXIT.failure,
        error: new EmulatorError('EMU_ERR_INTERNAL', `Cannot start the engine: ${error.message}`),
      });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      finish({
        code: EXIT.failure,
        error: new EmulatorError(
          'EMU_ERR_ENGINE_NOT_ANSWERING',
          `The engine (pid ${child.pid}) did not get ready within ${READY_TIMEOUT_MS / 1000} s; stopped it.`,
        ),
      });
    }, READY_TIMEOUT_MS);
    const finish = (outcome: Outcome): void => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      child.off('message', onMessage).off('exit', onExit).off('error', onError);
      resolve(outcome);
    };
    // Interrupting the command while it waits must not leave an engine behind in its own session.
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.once('message', onMessage).once('exit', onExit).once('error', onError);
  });
}

function readFrom(file: string, offset: number): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size - offset;
    const buffer = Buffer.alloc(Math.max(0, size));
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function printDetached(ready: ReadyLine, log: string, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(ready)}\n`);
    return;
  }
  const urls = Object.entries(ready.urls).map(([id, url]) => `  ${id.padEnd(12)} ${url}`);
  const lines = [
    `btp-emulator runs in the background (pid ${ready.pid}).`,
    ...urls,
    `  ${'data folder'.padEnd(12)} ${ready.dataDir}`,
    `  ${'log'.padEnd(12)} ${log}`,
    '',
    `Open the UI: ${ready.ui}`,
    `Environment for your shell: eval "$(btp-emulator env -d '${ready.dataDir}')"`,
    `Stop it with: btp-emulator stop -d '${ready.dataDir}'`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function dataDirOf(flags: TargetFlags): Promise<string> {
  return (await resolveTarget(flags.workspace, flags.dataDir)).dataDir;
}

/** SIGTERM to the engine of the data folder, then wait until its process is gone. */
export async function stopCommand(flags: TargetFlags & { timeout: number }): Promise<number> {
  const dataDir = await dataDirOf(flags);
  const found = await engineState(dataDir);
  if (found.state === 'none') {
    process.stderr.write(`No btp-emulator runs for data folder ${dataDir}; nothing to stop.\n`);
    return EXIT.ok;
  }
  const { pid } = found.info;
  if (found.state === 'stale') {
    await rm(path.join(dataDir, RUNTIME_FILE), { force: true });
    process.stderr.write(
      `No btp-emulator runs for data folder ${dataDir}: runtime.json named pid ${pid}, which has ended (removed the stale file).\n`,
    );
    return EXIT.ok;
  }
  if (found.state === 'not-answering') throw notAnswering(found.info, dataDir);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + flags.timeout * 1000;
  // Another process cannot be awaited: its pid is polled until it is gone.
  while (pidAlive(pid)) {
    if (Date.now() > deadline)
      throw new EmulatorError(
        'EMU_ERR_ENGINE_NOT_ANSWERING',
        `btp-emulator (pid ${pid}) did not stop within ${flags.timeout} s of SIGTERM; end it with kill -9 ${pid}.`,
      );
    await delay(25);
  }
  // Ended without its own clean-up (Windows ends a process outright): runtime.json would look stale.
  await rm(path.join(dataDir, RUNTIME_FILE), { force: true });
  process.stderr.write(`Stopped btp-emulator (pid ${pid}) of data folder ${dataDir}.\n`);
  return EXIT.ok;
}

function notAnswering({ pid, urls }: RuntimeInfo, dataDir: string): EmulatorError {
  return new EmulatorError(
    'EMU_ERR_ENGINE_NOT_ANSWERING',
    `runtime.json of ${dataDir} names pid ${pid}, which exists but does not answer on ${urls.admin ?? 'its admin URL'}; not signalling a process that may not be btp-emulator. If it is a hung btp-emulator, end it with kill ${pid}.`,
  );
}

export async function statusCommand(flags: TargetFlags & { json?: boolean }): Promise<number> {
  const dataDir = await dataDirOf(flags);
  const found = await engineState(dataDir);
  const log = path.join(dataDir, ENGINE_LOG);
  if (found.state !== 'running') {
    const code = found.state === 'not-answering' ? EXIT.failure : EXIT.notRunning;
    const pid = found.state === 'none' ? undefined : found.info.pid;
    if (flags.json) {
      const body = { running: false, state: found.state, dataDir, ...(pid === undefined ? {} : { pid }) };
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      const why = {
        none: 'not running',
        stale: `not running (runtime.json names pid ${pid}, which has ended)`,
        'not-answering': `pid ${pid} exists but does not answer on its admin URL`,
      }[found.state];
      process.stdout.write(`btp-emulator: ${why} — data folder ${dataDir}\n`);
    }
    return code;
  }
  const { status } = found;
  const uptimeSeconds = Math.round((Date.now() - Date.parse(status.startedAt)) / 1000);
  const urls = found.info.urls;
  if (flags.json) {
    const body = {
      running: true,
      state: 'running',
      pid: status.pid,
      version: status.version,
      startedAt: status.startedAt,
      uptimeSeconds,
      urls,
      workspace: status.workspace.path,
      dataDir,
      log,
    };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [
    `btp-emulator ${status.version}: running, pid ${status.pid}, up ${duration(uptimeSeconds)} (since ${status.startedAt})`,
    `  workspace "${status.workspace.name}" (${status.workspace.path ?? 'built-in demo'})`,
    ...Object.entries(urls).map(([id, url]) => `  ${id.padEnd(12)} ${url}`),
    `  ${'data folder'.padEnd(12)} ${dataDir}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}h ${m}m ${s}s` : m ? `${m}m ${s}s` : `${s}s`;
}
