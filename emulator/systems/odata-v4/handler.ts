// OData V4 reads and operations: service document, $metadata, collections with $filter (lambda, in),
// $search, $count, nested $expand, single entities, properties, bound/unbound functions and actions.
import type { EdmOperation } from '../edm/model.js';
import { empty, json, text, type ODataRequest, type ODataResponse } from '../http/types.js';
import { jsonBody } from '../odata/body.js';
import { badRequest, methodNotAllowed, notFound } from '../odata/errors.js';
import { bodyParameters, operationResult, urlParameters } from '../odata/operations.js';
import { applySkipToken, nextLink } from '../odata-v2/handler.js';
import { executePlan } from '../query/execute.js';
import { readQueryOptions, splitTopLevel } from '../query/options.js';
import { compilePlan } from '../query/plan.js';
import { resolvePath, type Resolved } from '../query/resolve.js';
import { splitPath } from '../query/resource-path.js';
import type { ODataService } from '../service.js';
import { asPayload } from '../store/mutations.js';
import { etagOf } from '../store/etag.js';
import { contextUrl, entityV4, propertyV4, selectFragment, type V4Context } from './serialize.js';
import { handleV4Write } from './write.js';

const HEADERS = { 'odata-version': '4.0' };

export async function handleV4(service: ODataService, req: ODataRequest): Promise<ODataResponse> {
  const path = req.path.replace(/\/$/, '');
  if (path === '') return serviceDocument(service, req);
  if (path === '$metadata')
    return {
      status: 200,
      headers: { 'content-type': 'application/xml', ...HEADERS },
      body: service.model.xml,
    };
  const data = await service.data(req.client);
  const resolved = resolvePath(splitPath(contentIdPath(path, req)), service.model, data);
  const ctx: V4Context = {
    model: service.model,
    data,
    root: req.root,
    ieee754: /IEEE754Compatible=true/i.test(req.headers.accept ?? ''),
    requireIfMatch: service.config.requireIfMatch,
  };
  if (resolved.kind === 'operation') return operation(service, ctx, req, resolved);
  if (req.method === 'GET' || req.method === 'HEAD') return read(service, ctx, req, resolved);
  return handleV4Write(ctx, req, resolved);
}

function contentIdPath(path: string, req: ODataRequest): string {
  if (!path.startsWith('$') || !req.contentIds) return path;
  const slash = path.indexOf('/');
  const id = path.slice(1, slash < 0 ? undefined : slash);
  const target = req.contentIds.get(id);
  if (!target) throw badRequest(`Reference $${id} is not defined in this batch`);
  return target + (slash < 0 ? '' : path.slice(slash));
}

function serviceDocument(service: ODataService, req: ODataRequest): ODataResponse {
  const value = [
    ...[...service.model.entitySets.keys()].map((name) => ({ name, kind: 'EntitySet', url: name })),
    ...[...service.model.operations.values()].map((op) => ({
      name: op.name,
      kind: op.kind === 'action' ? 'ActionImport' : 'FunctionImport',
      url: op.name,
    })),
  ];
  return json(200, { '@odata.context': `${req.root}$metadata`, value }, HEADERS);
}

