import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../app/ipc.js';
import { BRIDGE_CHANNELS, createBridge } from './bridge.js';

describe('preload bridge', () => {
  it('uses exactly the channels of app/ipc.ts', () => {
    expect(BRIDGE_CHANNELS).toEqual(IPC_CHANNELS);
  });

  it('maps each method to its channel and arguments', async () => {
    const invoke = vi.fn((..._args: unknown[]) => Promise.resolve<unknown>('answer'));
    const bridge = createBridge(invoke);
    await expect(bridge.engineInfo()).resolves.toBe('answer');
    await bridge.appInfo();
    await expect(bridge.openExternal('https://a.b/')).resolves.toBeUndefined();
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.engineInfo],
      [IPC_CHANNELS.appInfo],
      [IPC_CHANNELS.openExternal, { url: 'https://a.b/' }],
    ]);
  });
});
