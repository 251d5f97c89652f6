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
import type { Decision } from '../../app/connectivity/events.js';
import { NO_EXTRA_RULES, redactionFor, type Redaction, type RedactionRules } from '../core/redaction.js';

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

/** The traffic view's redaction: the engine's rules, `<redacted>` as the mark (in URLs too, for reading). */
const TRAFFIC_MARKS = { mark: REDACTED, urlMark: REDACTED, byName: true };

export function trafficRedaction(rules: RedactionRules = NO_EXTRA_RULES): Redaction {
  return redactionFor(rules, TRAFFIC_MARKS);
}

const DEFAULT_TRAFFIC_REDACTION = trafficRedaction();

/** `name\nvalue\nname\nvalue…` with secret values already replaced: the only redaction headers get. */
function joinRedacted(headers: RawHeaders, redaction: Redaction): string {
  let out = '';
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const name = headers[i]!;
    out += `${i === 0 ? '' : '\n'}${name}\n${redaction.header(name, headers[i + 1]!)}`;
  }
  return out;
}

function pairs(flat: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

/** Bytes of the log that holds the ring's headers and body previews (outside the JS heap). */
const LOG_BYTES = 8 * 1024 * 1024;

/**
 * Room per slot for the entry's id, time, method and URL (or SOCKS destination). The proxy refuses a
 * request line and headers over 8192 bytes, so a URL always fits; anything longer is cut.
 */
const FIELD_BYTES = 8192 + 128;
/** Per slot: kind, status/reply, totalMs, backendMs, bytes in/up, bytes out/down, and the text lengths. */
const NUMS = 10;
const KIND_HTTP = 1;
const KIND_SOCKS = 2;
/** Per slot: location, decision, client, user, target — values the proxy shares between requests. */
const REFS = 5;

/**
 * The last CAPACITY exchanges, kept without holding a JS object per exchange: numbers in a typed
 * array, id, time, method and URL as bytes in a fixed region per slot, headers and body previews
 * in one preallocated byte log, and references only to what the proxy shares anyway (the compiled
 * decision, the token's client and user, the upstream). Entries are built again when the page asks.
 * Keeping each exchange's objects alive made young-generation GCs copy them and promote them (V8
 * also began allocating them straight in old space), so old space filled with dead entries and
 * mark-compacts of 5-12 ms hit the proxy's p99; bytes cost the GC nothing. An exchange whose header
 * and body bytes were overwritten (a burst of huge headers) still lists, and its detail says the
 * messages are no longer available.
 */
export class TrafficRing {
  private readonly nums = new Float64Array(CAPACITY * NUMS);
  private readonly refs: unknown[] = new Array<unknown>(CAPACITY * REFS).fill(null);
  private readonly fields = Buffer.allocUnsafe(CAPACITY * FIELD_BYTES);
  private readonly log = Buffer.allocUnsafe(LOG_BYTES);
  /** Bytes ever written to the log (monotonic): a message written at W is intact while written - W ≤ LOG_BYTES. */
  private written = 0;
  /** Per slot × (request, response): [start, head offset, head bytes, body offset, body bytes, flags]. */
  private readonly layout = new Float64Array(CAPACITY * 2 * 6);
  private next = 0;

  constructor(private readonly redaction: () => Redaction = () => DEFAULT_TRAFFIC_REDACTION) {}

  add(entry: TrafficEntry, request: RecordedMessage | null, response: RecordedMessage | null): void {
    const slot = this.next;
    this.keep(slot, entry);
    // Header values are latin1 by construction (parsed as such) and contain no LF (the parser refuses it).
    // Secrets are redacted here already: a token is never kept, and the log holds ~1 KB less per request.
    // Both heads go into the log in one write: each write is a call into native code.
    const redaction = this.redaction();
    const requestHead = request === null ? '' : joinRedacted(request.headers, redaction);
    const responseHead = response === null ? '' : joinRedacted(response.headers, redaction);
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

  private keep(slot: number, entry: TrafficEntry): void {
    const n = this.nums;
    const at = slot * NUMS;
    const r = slot * REFS;
    const refs = this.refs;
    refs[r] = entry.location;
    refs[r + 1] = entry.decision;
    refs[r + 2] = entry.client;
    refs[r + 4] = entry.target;
    let method = '';
    let where: string;
    if (entry.type === 'proxy-request') {
      n[at] = KIND_HTTP;
      n[at + 1] = entry.status;
      n[at + 3] = entry.timings.backendMs ?? NaN;
      n[at + 4] = entry.sizes.requestBytes;
      n[at + 5] = entry.sizes.responseBytes;
      refs[r + 3] = entry.user;
      method = entry.method;
      where = entry.url;
    } else {
      n[at] = KIND_SOCKS;
      n[at + 1] = entry.reply;
      n[at + 4] = entry.sizes.bytesUp;
      n[at + 5] = entry.sizes.bytesDown;
      refs[r + 3] = null;
      where = entry.destination;
    }
    n[at + 2] = entry.timings.totalMs;
    n[at + 6] = entry.id.length;
    n[at + 7] = entry.at.length;
    n[at + 8] = method.length;
    // Every part is latin1: ids and times are ASCII, methods are tokens, URLs and SOCKS host names are
    // read from the wire as latin1. The write stops at the slot's end (an over-long URL is cut).
    const text = entry.id + entry.at + method + where;
    n[at + 9] =
      this.fields.write(text, slot * FIELD_BYTES, FIELD_BYTES, 'latin1') - (text.length - where.length);
  }

  private entry(slot: number): TrafficEntry | undefined {
    const n = this.nums;
    const at = slot * NUMS;
    const kind = n[at];
    if (kind !== KIND_HTTP && kind !== KIND_SOCKS) return undefined;
    const f = this.fields;
    let from = slot * FIELD_BYTES;
    const text = (length: number): string => f.toString('latin1', from, (from += length));
    const id = text(n[at + 6]!);
    const time = text(n[at + 7]!);
    const method = text(n[at + 8]!);
    const where = text(n[at + 9]!);
    const r = slot * REFS;
    const refs = this.refs;
    const location = refs[r] as string | null;
    const decision = refs[r + 1] as Decision;
    const client = refs[r + 2] as string | null;
    const target = refs[r + 4] as string | null;
    const totalMs = n[at + 2]!;
    if (kind === KIND_SOCKS)
      return {
        type: 'socks-connection',
        at: time,
        id,
        destination: where,
        location,
        reply: n[at + 1]!,
        decision,
        client,
        target,
        timings: { totalMs },
        sizes: { bytesUp: n[at + 4]!, bytesDown: n[at + 5]! },
      };
    const backendMs = n[at + 3]!;
    return {
      type: 'proxy-request',
      at: time,
      id,
      method,
      url: where,
      location,
      status: n[at + 1]!,
      decision,
      client,
      user: refs[r + 3] as string | null,
      target,
      timings: { totalMs, backendMs: Number.isNaN(backendMs) ? null : backendMs },
      sizes: { requestBytes: n[at + 4]!, responseBytes: n[at + 5]! },
    };
  }

  /** The slot holding `id`: a scan, not an index, since the page asks now and then and the proxy adds on every request. */
  private slotOf(id: string): number {
    const n = this.nums;
    const f = this.fields;
    for (let slot = 0; slot < CAPACITY; slot++) {
      const at = slot * NUMS;
      if (n[at] === 0 || n[at + 6] !== id.length) continue;
      const from = slot * FIELD_BYTES;
      if (f.toString('latin1', from, from + id.length) === id) return slot;
    }
    return -1;
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
    const named = pairs(headers);
    const body = this.log.toString('utf8', bodyAt, bodyAt + l[at + 4]!);
    // Bodies are redacted when shown (form and JSON bodies; a cut JSON preview member by member): doing
    // it on store would parse every JSON answer on the proxy's path.
    const type = named.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
    return {
      headers: named,
      bodyPreview: type === undefined || body === '' ? body : this.redaction().body(type, body),
      bodyTruncated: (l[at + 5]! & 2) !== 0,
    };
  }

  list(query: Omit<TrafficQuery, 'limit'> & { limit: number }): TrafficList {
    const items: TrafficEntry[] = [];
    const q = query.q?.toLowerCase();
    for (let i = 1; i <= CAPACITY && items.length < query.limit; i++) {
      const entry = this.entry((this.next - i + CAPACITY) % CAPACITY);
      if (!entry) break;
      if (matchesQuery(entry, query, q)) items.push(entry);
    }
    return { items, capacity: CAPACITY };
  }

  detail(id: string): TrafficDetail | undefined {
    const slot = this.slotOf(id);
    if (slot < 0) return undefined;
    const entry = this.entry(slot)!;
    const request = this.message(slot * 2);
    const response = this.message(slot * 2 + 1);
    if (request === undefined || response === undefined) return { entry, request: null, response: null };
    return { entry, request, response };
  }

  clear(): void {
    this.nums.fill(0);
    this.refs.fill(null);
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
