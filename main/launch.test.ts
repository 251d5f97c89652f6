// Black-box test of the real `npm start` entry: bundled like build:node does, run by Node in a scratch
// project whose emulator/bin/btp-emulator.mjs and Electron binary are scripts that report how they were called.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let project: string;

beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'btp-launch-'));
  await build({
    entryPoints: [path.join(import.meta.dirname, 'launch.ts')],
    outfile: path.join(project, 'dist/main/launch.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  mkdirSync(path.join(project, 'emulator/bin'), { recursive: true });
  // Reports its arguments and exits 7, or with `--wait` behaves like the real CLI on signals: the first
  // starts a graceful stop, a second one forces an immediate exit.
  writeFileSync(
    path.join(project, 'emulator/bin/btp-emulator.mjs'),
    [
      "if (!process.argv.includes('--wait')) { console.log(JSON.stringify({ cli: process.argv.slice(2) })); process.exit(7); }",
      'const keepAlive = setInterval(() => {}, 1000);',
      'const stop = (signal) => {',
      "  process.on('SIGINT', () => { console.log('forced'); process.exit(130); });",
      "  process.on('SIGTERM', () => { console.log('forced'); process.exit(143); });",
      '  console.log(`graceful ${signal}`);',
      '  setTimeout(() => { clearInterval(keepAlive); process.exit(0); }, 300);',
      '};',
      "process.once('SIGINT', stop); process.once('SIGTERM', stop);",
      "console.log('ready');",
    ].join('\n'),
  );
  writeFileSync(path.join(project, 'fake-electron'), '#!/bin/sh\necho "electron $* in $(pwd)"\nexit 4\n');
  chmodSync(path.join(project, 'fake-electron'), 0o755);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function npmStart(env: Record<string, string>, args: string[] = []) {
  const clean = { PATH: process.env.PATH ?? '', ...env };
  return spawnSync(process.execPath, [path.join(project, 'dist/main/launch.js'), ...args], {
    env: clean,
    encoding: 'utf8',
    timeout: 15_000,
  });
}

describe('npm start (dist/main/launch.js)', () => {
  it('without Electron says so in one stderr line, runs the headless CLI with the arguments, keeps its exit code', () => {
    const result = npmStart({}, ['-w', 'ws.yaml']);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^btp-emulator: no Electron runtime found .*ELECTRON_OVERRIDE_DIST_PATH.* headless/,
    );
    expect(JSON.parse(result.stdout)).toEqual({ cli: ['start', '-w', 'ws.yaml'] });
    expect(result.status).toBe(7);
  });

  it.runIf(process.platform === 'linux')(
    'with ELECTRON_BINARY and a display runs `electron .` in the project',
    () => {
      const result = npmStart({ ELECTRON_BINARY: path.join(project, 'fake-electron'), DISPLAY: ':99' }, [
        '-w',
        'x',
      ]);
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe(`electron . -w x in ${project}`);
      expect(result.status).toBe(4);
    },
  );
});

/** Starts launch.js in its own process group (like a terminal job) and waits for the fake CLI's "ready". */
async function startJob(): Promise<{ pid: number; output: () => string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [path.join(project, 'dist/main/launch.js'), '--wait'], {
    env: { PATH: process.env.PATH ?? '' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 100 && !out.includes('ready'); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (!child.pid || !out.includes('ready')) throw new Error(`the fake CLI did not start: ${out}`);
  return { pid: child.pid, output: () => out, exit };
}

describe.runIf(process.platform !== 'win32')('npm start and signals', () => {
  it('a terminal Ctrl-C (SIGINT to the whole job) stops the CLI gracefully, not forced', async () => {
    const job = await startJob();
    process.kill(-job.pid, 'SIGINT');
    expect(await job.exit).toBe(0);
    expect(job.output()).toContain('graceful SIGINT');
    expect(job.output()).not.toContain('forced');
  });

  it('a SIGTERM to npm start alone reaches the CLI exactly once', async () => {
    const job = await startJob();
    process.kill(job.pid, 'SIGTERM');
    expect(await job.exit).toBe(0);
    expect(job.output()).toContain('graceful SIGTERM');
    expect(job.output()).not.toContain('forced');
  });
});
