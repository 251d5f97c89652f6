// A stand-in for the 'electron' module, for the tests that import main.ts itself (vi.mock('electron')).
// It records what main does; utilityProcess.fork runs the real engine worker through the Node harness.
import { EventEmitter } from 'node:events';
import type { UtilityChild } from '../engine-host.js';
import { forkHarness } from './worker-harness.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const control = {
  /** What requestSingleInstanceLock answers. */
  lock: true,
  harnessScript: '',
  forked: [] as string[],
  handlers: new Map<string, Handler>(),
  windows: [] as FakeBrowserWindow[],
  errors: [] as { title: string; content: string }[],
  opened: [] as string[],
  menu: undefined as unknown,
  session: { permissionRequest: false, permissionCheck: false, headers: false },
  quitCalls: 0,
  /** Set once a quit went through (nothing prevented before-quit). */
  quitted: false,
  exitCode: undefined as number | undefined,
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = () => control.lock;
  whenReady = () => Promise.resolve();
  getName = () => 'btp-emulator';
  getVersion = () => '0.0.0-test';
  quit = () => {
    control.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) control.quitted = true;
  };
  exit = (code: number) => {
    control.exitCode = code;
  };
}

export const app = new FakeApp();

let nextContentsId = 1;

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = { id: nextContentsId++ };
  loadedUrl: string | undefined;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    control.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const dialog = {
  showErrorBox: (title: string, content: string) => control.errors.push({ title, content }),
};

export const ipcMain = {
  handle: (channel: string, handler: Handler) => control.handlers.set(channel, handler),
};

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (menu: unknown) => (control.menu = menu),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => (control.session.permissionRequest = true),
    setPermissionCheckHandler: () => (control.session.permissionCheck = true),
    webRequest: { onHeadersReceived: () => (control.session.headers = true) },
  },
};

export const shell = {
  openExternal: (url: string) => {
    control.opened.push(url);
    return Promise.resolve();
  },
};

export const utilityProcess = {
  fork: (modulePath: string): UtilityChild => {
    control.forked.push(modulePath);
    return forkHarness(control.harnessScript);
  },
};
