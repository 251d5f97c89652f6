// A strict HTTP/1.1 head parser for the proxy's own framing. The proxy relays bodies byte for byte, so
// it must agree with the backend on where a message ends: anything that could be read two ways
// (Content-Length with Transfer-Encoding, differing lengths, obs-fold, bare LF, control characters,
// transfer codings other than chunked) is refused instead of guessed (no request smuggling).

export type Framing =
  { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' };

export interface RequestHead {
  method: string;
  target: string;
  /** HTTP/1.0 clients are served too: forwarded as HTTP/1.0 (so no chunked answer) and closed after. */
  version: '1.0' | '1.1';
  /** Flat [name, value, name, value…] as received. */
  raw: string[];
  /** The names of `raw` in lower case (names[i] is raw[2i]), so later passes do not lower them again. */
  names: string[];
  /** Lower-case name → value (first occurrence; duplicates of the names in SINGLE are refused). */
  headers: Record<string, string>;
  framing: Framing;
}

export interface ResponseHead {
  status: number;
  reason: string;
  raw: string[];
  names: string[];
  headers: Record<string, string>;
  framing: Framing;
}

export type Parsed<T> = { ok: true; head: T } | { ok: false; status: number; reason: string };

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const BAD_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;
/** A request target is visible ASCII (RFC 9112 §3.2); anything else would reach the backend as it is. */
const BAD_TARGET = /[^\x21-\x7e]/;
const METHOD = /^[A-Z]{1,20}$/;
/** Headers whose duplicates would let two parties read different values. */
const SINGLE = new Set([
  'host',
  'proxy-authorization',
  'authorization',
  'sap-connectivity-scc-location_id',
  'sap-connectivity-authentication',
]);

/**
 * A request head without its final blank line. Strings cut from it (the target, header values) share
 * its text: nothing keeps them past the exchange (the traffic ring copies what it keeps as bytes).
 */
export function parseRequestHead(text: string): Parsed<RequestHead> {
  const eol = text.indexOf('\r\n');
  return eol < 0 ? parseRequest(text, null) : parseRequest(text.slice(0, eol), text.slice(eol + 2));
}

function parseRequest(line: string, fieldText: string | null): Parsed<RequestHead> {
  const parts = line.split(' ');
  if (parts.length !== 3 || !METHOD.test(parts[0]!) || parts[1] === '')
    return bad(400, 'The request line is not "METHOD target HTTP/1.1"');
  if (BAD_TARGET.test(parts[1]!))
    return bad(
      400,
      'The request target contains control characters or bytes above ASCII: percent-encode them',
    );
  const version = parts[2] === 'HTTP/1.1' ? '1.1' : parts[2] === 'HTTP/1.0' ? '1.0' : undefined;
  if (version === undefined)
    return bad(
      /^HTTP\/\d(\.\d)?$/.test(parts[2]!) ? 505 : 400,
      `${parts[2]!.slice(0, 16)} is not supported: the proxy speaks HTTP/1.1 and HTTP/1.0`,
    );
  const fields = fieldText === null ? noFields() : parseFields(fieldText, 0, true);
  if (!fields.ok) return fields;
  const { raw, names, headers } = fields.head;
  if (version === '1.0' && headers['transfer-encoding'] !== undefined)
    return bad(400, 'An HTTP/1.0 request cannot use Transfer-Encoding');
  const framing = requestFraming(headers, raw, names);
  if ('status' in framing) return { ok: false, ...framing };
  return { ok: true, head: { method: parts[0]!, target: parts[1]!, version, raw, names, headers, framing } };
}

export function parseResponseHead(text: string, requestMethod: string): Parsed<ResponseHead> {
  const eol = text.indexOf('\r\n');
  const line = eol < 0 ? text : text.slice(0, eol);
  const status = statusOf(line);
  if (status === 0) return bad(502, 'The backend did not answer with an HTTP/1.x status line');
  const fields = eol < 0 ? noFields() : parseFields(text, eol + 2, false);
  if (!fields.ok) return fields;
  const { raw, names, headers } = fields.head;
  const framing = responseFraming(status, requestMethod, headers, raw, names);
  if ('status' in framing) return { ok: false, status: 502, reason: framing.reason };
  return { ok: true, head: { status, reason: line.slice(13), raw, names, headers, framing } };
}

/** The status of `HTTP/1.x NNN[ reason]` (a reason without CR or LF), or 0 when the line is not that. */
function statusOf(line: string): number {
  if (line.length < 12 || !line.startsWith('HTTP/1.') || line[8] !== ' ') return 0;
  if (line[7] !== '0' && line[7] !== '1') return 0;
  if (line.length > 12 && (line[12] !== ' ' || line.includes('\r') || line.includes('\n'))) return 0;
  let status = 0;
  for (let i = 9; i < 12; i++) {
    const digit = line.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    status = status * 10 + digit;
  }
  return status;
}

interface Fields {
  raw: string[];
  names: string[];
  headers: Record<string, string>;
}

const noFields = (): Parsed<Fields> => ({ ok: true, head: { raw: [], names: [], headers: {} } });

/**
 * Raw header name → its lower-case form, for names already found to be tokens: clients and backends
 * send the same few names again and again, so the token check and lower-casing run once per name.
 */
const tokenNames = new Map<string, string>();
const MAX_TOKEN_NAMES = 1024;

function lowerTokenName(name: string): string | undefined {
  let lower = tokenNames.get(name);
  if (lower !== undefined) return lower;
  if (!TOKEN.test(name)) return undefined;
  lower = name.toLowerCase();
  if (tokenNames.size >= MAX_TOKEN_NAMES) tokenNames.clear();
  tokenNames.set(name, lower);
  return lower;
}

const SP = 32;
const HTAB = 9;
const isOws = (code: number): boolean => code === SP || code === HTAB;

/** The header lines of `text` from `start` on: separated by CRLF, without a final CRLF. */
function parseFields(text: string, start: number, request: boolean): Parsed<Fields> {
  const raw: string[] = [];
  const names: string[] = [];
  const headers: Record<string, string> = {};
  const failStatus = request ? 400 : 502;
  for (let at = start; at <= text.length;) {
    let end = text.indexOf('\r\n', at);
    if (end < 0) end = text.length;
    const colon = text.indexOf(':', at);
    if (colon <= at || colon >= end) return bad(failStatus, 'A header line has no name (or is folded)');
    const name = text.slice(at, colon);
    const lower = lowerTokenName(name);
    // Optional whitespace (spaces and tabs) around the value is not part of it.
    let from = colon + 1;
    let to = end;
    while (from < to && isOws(text.charCodeAt(from))) from++;
    while (to > from && isOws(text.charCodeAt(to - 1))) to--;
    const value = text.slice(from, to);
    // Credentials the proxy consumes and never forwards are checked as tokens later; a CR or LF in any
    // forwarded value could split it into two headers at the backend, so those are always scanned.
    const consumed = lower === 'proxy-authorization' || lower === 'sap-connectivity-authentication';
    if (lower === undefined || (consumed ? value.includes('\n') : BAD_VALUE.test(value)))
      return bad(failStatus, `The header "${name.slice(0, 40)}" is malformed`);
    // typeof, not `in`: every object inherits "constructor" and friends.
    const seen = headers[lower];
    if (typeof seen === 'string') {
      if (request && SINGLE.has(lower)) return bad(400, `The header ${name} is sent more than once`);
      if (lower !== 'content-length' && lower !== 'transfer-encoding') headers[lower] = `${seen}, ${value}`;
    } else headers[lower] = value;
    raw.push(name, value);
    names.push(lower);
    at = end + 2;
  }
  return { ok: true, head: { raw, names, headers } };
}

/** Content-Length values (all occurrences) must agree; Transfer-Encoding must be exactly chunked. */
function lengthAndCoding(
  raw: string[],
  names: string[],
): { length: number | null; chunked: boolean; error?: string } {
  let length: number | null = null;
  let codings = 0;
  let chunked = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = names[i >> 1]!;
    const value = raw[i + 1]!;
    if (name === 'content-length') {
      if (!/^\d{1,15}$/.test(value)) return { length, chunked, error: 'Content-Length is not a number' };
      if (length !== null && length !== Number(value))
        return { length, chunked, error: 'Content-Length values differ' };
      length = Number(value);
    } else if (name === 'transfer-encoding') {
      codings++;
      chunked = value.toLowerCase() === 'chunked';
      if (!chunked || codings > 1)
        return { length, chunked, error: 'only Transfer-Encoding: chunked is supported' };
    }
  }
  if (chunked && length !== null)
    return { length, chunked, error: 'both Content-Length and Transfer-Encoding are set' };
  return { length, chunked };
}

