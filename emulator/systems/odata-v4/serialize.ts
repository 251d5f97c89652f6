// OData V4 JSON (minimal metadata): `@odata.context`, `@odata.etag` per entity, `@odata.count`,
// `@odata.nextLink`, expanded navigations inline with nested options and `Nav@odata.count`.
import type { EdmComplexType, EdmEntitySet, EdmModel, EdmProperty } from '../edm/model.js';
import { toV4, v4KeyLiteral, type Primitive } from '../edm/values.js';
import type { Row } from '../expr/compile.js';
import { executePlan } from '../query/execute.js';
import type { ReadPlan } from '../query/plan.js';
import { etagOf } from '../store/etag.js';
import type { ServiceData } from '../store/service-data.js';

export interface V4Context {
  model: EdmModel;
  data: ServiceData;
  root: string;
  ieee754: boolean;
  /** Updates and deletes of types with an ETag need If-Match (the service's requireIfMatch). */
  requireIfMatch?: boolean;
}

export function keyPredicateV4(set: EdmEntitySet, row: Row): string {
  const type = set.entityType;
  if (type.keys.length === 1) {
    const key = type.keys[0]!;
    return `(${v4KeyLiteral(type.propertyMap.get(key)!.type, row[key] as Primitive)})`;
  }
  return `(${type.keys.map((k) => `${k}=${v4KeyLiteral(type.propertyMap.get(k)!.type, row[k] as Primitive)}`).join(',')})`;
}

export function contextUrl(ctx: V4Context, fragment: string): string {
  return `${ctx.root}$metadata#${fragment}`;
}

/** `Set(A,B)` when $select narrows the entity. */
export function selectFragment(set: EdmEntitySet, plan: ReadPlan | undefined): string {
  if (!plan?.select) return set.name;
  return `${set.name}(${[...plan.select].join(',')})`;
}

export function entityV4(
  ctx: V4Context,
  set: EdmEntitySet,
  row: Row,
  plan: ReadPlan | undefined,
): Record<string, unknown> {
  const type = set.entityType;
  const out: Record<string, unknown> = { '@odata.etag': etagOf(type, row) };
  const select = plan?.select;
  for (const property of type.properties) {
    if (select && !select.has(property.name)) continue;
    out[property.name] = propertyV4(ctx, property, row[property.name]);
  }
  for (const expand of plan?.expand ?? []) {
    const targets = ctx.data.navigate(row, type, expand.nav);
    if (expand.nav.many) {
      const page = executePlan(targets, expand.plan);
      if (page.count !== undefined) out[`${expand.nav.name}@odata.count`] = page.count;
      out[expand.nav.name] = page.rows.map((t) => entityV4(ctx, expand.targetSet, t, expand.plan));
    } else {
      out[expand.nav.name] = targets[0] ? entityV4(ctx, expand.targetSet, targets[0], expand.plan) : null;
    }
  }
  return out;
}

export function propertyV4(
  ctx: Pick<V4Context, 'model' | 'ieee754'>,
  property: EdmProperty,
  value: unknown,
): unknown {
  if (!property.complex) {
    if (property.collection) return Array.isArray(value) ? value : [];
    return toV4(property, (value ?? null) as Primitive, ctx.ieee754);
  }
  const complex = ctx.model.complexTypes.get(property.type);
  if (!complex) return value ?? null;
  if (property.collection)
    return (Array.isArray(value) ? (value as Row[]) : []).map((item) => complexV4(ctx, complex, item));
  return value === null || value === undefined ? null : complexV4(ctx, complex, value as Row);
}

function complexV4(
  ctx: Pick<V4Context, 'model' | 'ieee754'>,
  complex: EdmComplexType,
  value: Row,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const property of complex.properties)
    out[property.name] = propertyV4(ctx, property, value[property.name]);
  return out;
}
