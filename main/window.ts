// The app window and every decision its web contents can ask of main. Trusts only pages from the engine's
// admin origin (http://127.0.0.1:<port>); other navigations, popups, webviews and permission requests are
// denied, and only https: links leave the app, to the OS browser.
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { UI_CONTENT_SECURITY_POLICY } from '../app/security.js';

/**
 * Applied from main to responses that arrive without a policy: the same policy the engine's admin
 * listener sends, so the window is locked down even if a response forgets it.
 */
export const CONTENT_SECURITY_POLICY = UI_CONTENT_SECURITY_POLICY;

export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    // Opaque origins (file:, data:, javascript:) serialise as "null" and must never match anything.
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function isSameOrigin(url: string, origin: string | undefined): boolean {
  return origin !== undefined && originOf(url) === origin;
}

/** Only https: leaves the app: http would leak to the network in clear, other schemes run local handlers. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'BTP Emulator',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

export interface ContentsPolicy {
  /** The admin origin; a getter because contents can be created before the engine is ready. */
  adminOrigin(): string | undefined;
  openExternal(url: string): Promise<void>;
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Called for every web contents the app creates (app 'web-contents-created'), not only our window. */
export function hardenWebContents(contents: HardenableContents, policy: ContentsPolicy): void {
  const guardNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (!isSameOrigin(event.url, policy.adminOrigin())) event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void policy.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/** The UI needs no camera, notifications, clipboard-read or anything else that asks permission. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived(({ responseHeaders }, callback) => {
    callback({ responseHeaders: withCsp(responseHeaders) });
  });
}

export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result = { ...headers };
  const hasPolicy = Object.keys(result).some((name) => name.toLowerCase() === 'content-security-policy');
  if (!hasPolicy) result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
  adminUrl: string;
}

export async function createMainWindow(deps: WindowDeps): Promise<BrowserWindow> {
  const window = new deps.BrowserWindow(windowOptions(deps.preloadPath));
  // Shown once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  await window.loadURL(deps.adminUrl);
  return window;
}
