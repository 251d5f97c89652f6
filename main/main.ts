// Electron main process. Deliberately thin: it hands the real Electron objects to modules that decide
// everything (and are unit-tested with fakes). The only other file importing 'electron' is the preload.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, utilityProcess } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStartSettings } from './args.js';
import { createEngineHost, describeFailure } from './engine-host.js';
import { registerIpc } from './ipc.js';
import { installQuitHandling } from './lifecycle.js';
import { buildMenuTemplate } from './menu.js';
import { claimSingleInstance } from './single-instance.js';
import { createMainWindow, hardenSession, hardenWebContents, originOf } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | undefined;

const host = createEngineHost({
  utilityProcess,
  workerPath: path.join(here, 'engine-worker.js'),
  start: readStartSettings({
    argv: process.argv,
    isPackaged: app.isPackaged,
    env: process.env,
    cwd: process.cwd(),
  }),
  onFailure: (failure) => fatal('The BTP Emulator engine stopped unexpectedly', describeFailure(failure)),
});

function adminOrigin(): string | undefined {
  const state = host.state();
  return state.status === 'running' ? originOf(state.info.adminUrl) : undefined;
}

function fatal(title: string, detail: string): void {
  dialog.showErrorBox(title, detail);
  void host.stop().finally(() => app.exit(1));
}

/** The engine's one-time link: a browser has no bearer token, so it needs the session that link sets up. */
function openUiInBrowser(): void {
  // Not subject to the https-only rule: this local http URL comes from our own engine, not from a page.
  host
    .createUiLink()
    .then((url) => shell.openExternal(url))
    .catch((error: unknown) => dialog.showErrorBox('Could not open the UI in a browser', String(error)));
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession);
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    openUiInBrowser,
    openExternal: (url) => void shell.openExternal(url),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  const info = await host.start();
  mainWindow = await createMainWindow({
    BrowserWindow,
    preloadPath: path.join(here, 'preload.cjs'),
    adminUrl: info.adminUrl,
  });
  mainWindow.on('closed', () => (mainWindow = undefined));
}

function wire(): void {
  installQuitHandling(app, () => host.stop());
  // Ctrl-C in the terminal, or a SIGTERM passed on by `npm start`: quit like the menu does, so the engine stops.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { adminOrigin, openExternal: (url) => shell.openExternal(url) }),
  );
  registerIpc(
    ipcMain,
    {
      engineInfo: () => {
        const state = host.state();
        if (state.status !== 'running') throw new Error('the engine is not running');
        return state.info;
      },
      appInfo: () => ({
        name: app.getName(),
        version: app.getVersion(),
        electron: process.versions.electron,
        platform: process.platform,
      }),
      openExternal: (url) => shell.openExternal(url),
    },
    { webContentsId: () => mainWindow?.webContents.id, adminOrigin },
  );
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      const state = host.state();
      // Quit while the engine was still starting: that is no error to report.
      if (state.status === 'stopping' || state.status === 'stopped') return;
      fatal(
        'BTP Emulator could not start',
        state.status === 'failed' ? describeFailure(state) : String(error),
      );
    });
}

if (claimSingleInstance(app, () => mainWindow)) wire();
