import type * as fs from 'node:fs/promises';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/support.js';
import { ensureDataDir } from './data-dir.js';

// The real fs, with hooks a test can set to force an interleaving of two calls.
const hooks: { beforeWrite?: () => Promise<void>; serialRm?: boolean } = {};
let rmChain: Promise<unknown> = Promise.resolve();
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeFile: async (...args: Parameters<typeof real.writeFile>) => {
      await hooks.beforeWrite?.();
      return real.writeFile(...args);
    },
    rm: (...args: Parameters<typeof real.rm>) => {
      if (!hooks.serialRm) return real.rm(...args);
      const removal = rmChain.then(() => real.rm(...args));
      rmChain = removal.catch(() => undefined);
      return removal;
    },
  };
});

afterEach(() => {
  delete hooks.beforeWrite;
  delete hooks.serialRm;
});

describe('ensureDataDir', () => {
  it('creates the folder 0700 and leaves no probe behind', async () => {
    const dir = path.join(await tempDir(), 'data');
    await ensureDataDir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets two commands check one folder at the same time', async () => {
    // CLI commands run side by side on one data folder (an import while a list runs). Force the
    // interleaving that broke them: both probes written, then one removed before the other's removal.
    const dir = await tempDir();
    let written = 0;
    let release!: () => void;
    const bothWritten = new Promise<void>((resolve) => (release = resolve));
    hooks.beforeWrite = () => (++written === 2 && release(), bothWritten);
    hooks.serialRm = true;
    const checks = await Promise.allSettled([ensureDataDir(dir), ensureDataDir(dir)]);
    expect(checks.filter((c) => c.status === 'rejected')).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('says which folder it cannot use', async () => {
    const file = path.join(await tempDir(), 'not-a-folder');
    await writeFile(file, 'x');
    await expect(ensureDataDir(file)).rejects.toMatchObject({
      code: 'EMU_ERR_DATA_DIR',
      message: expect.stringContaining(`Cannot use data folder ${file}`) as unknown,
    });
  });
});
