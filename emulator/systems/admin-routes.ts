// Admin routes of the Systems page (behind the admin guards). Rows are read and changed through the
// same plan compiler and mutations as OData requests, so the UI sees exactly what clients see.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EmulatorError } from '../../app/errors.js';
import {
  EDMX_BODY_LIMIT,
  EDMX_MAX_BYTES,
  EDMX_TOO_LARGE,
  importServiceRequestSchema,
  inspectEdmxRequestSchema,
  resetRequestSchema,
  rowsQuerySchema,
  rowWriteSchema,
  SYSTEMS_ROUTES,
  type EntitySetSummary,
  type InspectEdmxResponse,
  type RowsResponse,
  type SystemSummary,
} from '../../app/systems/api.js';
import { parseBody } from '../admin/xsuaa-routes.js';
import { hostPort } from '../core/addresses.js';
import { now } from '../core/event-bus.js';
import type { EdmModel } from './edm/model.js';
import type { Row } from './expr/compile.js';
import { ODataError } from './odata/errors.js';
import { propertyV4 } from './odata-v4/serialize.js';
import { executePlan } from './query/execute.js';
import { compilePlan } from './query/plan.js';
import type { ODataService } from './service.js';
import { createEntity, deleteEntity, updateEntity } from './store/mutations.js';
import { importService, readEdmx } from './import-service.js';
import type { SystemsRuntime } from './plugin.js';

type Params = { system: string; service: string; set: string };

export function installSystemsRoutes(app: FastifyInstance, runtime: SystemsRuntime): void {
  app.get(SYSTEMS_ROUTES.list.path, () => listSystems(runtime));
  app.get(SYSTEMS_ROUTES.rows.path, async (request: FastifyRequest<{ Params: Params }>) => {
    const { service, set } = locate(runtime, request.params);
    const query = parseBody(rowsQuerySchema, request.query);
    return rows(service, set, query);
  });
  for (const route of [SYSTEMS_ROUTES.createRow, SYSTEMS_ROUTES.updateRow, SYSTEMS_ROUTES.deleteRow]) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request: FastifyRequest<{ Params: Params }>) => {
        const { service, set } = locate(runtime, request.params);
        return writeRow(service, set, route.method, parseBody(rowWriteSchema, request.body ?? {}));
      },
    });
  }
  app.post(SYSTEMS_ROUTES.reset.path, async (request: FastifyRequest<{ Params: Omit<Params, 'set'> }>) => {
    const service = runtime.service(request.params.system, request.params.service);
    if (!service)
      throw notFound(`No running service ${request.params.service} in system ${request.params.system}`);
    const { client } = parseBody(resetRequestSchema, request.body ?? {});
    await service.reset(client);
    runtime.ctx.bus.emit({
      type: 'system-data-reset',
      at: now(),
      system: request.params.system,
      service: service.config.name,
      client: client ?? null,
    });
    return { reset: true };
  });
  app.post(SYSTEMS_ROUTES.inspectEdmx.path, EDMX_ROUTE, (request: FastifyRequest) => {
    const { xml } = parseBody(inspectEdmxRequestSchema, edmxSized(request.body));
    const model = readEdmx(xml);
    runtime.models.rememberInspected(model);
    return inspect(model);
  });
  app.post(
    SYSTEMS_ROUTES.importService.path,
    EDMX_ROUTE,
    (request: FastifyRequest<{ Params: { system: string } }>) => {
      const body = parseBody(importServiceRequestSchema, edmxSized(request.body));
      const { system } = request.params;
      return importService(
        runtime.ctx,
        system,
        body,
        () => listSystems(runtime).find((s) => s.id === system),
        runtime.models,
      );
    },
  );
}

/** Routes that take an EDMX: one limit, EDMX_MAX_BYTES, whichever check meets it first (body or field). */
const EDMX_ROUTE = { bodyLimit: EDMX_BODY_LIMIT, config: { tooLarge: EDMX_TOO_LARGE } };

/** The body, once its `xml` is known to fit EDMX_MAX_BYTES (a body under the limit can still hold more). */
function edmxSized(body: unknown): unknown {
  const xml = (body as { xml?: unknown } | null)?.xml;
  if (typeof xml === 'string' && Buffer.byteLength(xml, 'utf8') > EDMX_MAX_BYTES)
    throw new EmulatorError('EMU_ERR_ADMIN_TOO_LARGE', EDMX_TOO_LARGE);
  return body;
}

const notFound = (message: string): EmulatorError => new EmulatorError('EMU_ERR_SYSTEM_NOT_FOUND', message);
const bad = (message: string): EmulatorError => new EmulatorError('EMU_ERR_ADMIN_BAD_REQUEST', message);

function locate(runtime: SystemsRuntime, params: Params): { service: ODataService; set: string } {
  const service = runtime.service(params.system, params.service);
  if (!service) throw notFound(`No running service ${params.service} in system ${params.system}`);
  if (!service.model.entitySets.has(params.set))
    throw notFound(`Service ${params.service} has no entity set ${params.set}`);
  return { service, set: params.set };
}

