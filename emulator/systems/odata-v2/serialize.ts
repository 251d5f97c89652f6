// V2 JSON verbose as Gateway writes it: `d`, `results`, `__metadata` (id, uri, type, etag),
// `__deferred` for navigations that were not expanded, `__count` as a string, `__next`.
import type { EdmComplexType, EdmEntitySet, EdmModel, EdmProperty } from '../edm/model.js';
import { toV2, v2KeyLiteral, type Primitive } from '../edm/values.js';
import type { Row } from '../expr/compile.js';
import { executePlan } from '../query/execute.js';
import type { ReadPlan } from '../query/plan.js';
import { etagOf } from '../store/etag.js';
import type { ServiceData } from '../store/service-data.js';

export interface V2Context {
  model: EdmModel;
  data: ServiceData;
  /** Absolute service root ending with `/`. */
  root: string;
  /** Updates and deletes of types with an ETag need If-Match (the service's requireIfMatch). */
  requireIfMatch?: boolean;
}

export function keyPredicateV2(set: EdmEntitySet, row: Row): string {
  const type = set.entityType;
  if (type.keys.length === 1) {
    const key = type.keys[0]!;
    return `(${v2KeyLiteral(type.propertyMap.get(key)!.type, row[key] as Primitive)})`;
  }
  return `(${type.keys.map((k) => `${k}=${v2KeyLiteral(type.propertyMap.get(k)!.type, row[k] as Primitive)}`).join(',')})`;
}

export function entityUriV2(ctx: V2Context, set: EdmEntitySet, row: Row): string {
  return `${ctx.root}${set.name}${keyPredicateV2(set, row)}`;
}

export function entityV2(
  ctx: V2Context,
  set: EdmEntitySet,
  row: Row,
  plan: ReadPlan | undefined,
): Record<string, unknown> {
  const type = set.entityType;
  const uri = entityUriV2(ctx, set, row);
  const out: Record<string, unknown> = {
    __metadata: { id: uri, uri, type: type.qualifiedName, etag: etagOf(type, row) },
  };
  const select = plan?.select;
  for (const property of type.properties) {
    if (select && !select.has(property.name)) continue;
    out[property.name] = propertyV2(ctx.model, property, row[property.name]);
  }
  const expanded = plan?.expand ?? [];
  for (const nav of type.navigations.values()) {
    const expand = expanded.length === 0 ? undefined : expanded.find((e) => e.nav === nav);
    if (expand) {
      const targets = ctx.data.navigate(row, type, nav);
      if (nav.many) {
        const page = executePlan(targets, expand.plan);
        out[nav.name] = { results: page.rows.map((t) => entityV2(ctx, expand.targetSet, t, expand.plan)) };
      } else {
        out[nav.name] = targets[0] ? entityV2(ctx, expand.targetSet, targets[0], expand.plan) : null;
      }
    } else if (!select || select.has(nav.name)) {
      out[nav.name] = { __deferred: { uri: `${uri}/${nav.name}` } };
    }
  }
  return out;
}

export function propertyV2(model: EdmModel, property: EdmProperty, value: unknown): unknown {
  if (!property.complex) {
    if (property.collection) return { results: Array.isArray(value) ? value : [] };
    return toV2(property, (value ?? null) as Primitive);
  }
  const complex = model.complexTypes.get(property.type);
  if (!complex) return value ?? null;
  if (property.collection) {
    const items = Array.isArray(value) ? (value as Row[]) : [];
    return { results: items.map((item) => complexV2(model, complex, item)) };
  }
  return complexV2(model, complex, (value ?? {}) as Row);
}

export function complexV2(model: EdmModel, complex: EdmComplexType, value: Row): Record<string, unknown> {
  const out: Record<string, unknown> = { __metadata: { type: complex.qualifiedName } };
  for (const property of complex.properties)
    out[property.name] = propertyV2(model, property, value[property.name]);
  return out;
}
