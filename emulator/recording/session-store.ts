// The sessions of a data folder (<data>/recordings/<name>.har): list, timeline, one entry, delete,
// import and export. Used by the admin routes and, without a running engine, by the CLI. Names reach
// here validated (app/recording/workspace.ts sessionName), so they never leave the recordings folder.
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../core/atomic-file.js';
import path from 'node:path';
import { EmulatorError } from '../../app/errors.js';
import type { SessionSummary } from '../../app/recording/api.js';
import { sessionName } from '../../app/recording/workspace.js';
import { VERSION } from '../version.js';
import type { HarEntry, HarLog } from './har.js';
import { importHarDocument } from './har-import.js';
import { readHar, SESSION_TRAILER, sessionText } from './har-writer.js';
import type { Redactor } from './redact.js';
import {
  buildIndex,
  extendIndex,
  readIndexedEntry,
  type IndexedEntry,
  type SessionIndex,
} from './session-index.js';

export type StoredSessionSummary = Omit<SessionSummary, 'recording' | 'replayedBy'>;

export interface ImportOutcome {
  name: string;
  file: string;
  imported: number;
  skipped: { index: number; reason: string }[];
}

const CACHED_INDEXES = 32;

export class SessionStore {
  readonly dir: string;
  private readonly indexes = new Map<string, SessionIndex>();
  private readonly building = new Map<string, Promise<SessionIndex>>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'recordings');
  }

  file(name: string): string {
    if (!sessionName.safeParse(name).success) throw new Error(`invalid session name ${JSON.stringify(name)}`);
    return path.join(this.dir, `${name}.har`);
  }

  /** Session names in the folder, sorted. */
  async names(): Promise<string[]> {
    let files: string[];
    try {
      files = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return files
      .filter((f) => f.endsWith('.har') && sessionName.safeParse(f.slice(0, -4)).success)
      .map((f) => f.slice(0, -4))
      .sort((a, b) => a.localeCompare(b));
  }

  /**
   * Every session cut short mid-entry by a kill, rewritten with its complete entries (engine start).
   * A session that cannot be read or repaired is named with the reason and left as it is.
   */
  async repairCut(): Promise<{ name: string; kept?: number; error?: string }[]> {
    const out: { name: string; kept?: number; error?: string }[] = [];
    // HarSessionWriter.open rewrites a session through `<name>.har.tmp`: a kill may have left one.
    for (const file of await readdir(this.dir).catch(() => [] as string[]))
      if (file.endsWith('.har.tmp') && sessionName.safeParse(file.slice(0, -8)).success)
        await rm(path.join(this.dir, file), { force: true });
    for (const name of await this.names()) {
      try {
        const kept = await repairCutSession(this.file(name));
        if (kept !== undefined) out.push({ name, kept });
      } catch (error) {
        out.push({ name, error: (error as Error).message });
      }
    }
    return out;
  }

  async exists(name: string): Promise<boolean> {
    return stat(this.file(name)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async list(): Promise<StoredSessionSummary[]> {
    const summaries: StoredSessionSummary[] = [];
    for (const name of await this.names()) summaries.push(await this.summary(name));
    return summaries;
  }

  /** One session's summary; a file that cannot be read gives `error` (with the path) instead of a throw. */
  async summary(name: string): Promise<StoredSessionSummary> {
    const file = this.file(name);
    try {
      const index = await this.index(name);
      const created = [
        index.session.created,
        index.session.startedAt,
        index.entries[0]?.startedDateTime,
      ].find((v): v is string => typeof v === 'string' && v !== '');
      return {
        name,
        entries: index.entries.length,
        bytes: index.size,
        created: created ?? null,
        modified: new Date(index.mtimeMs).toISOString(),
        systems: [...index.systems].sort(),
      };
    } catch (error) {
      const info = await stat(file).catch(() => undefined);
      const reason = error instanceof EmulatorError ? error.message : (error as Error).message;
      return {
        name,
        entries: 0,
        bytes: info?.size ?? 0,
        created: null,
        modified: new Date(info?.mtimeMs ?? 0).toISOString(),
        systems: [],
        error: reason.includes(file) ? reason : `${file}: ${reason}`,
      };
    }
  }

  /** The entries' summaries, in recorded order. */
  async timeline(name: string): Promise<readonly IndexedEntry[]> {
    return (await this.index(name)).entries;
  }

  async entry(name: string, at: number): Promise<HarEntry> {
    const index = await this.index(name);
    if (at >= index.entries.length)
      throw new EmulatorError(
        'EMU_ERR_SESSION_NOT_FOUND',
        `Session "${name}" has ${index.entries.length} entr${index.entries.length === 1 ? 'y' : 'ies'}; there is no entry ${at}.`,
      );
    return readIndexedEntry(this.file(name), index, at);
  }

  async remove(name: string): Promise<void> {
    await this.requireExisting(name);
    await rm(this.file(name), { force: true });
    this.forget(name);
  }

  /** Imports a parsed HAR as a new session; never overwrites one. */
  async importDocument(
    name: string,
    har: unknown,
    options: { source: string; system?: string; redactor: Redactor; origin?: string },
  ): Promise<ImportOutcome> {
    const file = this.file(name);
    if (await this.exists(name)) throw exists(name, file);
    let result: ReturnType<typeof importHarDocument>;
    try {
      result = importHarDocument(har, options.source, options.redactor);
    } catch (error) {
      throw new EmulatorError('EMU_ERR_HAR_INVALID', (error as Error).message, { cause: error });
    }
    const skipped = result.skipped.map((s) => ({
      index: s.index,
      reason: `${s.reason} (${options.redactor.url(s.url)})`,
    }));
    if (result.entries.length === 0) {
      const why = skipped.length ? `: ${skipped.map((s) => `entry ${s.index}: ${s.reason}`).join('; ')}` : '';
      throw new EmulatorError('EMU_ERR_HAR_INVALID', `${options.source} has no entries to replay${why}.`);
    }
    const entries = options.system
      ? result.entries.map((e) => ({ ...e, _system: options.system }))
      : result.entries;
    const session: Record<string, unknown> = {
      created: new Date().toISOString(),
      importedFrom: result.creator,
      ...(options.origin ? { origin: options.origin } : {}),
      ...(options.system ? { system: options.system } : {}),
    };
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    try {
      await writeSession(file, session, entries);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists(name, file);
      throw error;
    }
    this.forget(name);
    return { name, file, imported: entries.length, skipped };
  }

  /** Imports a .har file (browser developer tools, Playwright, another emulator). */
  async importFile(
    name: string,
    harFile: string,
    options: { system?: string; redactor: Redactor },
  ): Promise<ImportOutcome> {
    let text: string;
    try {
      text = await readFile(harFile, 'utf8');
    } catch (error) {
      throw new EmulatorError('EMU_ERR_HAR_INVALID', `Cannot read ${harFile}: ${(error as Error).message}.`, {
        cause: error,
      });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new EmulatorError(
        'EMU_ERR_HAR_INVALID',
        `${harFile} is not a HAR file: ${(error as Error).message}.`,
        { cause: error },
      );
    }
    return this.importDocument(name, raw, { ...options, source: harFile, origin: path.basename(harFile) });
  }

  /**
   * The session as a HAR 1.2 document to hand out: redacted with the rules given whatever the file
   * holds (keepSecrets may have stored clear values), without replay keys, which can carry request
   * values; replay recomputes them.
   */
  async exportText(name: string, redactor: Redactor): Promise<string> {
    const log = await this.log(name);
    const entries = log.entries.map((e) => exportEntry(e, redactor));
    const session = log._session && typeof log._session === 'object' ? withoutUserInfo(log._session) : {};
    return harText({ ...session, exported: new Date().toISOString() }, entries);
  }

  /** Every entry in full, as stored. */
  async entries(name: string): Promise<HarEntry[]> {
    return (await this.log(name)).entries;
  }

  private async log(name: string): Promise<HarLog> {
    const file = await this.requireExisting(name);
    try {
      const { log } = await readHar(file);
      if (!log || !Array.isArray(log.entries))
        throw new Error(`${file} is not a HAR file: it has no log.entries array`);
      return log;
    } catch (error) {
      throw new EmulatorError('EMU_ERR_HAR_INVALID', (error as Error).message, { cause: error });
    }
  }

  /** Forget a cached index (the file was replaced or removed). */
  forget(name: string): void {
    this.indexes.delete(name);
  }

  private async requireExisting(name: string): Promise<string> {
    const file = this.file(name);
    if (await this.exists(name)) return file;
    const known = await this.names();
    const list = known.length
      ? ` (sessions: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''})`
      : ' (there are no sessions yet)';
    throw new EmulatorError('EMU_ERR_SESSION_NOT_FOUND', `No session "${name}" in ${this.dir}${list}.`);
  }

  /** The cached index when the file did not change, extended when it only grew, rebuilt otherwise. */
  private async index(name: string): Promise<SessionIndex> {
    const running = this.building.get(name);
    if (running) return running;
    const build = this.refresh(name).finally(() => this.building.delete(name));
    this.building.set(name, build);
    return build;
  }

  private async refresh(name: string): Promise<SessionIndex> {
    const file = await this.requireExisting(name);
    const info = await stat(file);
    const cached = this.indexes.get(name);
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) {
      this.touch(name, cached);
      return cached;
    }
    const next =
      (cached && (await extendIndex(file, cached, info.size, info.mtimeMs))) ??
      (await buildIndex(file, info.mtimeMs));
    this.touch(name, next);
    return next;
  }

  private touch(name: string, index: SessionIndex): void {
    this.indexes.delete(name);
    this.indexes.set(name, index);
    for (const oldest of this.indexes.keys()) {
      if (this.indexes.size <= CACHED_INDEXES) break;
      this.indexes.delete(oldest);
    }
  }
}

const exists = (name: string, file: string): EmulatorError =>
  new EmulatorError(
    'EMU_ERR_SESSION_EXISTS',
    `A session "${name}" already exists (${file}); not overwriting it.`,
  );

function exportEntry(entry: HarEntry, redactor: Redactor): HarEntry {
  const { _replayKey: _dropped, ...redacted } = redactor.entry(entry);
  const response = redacted.response;
  return {
    ...redacted,
    response: {
      ...response,
      redirectURL: response.redirectURL ? redactor.url(response.redirectURL) : response.redirectURL,
      headers: response.headers.map((h) =>
        h.name.toLowerCase() === 'location' ? { name: h.name, value: redactor.url(h.value) } : h,
      ),
    },
  };
}

/** Session fields may name an upstream proxy: never hand out `user:password@`. */
function withoutUserInfo(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      k,
      typeof v === 'string' ? v.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1') : v,
    ]),
  );
}

