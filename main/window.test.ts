import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { FakeEmitter, FakeWebContents, fakeEvent } from './testing/fakes.js';
import {
  CONTENT_SECURITY_POLICY,
  createMainWindow,
  hardenSession,
  hardenWebContents,
  isExternalLinkAllowed,
  windowOptions,
  withCsp,
} from './window.js';

const ADMIN_ORIGIN = 'http://127.0.0.1:41000';

/** `null` stands for "the engine has no admin origin yet". */
function hardened(adminOrigin: string | null = ADMIN_ORIGIN) {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(() => Promise.resolve());
  hardenWebContents(contents as unknown as WebContents, {
    adminOrigin: () => adminOrigin ?? undefined,
    openExternal,
  });
  const fire = (name: string, url: string) => {
    const event = fakeEvent(url);
    contents.emit(name, event);
    return event.defaultPrevented ? 'denied' : 'allowed';
  };
  const open = (url: string) => contents.windowOpenHandler?.({ url });
  return { contents, openExternal, fire, open };
}

describe('window options', () => {
  it('isolate the page: context isolation, sandbox, no Node, web security, no webview, our preload', () => {
    const prefs = windowOptions('/app/dist/main/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/main/preload.cjs',
    });
  });
});

describe('navigation', () => {
  it.each([
    [`${ADMIN_ORIGIN}/`, 'allowed'],
    [`${ADMIN_ORIGIN}/destinations?x=1#y`, 'allowed'],
    ['http://127.0.0.1:41001/', 'denied'],
    ['http://localhost:41000/', 'denied'],
    ['https://example.com/', 'denied'],
    ['file:///etc/passwd', 'denied'],
    ['javascript:alert(1)', 'denied'],
    ['data:text/html,<script>1</script>', 'denied'],
    ['not a url', 'denied'],
  ])('to %s is %s', (url, decision) => {
    const { fire } = hardened();
    expect(fire('will-navigate', url)).toBe(decision);
    expect(fire('will-redirect', url)).toBe(decision);
  });

  it('is denied everywhere before the engine has an admin origin', () => {
    expect(hardened(null).fire('will-navigate', `${ADMIN_ORIGIN}/`)).toBe('denied');
  });

  it('never attaches a webview', () => {
    expect(hardened().fire('will-attach-webview', '')).toBe('denied');
  });
});

describe('new windows', () => {
  it('are denied, and an https: link opens in the OS browser instead', () => {
    const { open, openExternal } = hardened();
    expect(open('https://help.sap.com/docs')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://help.sap.com/docs');
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    `${ADMIN_ORIGIN}/`,
    'smb://host/x',
  ])('for %s open nothing at all', (url) => {
    const { open, openExternal } = hardened();
    expect(open(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('only https: counts as an external link', () => {
    expect(isExternalLinkAllowed('https://a.b/')).toBe(true);
    expect(isExternalLinkAllowed('HTTPS://a.b/')).toBe(true);
    expect(isExternalLinkAllowed('http://a.b/')).toBe(false);
    expect(isExternalLinkAllowed('mailto:x@y.z')).toBe(false);
  });
});

class FakeSession {
  requestHandler:
    ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  checkHandler: ((...args: unknown[]) => boolean) | undefined;
  headersListener:
    ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    },
  };
}

describe('session', () => {
  function hardenedSession(): FakeSession {
    const session = new FakeSession();
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0]);
    return session;
  }

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'denies the %s permission on request and on check',
    (permission) => {
      const session = hardenedSession();
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.checkHandler?.({}, permission, ADMIN_ORIGIN, {})).toBe(false);
    },
  );

  it('adds the CSP to a response without one and keeps a policy the engine sent', () => {
    const session = hardenedSession();
    const answer = (responseHeaders: Record<string, string[]>) => {
      const callback = vi.fn();
      session.headersListener?.({ responseHeaders }, callback);
      return callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> };
    };
    expect(answer({ 'Content-Type': ['text/html'] }).responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    const engineSent = { 'content-security-policy': ["default-src 'none'"] };
    expect(answer(engineSent).responseHeaders).toEqual(engineSent);
  });

  it('the CSP allows scripts only from the app itself and no framing or plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('createMainWindow', () => {
  it('builds the hardened window, loads the admin URL and shows it once painted', async () => {
    const created: FakeWindow[] = [];
    class FakeWindow extends FakeEmitter {
      readonly loadURL = vi.fn(() => Promise.resolve());
      readonly show = vi.fn();
      constructor(readonly options: BrowserWindowConstructorOptions) {
        super();
        created.push(this);
      }
    }
    const Ctor = FakeWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow;
    await createMainWindow({ BrowserWindow: Ctor, preloadPath: '/p.cjs', adminUrl: `${ADMIN_ORIGIN}/` });
    const window = created[0];
    expect(window?.options).toEqual(windowOptions('/p.cjs'));
    expect(window?.loadURL).toHaveBeenCalledWith(`${ADMIN_ORIGIN}/`);
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalled();
  });
});
