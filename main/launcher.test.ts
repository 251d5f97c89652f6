import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FsProbe } from './electron-binary.js';
import { planLaunch, runPlan, type ChildLike, type LaunchPlan, type PlanInput } from './launcher.js';

const root = '/repo';
const noFiles: FsProbe = { isFile: () => false, readText: () => undefined };
const withBinary: FsProbe = { isFile: (file) => file === '/e/electron', readText: () => undefined };

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    env: { DISPLAY: ':0' },
    platform: 'linux',
    projectRoot: root,
    nodePath: '/usr/bin/node',
    userArgs: ['-w', 'ws.yaml'],
    fs: noFiles,
    ...overrides,
  };
}

describe('planLaunch', () => {
  it('runs the headless CLI with the user arguments when there is no Electron, saying so in one line', () => {
    const plan = planLaunch(input());
    expect(plan.command).toBe('/usr/bin/node');
    expect(plan.args).toEqual([path.join(root, 'emulator/bin/btp-emulator.mjs'), 'start', '-w', 'ws.yaml']);
    expect(plan.notice).toBeDefined();
    const notice = plan.notice ?? '';
    expect(notice.split('\n')).toHaveLength(1);
    expect(notice).toMatch(/^btp-emulator: no Electron runtime found \(/);
    expect(notice).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(notice).toContain('Electron cache');
    expect(notice).toMatch(/starting headless; open the UI link below\.$/);
  });

  it('includes why an explicit ELECTRON_BINARY was not used, still on one line', () => {
    const notice = planLaunch(input({ env: { ELECTRON_BINARY: '/gone' } })).notice ?? '';
    expect(notice).toContain('ELECTRON_BINARY=/gone is not a file');
    expect(notice).not.toContain('\n');
  });

  it('runs Electron on the project folder when a binary and a display exist', () => {
    const plan = planLaunch(
      input({
        env: { ELECTRON_BINARY: '/e/electron', DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1' },
        fs: withBinary,
      }),
    );
    expect(plan).toMatchObject({ command: '/e/electron', args: ['.', '-w', 'ws.yaml'], cwd: root });
    expect(plan.notice).toBeUndefined();
    // Left set, it would make Electron a plain Node and the window would never open.
    expect(plan.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
  });

  it('goes headless on Linux without a display and names xvfb-run', () => {
    const plan = planLaunch(input({ env: { ELECTRON_BINARY: '/e/electron' }, fs: withBinary }));
    expect(plan.args[1]).toBe('start');
    expect(plan.notice).toContain('xvfb-run -a npm start');
  });

  it('accepts Wayland as a display, and needs none on Windows or macOS', () => {
    const env = { ELECTRON_BINARY: '/e/electron', WAYLAND_DISPLAY: 'wayland-0' };
    expect(planLaunch(input({ env, fs: withBinary })).command).toBe('/e/electron');
    const bare = { ELECTRON_BINARY: '/e/electron' };
    expect(planLaunch(input({ env: bare, platform: 'win32', fs: withBinary })).command).toBe('/e/electron');
  });
});

class FakeChild extends EventEmitter implements ChildLike {
  readonly signals: NodeJS.Signals[] = [];
  kill(signal: NodeJS.Signals): boolean {
    this.signals.push(signal);
    return true;
  }
}

function harness(plan: LaunchPlan) {
  const child = new FakeChild();
  const handlers = new Map<string, () => void>();
  const errors: string[] = [];
  const spawn = vi.fn(() => child);
  const done = runPlan(plan, {
    spawn,
    writeErr: (line) => errors.push(line),
    onSignal: (signal, handler) => handlers.set(signal, handler),
  });
  return { child, handlers, errors, spawn, done };
}

describe('runPlan', () => {
  const plan: LaunchPlan = {
    command: 'node',
    args: ['cli', 'start'],
    cwd: root,
    env: {},
    notice: 'the notice',
  };

  it('writes the notice, spawns the plan and hands back the exit code', async () => {
    const { child, errors, spawn, done } = harness(plan);
    expect(errors).toEqual(['the notice']);
    expect(spawn).toHaveBeenCalledWith('node', ['cli', 'start'], { cwd: root, env: {} });
    child.emit('exit', 3, null);
    await expect(done).resolves.toBe(3);
  });

  it('forwards SIGTERM and SIGHUP once each, and outlives a Ctrl-C without passing it on', async () => {
    const { child, handlers, done } = harness(plan);
    // The terminal already delivered SIGINT to the child; a second one would make it skip its graceful stop.
    handlers.get('SIGINT')?.();
    handlers.get('SIGTERM')?.();
    handlers.get('SIGTERM')?.();
    handlers.get('SIGHUP')?.();
    expect(child.signals).toEqual(['SIGTERM', 'SIGHUP']);
    child.emit('exit', null, 'SIGTERM');
    await expect(done).resolves.toBe(128 + 15);
  });

  it('fails with 1 and one line when the command cannot be run', async () => {
    const { child, errors, done } = harness(plan);
    child.emit('error', new Error('ENOENT'));
    await expect(done).resolves.toBe(1);
    expect(errors.at(-1)).toBe('btp-emulator: could not run node: ENOENT');
  });
});