/** HarSessionWriter's layout (one entry per line, then the trailer), so the index can read it by lines. */
function harText(session: Record<string, unknown>, entries: readonly HarEntry[]): string {
  const head = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'btp-emulator', version: VERSION },
      pages: [],
      _session: session,
      entries: [],
    },
  }).slice(0, -3); // without `]}}`: the entries follow
  const body = entries.length === 0 ? '' : `\n${entries.map((e) => JSON.stringify(e)).join(',\n')}`;
  return `${head}${body}${SESSION_TRAILER}`;
}

/**
 * A session file cut short mid-entry (the emulator was killed while appending) rewritten as a valid
 * HAR with its complete entries, so any HAR tool can read it; resolves to the entries kept, or
 * undefined when the file was whole. A file that ends in the trailer is whole (each append writes the
 * trailer after its entry, and no entry line holds a newline): only its last bytes are read then.
 */
async function repairCutSession(file: string): Promise<number | undefined> {
  const handle = await open(file, 'r');
  let tail: string;
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(Math.min(size, SESSION_TRAILER.length));
    await handle.read(bytes, 0, bytes.length, size - bytes.length);
    tail = bytes.toString('utf8');
  } finally {
    await handle.close();
  }
  if (tail === SESSION_TRAILER) return undefined;
  const { log, repaired } = await readHar(file);
  if (!repaired) return undefined;
  await writeFileAtomic(file, sessionText(log), 0o600);
  return log.entries.length;
}

async function writeSession(
  file: string,
  session: Record<string, unknown>,
  entries: readonly HarEntry[],
): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(harText(session, entries), 'utf8');
    await handle.sync().catch(() => undefined);
    await handle.close();
  } catch (error) {
    // A half-written file (a full disk) would block the name: remove it.
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
}
