import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance.js';
import { FakeEmitter } from './testing/fakes.js';

class FakeApp extends FakeEmitter {
  constructor(readonly gotLock: boolean) {
    super();
  }
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  quit = vi.fn();
}

function fakeWindow(minimized: boolean) {
  return { isMinimized: () => minimized, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

const asApp = (app: FakeApp) => app as unknown as Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;

describe('single instance', () => {
  it('a second instance quits at once and starts nothing', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(asApp(app), () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listeners.has('second-instance')).toBe(false);
  });

  it('the first instance restores and focuses its window when another launch is attempted', () => {
    const app = new FakeApp(true);
    const window = fakeWindow(true);
    expect(claimSingleInstance(asApp(app), () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('does not restore a window that is not minimized, and copes with no window yet', () => {
    const app = new FakeApp(true);
    const windows: ReturnType<typeof fakeWindow>[] = [];
    claimSingleInstance(asApp(app), () => windows[0]);
    app.emit('second-instance');
    const window = fakeWindow(false);
    windows.push(window);
    app.emit('second-instance');
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});
