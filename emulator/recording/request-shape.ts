// The semantic shape of a request for replay matching: what an OData server would treat as the same
// request. Key predicate order, `$`-option order and percent-encoding do not matter; `sap-client` does;
// JSON bodies compare canonically; a `$batch` body becomes its parts, independent of its boundaries.

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

const boundaryOf = (contentType: string): string | undefined =>
  /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)?.slice(1).find(Boolean);

/** The parts of a multipart body: [headers, body] each, without the boundary lines. */
export function multipartParts(
  body: string,
  boundary: string,
): { headers: Record<string, string>; body: string }[] {
  const delimiter = `--${boundary}`;
  return body
    .split(delimiter)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => p.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))
    .map((p) => {
      const split = /\r?\n\r?\n/.exec(p);
      const head = split ? p.slice(0, split.index) : p;
      const rest = split ? p.slice(split.index + split[0].length) : '';
      const headers: Record<string, string> = {};
      for (const line of head.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      return { headers, body: rest };
    });
}

/** An `application/http` part: `GET Path HTTP/1.1`, headers, blank line, body. */
function embeddedRequest(text: string): RawRequest | undefined {
  const [requestLine = '', ...lines] = text.split(/\r?\n/);
  const match = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(requestLine.trim());
  if (!match) return undefined;
  const blank = lines.findIndex((l) => l.trim() === '');
  const headerLines = blank < 0 ? lines : lines.slice(0, blank);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    method: match[1]!,
    url: match[2]!,
    headers,
    body:
      blank < 0
        ? ''
        : lines
            .slice(blank + 1)
            .join('\n')
            .trim(),
  };
}

function batchParts(
  contentType: string,
  body: string,
  rules: MatchRules,
  base: string,
): RequestShape[] | undefined {
  const boundary = boundaryOf(contentType);
  if (!boundary) return undefined;
  return multipartParts(body, boundary).flatMap((part): RequestShape[] => {
    const type = part.headers['content-type'] ?? '';
    if (type.startsWith('multipart/mixed')) return batchParts(type, part.body, rules, base) ?? [];
    const inner = embeddedRequest(part.body);
    if (!inner) return [];
    // Relative URLs in a batch are relative to the service root.
    const url = inner.url.startsWith('/') ? inner.url : `${base}/${inner.url}`;
    return [shapeOf({ ...inner, url }, rules)];
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
