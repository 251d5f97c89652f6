// The btp-emulator CLI as a black box for the real-client specs: `start --json` (ready line, later
// event lines kept), `exec` to completion or as a long-running child, and `token`. Every process is
// spawned as its own process group so teardown can verify, and if need be force, that nothing of a
// scenario outlives it. BTP_E2E_CLI points the suite at another CLI build (default: this checkout).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readyLineSchema, type ReadyLine } from '../../../app/admin-api.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLIENTS_DIR = path.join(ROOT, 'e2e', 'clients');
export const SCRIPTS_DIR = path.join(CLIENTS_DIR, 'scripts');
export const CLI = process.env.BTP_E2E_CLI ?? path.join(ROOT, 'emulator', 'bin', 'btp-emulator.mjs');

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const EXEC_TIMEOUT_MS = 45_000;

/** CLI commands the acceptance specs need that `btp-emulator --help` does not list (yet). */

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether any process of the group led by `pgid` still exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

/**
 * SIGTERM to the leader only (the CLI must pass it on to its command), then require the whole group to
 * be gone. Anything left is killed and reported, so a leak fails the test instead of a later one.
 */
async function stopGroup(child: ChildProcess, exited: Promise<Exit>, what: string): Promise<Exit> {
  const pid = child.pid!;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
  });
  const exit = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
  const groupGone = await waitUntil(() => !groupAlive(pid), exit === 'timeout' ? 0 : 5_000);
  if (exit === 'timeout' || !groupGone) {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    await exited;
    throw new Error(
      exit === 'timeout'
        ? `${what} (pid ${pid}) ignored SIGTERM for ${STOP_TIMEOUT_MS} ms; its process group was killed`
        : `${what} (pid ${pid}) exited but left processes of its group running; they were killed`,
    );
  }
  return exit;
}

export interface EngineEventLine {
  event: string;
  [key: string]: unknown;
}

