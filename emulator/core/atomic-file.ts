// Files replaced whole (keys, secrets, the workspace, data tables, sessions): written beside the target
// under a name no other writer uses, then renamed over it. A crash never leaves half a file, and two
// writers at once (two requests, two processes) never share a temporary file: one whole file wins.
// A kill between the write and the rename leaves the temporary file: removeAtomicTemps takes those
// away at the next start, recognising them by this file's naming scheme and nothing else.
import { randomUUID } from 'node:crypto';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `.<target name>.<uuid>.tmp`, the temporary name of writeFileAtomic. */
const TEMP_NAME = new RegExp(`^\\.(.+)\\.${UUID}\\.tmp$`);

const tempName = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);

/** The permission bits of an existing file, so a rewrite keeps them (a 0600 workspace stays 0600). */
async function currentMode(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `file` through a temporary file and a rename. The temporary file is created with
 * its final mode (`mode`, else the mode of the file it replaces): a secret is never readable by others,
 * not even while it is written or after a kill left it behind.
 */
export async function writeFileAtomic(file: string, data: string, mode?: number): Promise<void> {
  const temp = tempName(file);
  const finalMode = mode ?? (await currentMode(file));
  try {
    await writeFile(temp, data, {
      encoding: 'utf8',
      flag: 'wx',
      ...(finalMode === undefined ? {} : { mode: finalMode }),
    });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** True for a temporary file of writeFileAtomic; with `target`, only for one of that file name. */
export function isAtomicTemp(name: string, target?: string): boolean {
  const match = TEMP_NAME.exec(name);
  return match !== null && (target === undefined || match[1] === target);
}

export interface TempSweep {
  /** Descend this many folder levels below `dir` (0: `dir` only). Symbolic links are never followed. */
  depth?: number;
  /** Only temporary files of this file name (e.g. the workspace file's, in a folder the user owns). */
  target?: string;
  /** Other names the caller's own writers leave behind (e.g. the data folder's write probes). */
  also?: (name: string) => boolean;
}

/**
 * Removes what interrupted atomic writes left in `dir` (and below, to `depth`); returns the paths
 * removed. A folder that does not exist or cannot be read is skipped: there is nothing of ours in it.
 */
export async function removeAtomicTemps(dir: string, sweep: TempSweep = {}): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && (sweep.depth ?? 0) > 0) {
      removed.push(...(await removeAtomicTemps(full, { ...sweep, depth: (sweep.depth ?? 0) - 1 })));
    } else if (
      entry.isFile() &&
      (isAtomicTemp(entry.name, sweep.target) || sweep.also?.(entry.name) === true)
    ) {
      await rm(full, { force: true });
      removed.push(full);
    }
  }
  return removed;
}
