// The OData V2 protocol as SAP Gateway serves it: service document, $metadata, reads with every system
// query option, writes with ETags, function imports, $links and $batch. Every failure is an ODataError,
// except a request that accepts none of the formats served (406 in XML, see negotiate.ts).
import type { EdmEntitySet } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { empty, json, text, type ODataRequest, type ODataResponse } from '../http/types.js';
import { badRequest, methodNotAllowed, notFound } from '../odata/errors.js';
import { operationResult, urlParameters } from '../odata/operations.js';
import { executePlan } from '../query/execute.js';
import { readQueryOptions, type QueryOptions } from '../query/options.js';
import { compilePlan, type ReadPlan } from '../query/plan.js';
import { resolvePath, type Resolved } from '../query/resolve.js';
import { splitPath } from '../query/resource-path.js';
import type { ODataService } from '../service.js';
import { etagOf } from '../store/etag.js';
import { metadataV2 } from './metadata.js';
import { notAcceptableV2 } from './negotiate.js';
import { entityUriV2, entityV2, propertyV2, type V2Context } from './serialize.js';
import { handleV2Write } from './write.js';

export async function handleV2(service: ODataService, req: ODataRequest): Promise<ODataResponse> {
  const path = req.path.replace(/\/$/, '');
  const refused = notAcceptableV2(req, path);
  if (refused) return refused;
  if (path === '') return serviceDocument(service, req);
  if (path === '$metadata') return metadata(service, req);
  const data = await service.data(req.client);
  const resolved = resolvePath(splitPath(contentIdPath(path, req)), service.model, data);
  const ctx: V2Context = {
    model: service.model,
    data,
    root: req.root,
    requireIfMatch: service.config.requireIfMatch,
  };
  if (resolved.kind === 'operation') return operation(service, ctx, req, resolved);
  if (req.method === 'GET' || req.method === 'HEAD') return read(service, ctx, req, resolved);
  return handleV2Write(ctx, req, resolved);
}

/** `$1/to_Item` inside a changeset: the entity created by the request with Content-ID 1. */
function contentIdPath(path: string, req: ODataRequest): string {
  if (!path.startsWith('$') || !req.contentIds) return path;
  const slash = path.indexOf('/');
  const id = path.slice(1, slash < 0 ? undefined : slash);
  const target = req.contentIds.get(id);
  if (!target) throw badRequest(`Content-ID reference $${id} is not defined in this changeset`);
  return target + (slash < 0 ? '' : path.slice(slash));
}

function serviceDocument(service: ODataService, req: ODataRequest): ODataResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw methodNotAllowed(`${req.method} is not allowed on the service document`);
  return json(
    200,
    { d: { EntitySets: [...service.model.entitySets.keys()] } },
    { dataserviceversion: '2.0' },
  );
}

function metadata(service: ODataService, req: ODataRequest): ODataResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw methodNotAllowed(`${req.method} is not allowed on $metadata`);
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', dataserviceversion: '2.0' },
    body: metadataV2(service.model, req.root),
  };
}

function read(service: ODataService, ctx: V2Context, req: ODataRequest, resolved: Resolved): ODataResponse {
  const options = readQueryOptions(req.query, 'v2');
  const planContext = {
    version: 'v2' as const,
    model: ctx.model,
    navigate: ctx.data.navigate.bind(ctx.data),
  };
  switch (resolved.kind) {
    case 'collection': {
      const plan = compilePlan(applySkipToken(options), resolved.set, planContext);
      return collection(service, ctx, req, resolved.set, resolved.rows, plan, resolved.table);
    }
    case 'entity': {
      const plan = compilePlan(
        { ...options, filter: undefined, orderby: undefined, top: undefined, skip: undefined },
        resolved.set,
        planContext,
      );
      const body = { d: entityV2(ctx, resolved.set, resolved.row, plan) };
      return json(200, body, {
        etag: etagOf(resolved.set.entityType, resolved.row),
        dataserviceversion: '2.0',
      });
    }
    case 'property': {
      const value = resolved.row[resolved.property.name];
      if (resolved.raw)
        return text(
          200,
          value === null || value === undefined
            ? ''
            : String(propertyV2(ctx.model, resolved.property, value)),
        );
      return json(200, { d: { [resolved.property.name]: propertyV2(ctx.model, resolved.property, value) } });
    }
    case 'count': {
      const plan = compilePlan(
        { ...options, top: undefined, skip: undefined, count: true },
        resolved.of.set,
        planContext,
      );
      return text(200, String(executePlan(resolved.of.rows, plan, resolved.of.table).count ?? 0));
    }
    case 'links': {
      const targets = ctx.data.navigate(resolved.row, resolved.set.entityType, resolved.nav);
      const uris = targets.map((t) => ({ uri: entityUriV2(ctx, resolved.target, t) }));
      return json(200, { d: resolved.nav.many ? { results: uris } : (uris[0] ?? null) });
    }
    default:
      throw badRequest('Unsupported request');
  }
}

