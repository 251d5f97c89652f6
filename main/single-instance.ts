// One app per user: a second launch would start a second engine fighting for the same ports and data
// folder. The second process quits at once and the first one comes to the front instead.
import type { App, BrowserWindow } from 'electron';

type FocusableWindow = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>;

/** False means another instance owns the lock: the caller must not start anything and should return. */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  currentWindow: () => FocusableWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(currentWindow()));
  return true;
}

export function focusWindow(window: FocusableWindow | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