function read(service: ODataService, ctx: V4Context, req: ODataRequest, resolved: Resolved): ODataResponse {
  const options = readQueryOptions(req.query, 'v4');
  const planContext = {
    version: 'v4' as const,
    model: ctx.model,
    navigate: ctx.data.navigate.bind(ctx.data),
  };
  switch (resolved.kind) {
    case 'collection': {
      const plan = compilePlan(applySkipToken(options), resolved.set, planContext);
      const page = executePlan(resolved.rows, plan, resolved.table, service.pageSize);
      const body: Record<string, unknown> = {
        '@odata.context': contextUrl(ctx, selectFragment(resolved.set, plan)),
      };
      if (page.count !== undefined) body['@odata.count'] = page.count;
      body.value = page.rows.map((row) => entityV4(ctx, resolved.set, row, plan));
      const serverLimited =
        service.pageSize > 0 &&
        page.rows.length === service.pageSize &&
        (plan.top === undefined || plan.top > service.pageSize);
      if (page.more && serverLimited) body['@odata.nextLink'] = nextLink(req, page.rows.length);
      return json(200, body, HEADERS);
    }
    case 'entity': {
      const plan = compilePlan(
        { ...options, filter: undefined, orderby: undefined, top: undefined, skip: undefined },
        resolved.set,
        planContext,
      );
      const body = {
        '@odata.context': contextUrl(ctx, `${selectFragment(resolved.set, plan)}/$entity`),
        ...entityV4(ctx, resolved.set, resolved.row, plan),
      };
      return json(200, body, { ...HEADERS, etag: etagOf(resolved.set.entityType, resolved.row) });
    }
    case 'no-entity':
      // A single-valued navigation with no related entity (OData 4.0 Protocol 11.2.6).
      return empty(204, HEADERS);
    case 'property': {
      const value = propertyV4(ctx, resolved.property, resolved.row[resolved.property.name]);
      if (resolved.raw) return text(200, rawText(value));
      if (value === null) return empty(204, HEADERS);
      return json(
        200,
        { '@odata.context': contextUrl(ctx, `${resolved.set.name}/${resolved.property.name}`), value },
        HEADERS,
      );
    }
    case 'count': {
      const plan = compilePlan(
        { ...options, top: undefined, skip: undefined, count: true },
        resolved.of.set,
        planContext,
      );
      return text(200, String(executePlan(resolved.of.rows, plan, resolved.of.table).count ?? 0));
    }
    default:
      throw badRequest('$links is OData V2 only; use $ref in V4 (not supported)');
  }
}

function argumentMap(argsText: string | undefined, query: URLSearchParams): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of argsText ? splitTopLevel(argsText, ',') : []) {
    const eq = part.indexOf('=');
    if (eq < 0) throw badRequest(`Invalid function parameter '${part}': expected Name=value`);
    let value = part.slice(eq + 1).trim();
    // Parameter aliases: `f(p=@x)?@x='v'`.
    if (value.startsWith('@')) value = query.get(value) ?? 'null';
    values.set(part.slice(0, eq).trim(), value);
  }
  return values;
}

async function operation(
  service: ODataService,
  ctx: V4Context,
  req: ODataRequest,
  resolved: Extract<Resolved, { kind: 'operation' }>,
): Promise<ODataResponse> {
  const op: EdmOperation = resolved.op;
  const isAction = op.kind === 'action';
  if (isAction && req.method !== 'POST') throw methodNotAllowed(`Action ${op.name} must be called with POST`);
  if (!isAction && req.method !== 'GET' && req.method !== 'HEAD')
    throw methodNotAllowed(`Function ${op.name} must be called with GET`);
  if (isAction && resolved.argsText)
    throw badRequest(`Action ${op.name} takes its parameters in the body, not in parentheses`);
  const params = isAction
    ? bodyParameters(op, req.body.length === 0 ? {} : asPayload(jsonBody(req), op.name))
    : urlParameters(op, argumentMap(resolved.argsText, req.query), 'v4');
  const binding = resolved.binding?.row;
  const produced = await service.produce(op, params, {
    client: req.client,
    user: req.user,
    binding: binding ?? resolved.binding?.rows,
  });
  const result = operationResult(ctx.model, ctx.data, op, params, produced, binding);
  if (result.kind === 'none') return empty(204, HEADERS);
  if (result.kind === 'entities') {
    if (result.single) {
      const row = result.rows[0];
      if (!row) throw notFound(`${op.name}: no ${result.set.entityType.name} found`);
      return json(
        200,
        {
          '@odata.context': contextUrl(ctx, `${result.set.name}/$entity`),
          ...entityV4(ctx, result.set, row, undefined),
        },
        HEADERS,
      );
    }
    return json(
      200,
      {
        '@odata.context': contextUrl(ctx, result.set.name),
        value: result.rows.map((row) => entityV4(ctx, result.set, row, undefined)),
      },
      HEADERS,
    );
  }
  const value = propertyV4(ctx, result.property, result.value);
  const typeName = result.property.collection ? `Collection(${result.property.type})` : result.property.type;
  if (result.property.complex && !result.property.collection) {
    return json(200, { '@odata.context': contextUrl(ctx, typeName), ...(value as object) }, HEADERS);
  }
  return json(200, { '@odata.context': contextUrl(ctx, typeName), value }, HEADERS);
}

/** `$value` of a primitive property: its plain text, empty for null. */
function rawText(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}