export function entitySets(model: EdmModel): EntitySetSummary[] {
  return [...model.entitySets.values()].map((set) => ({
    name: set.name,
    entityType: set.entityType.qualifiedName,
    keys: set.entityType.keys,
    properties: set.entityType.properties.map((p) => ({ name: p.name, type: p.type, nullable: p.nullable })),
    navigations: [...set.entityType.navigations.values()].map((n) => ({
      name: n.name,
      target: n.targetSet ?? null,
      many: n.many,
    })),
  }));
}

function inspect(model: EdmModel): InspectEdmxResponse {
  return {
    odataVersion: model.version,
    namespace: model.namespace,
    entitySets: entitySets(model),
    operations: [...model.operations.keys()],
  };
}

function listSystems(runtime: SystemsRuntime): SystemSummary[] {
  const mappings = runtime.ctx.workspace().cloudConnector.locations.flatMap((l) => l.systemMappings);
  return [...runtime.systems.values()].map(({ config, server, error }) => {
    const virtual = mappings.filter((m) => m.internalHost === `system:${config.id}`);
    return {
      id: config.id,
      description: config.description,
      protocol: config.protocol,
      port: server?.port ?? null,
      state: server ? 'running' : 'failed',
      ...(error ? { error } : {}),
      clients: config.clients,
      users: config.users.map((u) => u.name),
      services: (server?.services ?? []).map((service) => ({
        name: service.config.name,
        odataVersion: service.version,
        path: service.root,
        url: server
          ? `${config.protocol.toLowerCase()}://${hostPort(runtime.ctx.addresses.public, server.port)}${service.root}`
          : null,
        virtualUrls: virtual.map(
          (m) =>
            `${m.protocol === 'HTTPS' ? 'https' : 'http'}://${m.virtualHost}:${m.virtualPort}${service.root}`,
        ),
        entitySets: entitySets(service.model),
        operations: [...service.model.operations.keys()],
      })),
    };
  });
}

async function rows(
  service: ODataService,
  setName: string,
  query: ReturnType<typeof rowsQuerySchema.parse>,
): Promise<RowsResponse> {
  const data = await service.data(query.client ?? service.defaultClient);
  const set = service.model.entitySets.get(setName)!;
  const plan = guard(() =>
    compilePlan(
      {
        filter: query.filter,
        orderby: query.orderby,
        top: query.top,
        skip: query.skip,
        count: true,
        custom: new Map(),
      },
      set,
      {
        version: service.version,
        model: service.model,
        navigate: data.navigate.bind(data),
      },
    ),
  );
  const table = data.table(setName);
  const page = executePlan(table.rows, plan, table);
  return { count: page.count ?? 0, rows: page.rows.map((row) => asJson(service, setName, row)) };
}

function asJson(service: ODataService, setName: string, row: Row): Record<string, unknown> {
  const type = service.model.entitySets.get(setName)!.entityType;
  return Object.fromEntries(
    type.properties.map((p) => [
      p.name,
      propertyV4({ model: service.model, ieee754: false }, p, row[p.name]),
    ]),
  );
}

async function writeRow(
  service: ODataService,
  setName: string,
  method: string,
  body: ReturnType<typeof rowWriteSchema.parse>,
): Promise<unknown> {
  const data = await service.data(body.client ?? service.defaultClient);
  const set = service.model.entitySets.get(setName)!;
  const table = data.table(setName);
  if (method === 'POST') {
    const { row, changed } = guard(() => createEntity(data, set, body.values, service.version));
    data.changed(changed);
    return asJson(service, setName, row);
  }
  if (!body.key) throw bad('key is required to change or delete a row');
  const key = guard(() => createProbe(set.entityType.keys, body.key!, service, setName));
  const row = table.get(table.keyOf(key));
  if (!row) throw notFound(`No row with key ${JSON.stringify(body.key)} in ${setName}`);
  if (method === 'DELETE') {
    data.changed(deleteEntity(data, set, row));
    return { deleted: true };
  }
  const { row: next, changed } = guard(() => updateEntity(data, set, row, body.values, true));
  data.changed(changed);
  return asJson(service, setName, next);
}

function createProbe(
  keys: string[],
  values: Record<string, unknown>,
  service: ODataService,
  setName: string,
): Row {
  const type = service.model.entitySets.get(setName)!.entityType;
  const probe: Row = {};
  for (const key of keys) {
    if (!(key in values)) throw new ODataError(400, 'KEY', `key property ${key} is missing`);
    const property = type.propertyMap.get(key)!;
    probe[key] =
      property.type.startsWith('Edm.Date') || property.type === 'Edm.DateTimeOffset'
        ? Date.parse(String(values[key]))
        : values[key];
  }
  return probe;
}

/** OData errors (bad filter, unknown property) become admin API 400s with the same message. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ODataError)
      throw error.status === 404 ? notFound(error.message) : bad(error.message);
    throw error;
  }
}
