import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installQuitHandling } from './lifecycle.js';
import { FakeEmitter, fakeEvent } from './testing/fakes.js';

function setup(stopEngine: () => Promise<void>) {
  const app = Object.assign(new FakeEmitter(), { quit: vi.fn() });
  installQuitHandling(app as unknown as Pick<App, 'on' | 'quit'>, stopEngine);
  const beforeQuit = () => {
    const event = fakeEvent();
    app.emit('before-quit', event);
    return event.defaultPrevented;
  };
  return { app, beforeQuit };
}

describe('quitting', () => {
  it('waits for the engine to stop, then quits for real', async () => {
    let finish: () => void = () => undefined;
    const stopEngine = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { app, beforeQuit } = setup(stopEngine);
    expect(beforeQuit()).toBe(true);
    expect(beforeQuit()).toBe(true); // a second Quit while stopping neither quits nor stops twice
    expect(stopEngine).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(beforeQuit()).toBe(false);
  });

  it('still quits when stopping the engine fails', async () => {
    const { app, beforeQuit } = setup(() => Promise.reject(new Error('stuck')));
    beforeQuit();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });

  it('quits when the last window closes, on every platform', () => {
    const { app } = setup(() => Promise.resolve());
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});
