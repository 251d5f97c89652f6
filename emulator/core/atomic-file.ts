// Files replaced whole (keys, secrets, the workspace, data tables, sessions): written beside the target
// under a name no other writer uses, then renamed over it. A crash never leaves half a file, and two
// writers at once (two requests, two processes) never share a temporary file: one whole file wins.
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(file: string, data: string, mode?: number): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, data, { encoding: 'utf8', flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