export interface Engine {
  ready: ReadyLine;
  dataDir: string;
  workspace: string | undefined;
  /** Every JSON line printed after the ready line (one per engine event). */
  events: EngineEventLine[];
  /** Calls the admin API with the Bearer token from the ready line. */
  api(apiPath: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export interface EngineOptions {
  dataDir: string;
  workspace?: string;
}

/** `btp-emulator start --json --ephemeral-ports`; resolves on the ready line. stop() is safe to call always. */
export function startEngine(options: EngineOptions): { engine: Promise<Engine>; stop(): Promise<void> } {
  const args = [CLI, 'start', '--json', '--ephemeral-ports', '--data-dir', options.dataDir];
  if (options.workspace) args.push('--workspace', options.workspace);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = exitOf(child);
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const events: EngineEventLine[] = [];
  const lines = createInterface({ input: child.stdout });
  const first = new Promise<ReadyLine>((resolve, reject) => {
    lines.once('line', (line) => {
      try {
        resolve(readyLineSchema.parse(JSON.parse(line)));
      } catch (error) {
        reject(new Error(`first stdout line of start --json is not a ready line: ${line}`, { cause: error }));
      }
      lines.on('line', (next) => {
        try {
          events.push(JSON.parse(next) as EngineEventLine);
        } catch {
          events.push({ event: 'unparsed', line: next });
        }
      });
    });
  });
  const died = exited.then((exit) => {
    throw new Error(`btp-emulator start exited before ready (${JSON.stringify(exit)}): ${stderr.join('')}`);
  });
  const stop = async (): Promise<void> => {
    const exit = await stopGroup(child, exited, 'btp-emulator start');
    if (exit.code !== 0)
      throw new Error(
        `btp-emulator start did not exit cleanly on SIGTERM: ${JSON.stringify(exit)}\n${stderr.join('')}`,
      );
  };
  const engine = withTimeout(
    Promise.race([first, died]),
    READY_TIMEOUT_MS,
    () => `no ready line: ${stderr.join('')}`,
  ).then((ready): Engine => ({
    ready,
    dataDir: options.dataDir,
    workspace: options.workspace,
    events,
    api: (apiPath, init) =>
      fetch(new URL(apiPath, ready.urls.admin), {
        ...init,
        headers: {
          Authorization: `Bearer ${ready.adminToken}`,
          ...(init?.headers as Record<string, string>),
        },
      }),
    stop,
  }));
  engine.catch(() => undefined);
  return { engine, stop };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${message()}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export interface ExecOptions {
  dataDir: string;
  workspace?: string;
  /** The command after `--`. */
  command: string[];
  /** Added to this process's environment (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

function execArgs(options: ExecOptions): string[] {
  const args = [CLI, 'exec', '--data-dir', options.dataDir, '--ephemeral-ports'];
  if (options.workspace) args.push('--workspace', options.workspace);
  return [...args, '--', ...options.command];
}

function execEnv(extra: ExecOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface ExecResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `btp-emulator exec … -- <command>` to completion. */
export async function runExec(options: ExecOptions): Promise<ExecResult> {
  const child = spawn(process.execPath, execArgs(options), {
    cwd: options.cwd ?? ROOT,
    env: execEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = exitOf(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), EXEC_TIMEOUT_MS);
  });
  const exit = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
  if (exit === 'timeout') {
    await stopGroup(child, exited, 'btp-emulator exec').catch(() => undefined);
    throw new Error(
      `exec ${options.command.join(' ')} ran longer than ${EXEC_TIMEOUT_MS} ms\n${stdout}\n${stderr}`,
    );
  }
  // exec must not leave its command (or an engine it started) behind.
  if (!(await waitUntil(() => !groupAlive(child.pid!), 5_000))) {
    process.kill(-child.pid!, 'SIGKILL');
    throw new Error(
      `exec ${options.command.join(' ')} returned but left processes running; they were killed`,
    );
  }
  return { ...exit, stdout, stderr };
}

/** Runs a script of e2e/clients/scripts through exec and returns its one JSON result line. */
export async function runScript(
  script: string,
  args: string[],
  options: Omit<ExecOptions, 'command'>,
): Promise<{ result: unknown; run: ExecResult }> {
  const run = await runExec({
    ...options,
    command: [process.execPath, path.join(SCRIPTS_DIR, script), ...args],
  });
  const describe = (): string =>
    `exec ${script} ${args.join(' ')} → exit ${run.code ?? run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
  if (run.code !== 0) throw new Error(describe());
  const line = run.stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{"script":'));
  if (!line) throw new Error(`no result line\n${describe()}`);
  return { result: JSON.parse(line) as unknown, run };
}

export interface LongRunning {
  /** Resolves with the first stdout line matching `readyPattern`. */
  ready: Promise<RegExpMatchArray>;
  output(): string;
  /** SIGTERM to exec, which must end its command; fails if anything of the group survives. */
  stop(): Promise<void>;
}

/** `btp-emulator exec -- <server>` that keeps running until stop(). */
export function startExec(options: ExecOptions & { readyPattern: RegExp }): LongRunning {
  const child = spawn(process.execPath, execArgs(options), {
    cwd: options.cwd ?? ROOT,
    env: execEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = exitOf(child);
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const lines = createInterface({ input: child.stdout });
  const matched = new Promise<RegExpMatchArray>((resolve) => {
    lines.on('line', (line) => {
      output += `${line}\n`;
      const match = options.readyPattern.exec(line);
      if (match) resolve(match);
    });
  });
  const died = exited.then((exit) => {
    throw new Error(
      `exec ${options.command.join(' ')} exited before ready (${JSON.stringify(exit)}):\n${output}`,
    );
  });
  const ready = withTimeout(Promise.race([matched, died]), READY_TIMEOUT_MS, () => output);
  ready.catch(() => undefined);
  return {
    ready,
    output: () => output,
    stop: async () => {
      await stopGroup(child, exited, `exec ${options.command.join(' ')}`);
    },
  };
}

export interface TokenOptions {
  dataDir: string;
  workspace?: string;
  client: string;
  user?: string;
  scopes?: string[];
}

/** `btp-emulator token`: prints one JWT. */
export function cliToken(options: TokenOptions): string {
  const args = [CLI, 'token', '--data-dir', options.dataDir, '--client', options.client];
  if (options.workspace) args.push('--workspace', options.workspace);
  if (options.user) args.push('--user', options.user);
  if (options.scopes) args.push('--scopes', options.scopes.join(','));
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: EXEC_TIMEOUT_MS });
  const token = run.stdout.trim();
  if (run.status !== 0 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token))
    throw new Error(
      `btp-emulator ${args.slice(1).join(' ')} → exit ${run.status}\n${run.stdout}\n${run.stderr}`,
    );
  return token;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export function decodeJwt(jwt: string): DecodedJwt {
  const [header, payload] = jwt.split('.');
  const part = (text: string | undefined): Record<string, unknown> =>
    JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: part(header), payload: part(payload) };
}

/** Whether something accepts TCP connections at the URL's host and port. */
export async function accepts(url: string): Promise<boolean> {
  const { connect } = await import('node:net');
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
