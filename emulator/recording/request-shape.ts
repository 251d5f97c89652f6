// The semantic shape of a request for replay matching: what an OData server would treat as the same
// request. Key predicate order, `$`-option order and percent-encoding do not matter; `sap-client` does;
// JSON bodies compare canonically; a `$batch` body becomes its parts, independent of its boundaries.
import { parseBatch, type BatchPart } from '../systems/batch/multipart.js';

export interface MatchRules {
  /** Query parameters that never matter (cache busters, timestamps). Lower case. */
  ignoreQueryParams: readonly string[];
  /** Headers that matter besides method, path, query and body. Lower case. */
  significantHeaders: readonly string[];
}

export const DEFAULT_MATCH_RULES: MatchRules = {
  ignoreQueryParams: ['_', 'sap-cache-buster', 'sap-ui-xx-cache'],
  significantHeaders: ['sap-client', 'sap-language'],
};

export interface RequestShape {
  method: string;
  path: string;
  /** Sorted [name, value] pairs, decoded. */
  query: [string, string][];
  headers: [string, string][];
  /** Canonical body text; for $batch the parts' shapes instead. */
  body: string;
  parts?: RequestShape[];
}

export interface RawRequest {
  method: string;
  /** Path and query, e.g. `/sap/opu/odata/sap/API_BP/A_BP('1')?$format=json`. */
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
}

const safeDecode = (v: string): string => {
  try {
    return decodeURIComponent(v.replaceAll('+', ' '));
  } catch {
    return v;
  }
};

/** Splits at top-level commas, ignoring commas inside quoted OData literals ('it''s' quotes by doubling). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** `Set(B='2',A='1')` → `Set(A='1',B='2')`; single positional keys stay as they are. */
function normalizeSegment(segment: string): string {
  const decoded = safeDecode(segment);
  const open = decoded.indexOf('(');
  if (open < 0 || !decoded.endsWith(')')) return decoded;
  const keys = splitTopLevel(decoded.slice(open + 1, -1)).map((k) => k.trim());
  if (keys.length < 2 || !keys.every((k) => k.includes('='))) return decoded;
  return `${decoded.slice(0, open)}(${[...keys].sort().join(',')})`;
}

export function normalizePath(path: string): string {
  const segments = path.split('/').map(normalizeSegment);
  const joined = segments.join('/');
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}

function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonicalJson((value as Record<string, unknown>)[k])]),
  );
}

export function canonicalBody(contentType: string, body: string): string {
  if (body === '') return '';
  if (contentType.includes('json')) {
    try {
      return JSON.stringify(canonicalJson(JSON.parse(body)));
    } catch {
      return body;
    }
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return [...new URLSearchParams(body)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
  }
  return body;
}

/** The parts of a `$batch` body as shapes (the systems' own parser); a malformed batch counts as a plain body. */
function batchParts(
  contentType: string,
  body: string,
  rules: MatchRules,
  base: string,
): RequestShape[] | undefined {
  let parts: BatchPart[];
  try {
    parts = parseBatch(Buffer.from(body, 'utf8'), contentType);
  } catch {
    return undefined;
  }
  const requests = parts.flatMap((part) => (part.kind === 'changeset' ? part.requests : [part]));
  return requests.map((inner) => {
    // Relative URLs in a batch are relative to the service root.
    const url = inner.url.startsWith('/') ? inner.url : `${base}/${inner.url}`;
    return shapeOf(
      { method: inner.method, url, headers: inner.headers, body: inner.body.toString('utf8') },
      rules,
    );
  });
}

export function shapeOf(request: RawRequest, rules: MatchRules = DEFAULT_MATCH_RULES): RequestShape {
  const q = request.url.indexOf('?');
  const rawPath = q < 0 ? request.url : request.url.slice(0, q);
  const path = normalizePath(rawPath);
  const ignored = new Set(rules.ignoreQueryParams);
  const query = (q < 0 ? '' : request.url.slice(q + 1))
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string] => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? [safeDecode(pair), '']
        : [safeDecode(pair.slice(0, eq)), safeDecode(pair.slice(eq + 1))];
    })
    .filter(([name]) => !ignored.has(name.toLowerCase()))
    .sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  const lowerHeaders = Object.fromEntries(
    Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const headers = rules.significantHeaders
    .filter((h) => lowerHeaders[h] !== undefined)
    .map((h): [string, string] => [h, lowerHeaders[h]!]);
  const contentType = (lowerHeaders['content-type'] ?? '').toLowerCase();
  const parts = path.endsWith('/$batch')
    ? batchParts(lowerHeaders['content-type'] ?? '', request.body, rules, path.slice(0, -'/$batch'.length))
    : undefined;
  return {
    method: request.method.toUpperCase(),
    path,
    query,
    headers,
    body: parts ? '' : canonicalBody(contentType, request.body),
    ...(parts ? { parts } : {}),
  };
}

/** A stable string for exact matching (the `_replayKey` of a recorded entry). */
export function shapeKey(shape: RequestShape): string {
  return JSON.stringify([
    shape.method,
    shape.path,
    shape.query,
    shape.headers,
    shape.body,
    shape.parts?.map(shapeKey) ?? null,
  ]);
}
