// The rows array of a JSON data file, parsed a slice at a time straight from the file: a plain array,
// {"d":{"results":[…]}}, {"d":[…]} or {"value":[…]}. The file's text never exists as one string (a
// 40 MB file was a 40 MB string plus its parse garbage at the load peak), and each slice's garbage dies
// young, so loading 100,000 rows takes little more memory than the rows themselves.
import { open } from 'node:fs/promises';

export class JsonSliceError extends Error {
  override name = 'JsonSliceError';

  constructor(
    /** What is wrong, without the file name. */
    readonly reason: string,
    file?: string,
  ) {
    super(file === undefined ? reason : `${file}: ${reason}`);
  }
}

export interface SliceOptions {
  /** Bytes read from the file at a time. */
  chunkBytes?: number;
  /** A slice is parsed once it holds at least this many bytes of rows. */
  sliceBytes?: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const NEWLINE = 0x0a;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === NEWLINE || c === 0x0d;

type Phase = 'seek' | 'rows' | 'tail';

/** Structural state of the scan; survives reads, so a token may span two chunks. */
class Scanner {
  phase: Phase = 'seek';
  depth = 0;
  inString = false;
  escaped = false;
  line = 1;
  /** Member key per object depth while seeking the rows array. */
  readonly keys: (string | undefined)[] = [];
  stringStart = -1;
  lastString: string | undefined;
  arrayDepth = 0;
  sliceStart = 0;
  sliceLine = 1;

  isRowsArray(): boolean {
    const [, first, second] = this.keys;
    if (this.depth === 1) return true;
    if (this.depth === 2) return first === 'd' || first === 'value';
    return this.depth === 3 && first === 'd' && second === 'results';
  }
}

/**
 * Yields the rows of the file's rows array in slices (arrays of parsed JSON values). Bytes outside
 * strings that are not JSON structure (a BOM, whitespace) are skipped while seeking the array.
 */
export async function* jsonRowSlices(file: string, options: SliceOptions = {}): AsyncGenerator<unknown[]> {
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  const sliceBytes = options.sliceBytes ?? 256 * 1024;
  const handle = await open(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(Math.max(chunkBytes * 2, 16));
    let end = 0;
    let pos = 0;
    let offset = 0; // file offset of buf[0]
    const s = new Scanner();
    for (;;) {
      // Keep what a pending slice or key still needs, move it to the front and read more behind it.
      const keep = s.phase === 'rows' ? s.sliceStart : s.inString && s.phase === 'seek' ? s.stringStart : pos;
      buf.copyWithin(0, keep, end);
      offset += keep;
      end -= keep;
      pos -= keep;
      if (s.phase === 'rows') s.sliceStart = 0;
      if (s.stringStart >= 0) s.stringStart -= keep;
      if (buf.length - end < chunkBytes) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, end);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, end, buf.length - end, offset + end);
      if (bytesRead === 0) break;
      end += bytesRead;
      while (pos < end) {
        pos = skip(s, buf, pos, end);
        if (pos >= end) break;
        const slice = step(s, buf, pos, sliceBytes);
        pos++;
        if (slice) yield parseSlice(buf, slice, s);
      }
    }
    finish(s);
  } catch (error) {
    if (error instanceof JsonSliceError) throw new JsonSliceError(error.reason, file);
    throw error;
  } finally {
    await handle.close();
  }
}

interface SliceBounds {
  start: number;
  end: number;
  line: number;
}

/**
 * Skips what cannot change the structure (string contents, whitespace, numbers and literals) in a
 * tight loop; returns the position of the next byte `step` must see, or `end`.
 */
function skip(s: Scanner, buf: Buffer, from: number, end: number): number {
  let pos = from;
  let line = s.line;
  if (s.inString) {
    let escaped = s.escaped;
    for (; pos < end; pos++) {
      const c = buf[pos]!;
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) break;
      else if (c === NEWLINE) line++;
    }
    s.escaped = escaped;
  } else {
    // After the top-level value only whitespace may follow.
    const done = s.phase === 'tail' && s.depth === 0;
    for (; pos < end; pos++) {
      const c = buf[pos]!;
      if (c === NEWLINE) line++;
      else if (done ? !isSpace(c) : STRUCTURAL[c] === 1) break;
    }
  }
  s.line = line;
  return pos;
}

const STRUCTURAL = new Uint8Array(256);
for (const c of [QUOTE, COLON, COMMA, OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY]) STRUCTURAL[c] = 1;

/** Handles one structural byte (or the closing quote of a string); returns a completed slice. */
function step(s: Scanner, buf: Buffer, pos: number, sliceBytes: number): SliceBounds | undefined {
  const c = buf[pos]!;
  if (s.inString) {
    // skip() stops inside a string only at its closing quote.
    s.inString = false;
    if (s.phase === 'seek') s.lastString = buf.toString('utf8', s.stringStart, pos);
    s.stringStart = -1;
    return undefined;
  }
  if (s.phase === 'tail' && s.depth === 0)
    throw new JsonSliceError(`unexpected text after the JSON value on line ${s.line}`);
  const key = s.lastString;
  s.lastString = undefined;
  switch (c) {
    case QUOTE:
      s.inString = true;
      if (s.phase === 'seek') s.stringStart = pos + 1;
      return undefined;
    case COLON:
      if (s.phase === 'seek') s.keys[s.depth] = key;
      return undefined;
    case OPEN_OBJECT:
    case OPEN_ARRAY:
      s.depth++;
      if (s.phase !== 'seek') return undefined;
      s.keys[s.depth] = undefined;
      if (c === OPEN_ARRAY && s.isRowsArray()) {
        s.phase = 'rows';
        s.arrayDepth = s.depth;
        s.sliceStart = pos + 1;
        s.sliceLine = s.line;
      }
      return undefined;
    case CLOSE_OBJECT:
    case CLOSE_ARRAY: {
      if (s.depth === 0) throw new JsonSliceError(`unbalanced '${String.fromCharCode(c)}' on line ${s.line}`);
      const closesRows = s.phase === 'rows' && s.depth === s.arrayDepth;
      s.depth--;
      if (!closesRows) return undefined;
      s.phase = 'tail';
      return { start: s.sliceStart, end: pos, line: s.sliceLine };
    }
    case COMMA: {
      if (s.phase !== 'rows' || s.depth !== s.arrayDepth || pos - s.sliceStart < sliceBytes) return undefined;
      const slice = { start: s.sliceStart, end: pos, line: s.sliceLine };
      s.sliceStart = pos + 1;
      s.sliceLine = s.line;
      return slice;
    }
    default:
      return undefined;
  }
}

function parseSlice(buf: Buffer, slice: SliceBounds, s: Scanner): unknown[] {
  const text = buf.toString('utf8', slice.start, slice.end);
  if (text.trim() === '') return [];
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch (error) {
    const where = slice.line === s.line ? `on line ${s.line}` : `between lines ${slice.line} and ${s.line}`;
    throw new JsonSliceError(`invalid JSON in the rows ${where}: ${(error as Error).message}`);
  }
}

function finish(s: Scanner): void {
  if (s.phase === 'seek') throw new JsonSliceError('not an array, {"d":{"results":[…]}} or {"value":[…]}');
  if (s.phase === 'rows' || s.depth !== 0 || s.inString)
    throw new JsonSliceError(`the JSON is not closed (the file ends on line ${s.line})`);
}
