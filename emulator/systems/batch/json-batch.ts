// The V4 JSON batch format: {"requests":[{id, method, url, headers, body, atomicityGroup}]} →
// {"responses":[{id, status, headers, body}]}. Requests of one atomicity group succeed or fail together.
import type { ODataRequest, ODataResponse } from '../http/types.js';
import { json } from '../http/types.js';
import { jsonBody } from '../odata/body.js';
import { badRequest } from '../odata/errors.js';
import type { ODataService } from '../service.js';
import type { Handle } from './batch.js';
import { runAtomic, runPart } from './batch.js';
import type { BatchRequestPart, PartResponse } from './multipart.js';

interface JsonRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  atomicityGroup?: string;
}

export async function handleJsonBatch(
  service: ODataService,
  req: ODataRequest,
  handle: Handle,
): Promise<ODataResponse> {
  const requests = readRequests(jsonBody(req));
  const responses: unknown[] = [];
  let i = 0;
  while (i < requests.length) {
    const group = requests[i]!.atomicityGroup;
    let end = i + 1;
    while (group !== undefined && end < requests.length && requests[end]!.atomicityGroup === group) end++;
    const batch = requests.slice(i, end);
    i = end;
    const parts = batch.map(toPart);
    const results =
      group === undefined
        ? [await runPart(service, req, parts[0]!, handle, new Map())]
        : await runAtomic(service, req, parts, handle);
    const failed =
      group !== undefined && results.length === 1 && results[0]!.status >= 400 && batch.length > 1;
    // A failed group answers every member with the failure, so clients see which requests were undone.
    for (const r of failed ? batch.map((b) => ({ ...results[0]!, contentId: b.id })) : results)
      responses.push(toJson(r));
  }
  return json(200, { responses }, { 'odata-version': '4.0' });
}

function readRequests(body: unknown): JsonRequest[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) throw badRequest('Malformed JSON $batch: the body needs a "requests" array');
  return requests.map((r, index) => {
    const item = r as Partial<JsonRequest> | null;
    if (
      !item ||
      typeof item.id !== 'string' ||
      typeof item.method !== 'string' ||
      typeof item.url !== 'string'
    ) {
      throw badRequest(`Malformed JSON $batch: request ${index + 1} needs id, method and url strings`);
    }
    return item as JsonRequest;
  });
}

function toPart(r: JsonRequest): BatchRequestPart {
  const headers = Object.fromEntries(
    Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  if (r.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  return {
    kind: 'request',
    contentId: r.id,
    method: r.method.toUpperCase(),
    url: r.url,
    headers,
    body: Buffer.from(r.body === undefined ? '' : JSON.stringify(r.body)),
  };
}

function toJson(r: PartResponse): unknown {
  let body: unknown = undefined;
  if (r.body !== '') {
    try {
      body = JSON.parse(r.body) as unknown;
    } catch {
      body = r.body;
    }
  }
  return { id: r.contentId, status: r.status, headers: r.headers, ...(body === undefined ? {} : { body }) };
}
