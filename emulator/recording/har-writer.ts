// A recording session as one HAR 1.2 file, written entry by entry so that the file on disk is a valid
// HAR after every append: a crash or a kill loses at most the exchange in flight. Each append is one
// positioned write that replaces the closing trailer with `,<entry>` plus the trailer again.
// No imports of the project beyond types: a test runs this file alone in a child process it kills.
import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HarEntry, HarLog } from './har.js';

/** The end of a session file: appends overwrite it. */
export const SESSION_TRAILER = '\n]}}\n';
const TRAILER_LINE = SESSION_TRAILER.trim();
/** What the head line of a session file ends in: the entries follow, one per line. */
export const ENTRIES_OPEN = '"entries":[';

export interface SessionMeta {
  creatorVersion: string;
  /** Emulator fields for the whole session (system, location, started by …), prefixed with `_`. */
  session: Record<string, unknown>;
}

export class HarSessionWriter {
  private queue: Promise<void> = Promise.resolve();
  private count = 0;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /** Creates the file (never overwrites one) with an empty entry list. Mode 0600: it may hold business data. */
  static async create(file: string, meta: SessionMeta): Promise<HarSessionWriter> {
    const head = JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'btp-emulator', version: meta.creatorVersion },
        pages: [],
        _session: meta.session,
        entries: [],
      },
    });
    // The JSON ends in `]}}`: everything before it is the head, the rest is the trailer we keep rewriting.
    const text = `${head.slice(0, -3)}${SESSION_TRAILER}`;
    const handle = await open(file, 'wx', 0o600);
    await handle.write(text, 0, 'utf8');
    return new HarSessionWriter(file, handle, Buffer.byteLength(text));
  }

  /**
   * Opens a session for appending: creates it when it does not exist, continues it when it does. A
   * file in another layout (imported, pretty-printed, cut short by a crash) is first rewritten in ours,
   * through a temporary file and a rename, so it is never half-written.
   */
  static async open(file: string, meta: SessionMeta): Promise<HarSessionWriter> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return HarSessionWriter.create(file, meta);
      throw error;
    }
    const { log, repaired } = parseHar(text, file);
    if (repaired || !text.endsWith(SESSION_TRAILER) || !hasOurLayout(text)) {
      text = sessionText(log);
      await writeFile(`${file}.tmp`, text, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    }
    const handle = await open(file, 'r+');
    const writer = new HarSessionWriter(file, handle, Buffer.byteLength(text));
    writer.count = log.entries.length;
    return writer;
  }

  get entries(): number {
    return this.count;
  }

  /** Appends one entry and resolves to its 0-based index; appends are serialised, and each leaves a complete HAR behind. */
  append(entry: HarEntry): Promise<number> {
    if (this.closed) return Promise.reject(new Error(`session ${this.file} is closed`));
    const next = this.queue.then(async () => {
      const chunk = Buffer.from(
        `${this.count === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}${SESSION_TRAILER}`,
        'utf8',
      );
      const position = this.size - SESSION_TRAILER.length;
      await this.handle.write(chunk, 0, chunk.length, position);
      this.size = position + chunk.length;
      this.count += 1;
      return this.count - 1;
    });
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.handle.sync().catch(() => undefined);
    await this.handle.close();
  }
}

/** The session as HarSessionWriter writes it: a head line, one entry per line, the trailer. */
export function sessionText(log: HarLog): string {
  const { entries, ...rest } = log;
  const head = JSON.stringify({ log: { ...rest, entries: [] } }).slice(0, -3);
  return `${head}${entries.map((e, i) => `${i === 0 ? '\n' : ',\n'}${JSON.stringify(e)}`).join('')}${SESSION_TRAILER}`;
}

/** `entries` is the last member of `log`, and `log` the only member: what the trailer rewrite relies on. */
function hasOurLayout(text: string): boolean {
  try {
    const root = JSON.parse(text) as { log?: Record<string, unknown> };
    const keys = Object.keys(root);
    const logKeys = Object.keys(root.log ?? {});
    return keys.length === 1 && keys[0] === 'log' && logKeys[logKeys.length - 1] === 'entries';
  } catch {
    return false;
  }
}

/**
 * Reads a HAR. A file cut short by a crash (power loss mid-write) is repaired by dropping the partial
 * last entry, and `repaired` says so.
 */
export async function readHar(file: string): Promise<{ log: HarLog; repaired: boolean }> {
  return parseHar(await readFile(file, 'utf8'), file);
}

