// Raw bytes to a listener and the HTTP responses that come back, parsed by their own framing. Raw
// sockets because node:http and fetch refuse to send most of what a fuzzer wants to send.
//
// Ending an exchange: when the request is complete, the client waits for the expected responses or
// for the server to close (a server may answer a client's EOF by dropping the request, so the client
// never half-closes then). When the request is incomplete on purpose, the client half-closes at once
// and waits for the close. HANG_MS bounds both: a listener that neither answers nor closes by then is a
// finding ("hang"), not a slow machine; the bound is far above any answer time of these listeners.
import net from 'node:net';
import tls from 'node:tls';

export const HANG_MS = 10_000;
/** After a first response: how long to wait for the next pipelined one before ending the case. */
const IDLE_AFTER_RESPONSE_MS = 400;

export interface RequestSpec {
  method: string;
  target: string;
  headers: readonly (readonly [string, string])[];
  body?: string | Buffer;
  /** `length` (default with a body) adds Content-Length, `chunked` frames the body, `none` adds nothing. */
  framing?: 'length' | 'chunked' | 'none';
  version?: string;
  /** How the head's text becomes bytes (latin1 sends code points up to 255 as single bytes). */
  encoding?: 'utf8' | 'latin1';
}

export function buildRequest(spec: RequestSpec): Buffer {
  const body =
    typeof spec.body === 'string' ? Buffer.from(spec.body, 'utf8') : (spec.body ?? Buffer.alloc(0));
  const framing = spec.framing ?? (spec.body === undefined ? 'none' : 'length');
  const headers = [...spec.headers];
  if (framing === 'length') headers.push(['Content-Length', String(body.length)]);
  if (framing === 'chunked') headers.push(['Transfer-Encoding', 'chunked']);
  const head = `${spec.method} ${spec.target} ${spec.version ?? 'HTTP/1.1'}\r\n${headers
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  const payload =
    framing === 'chunked' && body.length > 0
      ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')])
      : framing === 'chunked'
        ? Buffer.from('0\r\n\r\n')
        : body;
  return Buffer.concat([Buffer.from(head, spec.encoding ?? 'utf8'), payload]);
}

export interface ParsedResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

export interface WireResult {
  responses: ParsedResponse[];
  /** Bytes that did not parse as an HTTP response (a protocol error of the server). */
  garbage: string | null;
  closed: boolean;
  error: string | null;
  hung: boolean;
  aborted: boolean;
  raw: Buffer;
}

export interface ExchangeOptions {
  port: number;
  tls?: boolean;
  /** Written in order, each after the previous one left. */
  bytes: Buffer | readonly Buffer[];
  /** Methods of the requests sent, in order (HEAD answers have no body); the count is how many answers to await. */
  methods: readonly string[];
  /** False: the request is cut on purpose; the client half-closes after writing. */
  complete: boolean;
  /** Whole bodies are needed (e.g. to look into $batch answers); otherwise the first head suffices. */
  readBodies?: boolean;
  signal?: AbortSignal;
}

export function exchange(options: ExchangeOptions): Promise<WireResult> {
  return new Promise((resolve) => {
    const socket = options.tls
      ? tls.connect({
          port: options.port,
          host: '127.0.0.1',
          rejectUnauthorized: false,
          servername: 'localhost',
        })
      : net.connect(options.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const result: WireResult = {
      responses: [],
      garbage: null,
      closed: false,
      error: null,
      hung: false,
      aborted: false,
      raw: Buffer.alloc(0),
    };
    let idle: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(hang);
      clearTimeout(idle);
      options.signal?.removeEventListener('abort', onAbort);
      result.raw = Buffer.concat(chunks);
      const parsed = parseResponses(result.raw, options.methods, result.closed);
      result.responses = parsed.responses;
      result.garbage = parsed.garbage;
      socket.destroy();
      resolve(result);
    };
    const hang = setTimeout(() => {
      result.hung = parseResponses(Buffer.concat(chunks), options.methods, false).responses.length === 0;
      finish();
    }, HANG_MS);
    const onAbort = (): void => {
      result.aborted = true;
      finish();
    };
    options.signal?.addEventListener('abort', onAbort);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const parsed = parseResponses(Buffer.concat(chunks), options.methods, false);
      if (parsed.garbage !== null) return finish();
      if (!options.readBodies && parsed.responses.length > 0) return finish();
      if (parsed.responses.length >= options.methods.length && parsed.done) return finish();
      if (parsed.responses.length > 0) {
        clearTimeout(idle);
        idle = setTimeout(finish, IDLE_AFTER_RESPONSE_MS);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      result.error = error.code ?? error.message;
      result.closed = true;
      finish();
    });
    socket.on('close', () => {
      result.closed = true;
      finish();
    });
    void writeAll(socket, options.bytes, !options.complete);
  });
}

async function writeAll(socket: net.Socket, bytes: Buffer | readonly Buffer[], end: boolean): Promise<void> {
  const parts = Buffer.isBuffer(bytes) ? [bytes] : bytes;
  for (const part of parts) {
    if (socket.destroyed) return;
    await new Promise<void>((resolve) => socket.write(part, () => resolve()));
  }
  if (end && !socket.destroyed) socket.end();
}

interface Parsed {
  responses: ParsedResponse[];
  garbage: string | null;
  /** The last response is complete (its body too). */
  done: boolean;
}

/** Responses in order; a body without framing runs to the close. Stops at what is not complete yet. */
export function parseResponses(buf: Buffer, methods: readonly string[], closed: boolean): Parsed {
  const responses: ParsedResponse[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const end = buf.indexOf('\r\n\r\n', offset, 'latin1');
    if (end < 0) break;
    const lines = buf.toString('latin1', offset, end).split('\r\n');
    const status = /^HTTP\/\d\.\d (\d{3})(?: |$)/.exec(lines[0] ?? '');
    if (!status)
      return { responses, garbage: buf.toString('latin1', offset, Math.min(end, offset + 200)), done: true };
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const code = Number(status[1]);
    const start = end + 4;
    if (code >= 100 && code < 200 && code !== 101) {
      offset = start;
      continue;
    }
    const method = methods[responses.length] ?? 'GET';
    const body = bodyOf(
      buf,
      start,
      headers,
      method === 'HEAD' || code === 204 || code === 304 || code === 101,
      closed,
    );
    if (body === null) {
      responses.push({ status: code, headers, body: Buffer.alloc(0) });
      return { responses, garbage: null, done: false };
    }
    responses.push({ status: code, headers, body: body.body });
    offset = body.next;
    if (code === 101) break;
  }
  return { responses, garbage: null, done: true };
}

function bodyOf(
  buf: Buffer,
  start: number,
  headers: Record<string, string>,
  empty: boolean,
  closed: boolean,
): { body: Buffer; next: number } | null {
  if (empty) return { body: Buffer.alloc(0), next: start };
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return chunkedBody(buf, start);
  const length = headers['content-length'];
  if (length !== undefined && /^\d+$/.test(length)) {
    const next = start + Number(length);
    return next <= buf.length ? { body: buf.subarray(start, next), next } : null;
  }
  return closed ? { body: buf.subarray(start), next: buf.length } : null;
}

function chunkedBody(buf: Buffer, start: number): { body: Buffer; next: number } | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return null;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (Number.isNaN(size)) return { body: Buffer.concat(parts), next: buf.length };
    if (size === 0) {
      const trailerEnd = buf.indexOf('\r\n\r\n', lineEnd, 'latin1');
      return trailerEnd < 0 ? null : { body: Buffer.concat(parts), next: trailerEnd + 4 };
    }
    if (lineEnd + 2 + size + 2 > buf.length) return null;
    parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Whether a server reading these bytes has a whole request (a head and the body its framing names), the
 * way the listeners frame requests. Used for heads mutated byte by byte, where the generator cannot know.
 */
export function requestComplete(bytes: Buffer): boolean {
  const end = bytes.indexOf('\r\n\r\n', 0, 'latin1');
  if (end < 0) return false;
  const lines = bytes.toString('latin1', 0, end).split('\r\n').slice(1);
  const values = (name: string): string[] =>
    lines
      .filter((l) => l.slice(0, l.indexOf(':')).trim().toLowerCase() === name)
      .map((l) => l.slice(l.indexOf(':') + 1).trim());
  const te = values('transfer-encoding');
  const cl = values('content-length');
  if (te.length > 0 && cl.length === 0) {
    const last = te.join(',').split(',').pop()?.trim().toLowerCase();
    return last !== 'chunked' || chunkedBody(bytes, end + 4) !== null;
  }
  if (te.length === 0 && cl.length === 1 && /^\d+$/.test(cl[0]!))
    return bytes.length - end - 4 >= Number(cl[0]);
  return true;
}