function requestFraming(
  headers: Record<string, string>,
  raw: string[],
  names: string[],
): Framing | { status: number; reason: string } {
  if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined)
    return { kind: 'none' };
  const f = lengthAndCoding(raw, names);
  if (f.error) return { status: 400, reason: `Ambiguous request body: ${f.error}` };
  if (f.chunked) return { kind: 'chunked' };
  return f.length === 0 ? { kind: 'none' } : { kind: 'length', length: f.length! };
}

function responseFraming(
  status: number,
  method: string,
  headers: Record<string, string>,
  raw: string[],
  names: string[],
): Framing | { status: number; reason: string } {
  if (method === 'HEAD' || status < 200 || status === 204 || status === 304) return { kind: 'none' };
  if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined)
    return { kind: 'close' };
  const f = lengthAndCoding(raw, names);
  if (f.error) return { status: 502, reason: `The backend's response framing is ambiguous: ${f.error}` };
  if (f.chunked) return { kind: 'chunked' };
  return f.length === 0 ? { kind: 'none' } : { kind: 'length', length: f.length! };
}

const bad = (status: number, reason: string): { ok: false; status: number; reason: string } => ({
  ok: false,
  status,
  reason,
});

const KEEP_ALIVE: ReadonlySet<string> = new Set(['keep-alive']);
const CLOSE: ReadonlySet<string> = new Set(['close']);

/** Connection tokens (lower case), for hop-by-hop headers a message names itself. */
export function connectionTokens(value: string | undefined): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined;
  // The two values nearly every message carries: no Set per request for them.
  const short = value.length <= 10 ? value.toLowerCase() : '';
  if (short === 'keep-alive') return KEEP_ALIVE;
  if (short === 'close') return CLOSE;
  return new Set(
    value
      .toLowerCase()
      .split(',')
      .map((t) => t.trim()),
  );
}
