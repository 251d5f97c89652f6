// Where the admin API lives and how to authenticate. In Electron the preload exposes the engine's
// URL and per-launch token; in a plain browser the page was served by the engine itself and the
// HttpOnly session cookie (set by the one-time `ui` link) authenticates every same-origin request.
import { engineInfoSchema, type DesktopBridge } from '../../app/ipc.js';

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    btpEmulator?: DesktopBridge;
  }
}

export interface AdminConnection {
  /** Origin of the admin listener, e.g. http://127.0.0.1:20000. */
  baseUrl: string;
  /** Bearer token from the desktop bridge; absent in a browser, where the session cookie is used. */
  token?: string;
}

export async function resolveAdminConnection(win: Window = window): Promise<AdminConnection> {
  const bridge = win.btpEmulator;
  if (!bridge) return { baseUrl: win.location.origin };
  const info = engineInfoSchema.parse(await bridge.engineInfo());
  return { baseUrl: new URL(info.adminUrl).origin, token: info.adminToken };
}
