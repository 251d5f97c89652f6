// What the Recordings page lists of a session file, without keeping its bodies in memory: one summary
// per entry plus where each entry's JSON sits in the file. Session files written by HarSessionWriter
// (and imports, written in the same layout) hold one entry per line, so a file that grew by appends is
// indexed by parsing only the new lines; any other layout falls back to parsing the whole document.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { HarEntry, HarLog, ODataInfo } from './har.js';
import { ENTRIES_OPEN, readHar, SESSION_TRAILER } from './har-writer.js';

const NEWLINE = 0x0a;
const COMMA = 0x2c;

export interface IndexedEntry {
  startedDateTime: string;
  method: string;
  url: string;
  status: number;
  timeMs: number;
  system: string | null;
  location: string | null;
  odata: ODataInfo | null;
  replayKey: string | null;
}

export interface SessionIndex {
  size: number;
  mtimeMs: number;
  /** The `_session` fields of the log. */
  session: Record<string, unknown>;
  entries: IndexedEntry[];
  systems: Set<string>;
  /** Byte range of each entry's JSON, when the file has the one-entry-per-line layout. */
  ranges: { start: number; end: number }[] | null;
  /** Offset of the trailer (line layout): appends start there. */
  tail: number | null;
}

function summarize(entry: HarEntry): IndexedEntry {
  return {
    startedDateTime: String(entry.startedDateTime ?? ''),
    method: String(entry.request?.method ?? ''),
    url: String(entry.request?.url ?? ''),
    status: Number.isInteger(entry.response?.status) ? entry.response.status : 0,
    timeMs: typeof entry.time === 'number' && Number.isFinite(entry.time) ? entry.time : 0,
    system: typeof entry._system === 'string' ? entry._system : null,
    location: typeof entry._location === 'string' ? entry._location : null,
    odata: entry._odata && typeof entry._odata === 'object' ? entry._odata : null,
    replayKey: typeof entry._replayKey === 'string' ? entry._replayKey : null,
  };
}

interface Scanned {
  entries: IndexedEntry[];
  ranges: { start: number; end: number }[];
  tail: number;
}

/**
 * Entry lines of `buf` from `from` (just after a newline) up to the trailer; `base` is the file offset
 * of buf[0]. Undefined when the bytes are not in the line layout (or an append is half-written).
 */
function scanLines(buf: Buffer, base: number, from: number): Scanned | undefined {
  const trailer = buf.length - SESSION_TRAILER.length;
  if (trailer < from - 1 || buf.toString('latin1', trailer) !== SESSION_TRAILER) return undefined;
  const scanned: Scanned = { entries: [], ranges: [], tail: base + trailer };
  let pos = from;
  while (pos < trailer) {
    const newline = buf.indexOf(NEWLINE, pos);
    if (newline < 0 || newline > trailer) return undefined;
    const end = buf[newline - 1] === COMMA && newline < trailer ? newline - 1 : newline;
    let entry: HarEntry;
    try {
      entry = JSON.parse(buf.toString('utf8', pos, end)) as HarEntry;
    } catch {
      return undefined;
    }
    if (entry === null || typeof entry !== 'object') return undefined;
    scanned.entries.push(summarize(entry));
    scanned.ranges.push({ start: base + pos, end: base + end });
    pos = newline + 1;
  }
  return scanned;
}

function collectSystems(entries: readonly IndexedEntry[], into = new Set<string>()): Set<string> {
  for (const e of entries) if (e.system !== null) into.add(e.system);
  return into;
}

/** The head line (`{"log":{…,"entries":[`) parsed as the log without entries. */
function parseHead(buf: Buffer): { log: HarLog; next: number } | undefined {
  const newline = buf.indexOf(NEWLINE);
  if (newline < 0) return undefined;
  const head = buf.toString('utf8', 0, newline);
  if (!head.endsWith(ENTRIES_OPEN)) return undefined;
  try {
    return { log: (JSON.parse(`${head}]}}`) as { log: HarLog }).log, next: newline + 1 };
  } catch {
    return undefined;
  }
}

const sessionFields = (log: HarLog | undefined): Record<string, unknown> =>
  log?._session && typeof log._session === 'object' ? log._session : {};

/** Indexes a whole file. Throws (with the path) when it is no HAR at all. */
export async function buildIndex(file: string, mtimeMs: number): Promise<SessionIndex> {
  const buf = await readFile(file);
  const head = parseHead(buf);
  const scanned = head ? scanLines(buf, 0, head.next) : undefined;
  if (head && scanned) {
    return {
      size: buf.length,
      mtimeMs,
      session: sessionFields(head.log),
      entries: scanned.entries,
      systems: collectSystems(scanned.entries),
      ranges: scanned.ranges,
      tail: scanned.tail,
    };
  }
  const { log } = await readHar(file);
  if (!log || !Array.isArray(log.entries))
    throw new Error(`${file} is not a HAR file: it has no log.entries array`);
  const entries = log.entries.map(summarize);
  return {
    size: buf.length,
    mtimeMs,
    session: sessionFields(log),
    entries,
    systems: collectSystems(entries),
    ranges: null,
    tail: null,
  };
}

/**
 * The index of a file that only grew by appends since `previous`: parses the new lines only.
 * Undefined when that is not what happened (rewritten, truncated, other layout).
 */
export async function extendIndex(
  file: string,
  previous: SessionIndex,
  size: number,
  mtimeMs: number,
): Promise<SessionIndex | undefined> {
  if (previous.tail === null || previous.ranges === null || size <= previous.size) return undefined;
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const length = size - previous.tail;
    const chunk = Buffer.alloc(length);
    const { bytesRead } = await handle.read(chunk, 0, length, previous.tail);
    if (bytesRead !== length) return undefined;
    // After the old last entry come `,\n` (or `\n` in an empty session) and the new lines.
    const lead = previous.entries.length === 0 ? '\n' : ',\n';
    if (chunk.toString('latin1', 0, lead.length) !== lead) return undefined;
    const scanned = scanLines(chunk, previous.tail, lead.length);
    if (!scanned) return undefined;
    const entries = [...previous.entries, ...scanned.entries];
    return {
      size,
      mtimeMs,
      session: previous.session,
      entries,
      systems: collectSystems(scanned.entries, new Set(previous.systems)),
      ranges: [...previous.ranges, ...scanned.ranges],
      tail: scanned.tail,
    };
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** One entry as stored: read from its byte range, or from the whole document. */
export async function readIndexedEntry(file: string, index: SessionIndex, at: number): Promise<HarEntry> {
  const range = index.ranges?.[at];
  if (!range) {
    const { log } = await readHar(file);
    const entry = log.entries[at];
    if (!entry) throw new Error(`${file} has no entry ${at}`);
    return entry;
  }
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(range.end - range.start);
    await handle.read(buf, 0, buf.length, range.start);
    return JSON.parse(buf.toString('utf8')) as HarEntry;
  } finally {
    await handle.close();
  }
}
