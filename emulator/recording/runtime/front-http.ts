// HTTP plumbing of a system's recording front: reading the client's body (bounded), sending buffered
// answers, streaming the real system's answer through (and teeing it for the recording), making the
// real system's redirects and cookies the simulated system's, and the front's own error answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errorBody, type ODataError } from '../../systems/odata/errors.js';
import type { ReplayResponse } from '../replayer.js';
import { serviceRootOf, type Exchange, type ServiceRoot } from './har-entry.js';
import { forwardableHeaders, type HeaderList, type LiveUpstream } from './live-upstream.js';

export const MAX_BODY = 64 * 1024 * 1024;
const DROP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'trailer',
]);
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  413: 'Payload Too Large',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

export function headerOf(headers: HeaderList, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** A complete answer with its Content-Length; a HEAD gets the headers only. */
export function sendBuffered(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  statusText: string,
  headers: HeaderList,
  body: Buffer,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const out = headers.filter(
    ([n]) => !DROP_RESPONSE.has(n.toLowerCase()) && n.toLowerCase() !== 'content-length',
  );
  out.push(['content-length', String(body.length)]);
  res.writeHead(status, statusText || undefined, out.flat());
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Hop-by-hop headers dropped; redirects to the real system and its cookie domain made the system's own. */
export function clientHeaders(live: LiveUpstream, headers: HeaderList, ownOrigin: string): HeaderList {
  const out: HeaderList = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (DROP_RESPONSE.has(lower)) continue;
    if (lower === 'location') out.push([name, live.rewriteLocation(value, ownOrigin)]);
    else if (lower === 'set-cookie') out.push([name, value.replace(/;\s*domain=[^;]*/i, '')]);
    else out.push([name, value]);
  }
  return out;
}

export type PassOutcome = { status: number; broken?: string } | { error: unknown };

/**
 * Sends the client's request to the real system and streams the answer back. With `beforeEnd` the
 * answer is also collected, and its last chunk is held back until `beforeEnd` has run (the recording is
 * written before the client has the whole answer). `error`: nothing was sent to the client yet.
 */
export async function passThrough(
  live: LiveUpstream,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  options: { ownOrigin: string; beforeEnd?: (exchange: Exchange) => Promise<void> },
): Promise<PassOutcome> {
  const sent = {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    headers: forwardableHeaders(req.rawHeaders),
    body,
  };
  const started = new Date();
  const t0 = performance.now();
  let upstream;
  try {
    upstream = await live.send(sent);
  } catch (error) {
    return { error };
  }
  const t1 = performance.now();
  res.writeHead(
    upstream.status,
    upstream.statusText,
    clientHeaders(live, upstream.headers, options.ownOrigin).flat(),
  );
  const record = options.beforeEnd;
  const chunks: Buffer[] = [];
  let held: Buffer | undefined;
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!record) return done(null, chunk);
      chunks.push(chunk);
      const previous = held;
      held = chunk;
      done(null, previous);
    },
  });
  try {
    await pipeline(upstream.body, tee, res, { end: false });
  } catch (error) {
    res.destroy();
    return { status: upstream.status, broken: (error as Error).message };
  }
  await record?.({
    started,
    method: sent.method,
    url: `${live.origin}${sent.path}`,
    requestHeaders: [['Host', new URL(live.origin).host], ...sent.headers],
    requestBody: body,
    status: upstream.status,
    statusText: upstream.statusText,
    responseHeaders: upstream.headers,
    responseBody: Buffer.concat(chunks),
    waitMs: t1 - t0,
    receiveMs: performance.now() - t1,
  });
  res.end(held);
  return { status: upstream.status };
}

/** The front's own error: an OData error (the service's version) under a service root, plain text elsewhere. */
export function errorAnswer(url: string, error: ODataError, roots: readonly ServiceRoot[]): ReplayResponse {
  const pathname = new URL(url, 'http://x').pathname;
  const root = serviceRootOf(pathname, roots);
  const statusText = STATUS_TEXT[error.status] ?? 'Error';
  if (!root)
    return {
      status: error.status,
      statusText,
      headers: [['content-type', 'text/plain;charset=utf-8']],
      body: Buffer.from(`${error.message}\n`),
    };
  const version =
    roots.find((r) => r.root === root)?.model?.version ?? (root.includes('/odata4/') ? 'v4' : 'v2');
  return {
    status: error.status,
    statusText,
    headers: [['content-type', 'application/json;charset=utf-8']],
    body: Buffer.from(errorBody(error, version)),
  };
}
