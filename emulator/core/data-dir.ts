// The data folder holds generated state (keys, CA, recordings, runtime info). It may contain secrets,
// so it is created 0700 and secret files are written 0600.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmulatorError } from '../../app/errors.js';
import { removeAtomicTemps } from './atomic-file.js';

export const RUNTIME_FILE = 'runtime.json';
const PROBE_PREFIX = '.write-test-';
const PROBE_NAME = /^\.write-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Folders of the data folder's tree searched for leftovers (recordings/, systems/<id>/<service>/<client>/). */
const DATA_DIR_DEPTH = 5;

/** `.btp-emulator/<file name>/` beside a workspace file; the per-user data folder for the demo. */
export function defaultDataDir(
  workspacePath: string | null,
  env = process.env,
  platform = process.platform,
): string {
  if (workspacePath !== null) {
    const base = path.basename(workspacePath).replace(/\.(json|ya?ml)$/i, '');
    return path.join(path.dirname(workspacePath), '.btp-emulator', base);
  }
  return path.join(userDataRoot(env, platform), 'demo');
}

function userDataRoot(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'btp-emulator');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'btp-emulator');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'btp-emulator');
}

export async function ensureDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Prove it is writable now rather than failing later in the middle of a request. The probe's name
    // is this call's own: two commands on one folder would otherwise remove each other's probe.
    const probe = path.join(dir, `${PROBE_PREFIX}${randomUUID()}`);
    await writeFile(probe, '', { mode: 0o600 });
    await rm(probe);
  } catch (error) {
    throw new EmulatorError(
      'EMU_ERR_DATA_DIR',
      `Cannot use data folder ${dir}: ${(error as Error).message}.`,
      {
        cause: error,
      },
    );
  }
}

export interface RuntimeInfo {
  pid: number;
  startedAt: string;
  urls: Record<string, string>;
  adminToken: string;
  workspace: string | null;
}

/** Refuses to share a data folder with another live engine: both would write the same state. */
export async function claimRuntime(dir: string, isAlive = pidAlive): Promise<void> {
  const file = path.join(dir, RUNTIME_FILE);
  let info: Partial<RuntimeInfo>;
  try {
    info = JSON.parse(await readFile(file, 'utf8')) as Partial<RuntimeInfo>;
  } catch {
    return; // none, or unreadable leftovers: ours to overwrite
  }
  if (typeof info.pid === 'number' && isAlive(info.pid) && !leftByEarlierProcess(info)) {
    throw new EmulatorError(
      'EMU_ERR_DATA_DIR',
      `Another btp-emulator (pid ${info.pid}, admin ${info.urls?.admin ?? 'unknown'}) is running with data folder ${dir}; stop it or pass another --data-dir.`,
    );
  }
}

/**
 * Our own pid in the file, written before this process started: a container's engine is PID 1 in every
 * life, so after a kill and restart the leftover names a live pid (ours). An engine started earlier in
 * this same process (in-process use) wrote a later time, and still counts as running.
 */
function leftByEarlierProcess(info: Partial<RuntimeInfo>): boolean {
  const processStartMs = Date.now() - process.uptime() * 1000;
  const startedMs = Date.parse(info.startedAt ?? '');
  return info.pid === process.pid && startedMs < processStartMs;
}

export async function writeRuntime(dir: string, info: RuntimeInfo): Promise<void> {
  await writeFile(path.join(dir, RUNTIME_FILE), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export async function removeRuntime(dir: string): Promise<void> {
  await rm(path.join(dir, RUNTIME_FILE), { force: true });
}

/** Whether a process with this pid exists (one we may not signal counts: it exists). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What a kill (kill -9, power loss) during a save left behind: temporary files of atomic writes in the
 * data folder; beside the workspace file, its own temporary files (that folder is the user's: nothing
 * else there is touched) and those in the folders the engine writes there (services/ for imported
 * EDMX, data/ for data files). Returns the paths removed. Run before anything writes again.
 */
export async function removeInterruptedWrites(
  dataDir: string,
  workspacePath: string | null,
): Promise<string[]> {
  const removed = await removeAtomicTemps(dataDir, {
    depth: DATA_DIR_DEPTH,
    also: (name) => PROBE_NAME.test(name),
  });
  if (workspacePath === null) return removed;
  const base = path.dirname(workspacePath);
  removed.push(...(await removeAtomicTemps(base, { target: path.basename(workspacePath) })));
  removed.push(...(await removeAtomicTemps(path.join(base, 'services'))));
  removed.push(...(await removeAtomicTemps(path.join(base, 'data'), { depth: 2 })));
  return removed;
}
