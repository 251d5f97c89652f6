// The recent exchanges behind the Traffic page: a bounded ring of events plus the headers and a capped
// prefix of each body. Bodies are teed while they stream (never buffered whole); redaction happens
// when an exchange is read, so the forwarding path only keeps references.
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
  private kept = 0;
  total = 0;

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= PREVIEW_BYTES) return;
    // A copy: a slice would keep the socket's whole read buffer alive in the traffic ring.
    const part = Buffer.from(chunk.subarray(0, PREVIEW_BYTES - this.kept));
    this.chunks.push(part);
    this.kept += part.length;
  }

  preview(): { text: string; truncated: boolean } {
    return { text: Buffer.concat(this.chunks).toString('utf8'), truncated: this.total > this.kept };
  }
}

/** Header lists as sent: flat [name, value, name, value…] (Node's rawHeaders shape). */
export type RawHeaders = readonly string[];

export interface RecordedMessage {
  headers: RawHeaders;
  body: BodyTap | null;
}

interface Slot {
  entry: TrafficEntry;
  request: RecordedMessage | null;
  response: RecordedMessage | null;
}

const SECRET_HEADERS =
  /^(authorization|proxy-authorization|cookie|set-cookie|ssl_client_cert|x-csrf-token|sap-connectivity-.*|x-user-token|x-refresh-token|x-api-key)$/i;

export function redactHeaders(headers: RawHeaders): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const name = headers[i]!;
    out.push([name, SECRET_HEADERS.test(name) ? REDACTED : headers[i + 1]!]);
  }
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

function preview(message: RecordedMessage | null): MessagePreview | null {
  if (!message) return null;
  const body = message.body?.preview() ?? { text: '', truncated: false };
  return { headers: redactHeaders(message.headers), bodyPreview: body.text, bodyTruncated: body.truncated };
}

export class TrafficRing {
  private readonly slots: (Slot | undefined)[] = new Array<Slot | undefined>(CAPACITY);
  private readonly byId = new Map<string, Slot>();
  private next = 0;

  add(entry: TrafficEntry, request: RecordedMessage | null, response: RecordedMessage | null): void {
    const old = this.slots[this.next];
    if (old) this.byId.delete(old.entry.id);
    const slot = { entry, request, response };
    this.slots[this.next] = slot;
    this.byId.set(entry.id, slot);
    this.next = (this.next + 1) % CAPACITY;
  }

  list(query: Omit<TrafficQuery, 'limit'> & { limit: number }): TrafficList {
    const items: TrafficEntry[] = [];
    const q = query.q?.toLowerCase();
    for (let i = 1; i <= CAPACITY && items.length < query.limit; i++) {
      const slot = this.slots[(this.next - i + CAPACITY) % CAPACITY];
      if (!slot) break;
      if (matchesQuery(slot.entry, query, q)) items.push(slot.entry);
    }
    return { items, capacity: CAPACITY };
  }

  detail(id: string): TrafficDetail | undefined {
    const slot = this.byId.get(id);
    if (!slot) return undefined;
    return { entry: slot.entry, request: preview(slot.request), response: preview(slot.response) };
  }

  clear(): void {
    this.slots.fill(undefined);
    this.byId.clear();
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