/** `$skiptoken=n`: n entities of the requested result were delivered on earlier pages. */
export function applySkipToken(options: QueryOptions): QueryOptions {
  if (options.skiptoken === undefined) return options;
  if (!/^\d+$/.test(options.skiptoken)) throw badRequest(`Invalid $skiptoken '${options.skiptoken}'`);
  const delivered = Number(options.skiptoken);
  return {
    ...options,
    skip: (options.skip ?? 0) + delivered,
    top: options.top === undefined ? undefined : Math.max(0, options.top - delivered),
  };
}

function collection(
  service: ODataService,
  ctx: V2Context,
  req: ODataRequest,
  set: EdmEntitySet,
  rows: readonly Row[],
  plan: ReadPlan,
  table: Parameters<typeof executePlan>[2],
): ODataResponse {
  const page = executePlan(rows, plan, table, service.pageSize);
  const body: { results: unknown[]; __count?: string; __next?: string } = {
    results: page.rows.map((row) => entityV2(ctx, set, row, plan)),
  };
  if (page.count !== undefined) body.__count = String(page.count);
  const limitedByServer =
    service.pageSize > 0 &&
    page.rows.length === service.pageSize &&
    (plan.top === undefined || plan.top > service.pageSize);
  if (page.more && limitedByServer) body.__next = nextLink(req, page.rows.length);
  return json(200, { d: body }, { dataserviceversion: '2.0' });
}

export function nextLink(req: ODataRequest, deliveredOnThisPage: number): string {
  const params = new URLSearchParams(req.query);
  const delivered = Number(params.get('$skiptoken') ?? 0) + deliveredOnThisPage;
  params.set('$skiptoken', String(delivered));
  return `${req.root}${req.path.replace(/\/$/, '')}?${params.toString().replaceAll('+', '%20')}`;
}

async function operation(
  service: ODataService,
  ctx: V2Context,
  req: ODataRequest,
  resolved: Extract<Resolved, { kind: 'operation' }>,
): Promise<ODataResponse> {
  const op = resolved.op;
  const declared = op.httpMethod ?? 'GET';
  if (req.method !== declared && !(req.method === 'HEAD' && declared === 'GET')) {
    throw methodNotAllowed(`Function import ${op.name} must be called with ${declared}, not ${req.method}`);
  }
  const params = urlParameters(op, req.query, 'v2');
  const produced = await service.produce(op, params, { client: req.client, user: req.user });
  const result = operationResult(ctx.model, ctx.data, op, params, produced);
  if (result.kind === 'none') return empty(204);
  if (result.kind === 'entities') {
    if (result.single) {
      const row = result.rows[0];
      if (!row) throw notFound(`${op.name}: no ${result.set.entityType.name} found for the parameters`);
      return json(200, { d: entityV2(ctx, result.set, row, undefined) });
    }
    return json(200, { d: { results: result.rows.map((row) => entityV2(ctx, result.set, row, undefined)) } });
  }
  const value = propertyV2(ctx.model, result.property, result.value);
  return json(200, { d: result.property.collection ? value : { [op.name]: value } });
}
