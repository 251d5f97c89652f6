// The CLI as a black box for tests: the built bin, spawned as a user or CI would, its stdout read line
// by line. Shared by the CLI test files; every spawned process is killed when its test ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';
import { readyLineSchema, type ReadyLine } from '../../app/admin-api.js';
import { onCleanup } from '../test/support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'emulator/bin/btp-emulator.mjs');

/** Call at the top of a test file: the bin needs `dist/` (npm run build). */
export function requireBuiltCli(): void {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist/emulator/cli/main.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
  });
}

export interface Run {
  child: ChildProcess;
  lines: AsyncIterator<string>;
  stderr: () => string;
  exit: Promise<number | null>;
}

export function run(args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exit;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return { child, lines, stderr: () => stderr, exit };
}

/** The first stdout line, parsed as the `start --json` ready line. */
export async function ready(r: Run): Promise<ReadyLine> {
  const first = await r.lines.next();
  if (first.done) throw new Error(`no ready line; stderr: ${r.stderr()}`);
  return readyLineSchema.parse(JSON.parse(first.value));
}

/** Everything the process still prints to stdout, until it closes it. */
export async function output(r: Run): Promise<string> {
  let out = '';
  for (let l = await r.lines.next(); !l.done; l = await r.lines.next()) out += `${l.value}\n`;
  return out;
}

/**
 * Registers, before a detached engine is started on `dataDir`, that whatever engine runtime.json then
 * names is killed when the test ends: a failed assertion must not leave an engine running.
 */
export function killDetachedAfterTest(dataDir: string): void {
  onCleanup(async () => {
    const info = await readFile(path.join(dataDir, 'runtime.json'), 'utf8').catch(() => undefined);
    const pid = info === undefined ? undefined : (JSON.parse(info) as { pid?: unknown }).pid;
    if (typeof pid !== 'number') return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
}

/** Whether a process exists (for pids of detached engines, which are not our children). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The bin as a command line for scripts that take the CLI as words (BTP_EMULATOR_CLI). */
export const cliCommand = `${process.execPath} ${bin}`;

/** $GITHUB_ENV as the runner reads it: `NAME=value` lines and `NAME<<DELIMITER` … `DELIMITER` blocks. */
export function parseGithubEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`unterminated ${heredoc[1]}`);
      vars[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) vars[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return vars;
}
