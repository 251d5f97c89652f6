// The preload imports 'electron', so this one test replaces that module (the real one would try to
// download a binary); it proves the page gets the bridge and nothing else.
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn((..._args: unknown[]) => Promise.resolve<unknown>(undefined)) },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  it('exposes only the btpEmulator bridge, which goes through ipcRenderer.invoke', async () => {
    await import('./preload.js');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('btpEmulator');
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'engineInfo', 'openExternal']);
    await (api.engineInfo as () => Promise<unknown>)();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('engine:info');
  });
});
