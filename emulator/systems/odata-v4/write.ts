// V4 writes: POST (create, deep insert, @odata.bind), PATCH (merge), PUT (replace), DELETE, each
// ETag-checked; `Prefer: return=minimal` gives 204 with OData-EntityId instead of the entity.
import type { ODataRequest, ODataResponse } from '../http/types.js';
import { empty, json } from '../http/types.js';
import { jsonBody, preferReturn } from '../odata/body.js';
import { methodNotAllowed, notFound } from '../odata/errors.js';
import type { Resolved } from '../query/resolve.js';
import { checkIfMatch, etagOf } from '../store/etag.js';
import { asPayload, createEntity, deleteEntity, updateEntity } from '../store/mutations.js';
import { contextUrl, entityV4, keyPredicateV4, type V4Context } from './serialize.js';

const HEADERS = { 'odata-version': '4.0' };

export function handleV4Write(ctx: V4Context, req: ODataRequest, resolved: Resolved): ODataResponse {
  if (resolved.kind === 'collection') {
    if (req.method !== 'POST')
      throw methodNotAllowed(`${req.method} is not allowed on entity set ${resolved.set.name}`);
    const payload = asPayload(jsonBody(req), `Create in ${resolved.set.name}`);
    const parent = resolved.parent?.nav.many
      ? { row: resolved.parent.row, nav: resolved.parent.nav }
      : undefined;
    const { row, changed } = createEntity(ctx.data, resolved.set, payload, 'v4', parent);
    ctx.data.changed(changed);
    const location = `${ctx.root}${resolved.set.name}${keyPredicateV4(resolved.set, row)}`;
    const headers = { ...HEADERS, location, etag: etagOf(resolved.set.entityType, row) };
    if (preferReturn(req) === 'minimal')
      return empty(204, { ...headers, 'odata-entityid': location, 'preference-applied': 'return=minimal' });
    return json(
      201,
      {
        '@odata.context': contextUrl(ctx, `${resolved.set.name}/$entity`),
        ...entityV4(ctx, resolved.set, row, undefined),
      },
      headers,
    );
  }
  if (resolved.kind === 'no-entity')
    throw notFound(`No ${resolved.set.entityType.name} found for navigation ${resolved.parent.nav.name}`);
  if (resolved.kind !== 'entity') throw methodNotAllowed(`${req.method} is not allowed here`);
  const { set, row } = resolved;
  checkIfMatch(
    set.entityType,
    row,
    req.headers['if-match'],
    ctx.requireIfMatch ? { version: 'v4' } : undefined,
  );
  if (req.method === 'DELETE') {
    ctx.data.changed(deleteEntity(ctx.data, set, row));
    return empty(204, HEADERS);
  }
  if (req.method !== 'PATCH' && req.method !== 'PUT' && req.method !== 'MERGE') {
    throw methodNotAllowed(`${req.method} is not allowed on a single entity; use PATCH, PUT or DELETE`);
  }
  const payload = asPayload(jsonBody(req), `Update of ${set.name}`);
  const { row: next, changed } = updateEntity(ctx.data, set, row, payload, req.method !== 'PUT');
  ctx.data.changed(changed);
  const headers = { ...HEADERS, etag: etagOf(set.entityType, next) };
  if (preferReturn(req) === 'representation') {
    return json(
      200,
      { '@odata.context': contextUrl(ctx, `${set.name}/$entity`), ...entityV4(ctx, set, next, undefined) },
      headers,
    );
  }
  return empty(204, headers);
}