/** readHar on text already read; `file` names it in errors. */
function parseHar(text: string, file: string): { log: HarLog; repaired: boolean } {
  try {
    return { log: (JSON.parse(text) as { log: HarLog }).log, repaired: false };
  } catch (error) {
    let cut = text.length;
    for (let attempt = 0; attempt < 3; attempt++) {
      cut = text.lastIndexOf(',\n', cut - 1);
      const candidate =
        cut < 0 ? text.slice(0, text.indexOf(ENTRIES_OPEN) + ENTRIES_OPEN.length) : text.slice(0, cut);
      try {
        return { log: (JSON.parse(`${candidate}${SESSION_TRAILER}`) as { log: HarLog }).log, repaired: true };
      } catch {
        if (cut < 0) break;
      }
    }
    throw new Error(`${file} is not a HAR file: ${(error as Error).message}`, { cause: error });
  }
}

/** Entries parsed between two turns of the event loop while a session loads. */
export const ENTRIES_PER_TURN = 128;

/**
 * The entries of a session file, parsed a slice at a time so that loading a large session (tens of
 * megabytes) never stalls the proxy or the other services: HarSessionWriter's layout holds one entry
 * per line, so each line is parsed on its own and the event loop gets a turn every ENTRIES_PER_TURN
 * entries. A file cut short by a crash loses its partial last line (`repaired`); a damaged line
 * anywhere else is an error naming the line; any other layout is parsed whole, as readHar does.
 */
export async function readHarEntries(file: string): Promise<{ entries: HarEntry[]; repaired: boolean }> {
  return parseHarEntries(await readFile(file, 'utf8'), file);
}

/** readHarEntries on text already read; `file` names it in errors. */
export async function parseHarEntries(
  text: string,
  file: string,
): Promise<{ entries: HarEntry[]; repaired: boolean }> {
  const layout = entryLines(text);
  if (layout === undefined) {
    const { log, repaired } = parseHar(text, file);
    if (!Array.isArray(log.entries)) throw new Error(`${file} has no log.entries array`);
    return { entries: log.entries, repaired };
  }
  const entries: HarEntry[] = [];
  let repaired = false;
  const { lines, trailer } = layout;
  for (let i = 0; i < lines.length; i++) {
    const { start, end, line } = lines[i]!;
    let entry: unknown;
    try {
      entry = JSON.parse(text.slice(start, end));
    } catch (error) {
      // Only the very last line of a file without its trailer may be half-written.
      if (!trailer && i === lines.length - 1) {
        repaired = true;
        break;
      }
      throw new Error(
        `${file} is not a HAR file: the entry on line ${line} is not valid JSON (${(error as Error).message})`,
        { cause: error },
      );
    }
    if (entry === null || typeof entry !== 'object')
      throw new Error(`${file} is not a HAR file: the entry on line ${line} is not an object`);
    entries.push(entry as HarEntry);
    if (i % ENTRIES_PER_TURN === ENTRIES_PER_TURN - 1) await nextTurn();
  }
  return { entries, repaired };
}

/** An entry's line in a session file: its text range and 1-based line number (for errors). */
interface EntryLine {
  start: number;
  end: number;
  line: number;
}

/**
 * The entry lines when `text` has HarSessionWriter's layout (a head line ending in ENTRIES_OPEN, one
 * entry per line, then the trailer, which a crash may have left out); undefined otherwise.
 */
function entryLines(text: string): { lines: EntryLine[]; trailer: boolean } | undefined {
  const first = text.indexOf('\n');
  if (!text.slice(0, Math.max(first, 0)).endsWith(ENTRIES_OPEN)) return undefined;
  try {
    JSON.parse(`${text.slice(0, first)}${TRAILER_LINE}`);
  } catch {
    return undefined;
  }
  const lines: EntryLine[] = [];
  let pos = first + 1;
  let line = 1;
  while (pos < text.length) {
    line += 1;
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline < 0 ? text.length : newline;
    if (lineEnd - pos === TRAILER_LINE.length && text.startsWith(TRAILER_LINE, pos))
      return { lines, trailer: true };
    const end = text.charCodeAt(lineEnd - 1) === 0x2c ? lineEnd - 1 : lineEnd;
    if (end > pos) lines.push({ start: pos, end, line });
    pos = lineEnd + 1;
  }
  return { lines, trailer: false };
}
