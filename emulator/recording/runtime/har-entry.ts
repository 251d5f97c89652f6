// One exchange with the real system as a HAR 1.2 entry with the emulator's fields: bodies decoded
// (HAR content is the decoded text; the Content-Encoding header stays for the record), the OData
// service, entity set and operation derived from the system's services, and the replay key.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { EdmModel } from '../../systems/edm/model.js';
import type { HarEntry, HarNameValue, ODataInfo } from '../har.js';
import { shapeKey, shapeOf, type MatchRules } from '../request-shape.js';
import type { HeaderList } from './live-upstream.js';

export interface Exchange {
  started: Date;
  method: string;
  /** Absolute URL as sent to the real system. */
  url: string;
  requestHeaders: HeaderList;
  requestBody: Buffer;
  status: number;
  statusText: string;
  responseHeaders: HeaderList;
  /** As received (still content-encoded). */
  responseBody: Buffer;
  waitMs: number;
  receiveMs: number;
}

export interface ServiceRoot {
  name: string;
  /** Starts and ends with `/`. */
  root: string;
  model?: EdmModel;
}

const TEXTUAL =
  /^(text\/|application\/(json|xml|atom\+xml|atomsvc\+xml|javascript|x-www-form-urlencoded|http)|multipart\/)|[+/](json|xml)\b/i;

const get = (headers: HeaderList, name: string): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1];

const pairs = (headers: HeaderList): HarNameValue[] => headers.map(([name, value]) => ({ name, value }));

