// $batch: every part runs through the same request handler as a direct call. A changeset (V2/V4
// multipart) or atomicity group (V4 JSON) is atomic: the service data is snapshotted first and
// restored when any request in it fails, and the failure is answered for the whole group.
import { randomUUID } from 'node:crypto';
import type { ODataRequest, ODataResponse } from '../http/types.js';
import { badRequest, methodNotAllowed } from '../odata/errors.js';
import type { ODataService } from '../service.js';
import {
  multipartText,
  parseBatch,
  partText,
  type BatchRequestPart,
  type PartResponse,
} from './multipart.js';
import { handleJsonBatch } from './json-batch.js';

export type Handle = (service: ODataService, request: ODataRequest) => Promise<ODataResponse>;

export async function handleBatch(
  service: ODataService,
  req: ODataRequest,
  handle: Handle,
): Promise<ODataResponse> {
  if (req.method !== 'POST') throw methodNotAllowed('$batch requires POST');
  const type = req.headers['content-type'] ?? '';
  if (service.version === 'v4' && type.toLowerCase().startsWith('application/json'))
    return handleJsonBatch(service, req, handle);
  const parts = parseBatch(req.body, type);
  const boundary = `batch_${randomUUID()}`;
  const out: string[] = [];
  for (const part of parts) {
    if (part.kind === 'request') {
      if (part.method !== 'GET') throw badRequest(`Malformed $batch: ${part.method} outside a changeset`);
      out.push(partText(await runPart(service, req, part, handle)));
      continue;
    }
    const responses = await runAtomic(service, req, part.requests, handle);
    if (responses.length === 1 && responses[0]!.status >= 400) {
      out.push(partText(responses[0]!));
      continue;
    }
    const changeset = `changeset_${randomUUID()}`;
    out.push(
      `content-type: multipart/mixed; boundary=${changeset}\r\n\r\n${multipartText(changeset, responses.map(partText))}`,
    );
  }
  return {
    // V2 answers a batch with 202 Accepted; V4 with 200 OK (OData 4.0 Protocol 11.7.4).
    status: service.version === 'v2' ? 202 : 200,
    headers: {
      'content-type': `multipart/mixed; boundary=${boundary}`,
      ...(service.version === 'v2' ? { dataserviceversion: '2.0' } : { 'odata-version': '4.0' }),
    },
    body: multipartText(boundary, out),
  };
}

/** Runs requests in order; on the first failure restores the data and returns only that failure. */
export async function runAtomic(
  service: ODataService,
  req: ODataRequest,
  requests: BatchRequestPart[],
  handle: Handle,
): Promise<PartResponse[]> {
  const data = await service.data(req.client);
  const snapshot = data.snapshot();
  const contentIds = new Map<string, string>();
  const responses: PartResponse[] = [];
  for (const part of requests) {
    if (part.method === 'GET') throw badRequest('Malformed $batch: GET inside a changeset');
    const response = await runPart(service, req, part, handle, contentIds);
    if (response.status >= 400) {
      data.restore(snapshot);
      data.changed(data.tables.keys());
      return [response];
    }
    const location = response.headers.location;
    if (part.contentId && location?.startsWith(req.root))
      contentIds.set(part.contentId, location.slice(req.root.length));
    responses.push(response);
  }
  return responses;
}

export async function runPart(
  service: ODataService,
  outer: ODataRequest,
  part: BatchRequestPart,
  handle: Handle,
  contentIds?: Map<string, string>,
): Promise<PartResponse> {
  const { path, query } = relativeUrl(part.url, outer.root, contentIds);
  // A batch holds data, modification, action and function requests: another $batch would nest without end.
  if (path.replace(/\/$/, '') === '$batch')
    throw badRequest('Malformed $batch: a batch request cannot contain another $batch request');
  const response = await handle(service, {
    method: (part.headers['x-http-method'] ?? part.method).toUpperCase(),
    path,
    query,
    headers: { ...part.headers },
    body: part.body,
    root: outer.root,
    client: outer.client,
    user: outer.user,
    contentIds,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: typeof response.body === 'string' ? response.body : response.body.toString('utf8'),
    contentId: part.contentId,
  };
}

/** Part URLs are relative to the service root, absolute paths, or absolute URLs. */
export function relativeUrl(
  url: string,
  root: string,
  contentIds?: Map<string, string>,
): { path: string; query: URLSearchParams } {
  const rootPath = new URL(root).pathname;
  let rest = url;
  if (/^https?:\/\//i.test(rest)) rest = rest.replace(/^https?:\/\/[^/]+/i, '');
  if (rest.startsWith(rootPath)) rest = rest.slice(rootPath.length);
  else if (rest.startsWith('/')) rest = rest.slice(1);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  if (
    path.startsWith('$') &&
    !path.startsWith('$batch') &&
    !path.startsWith('$metadata') &&
    contentIds === undefined
  ) {
    throw badRequest(`Content-ID reference ${path.split('/')[0]!} outside a changeset`);
  }
  return { path, query: new URLSearchParams(q < 0 ? '' : rest.slice(q + 1)) };
}
