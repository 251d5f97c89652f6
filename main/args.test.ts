import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStartSettings } from './args.js';

const read = (argv: string[], env: Record<string, string> = {}, isPackaged = false) =>
  readStartSettings({ argv, isPackaged, env, cwd: '/home/dev' });

describe('desktop start settings', () => {
  it('reads the same flags as `btp-emulator start`, resolved against the working directory', () => {
    expect(read(['electron', '.', '-w', 'ws.yaml', '--data-dir=state', '--ephemeral-ports'])).toEqual({
      workspacePath: path.resolve('/home/dev/ws.yaml'),
      dataDir: path.resolve('/home/dev/state'),
      ephemeralPorts: true,
    });
  });

  it('skips only the executable when packaged, and ignores Chromium switches', () => {
    expect(
      read(['/opt/BTP Emulator/btp-emulator', '--no-sandbox', '--workspace', '/ws.json'], {}, true),
    ).toEqual({
      workspacePath: path.resolve('/ws.json'),
    });
  });

  it('falls back to the environment, and flags win over it', () => {
    const env = {
      BTP_EMULATOR_WORKSPACE: '/env.yaml',
      BTP_EMULATOR_DATA_DIR: '/d',
      BTP_EMULATOR_EPHEMERAL_PORTS: '1',
    };
    expect(read(['electron', '.'], env)).toEqual({
      workspacePath: path.resolve('/env.yaml'),
      dataDir: path.resolve('/d'),
      ephemeralPorts: true,
    });
    expect(read(['electron', '.', '-w', '/flag.yaml'], env).workspacePath).toBe(path.resolve('/flag.yaml'));
  });

  it('starts the built-in demo when nothing names a workspace', () => {
    expect(read(['electron', '.'])).toEqual({});
  });
});
