// Main's side of the IPC contract in app/ipc.ts. Trusts nothing the renderer sends: a call must come from
// the top frame of our own window while it shows the engine's admin origin, and its arguments must match
// the channel's schema; anything else is rejected before a handler runs.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  appInfoSchema,
  engineInfoSchema,
  IPC_CHANNELS,
  ipcRequestSchemas,
  type AppInfo,
  type EngineInfo,
  type IpcChannel,
} from '../app/ipc.js';
import { isExternalLinkAllowed, isSameOrigin } from './window.js';

/** Who may call: our window's web contents id and the admin origin it must be showing. */
export interface TrustedSender {
  webContentsId(): number | undefined;
  adminOrigin(): string | undefined;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: SenderEvent, trusted: TrustedSender): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // navigated away or destroyed while the call was in flight
  const ownWindow = trusted.webContentsId() !== undefined && event.sender.id === trusted.webContentsId();
  // A subframe cannot exist under our CSP, but if one ever did it must not borrow the window's powers.
  const topFrame = frame.parent === null;
  return ownWindow && topFrame && isSameOrigin(frame.url, trusted.adminOrigin());
}

export interface IpcServices {
  engineInfo(): EngineInfo;
  appInfo(): AppInfo;
  openExternal(url: string): Promise<void>;
}

type Args<C extends IpcChannel> = z.infer<(typeof ipcRequestSchemas)[C]>;
type Handlers = { [C in IpcChannel]: (args: Args<C>) => unknown };

export function createHandlers(services: IpcServices): Handlers {
  return {
    [IPC_CHANNELS.engineInfo]: () => engineInfoSchema.parse(services.engineInfo()),
    [IPC_CHANNELS.appInfo]: () => appInfoSchema.parse(services.appInfo()),
    [IPC_CHANNELS.openExternal]: async ([{ url }]) => {
      // The schema already demands https:; checked again here because this is the call that leaves the app.
      if (!isExternalLinkAllowed(url)) throw new Error('only https: links are opened');
      await services.openExternal(url);
    },
  };
}

/** Runs the checks and the handler for one call; exported so tests can call it without Electron. */
export async function dispatch<C extends IpcChannel>(
  channel: C,
  event: SenderEvent,
  args: unknown[],
  handlers: Handlers,
  trusted: TrustedSender,
): Promise<unknown> {
  if (!isTrustedSender(event, trusted)) throw new Error(`${channel}: sender is not the BTP Emulator window`);
  const parsed = ipcRequestSchemas[channel].safeParse(args);
  if (!parsed.success) throw new Error(`${channel}: invalid arguments`);
  return await handlers[channel](parsed.data as Args<C>);
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  services: IpcServices,
  trusted: TrustedSender,
): void {
  const handlers = createHandlers(services);
  for (const channel of Object.values(IPC_CHANNELS)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, event, args, handlers, trusted));
  }
}
