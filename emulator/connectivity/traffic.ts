// The recent exchanges behind the Traffic page: a bounded ring of events plus the headers and a capped
// prefix of each body. Bodies are teed while they stream (never buffered whole, only references until
// the exchange ends); headers are redacted when the ring stores them, so a secret is never kept.
import type {
  MessagePreview,
  TrafficDetail,
  TrafficEntry,
  TrafficList,
  TrafficQuery,
} from '../../app/connectivity/api.js';
import { REDACTED } from '../../app/connectivity/api.js';

export const PREVIEW_BYTES = 4096;
const CAPACITY = 500;

/** Keeps the first PREVIEW_BYTES of a body and counts all of it. */
export class BodyTap {
  private readonly chunks: Buffer[] = [];
  private keptBytes = 0;
  total = 0;

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.keptBytes >= PREVIEW_BYTES) return;
    const slice = chunk.subarray(0, PREVIEW_BYTES - this.keptBytes);
    // A view, not a copy: it lives only until the exchange ends, when the ring copies it into its log.
    const part = slice;
    this.chunks.push(part);
    this.keptBytes += part.length;
  }

  /** Bytes kept for the preview. */
  get kept(): number {
    return this.keptBytes;
  }

  /** Copies the kept bytes into `target` at `offset`. */
  copyTo(target: Buffer, offset: number): void {
    let at = offset;
    for (const chunk of this.chunks) at += chunk.copy(target, at);
  }

  preview(): { text: string; truncated: boolean } {
    return { text: Buffer.concat(this.chunks).toString('utf8'), truncated: this.total > this.keptBytes };
  }
}

/** Header lists as sent: flat [name, value, name, value…] (Node's rawHeaders shape). */
export type RawHeaders = readonly string[];

export interface RecordedMessage {
  headers: RawHeaders;
  body: BodyTap | null;
}

const SECRET_HEADERS =
  /^(authorization|proxy-authorization|cookie|set-cookie|ssl_client_cert|x-csrf-token|sap-connectivity-.*|x-user-token|x-refresh-token|x-api-key)$/i;

/** `name\nvalue\nname\nvalue…` with secret values already replaced: the only redaction headers get. */
function joinRedacted(headers: RawHeaders): string {
  let out = '';
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const name = headers[i]!;
    out += `${i === 0 ? '' : '\n'}${name}\n${SECRET_HEADERS.test(name) ? REDACTED : headers[i + 1]!}`;
  }
  return out;
}