function decode(body: Buffer, encoding: string | undefined): Buffer | undefined {
  const kind = encoding?.trim().toLowerCase();
  if (!kind || kind === 'identity' || body.length === 0) return body;
  try {
    if (kind === 'gzip' || kind === 'x-gzip') return gunzipSync(body);
    if (kind === 'br') return brotliDecompressSync(body);
    if (kind === 'deflate') {
      try {
        return inflateSync(body);
      } catch {
        return inflateRawSync(body);
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function content(headers: HeaderList, raw: Buffer): HarEntry['response']['content'] {
  const mimeType = get(headers, 'content-type') ?? '';
  const decoded = decode(raw, get(headers, 'content-encoding'));
  const body = decoded ?? raw;
  const textual = body.length === 0 || (decoded !== undefined && TEXTUAL.test(mimeType));
  return {
    size: body.length,
    mimeType,
    ...(textual ? { text: body.toString('utf8') } : { text: body.toString('base64'), encoding: 'base64' }),
    ...(decoded && decoded.length !== raw.length ? { compression: decoded.length - raw.length } : {}),
  };
}

function requestCookies(headers: HeaderList): HarNameValue[] {
  return headers
    .filter(([n]) => n.toLowerCase() === 'cookie')
    .flatMap(([, v]) => v.split(';'))
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const eq = c.indexOf('=');
      return eq < 0 ? { name: c, value: '' } : { name: c.slice(0, eq), value: c.slice(eq + 1) };
    });
}

function responseCookies(headers: HeaderList): HarNameValue[] {
  return headers
    .filter(([n]) => n.toLowerCase() === 'set-cookie')
    .map(([, v]) => {
      const first = v.split(';')[0]!;
      const eq = first.indexOf('=');
      return {
        name: first.slice(0, eq < 0 ? undefined : eq).trim(),
        value: eq < 0 ? '' : first.slice(eq + 1),
      };
    });
}

/** The entry as it happened (not yet redacted; the runtime redacts before it writes). */
export function harEntry(x: Exchange, fields: { system: string; location: string | null }): HarEntry {
  const url = new URL(x.url);
  const mimeType = get(x.requestHeaders, 'content-type') ?? '';
  const responseText = content(x.responseHeaders, x.responseBody);
  return {
    startedDateTime: x.started.toISOString(),
    time: round(x.waitMs + x.receiveMs),
    request: {
      method: x.method,
      url: x.url,
      httpVersion: 'HTTP/1.1',
      headers: pairs(x.requestHeaders),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      cookies: requestCookies(x.requestHeaders),
      headersSize: -1,
      bodySize: x.requestBody.length,
      ...(x.requestBody.length > 0 ? { postData: { mimeType, text: x.requestBody.toString('utf8') } } : {}),
    },
    response: {
      status: x.status,
      statusText: x.statusText,
      httpVersion: 'HTTP/1.1',
      headers: pairs(x.responseHeaders),
      cookies: responseCookies(x.responseHeaders),
      content: responseText,
      redirectURL: get(x.responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: x.responseBody.length,
    },
    cache: {},
    timings: { send: 0, wait: round(x.waitMs), receive: round(x.receiveMs) },
    _system: fields.system,
    _location: fields.location,
  };
}

/** Adds `_odata` and `_replayKey`, computed from the entry as stored (after redaction), as replay will. */
export function withReplayFields(
  entry: HarEntry,
  roots: readonly ServiceRoot[],
  rules: MatchRules,
): HarEntry {
  const url = new URL(entry.request.url);
  const headers = Object.fromEntries(entry.request.headers.map((h) => [h.name.toLowerCase(), h.value]));
  const odata = odataInfo(entry.request.method, url.pathname, headers, roots);
  const shape = shapeOf(
    {
      method: entry.request.method,
      url: `${url.pathname}${url.search}`,
      headers,
      body: entry.request.postData?.text ?? '',
    },
    rules,
  );
  return { ...entry, ...(odata ? { _odata: odata } : {}), _replayKey: shapeKey(shape) };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Service roots by convention, for systems that stand for a real one without simulated services. */
const CONVENTIONS = [
  /^(\/sap\/opu\/odata\/[^/]+\/([^/]+)\/)/i,
  /^(\/sap\/opu\/odata4\/[^/]+\/([^/]+)\/srvd(?:_a2x)?\/[^/]+\/[^/]+\/\d{4}\/)/i,
];

function rootOf(pathname: string, roots: readonly ServiceRoot[]): ServiceRoot | undefined {
  let best: ServiceRoot | undefined;
  for (const r of roots)
    if (
      (pathname.startsWith(r.root) || `${pathname}/` === r.root) &&
      r.root.length > (best?.root.length ?? 0)
    )
      best = r;
  if (best) return best;
  for (const pattern of CONVENTIONS) {
    const match = pattern.exec(pathname) ?? pattern.exec(`${pathname}/`);
    if (match) return { name: safeDecode(match[2]!), root: match[1]! };
  }
  return undefined;
}

/** The service root a path belongs to (configured services first, then SAP's URL conventions). */
export function serviceRootOf(pathname: string, roots: readonly ServiceRoot[]): string | undefined {
  return rootOf(pathname, roots)?.root;
}

export function odataInfo(
  method: string,
  pathname: string,
  headers: Record<string, string | undefined>,
  roots: readonly ServiceRoot[],
): ODataInfo | undefined {
  const service = rootOf(pathname, roots);
  if (!service) return undefined;
  const rest = safeDecode(pathname.slice(service.root.length));
  const verb = (headers['x-http-method'] ?? method).toUpperCase();
  const info = (entitySet: string | null, operation: string): ODataInfo => ({
    service: service.name,
    entitySet,
    operation,
  });
  if (headers['x-csrf-token']?.toLowerCase() === 'fetch' && (verb === 'HEAD' || rest === ''))
    return info(null, 'csrf-fetch');
  if (rest === '') return info(null, 'service-document');
  if (rest.startsWith('$metadata')) return info(null, 'metadata');
  if (rest.startsWith('$batch')) return info(null, 'batch');
  const segments = rest.split('/').filter(Boolean);
  const name = segments[0]!.replace(/\(.*$/, '');
  const model = service.model;
  if (model?.operations.has(name) || segments.slice(1).some((s) => s.includes('.')))
    return info(null, 'function');
  const entitySet = !model || model.entitySets.has(name) ? name : null;
  if (segments[segments.length - 1] === '$count') return info(entitySet, 'count');
  const operation =
    verb === 'POST'
      ? 'create'
      : verb === 'PUT' || verb === 'PATCH' || verb === 'MERGE'
        ? 'update'
        : verb === 'DELETE'
          ? 'delete'
          : segments[segments.length - 1]!.endsWith(')')
            ? 'read'
            : 'query';
  return info(entitySet, operation);
}
