// Answers requests from recorded exchanges. CSRF is replayed as a protocol, not as bytes: a
// `x-csrf-token: Fetch` gets a fresh token, and a modifying request must bring one this replayer issued
// (403 + `x-csrf-token: Required` otherwise), so a client's fetch-then-modify flow works offline.
import { randomBytes } from 'node:crypto';
import type { HarEntry } from './har.js';
import { ReplayIndex, type Miss } from './matcher.js';
import { DEFAULT_MATCH_RULES, shapeOf, type MatchRules, type RawRequest } from './request-shape.js';

export interface ReplayResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

export type ReplayResult =
  | { kind: 'hit'; response: ReplayResponse; entry: HarEntry; position: number; of: number }
  /** A token fetch nothing was recorded for (a HEAD on the service root, say), answered anyway. */
  | { kind: 'token'; response: ReplayResponse }
  /** `nearest`: the recorded entries of the miss's candidates, in the same order. */
  | { kind: 'miss'; miss: Miss; response: ReplayResponse; nearest: HarEntry[] };

const MODIFYING = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);
/** Recomputed or meaningless on replay. */
const DROPPED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'x-csrf-token',
]);
const TOKEN_TTL_MS = 30 * 60_000;

function header(headers: RawRequest['headers'], name: string): string | undefined {
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
  return found?.[1];
}

export function harBody(entry: HarEntry): Buffer {
  const content = entry.response.content;
  if (content.text === undefined) return Buffer.alloc(0);
  return Buffer.from(content.text, content.encoding === 'base64' ? 'base64' : 'utf8');
}

export class Replayer {
  private readonly index: ReplayIndex<HarEntry>;
  private readonly tokens = new Map<string, number>();

  constructor(
    entries: Iterable<HarEntry>,
    private readonly rules: MatchRules = DEFAULT_MATCH_RULES,
  ) {
    this.index = new ReplayIndex<HarEntry>([]);
    for (const entry of entries) this.add(entry);
  }

  /** Adds a recorded exchange (also used for record-on-miss). */
  add(entry: HarEntry): void {
    const url = new URL(entry.request.url, 'http://recorded.invalid');
    const headers = Object.fromEntries(entry.request.headers.map((h) => [h.name, h.value]));
    const body = entry.request.postData?.text ?? '';
    this.index.add(
      shapeOf(
        { method: entry.request.method, url: `${url.pathname}${url.search}`, headers, body },
        this.rules,
      ),
      entry,
    );
  }

  get size(): number {
    return this.index.size;
  }

  respond(request: RawRequest): ReplayResult {
    const csrf = header(request.headers, 'x-csrf-token');
    const method = request.method.toUpperCase();
    if (MODIFYING.has(method) && !this.validToken(csrf)) return this.csrfRequired(request);
    const found = this.index.lookup(shapeOf(request, this.rules));
    const fetching = csrf?.toLowerCase() === 'fetch';
    if ('miss' in found && fetching && (method === 'GET' || method === 'HEAD')) {
      return {
        kind: 'token',
        response: {
          status: 200,
          statusText: 'OK',
          headers: [['x-csrf-token', this.issueToken()]],
          body: Buffer.alloc(0),
        },
      };
    }
    if ('miss' in found)
      return {
        kind: 'miss',
        miss: found.miss,
        response: missResponse(found.miss, request),
        nearest: found.nearest,
      };
    const response = toResponse(found.hit);
    if (fetching) response.headers.push(['x-csrf-token', this.issueToken()]);
    return { kind: 'hit', response, entry: found.hit, position: found.position, of: found.of };
  }

  /** A fresh CSRF token this replayer accepts (also handed out when another answer stands in for it). */
  issueToken(): string {
    const token = randomBytes(18).toString('base64');
    this.tokens.set(token, Date.now() + TOKEN_TTL_MS);
    return token;
  }

  validToken(token: string | undefined): boolean {
    const expires = token ? this.tokens.get(token) : undefined;
    return expires !== undefined && expires > Date.now();
  }

  private csrfRequired(request: RawRequest): ReplayResult {
    const shape = shapeOf(request, this.rules);
    const body = Buffer.from('CSRF token validation failed');
    return {
      kind: 'miss',
      miss: { request: `${shape.method} ${shape.path}`, candidates: [] },
      nearest: [],
      response: {
        status: 403,
        statusText: 'Forbidden',
        headers: [
          ['x-csrf-token', 'Required'],
          ['content-type', 'text/plain'],
        ],
        body,
      },
    };
  }
}

function toResponse(entry: HarEntry): ReplayResponse {
  return {
    status: entry.response.status,
    statusText: entry.response.statusText,
    headers: entry.response.headers
      .filter((h) => !DROPPED_HEADERS.has(h.name.toLowerCase()))
      .filter((h) => !(h.name.toLowerCase() === 'set-cookie' && h.value.includes('[redacted]')))
      .map((h): [string, string] => [h.name, h.value]),
    body: harBody(entry),
  };
}

/** A strict miss as an OData error naming the request and why each nearest recording did not match. */
export function missResponse(miss: Miss, request: RawRequest): ReplayResponse {
  const v4 =
    header(request.headers, 'odata-version')?.startsWith('4') === true || request.url.includes('/odata4/');
  const message = `No recorded exchange matches ${miss.request}${miss.candidates.length ? '; nearest recordings listed in the details' : '; the session has no recordings'}`;
  const details = miss.candidates.map((c) => ({
    code: 'REPLAY_CANDIDATE',
    message: `${c.request}: ${c.differences.map((d) => d.detail).join('; ') || 'identical (already replayed)'}`,
  }));
  const error = v4
    ? {
        error: {
          code: 'BTP_EMULATOR/REPLAY_MISS',
          message,
          details: details.map((d) => ({ ...d, target: '' })),
        },
      }
    : {
        error: {
          code: 'BTP_EMULATOR/REPLAY_MISS',
          message: { lang: 'en', value: message },
          innererror: { errordetails: details.map((d) => ({ ...d, severity: 'error', target: '' })) },
        },
      };
  return {
    status: 404,
    statusText: 'Not Found',
    headers: [
      ['content-type', 'application/json'],
      ['x-btp-emulator-replay', 'miss'],
    ],
    body: Buffer.from(JSON.stringify(error)),
  };
}
