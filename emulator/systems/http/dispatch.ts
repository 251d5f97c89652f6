// From an HTTP request to a protocol handler: builds the ODataRequest, runs the service's hooks, and
// turns every ODataError into the version's error body, so nothing a client sends can become a 500.
import type { IncomingMessage } from 'node:http';
import { handleV2 } from '../odata-v2/handler.js';
import { handleV4 } from '../odata-v4/handler.js';
import { handleBatch } from '../batch/batch.js';
import { ExpressionError } from '../expr/lexer.js';
import { badRequest, errorBody, ODataError } from '../odata/errors.js';
import type { ODataService } from '../service.js';
import type { HookRequest } from './hooks.js';
import type { ODataRequest, ODataResponse } from './types.js';

export interface Incoming {
  req: IncomingMessage;
  url: URL;
  method: string;
  body: Buffer;
  client: string;
  user: string;
}

export async function dispatch(service: ODataService, incoming: Incoming): Promise<ODataResponse> {
  const { req, url } = incoming;
  const proto = (req.headers['x-forwarded-proto'] as string | undefined) ?? 'http';
  const host = (req.headers['x-forwarded-host'] as string | undefined) ?? req.headers.host ?? '127.0.0.1';
  const query = new URLSearchParams(url.search);
  query.delete('sap-client');
  const request: ODataRequest = {
    method: incoming.method,
    path: url.pathname.slice(service.root.length),
    query,
    headers: req.headers as Record<string, string | undefined>,
    body: incoming.body,
    root: `${proto}://${host}${service.root}`,
    client: incoming.client,
    user: incoming.user,
  };
  return handleRequest(service, request);
}

/** Also the entry for $batch parts. */
export async function handleRequest(service: ODataService, request: ODataRequest): Promise<ODataResponse> {
  try {
    const hooked = await runHook(service, request);
    if (hooked) return hooked;
    const response =
      request.path.replace(/\/$/, '') === '$batch'
        ? await handleBatch(service, request, handleRequest)
        : service.version === 'v2'
          ? await handleV2(service, request)
          : await handleV4(service, request);
    return withSapMessage(service, request, response);
  } catch (caught) {
    // An expression can fail only while rows are evaluated (a division by zero, V4): the request's fault.
    const error = caught instanceof ExpressionError ? badRequest(caught.message) : caught;
    if (!(error instanceof ODataError)) throw error;
    return {
      status: error.status,
      headers: { 'content-type': 'application/json;charset=utf-8', ...error.headers },
      body: errorBody(error, service.version),
    };
  }
}

function hookRequest(service: ODataService, request: ODataRequest): HookRequest {
  return {
    method: request.method,
    path: request.path,
    query: Object.fromEntries(request.query),
    headers: request.headers,
    body: request.body.toString('utf8'),
    client: request.client,
    user: request.user,
    service: service.config.name,
  };
}

async function runHook(service: ODataService, request: ODataRequest): Promise<ODataResponse | undefined> {
  const hooks = service.hooks;
  if (!hooks.onRequest) return undefined;
  const result = await hooks.onRequest(hookRequest(service, request));
  if (!result) return undefined;
  const body = result.body;
  return {
    status: result.status,
    headers: {
      'content-type':
        typeof body === 'string' ? 'text/plain;charset=utf-8' : 'application/json;charset=utf-8',
      ...result.headers,
    },
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function withSapMessage(
  service: ODataService,
  request: ODataRequest,
  response: ODataResponse,
): ODataResponse {
  const message = service.hooks.sapMessage?.(hookRequest(service, request), response.status);
  if (!message || response.status >= 400) return response;
  return { ...response, headers: { ...response.headers, 'sap-message': JSON.stringify(message) } };
}
