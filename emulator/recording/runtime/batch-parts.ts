// Taking $batch bodies apart for replay: the client's request (multipart/mixed with changesets, or V4
// JSON with atomicity groups) as groups of parts, and a recorded batch response paired with the
// recorded request's parts (by position; JSON by id). Parses with the systems' multipart reader.
import { boundaryOf, parseBatch, type BatchRequestPart } from '../../systems/batch/multipart.js';

/** A recorded answer to one part, without where it came from. */
export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The error a whole changeset was answered with. */
  groupError: boolean;
  /** dataserviceversion / odata-version of the recorded response. */
  version?: [string, string];
}

export interface ClientPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  contentId?: string;
}

export interface ClientGroup {
  atomic: boolean;
  /** The changeset's boundary (multipart) or the atomicity group (JSON). */
  boundary?: string;
  parts: ClientPart[];
}

const SKIPPED_PART_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'date',
  'x-csrf-token',
  'set-cookie',
]);

export function partHeaders(headers: [string, string][]): Record<string, string> {
  return Object.fromEntries(
    headers.filter(([n]) => !SKIPPED_PART_HEADERS.has(n.toLowerCase())).map(([n, v]) => [n.toLowerCase(), v]),
  );
}

export function versionOf(headers: [string, string][]): { version?: [string, string] } {
  const found = headers.find(([n]) => ['dataserviceversion', 'odata-version'].includes(n.toLowerCase()));
  return found ? { version: [found[0].toLowerCase(), found[1]] } : {};
}

export function readBatch(contentType: string, body: string): ClientGroup[] {
  if (contentType.toLowerCase().startsWith('application/json')) return readJsonBatch(body);
  const toPart = (p: BatchRequestPart): ClientPart => ({
    method: p.method,
    url: p.url,
    headers: p.headers,
    body: p.body.toString('utf8'),
    ...(p.contentId === undefined ? {} : { contentId: p.contentId }),
  });
  return parseBatch(Buffer.from(body, 'utf8'), contentType).map((part) =>
    part.kind === 'changeset'
      ? { atomic: true, boundary: part.boundary, parts: part.requests.map(toPart) }
      : { atomic: false, parts: [toPart(part)] },
  );
}

interface JsonBatchRequest {
  id?: unknown;
  method?: unknown;
  url?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
  atomicityGroup?: unknown;
}

function readJsonBatch(body: string): ClientGroup[] {
  const parsed = JSON.parse(body) as { requests?: JsonBatchRequest[] } | null;
  if (!Array.isArray(parsed?.requests)) throw new Error('the JSON $batch body has no "requests" array');
  const groups: ClientGroup[] = [];
  for (const r of parsed.requests) {
    if (typeof r.method !== 'string' || typeof r.url !== 'string')
      throw new Error('every JSON $batch request needs method and url');
    const headers = Object.fromEntries(
      Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    if (r.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const part: ClientPart = {
      method: r.method.toUpperCase(),
      url: r.url,
      headers,
      body: r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body),
      ...(typeof r.id === 'string' ? { contentId: r.id } : {}),
    };
    const group = typeof r.atomicityGroup === 'string' ? r.atomicityGroup : undefined;
    const last = groups[groups.length - 1];
    if (group !== undefined && last?.atomic && last.boundary === group) last.parts.push(part);
    else groups.push({ atomic: group !== undefined, ...(group ? { boundary: group } : {}), parts: [part] });
  }
  return groups;
}

/** The recorded answers, paired with the recorded request groups by position (JSON: by id). */
export function readAnswers(groups: ClientGroup[], contentType: string, body: string): RecordedAnswer[][] {
  if (contentType.toLowerCase().startsWith('application/json')) {
    const parsed = JSON.parse(body) as {
      responses?: { id?: unknown; status?: unknown; headers?: Record<string, unknown>; body?: unknown }[];
    };
    const byId = new Map((parsed.responses ?? []).map((r) => [String(r.id), r]));
    return groups.map((g) =>
      g.parts.flatMap((p) => {
        const r = byId.get(p.contentId ?? '');
        if (!r || typeof r.status !== 'number') return [];
        const headers = Object.fromEntries(
          Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
        );
        const text = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        return [{ status: r.status, headers, body: text, groupError: false }];
      }),
    );
  }
  const responses = splitMultipart(body, boundaryOf(contentType));
  return groups.map((group, g) => {
    const part = responses[g];
    if (!part) return [];
    if ('inner' in part) return part.inner.map((r) => ({ ...r, groupError: false }));
    return group.parts.map(() => ({ ...part, groupError: group.atomic }));
  });
}

type ResponsePart = Omit<RecordedAnswer, 'groupError'>;

function splitMultipart(body: string, boundary: string): (ResponsePart | { inner: ResponsePart[] })[] {
  return sections(body, boundary).map((section) => {
    const { headers, rest } = head(section);
    const type = headers['content-type'] ?? '';
    if (type.toLowerCase().startsWith('multipart/mixed'))
      return { inner: sections(rest, boundaryOf(type)).map((s) => httpResponse(head(s).rest)) };
    return httpResponse(rest);
  });
}

function sections(body: string, boundary: string): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) out.push(current.join('\r\n'));
      return out;
    }
    if (trimmed === `--${boundary}`) {
      if (current) out.push(current.join('\r\n'));
      current = [];
    } else current?.push(line);
  }
  throw new Error(`the closing delimiter --${boundary}-- is missing`);
}

function head(text: string): { headers: Record<string, string>; rest: string } {
  const normalized = text.replace(/^(\r\n)+/, '');
  const end = normalized.indexOf('\r\n\r\n');
  const headText = end < 0 ? normalized : normalized.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of headText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, rest: end < 0 ? '' : normalized.slice(end + 4) };
}

function httpResponse(text: string): ResponsePart {
  const normalized = text.replace(/^(\r\n)+/, '');
  const lineEnd = normalized.indexOf('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lineEnd < 0 ? normalized : normalized.slice(0, lineEnd));
  if (!status) throw new Error('a batch response part has no status line');
  const { headers, rest } = head(lineEnd < 0 ? '' : normalized.slice(lineEnd + 2));
  const length = Number(headers['content-length'] ?? NaN);
  const body = Number.isInteger(length)
    ? Buffer.from(rest, 'utf8').subarray(0, length).toString('utf8')
    : rest.replace(/\r\n$/, '');
  return { status: Number(status[1]), headers: partHeaders(Object.entries(headers)), body };
}
