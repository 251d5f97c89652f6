// V2 writes: POST (create, deep insert, create through a navigation), PUT/MERGE/PATCH (ETag-checked),
// DELETE, and $links changes. Every changed table is handed to persistence.
import type { Row } from '../expr/compile.js';
import type { ODataRequest, ODataResponse } from '../http/types.js';
import { empty, json } from '../http/types.js';
import { jsonBody } from '../odata/body.js';
import { badRequest, methodNotAllowed, notFound } from '../odata/errors.js';
import type { Resolved } from '../query/resolve.js';
import { keyValues } from '../query/resolve.js';
import { checkIfMatch, etagOf } from '../store/etag.js';
import { asPayload, createEntity, deleteEntity, updateEntity } from '../store/mutations.js';
import { entityUriV2, entityV2, type V2Context } from './serialize.js';

export function handleV2Write(ctx: V2Context, req: ODataRequest, resolved: Resolved): ODataResponse {
  switch (resolved.kind) {
    case 'collection':
      if (req.method !== 'POST')
        throw methodNotAllowed(`${req.method} is not allowed on entity set ${resolved.set.name}`);
      return create(ctx, req, resolved);
    case 'entity':
      return changeEntity(ctx, req, resolved);
    case 'property':
      if (req.method !== 'PUT' && req.method !== 'MERGE' && req.method !== 'PATCH')
        throw methodNotAllowed(`${req.method} is not allowed on a property`);
      return changeEntity(
        ctx,
        { ...req, body: Buffer.from(JSON.stringify(propertyPayload(req, resolved.property.name))) },
        {
          kind: 'entity',
          set: resolved.set,
          row: resolved.row,
        },
        true,
      );
    case 'links':
      return changeLinks(ctx, req, resolved);
    default:
      throw methodNotAllowed(`${req.method} is not allowed here`);
  }
}

/** The entity of a V2 body, bare or wrapped in `d` (as V2 clients send what they read). */
function v2Payload(body: unknown, what: string): Record<string, unknown> {
  const outer = asPayload(body, what);
  return outer.d === undefined ? outer : asPayload(outer.d, what);
}

function propertyPayload(req: ODataRequest, name: string): Record<string, unknown> {
  const body = asPayload(jsonBody(req), 'Property update');
  const inner = (body.d ?? body) as Record<string, unknown>;
  return { [name]: name in inner ? inner[name] : null };
}

function create(
  ctx: V2Context,
  req: ODataRequest,
  resolved: Extract<Resolved, { kind: 'collection' }>,
): ODataResponse {
  const payload = v2Payload(jsonBody(req), `Create in ${resolved.set.name}`);
  const parent = resolved.parent?.nav.many
    ? { row: resolved.parent.row, nav: resolved.parent.nav }
    : undefined;
  const { row, changed } = createEntity(ctx.data, resolved.set, payload, 'v2', parent);
  ctx.data.changed(changed);
  const uri = entityUriV2(ctx, resolved.set, row);
  const expand = [...resolved.set.entityType.navigations.values()]
    .filter(
      (nav) =>
        payload[nav.name] &&
        typeof payload[nav.name] === 'object' &&
        !('__deferred' in (payload[nav.name] as object)),
    )
    .map((nav) => ({
      nav,
      targetSet: ctx.model.entitySets.get(nav.targetSet ?? '')!,
      plan: { skip: 0, count: false, expand: [] },
    }));
  return json(
    201,
    { d: entityV2(ctx, resolved.set, row, { skip: 0, count: false, expand }) },
    {
      location: uri,
      etag: etagOf(resolved.set.entityType, row),
      dataserviceversion: '2.0',
    },
  );
}

function changeEntity(
  ctx: V2Context,
  req: ODataRequest,
  resolved: { kind: 'entity'; set: Extract<Resolved, { kind: 'entity' }>['set']; row: Row },
  forceMerge = false,
): ODataResponse {
  const { set, row } = resolved;
  checkIfMatch(
    set.entityType,
    row,
    req.headers['if-match'],
    ctx.requireIfMatch ? { version: 'v2' } : undefined,
  );
  if (req.method === 'DELETE') {
    ctx.data.changed(deleteEntity(ctx.data, set, row));
    return empty(204, { dataserviceversion: '1.0' });
  }
  if (req.method !== 'PUT' && req.method !== 'MERGE' && req.method !== 'PATCH') {
    throw methodNotAllowed(
      `${req.method} is not allowed on a single entity; use PUT, MERGE, PATCH or DELETE`,
    );
  }
  const payload = v2Payload(jsonBody(req), `Update of ${set.name}`);
  const { row: next, changed } = updateEntity(
    ctx.data,
    set,
    row,
    payload,
    forceMerge || req.method !== 'PUT',
  );
  ctx.data.changed(changed);
  return empty(204, { etag: etagOf(set.entityType, next), dataserviceversion: '1.0' });
}

/** PUT/POST `$links/Nav` point a foreign key at another entity; DELETE clears it. */
function changeLinks(
  ctx: V2Context,
  req: ODataRequest,
  resolved: Extract<Resolved, { kind: 'links' }>,
): ODataResponse {
  const { set, row, nav, target } = resolved;
  if (req.method === 'DELETE') {
    if (nav.many)
      throw badRequest(`Deleting links of collection ${nav.name} needs the target key in the URL`);
    const next = { ...row };
    for (const join of nav.joins) if (!set.entityType.keys.includes(join.source)) next[join.source] = null;
    ctx.data.table(set.name).replace(row, next);
    ctx.data.changed([set.name]);
    return empty(204);
  }
  if (req.method !== 'PUT' && req.method !== 'POST')
    throw methodNotAllowed(`${req.method} is not allowed on $links`);
  const body = asPayload(jsonBody(req), '$links');
  const uri = typeof body.uri === 'string' ? body.uri : undefined;
  const match = uri ? /([A-Za-z_][A-Za-z0-9_]*)\((.*)\)\/?$/.exec(uri) : null;
  if (!match || match[1] !== target.name)
    throw badRequest(`$links body needs {"uri": "…/${target.name}(key)"}`);
  const table = ctx.data.table(target.name);
  const linked = table.get(table.keyOf(keyValues(target, decodedKey(match[2]!), 'v2')));
  if (!linked) throw notFound(`Link target ${uri ?? ''} does not exist`);
  if (nav.many) {
    const next = { ...linked };
    for (const join of nav.joins) next[join.target] = row[join.source];
    table.replace(linked, next);
    ctx.data.changed([target.name]);
  } else {
    const next = { ...row };
    for (const join of nav.joins) next[join.source] = linked[join.target];
    ctx.data.table(set.name).replace(row, next);
    ctx.data.changed([set.name]);
  }
  return empty(204);
}

function decodedKey(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw badRequest(`$links body: malformed percent-encoding in the key (${text})`);
  }
}