function pairs(flat: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

const SECRET_PARAMS = /token|password|passwd|secret|assertion|code|sig|key|session/i;

/** Query parameters whose names look secret keep their name but lose their value. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq >= 0 ? pair.slice(0, eq) : pair;
      return eq >= 0 && SECRET_PARAMS.test(decodeURIComponentSafe(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Bytes of the log that holds the ring's headers and body previews (outside the JS heap). */
const LOG_BYTES = 8 * 1024 * 1024;

/**
 * The last CAPACITY exchanges. Only the events stay JS objects; headers and body previews are copied
 * into one preallocated byte log. Keeping each exchange's header arrays and body buffers alive made
 * every young-generation GC copy and promote them, which doubled the proxy's p99 under load; bytes in
 * the log cost the GC nothing. An exchange whose bytes were overwritten (a burst of huge headers)
 * still lists, and its detail says the message is no longer available.
 */
export class TrafficRing {
  private readonly entries: (TrafficEntry | undefined)[] = new Array<TrafficEntry | undefined>(CAPACITY);
  private readonly log = Buffer.allocUnsafe(LOG_BYTES);
  /** Bytes ever written to the log (monotonic): a message written at W is intact while written - W ≤ LOG_BYTES. */
  private written = 0;
  /** Per slot × (request, response): [start, head offset, head bytes, body offset, body bytes, flags]. */
  private readonly layout = new Float64Array(CAPACITY * 2 * 6);
  private next = 0;

  add(entry: TrafficEntry, request: RecordedMessage | null, response: RecordedMessage | null): void {
    const slot = this.next;
    this.entries[slot] = entry;
    // Header values are latin1 by construction (parsed as such) and contain no LF (the parser refuses it).
    // Secrets are redacted here already: a token is never kept, and the log holds ~1 KB less per request.
    // Both heads go into the log in one write: each write is a call into native code.
    const requestHead = request === null ? '' : joinRedacted(request.headers);
    const responseHead = response === null ? '' : joinRedacted(response.headers);
    const heads = requestHead.length + responseHead.length;
    const start = this.written;
    const headsAt = this.reserve(heads);
    this.log.write(
      heads === responseHead.length ? responseHead : requestHead + responseHead,
      headsAt,
      'latin1',
    );
    this.store(slot * 2, request, start, headsAt, requestHead.length);
    this.store(slot * 2 + 1, response, start, headsAt + requestHead.length, responseHead.length);
    this.next = (slot + 1) % CAPACITY;
  }

  private store(
    index: number,
    message: RecordedMessage | null,
    start: number,
    headAt: number,
    headBytes: number,
  ): void {
    const at = index * 6;
    const l = this.layout;
    if (message === null) {
      l[at + 5] = 0;
      return;
    }
    const body = message.body;
    const bodyBytes = body === null ? 0 : body.kept;
    l[at] = start;
    l[at + 1] = headAt;
    l[at + 2] = headBytes;
    const bodyAt = this.reserve(bodyBytes);
    if (body !== null) body.copyTo(this.log, bodyAt);
    l[at + 3] = bodyAt;
    l[at + 4] = bodyBytes;
    l[at + 5] = 1 | (body !== null && body.total > bodyBytes ? 2 : 0);
  }

  /** A contiguous region of the log (wrapping to the start when the end is too short). */
  private reserve(bytes: number): number {
    let offset = this.written % LOG_BYTES;
    if (offset + bytes > LOG_BYTES) {
      this.written += LOG_BYTES - offset;
      offset = 0;
    }
    this.written += bytes;
    return offset;
  }

  private message(index: number): MessagePreview | null | undefined {
    const at = index * 6;
    const l = this.layout;
    if (l[at + 5] === 0) return null;
    // Overwritten since: the entry still lists, its bytes are gone.
    if (this.written - l[at]! > LOG_BYTES) return undefined;
    const headAt = l[at + 1]!;
    const head = this.log.toString('latin1', headAt, headAt + l[at + 2]!);
    const headers = head === '' ? [] : head.split('\n');
    const bodyAt = l[at + 3]!;
    return {
      headers: pairs(headers),
      bodyPreview: this.log.toString('utf8', bodyAt, bodyAt + l[at + 4]!),
      bodyTruncated: (l[at + 5]! & 2) !== 0,
    };
  }

  list(query: Omit<TrafficQuery, 'limit'> & { limit: number }): TrafficList {
    const items: TrafficEntry[] = [];
    const q = query.q?.toLowerCase();
    for (let i = 1; i <= CAPACITY && items.length < query.limit; i++) {
      const entry = this.entries[(this.next - i + CAPACITY) % CAPACITY];
      if (!entry) break;
      if (matchesQuery(entry, query, q)) items.push(entry);
    }
    return { items, capacity: CAPACITY };
  }

  /** A scan, not an index by id: the page asks now and then, the proxy adds on every request. */
  detail(id: string): TrafficDetail | undefined {
    const slot = this.entries.findIndex((e) => e?.id === id);
    if (slot < 0) return undefined;
    const entry = this.entries[slot]!;
    const request = this.message(slot * 2);
    const response = this.message(slot * 2 + 1);
    if (request === undefined || response === undefined) return { entry, request: null, response: null };
    return { entry, request, response };
  }

  clear(): void {
    this.entries.fill(undefined);
    this.next = 0;
  }
}

function matchesQuery(entry: TrafficEntry, query: TrafficQuery, q: string | undefined): boolean {
  if (query.kind === 'http' && entry.type !== 'proxy-request') return false;
  if (query.kind === 'socks' && entry.type !== 'socks-connection') return false;
  if (query.outcome !== undefined && entry.decision.allowed !== (query.outcome === 'allowed')) return false;
  if (query.location !== undefined && (entry.location ?? 'default') !== query.location) return false;
  if (q === undefined || q === '') return true;
  const text =
    entry.type === 'proxy-request'
      ? `${entry.method} ${entry.url} ${entry.status}`
      : `CONNECT ${entry.destination}`;
  return text.toLowerCase().includes(q) || entry.decision.reason.toLowerCase().includes(q);
}
