// A second launch of main.ts (single-instance lock taken) quits at once and starts nothing.
import { describe, expect, it, vi } from 'vitest';
import { control } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

describe('main.ts as the second instance', () => {
  it('quits without forking an engine, registering IPC or opening a window', async () => {
    control.lock = false;
    await import('./main.js');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(control.quitCalls).toBe(1);
    expect(control.forked).toEqual([]);
    expect(control.handlers.size).toBe(0);
    expect(control.windows).toEqual([]);
  });
});
