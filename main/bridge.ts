// The object the preload exposes as `window.btpEmulator`. Only intents, each one ipcRenderer.invoke on a
// channel of app/ipc.ts; main validates sender and arguments, so nothing here needs to be trusted.
import type { DesktopBridge, IpcChannel } from '../app/ipc.js';

/** Channel names repeated as literals so the sandboxed preload bundle stays free of zod; a test keeps them equal. */
export const BRIDGE_CHANNELS = {
  engineInfo: 'engine:info',
  appInfo: 'app:info',
  openExternal: 'shell:open-external',
} as const satisfies Record<keyof DesktopBridge, IpcChannel>;

type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;

export function createBridge(invoke: Invoke): DesktopBridge {
  return {
    engineInfo: () => invoke(BRIDGE_CHANNELS.engineInfo) as ReturnType<DesktopBridge['engineInfo']>,
    appInfo: () => invoke(BRIDGE_CHANNELS.appInfo) as ReturnType<DesktopBridge['appInfo']>,
    openExternal: async (url: string) => {
      await invoke(BRIDGE_CHANNELS.openExternal, { url });
    },
  };
}
