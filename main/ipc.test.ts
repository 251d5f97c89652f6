import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '../app/ipc.js';
import {
  createHandlers,
  dispatch,
  isTrustedSender,
  registerIpc,
  type IpcServices,
  type TrustedSender,
} from './ipc.js';

const ADMIN = 'http://127.0.0.1:41000';
const WINDOW_ID = 3;
const INFO = { adminUrl: ADMIN, adminToken: 'secret-token-0123456789abcdef' };
const trusted: TrustedSender = { webContentsId: () => WINDOW_ID, adminOrigin: () => ADMIN };

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** An invoke event as Electron builds it; defaults describe a legitimate call from our window. */
function event(overrides: { id?: number; url?: string; frame?: FakeFrame | null } = {}) {
  const frame =
    overrides.frame === undefined
      ? { url: overrides.url ?? `${ADMIN}/#/overview`, parent: null }
      : overrides.frame;
  return { sender: { id: overrides.id ?? WINDOW_ID }, senderFrame: frame } as unknown as Parameters<
    typeof isTrustedSender
  >[0];
}

function services() {
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const svc: IpcServices = {
    engineInfo: () => INFO,
    appInfo: () => ({ name: 'btp-emulator', version: '0.1.0', electron: '45.5.0', platform: 'linux' }),
    openExternal,
  };
  return { svc, openExternal };
}

const call = (channel: IpcChannel, ev: ReturnType<typeof event>, args: unknown[], svc = services().svc) =>
  dispatch(channel, ev, args, createHandlers(svc), trusted);

describe('sender checks', () => {
  it('accept the top frame of our window at the admin origin', () => {
    expect(isTrustedSender(event(), trusted)).toBe(true);
  });

  it.each([
    ['another origin', event({ url: 'https://evil.example/' })],
    ['another port on loopback', event({ url: 'http://127.0.0.1:41001/' })],
    ['a file: page', event({ url: 'file:///tmp/x.html' })],
    ['another web contents', event({ id: 99 })],
    ['a subframe', event({ frame: { url: `${ADMIN}/`, parent: { url: `${ADMIN}/`, parent: null } } })],
    ['a frame that navigated away or died', event({ frame: null })],
  ])('reject %s', (_name, ev) => {
    expect(isTrustedSender(ev, trusted)).toBe(false);
  });

  it('reject everything while no window or engine exists', () => {
    expect(isTrustedSender(event(), { webContentsId: () => undefined, adminOrigin: () => ADMIN })).toBe(
      false,
    );
    expect(isTrustedSender(event(), { webContentsId: () => WINDOW_ID, adminOrigin: () => undefined })).toBe(
      false,
    );
  });
});

describe('dispatch', () => {
  it('answers engine:info for our window', async () => {
    await expect(call(IPC_CHANNELS.engineInfo, event(), [])).resolves.toEqual(INFO);
  });

  it('rejects a foreign sender before any handler runs', async () => {
    const { svc, openExternal } = services();
    const ev = event({ url: 'https://evil.example/' });
    await expect(call(IPC_CHANNELS.engineInfo, ev, [], svc)).rejects.toThrow(
      'sender is not the BTP Emulator window',
    );
    await expect(call(IPC_CHANNELS.openExternal, ev, [{ url: 'https://a.b/' }], svc)).rejects.toThrow();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([
    [IPC_CHANNELS.engineInfo, ['extra']],
    [IPC_CHANNELS.openExternal, []],
    [IPC_CHANNELS.openExternal, ['https://a.b/']],
    [IPC_CHANNELS.openExternal, [{ url: 'http://a.b/' }]],
    [IPC_CHANNELS.openExternal, [{ url: 'file:///etc/passwd' }]],
    [IPC_CHANNELS.openExternal, [{ url: 'javascript:alert(1)' }]],
    [IPC_CHANNELS.openExternal, [{ url: 'https://a.b/' }, 'extra']],
  ] as const)('rejects %s with arguments %j', async (channel, args) => {
    const { svc, openExternal } = services();
    await expect(call(channel, event(), [...args], svc)).rejects.toThrow(`${channel}: invalid arguments`);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens an https: link through the shell', async () => {
    const { svc, openExternal } = services();
    await call(IPC_CHANNELS.openExternal, event(), [{ url: 'https://help.sap.com/' }], svc);
    expect(openExternal).toHaveBeenCalledWith('https://help.sap.com/');
  });

  it('does not hand out an engine answer that breaks the contract', async () => {
    const svc = { ...services().svc, engineInfo: () => ({ adminUrl: ADMIN, adminToken: 'short' }) };
    await expect(call(IPC_CHANNELS.engineInfo, event(), [], svc)).rejects.toThrow();
  });
});

describe('registerIpc', () => {
  it('handles every channel of the contract, each through the checks', async () => {
    const handlers = new Map<string, (ev: unknown, ...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: (channel: string, fn: (ev: unknown, ...args: unknown[]) => unknown) =>
        handlers.set(channel, fn),
    };
    registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle'>, services().svc, trusted);
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    await expect(handlers.get(IPC_CHANNELS.appInfo)?.(event())).resolves.toMatchObject({
      electron: '45.5.0',
    });
    await expect(handlers.get(IPC_CHANNELS.appInfo)?.(event({ id: 1 }))).rejects.toThrow('sender');
  });
});
