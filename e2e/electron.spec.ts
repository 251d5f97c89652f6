// The desktop shell end to end: the unpackaged app (`electron .`, because the packaged fuses disable the
// inspector Playwright needs) shows the Overview through the preload bridge, exposes no Node to the page,
// and stops its engine when it quits. Skips with the reason where no Electron binary exists (closed networks).
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DesktopBridge, EngineInfo } from '../app/ipc.js';
import { findElectronBinary } from '../main/electron-binary.js';
import { ROOT } from './fixtures/engine.js';

const discovery = findElectronBinary({
  env: process.env,
  projectRoot: ROOT,
  platform: process.platform,
  fs: {
    isFile: (file) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false,
    readText: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  },
});
const binary = discovery.found ? discovery.binary : undefined;

test.skip(!binary, 'No Electron binary: set ELECTRON_OVERRIDE_DIST_PATH or ELECTRON_BINARY (see README)');

type BridgeWindow = Window & { btpEmulator?: DesktopBridge };

test('the desktop app shows the Overview through the bridge and stops its engine on quit', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'btp-electron-'));
  // Chromium refuses to run as root with its sandbox (CI containers); the page sandbox stays on.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: binary,
    args: ['.', ...rootArgs],
    cwd: ROOT,
    env: {
      ...process.env,
      BTP_EMULATOR_DATA_DIR: dataDir,
      BTP_EMULATOR_EPHEMERAL_PORTS: '1',
      ELECTRON_RUN_AS_NODE: '',
    },
  });
  let info: EngineInfo | undefined;
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();

    const globals = await page.evaluate(() => ({
      bridge: Object.keys((window as BridgeWindow).btpEmulator ?? {}).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({
      bridge: ['appInfo', 'engineInfo', 'openExternal'],
      require: 'undefined',
      process: 'undefined',
    });

    info = await page.evaluate(() => (window as BridgeWindow).btpEmulator?.engineInfo());
    expect(new URL(page.url()).origin).toBe(new URL(info?.adminUrl ?? 'http://x').origin);
    const health = await fetch(`${info?.adminUrl}/api/health`, {
      headers: { authorization: `Bearer ${info?.adminToken}` },
    });
    expect(health.status).toBe(200);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  // Quitting waited for the engine: its admin listener is gone.
  await expect(fetch(`${info?.adminUrl}/api/health`)).rejects.toThrow();
});
