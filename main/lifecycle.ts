// How the app ends: closing the last window quits, and quitting waits for the engine to close its
// listeners first, so no port or half-written file outlives the window.
import type { App } from 'electron';

type QuitApp = Pick<App, 'on' | 'quit'>;

export function installQuitHandling(app: QuitApp, stopEngine: () => Promise<void>): void {
  let engineStopped = false;
  let stopping = false;
  // On macOS apps usually stay open without windows; this one quits anyway, because an invisible engine
  // holding ports is easy to forget and the next launch would then fail on them.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (engineStopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    void stopEngine()
      .catch(() => undefined)
      .finally(() => {
        engineStopped = true;
        app.quit();
      });
  });
}
