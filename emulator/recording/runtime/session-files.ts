// Session files in the data folder (<data>/recordings/<name>.har): reading them for replay with errors
// that name the session and the file, and one shared writer per session however many systems write it.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { VERSION } from '../../version.js';
import type { HarEntry } from '../har.js';
import { HarSessionWriter, readHarEntries } from '../har-writer.js';

export const RECORDINGS_DIR = 'recordings';

export function recordingsDir(dataDir: string): string {
  return path.join(dataDir, RECORDINGS_DIR);
}

export function sessionFile(dataDir: string, name: string): string {
  return path.join(recordingsDir(dataDir), `${name}.har`);
}

export interface LoadedSession {
  name: string;
  entries: HarEntry[];
  repaired: boolean;
}

export async function loadSession(dataDir: string, name: string): Promise<LoadedSession> {
  const file = sessionFile(dataDir, name);
  try {
    const { entries, repaired } = await readHarEntries(file);
    return { name, entries, repaired };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`Session "${name}" does not exist (${file})`, { cause: error });
    throw new Error(`Session "${name}" cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

interface Slot {
  writer: Promise<HarSessionWriter>;
  refs: number;
  system: string;
}

/** Writers by session name, reference-counted: a mode change that keeps the session keeps the file open. */
export class WriterPool {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly dataDir: string) {}

  acquire(name: string, system: string, meta: Record<string, unknown>): Promise<HarSessionWriter> {
    const slot = this.slots.get(name);
    if (slot) {
      slot.refs += 1;
      return slot.writer;
    }
    const writer = (async () => {
      await mkdir(recordingsDir(this.dataDir), { recursive: true, mode: 0o700 });
      return HarSessionWriter.open(sessionFile(this.dataDir, name), {
        creatorVersion: VERSION,
        session: meta,
      });
    })();
    const created: Slot = { writer, refs: 1, system };
    this.slots.set(name, created);
    writer.catch(() => {
      if (this.slots.get(name) === created) this.slots.delete(name);
    });
    return writer;
  }

  async release(name: string): Promise<void> {
    const slot = this.slots.get(name);
    if (!slot) return;
    slot.refs -= 1;
    if (slot.refs > 0) return;
    this.slots.delete(name);
    const writer = await slot.writer.catch(() => undefined);
    await writer?.close();
  }

  /** Session → the system that opened it. */
  writing(): Map<string, string> {
    return new Map([...this.slots].map(([name, slot]) => [name, slot.system]));
  }

  async closeAll(): Promise<void> {
    const slots = [...this.slots.values()];
    this.slots.clear();
    for (const slot of slots) await (await slot.writer.catch(() => undefined))?.close();
  }
}
