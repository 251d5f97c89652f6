// One process at a time prepares a data folder: creates the CA, the signing keys and the client
// secrets, and claims the folder for an engine. Without it, two commands started together on a fresh
// folder (`concurrently "btp-emulator start" "btp-emulator exec -- npm start"`) each generated their own
// secrets and keys, the file written last won, and the other process had handed out credentials that
// nothing accepted; two engines could also both pass the "already running" check.
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { EmulatorError } from '../../app/errors.js';

export const LOCK_NAME = '.lock';
/** A holder that died without releasing (SIGKILL) blocks others this long; live holders refresh it. */
const STALE_MS = 20_000;
/** Waiting gives up after about a minute: past a stale lock's age, with room for a slow start. */
const RETRIES = { retries: 320, factor: 1.5, minTimeout: 10, maxTimeout: 200 };

/** Runs `fn` holding the data folder's lock (the folder must exist: see ensureDataDir). */
export async function withDataDirLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const lockPath = path.join(dataDir, LOCK_NAME);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      retries: RETRIES,
      // The holder's refresh came late (a long synchronous load) or failed: it keeps going; the
      // worst case is a second process preparing the folder too, which is what happened before.
      onCompromised: () => undefined,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EmulatorError(
      'EMU_ERR_DATA_DIR',
      code === 'ELOCKED'
        ? `Data folder ${dataDir} is still being prepared by another btp-emulator process after a minute (lock ${lockPath}); if none is running, remove the lock.`
        : `Cannot lock data folder ${dataDir}: ${(error as Error).message}.`,
      { cause: error },
    );
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}
