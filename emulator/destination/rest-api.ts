// The Destination service's REST API under the binding's `uri` (sap-contract §3). Trust: every request
// must carry a token of the destination binding (caller.ts decides, 401 otherwise); bodies are validated
// per property before the engine validates and saves the workspace. Errors are BTP's `{ErrorMessage}`.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { EmulatorError } from '../../app/errors.js';
import {
  describeRequest,
  fastifyListenerOptions,
  reportFault,
  type ErrorAnswer,
  type ListenerContext,
} from '../core/listener-guard.js';
import type { XsuaaCore } from '../xsuaa/service.js';
import { authenticate, type Caller } from './caller.js';
import { findAnswer, NOT_FOUND_BODY, type FindDeps } from './find.js';
import { LEVELS, unknown, type Collection, type Level } from './store.js';
import { checkItems, deleteItem, itemsOf, saveItems, type Mutate, type RawItem } from './writes.js';

export const BASE = '/destination-configuration/v1';

export interface RestDeps extends FindDeps {
  xsuaa(): XsuaaCore;
  mutate: Mutate;
  /** A write through the REST API, for the event stream. */
  changed(name: string, level: Level, change: 'created' | 'updated' | 'deleted'): void;
}

const callers = new WeakMap<FastifyRequest, Caller>();

function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new EmulatorError('EMU_ERR_INTERNAL', 'request was not authenticated');
  return caller;
}

const STATUS_BY_CODE: Partial<Record<EmulatorError['code'], number>> = {
  EMU_ERR_DESTINATION_INVALID: 400,
  EMU_ERR_DESTINATION_UNKNOWN: 404,
  EMU_ERR_DESTINATION_EXISTS: 409,
};

/** BTP's error body, also for what the listener itself answers (client errors, slow heads). */
function destinationErrorBody(_status: number, message: string): ErrorAnswer {
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ ErrorMessage: message }) };
}

function installErrors(
  app: FastifyInstance,
  listener: ListenerContext,
  log: (message: string) => void,
): void {
  app.setErrorHandler((error: FastifyError | EmulatorError, request, reply) => {
    if (error instanceof EmulatorError) {
      if (error.code === 'EMU_ERR_DESTINATION_UNKNOWN') return reply.status(404).send(NOT_FOUND_BODY);
      const status = STATUS_BY_CODE[error.code] ?? (error.status >= 500 ? 500 : error.status);
      if (status >= 500) log(`destination service: ${error.code}: ${error.message}`);
      return reply.status(status).send({ ErrorMessage: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) return reply.status(status).send({ ErrorMessage: `Bad request: ${error.message}` });
    reportFault(listener, describeRequest(request.method, request.url), error);
    return reply.status(500).send({ ErrorMessage: 'Internal error of the emulated destination service.' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ ErrorMessage: `No endpoint ${request.method} ${request.url.split('?')[0] ?? ''}.` }),
  );
}

function installAuth(app: FastifyInstance, deps: RestDeps): void {
  app.addHook('onRequest', async (request, reply) => {
    const result = authenticate(request.headers.authorization, deps.xsuaa());
    if (!result.ok) {
      return reply
        .status(401)
        .header('WWW-Authenticate', 'Bearer error="invalid_token"')
        .send({ ErrorMessage: `Unauthorized. ${result.reason}` });
    }
    callers.set(request, result.caller);
  });
}

const nameParam = (request: FastifyRequest): string => (request.params as { name: string }).name;

function installFind(app: FastifyInstance, deps: RestDeps): void {
  app.get(`${BASE}/destinations/:name`, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const header = request.headers['x-user-token'];
    const answer = await findAnswer(deps, {
      name: nameParam(request),
      caller: callerOf(request),
      skipTokenRetrieval: query.$skipTokenRetrieval === 'true',
      xUserToken: Array.isArray(header) ? header[0] : header,
    });
    return answer ?? reply.status(404).send(NOT_FOUND_BODY);
  });
}

function listOf(deps: RestDeps, collection: Collection, level: Level): RawItem[] {
  const { destinations } = deps.workspace();
  return collection === 'destinations' ? destinations[level] : destinations.certificates[level];
}

function bodyItems(collection: Collection, body: unknown): RawItem[] {
  const items = itemsOf(body);
  if (!items) {
    const what = collection === 'destinations' ? 'destination' : 'certificate';
    throw new EmulatorError(
      'EMU_ERR_DESTINATION_INVALID',
      `The body must be a ${what} object or a non-empty array of them.`,
    );
  }
  checkItems(collection, items, Array.isArray(body));
  return items;
}

async function write(
  deps: RestDeps,
  collection: Collection,
  level: Level,
  body: unknown,
  mode: 'create' | 'update',
) {
  const items = bodyItems(collection, body);
  await saveItems(
    deps.mutate,
    items.map((item) => ({ collection, level, mode, item })),
  );
  if (collection === 'destinations')
    for (const item of items)
      deps.changed(String(item.Name), level, mode === 'create' ? 'created' : 'updated');
  return items;
}

function installCollection(app: FastifyInstance, deps: RestDeps, collection: Collection, level: Level): void {
  const path = `${BASE}/${level}${collection === 'destinations' ? 'Destinations' : 'Certificates'}`;
  app.get(path, () => listOf(deps, collection, level));
  app.get(`${path}/:name`, (request) => {
    const item = listOf(deps, collection, level).find((d) => d.Name === nameParam(request));
    if (!item) throw unknown(collection, level, nameParam(request));
    return item;
  });
  app.post(path, async (request, reply) => {
    await write(deps, collection, level, request.body, 'create');
    return reply.status(201).send();
  });
  app.put(path, async (request) => ({
    Count: (await write(deps, collection, level, request.body, 'update')).length,
  }));
  app.delete(`${path}/:name`, async (request) => {
    const name = nameParam(request);
    await deleteItem(deps.mutate, collection, level, name);
    if (collection === 'destinations') deps.changed(name, level, 'deleted');
    return { Count: 1, Summary: [{ Name: name, Status: 'Ok' }] };
  });
}

export function createRestApi(deps: RestDeps, log: (message: string) => void): FastifyInstance {
  const listener: ListenerContext = { name: 'destination', bus: deps.bus };
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: 1024 * 1024,
    ...fastifyListenerOptions({ ...listener, errorBody: destinationErrorBody }),
  });
  installErrors(app, listener, log);
  installAuth(app, deps);
  installFind(app, deps);
  for (const level of LEVELS) {
    installCollection(app, deps, 'destinations', level);
    installCollection(app, deps, 'certificates', level);
  }
  return app;
}
