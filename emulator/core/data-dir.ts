// The data folder holds generated state (keys, CA, recordings, runtime info). It may contain secrets,
// so it is created 0700 and secret files are written 0600.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmulatorError } from '../../app/errors.js';

export const RUNTIME_FILE = 'runtime.json';

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
    const probe = path.join(dir, `.write-test-${randomUUID()}`);
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
  if (typeof info.pid === 'number' && isAlive(info.pid)) {
    throw new EmulatorError(
      'EMU_ERR_DATA_DIR',
      `Another btp-emulator (pid ${info.pid}, admin ${info.urls?.admin ?? 'unknown'}) is running with data folder ${dir}; stop it or pass another --data-dir.`,
    );
  }
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
