// Resource path → what it addresses (a collection, one entity, a property, a count, links, an
// operation), walking navigations through the service data. Unknown names and missing entities become
// OData errors that name the segment.
import type {
  EdmEntitySet,
  EdmModel,
  EdmNavigation,
  EdmOperation,
  EdmProperty,
  ODataVersion,
} from '../edm/model.js';
import { toInternal, ValueError, type Primitive } from '../edm/values.js';
import type { Row } from '../expr/compile.js';
import { badRequest, notFound, type ODataError } from '../odata/errors.js';
import type { EntityTable } from '../store/entity-table.js';
import type { ServiceData } from '../store/service-data.js';
import { parseKeyPredicate, type PathSegment } from './resource-path.js';

export interface Parent {
  set: EdmEntitySet;
  row: Row;
  nav: EdmNavigation;
}

export type Resolved =
  | { kind: 'collection'; set: EdmEntitySet; rows: readonly Row[]; table?: EntityTable; parent?: Parent }
  | { kind: 'entity'; set: EdmEntitySet; row: Row; parent?: Parent }
  /** V4: a single-valued navigation, last in the path, with no related entity (answered 204). */
  | { kind: 'no-entity'; set: EdmEntitySet; parent: Parent }
  | { kind: 'property'; set: EdmEntitySet; row: Row; property: EdmProperty; raw: boolean }
  | { kind: 'count'; of: Extract<Resolved, { kind: 'collection' }> }
  | { kind: 'links'; set: EdmEntitySet; row: Row; nav: EdmNavigation; target: EdmEntitySet }
  | {
      kind: 'operation';
      op: EdmOperation;
      argsText?: string;
      binding?: { set: EdmEntitySet; row?: Row; rows?: readonly Row[] };
    };

export function resolvePath(segments: PathSegment[], model: EdmModel, data: ServiceData): Resolved {
  const [first, ...rest] = segments;
  if (!first) throw badRequest('Empty resource path');
  let current = resolveFirst(first, model, data);
  for (let i = 0; i < rest.length; i++) {
    const segment = rest[i]!;
    if (current.kind === 'no-entity') throw noEntity(current);
    if (segment.name === '$links' && current.kind === 'entity') {
      const navSegment = rest[++i];
      if (!navSegment) throw badRequest('$links needs a navigation property');
      current = links(current, navSegment.name, model);
      continue;
    }
    current = step(current, segment, model, data);
  }
  // V2 (SAP Gateway) answers a navigation to nothing with 404; V4 with 204 No Content (OData 4.0 Protocol 11.2.6).
  if (current.kind === 'no-entity' && model.version !== 'v4') throw noEntity(current);
  return current;
}

function resolveFirst(segment: PathSegment, model: EdmModel, data: ServiceData): Resolved {
  const set = model.entitySets.get(segment.name);
  if (set) {
    const table = data.table(set.name);
    const collection = { kind: 'collection' as const, set, rows: table.rows, table };
    return segment.keyText === undefined || (segment.keyText === '' && model.version === 'v4')
      ? collection
      : { kind: 'entity', set, row: byKey(table, set, segment.keyText, model.version) };
  }
  const op = model.operations.get(segment.name);
  if (op) return { kind: 'operation', op, argsText: segment.keyText };
  throw notFound(`Resource not found for segment '${segment.name}'`);
}

function step(current: Resolved, segment: PathSegment, model: EdmModel, data: ServiceData): Resolved {
  if (segment.name === '$count' && current.kind === 'collection') return { kind: 'count', of: current };
  if (segment.name === '$value' && current.kind === 'property') return { ...current, raw: true };
  if (current.kind === 'entity') return fromEntity(current, segment, model, data);
  if (current.kind === 'collection') {
    const op = boundOperation(model, segment.name, current.set, true);
    if (op)
      return {
        kind: 'operation',
        op,
        argsText: segment.keyText,
        binding: { set: current.set, rows: current.rows },
      };
    if (segment.keyText !== undefined && current.parent) {
      const row = byKeyIn(current.rows, current.set, segment.keyText, model.version);
      return { kind: 'entity', set: current.set, row };
    }
  }
  throw badRequest(`Segment '${segment.name}' cannot follow the previous segment`);
}

function fromEntity(
  current: Extract<Resolved, { kind: 'entity' }>,
  segment: PathSegment,
  model: EdmModel,
  data: ServiceData,
): Resolved {
  const type = current.set.entityType;
  const property = type.propertyMap.get(segment.name);
  if (property) return { kind: 'property', set: current.set, row: current.row, property, raw: false };
  const nav = type.navigations.get(segment.name);
  if (nav) {
    const target = nav.targetSet ? model.entitySets.get(nav.targetSet) : undefined;
    if (!target) throw notFound(`Navigation property ${nav.name} has no target entity set`);
    const rows = data.navigate(current.row, type, nav);
    const parent = { set: current.set, row: current.row, nav };
    if (nav.many) {
      if (segment.keyText !== undefined) {
        return {
          kind: 'entity',
          set: target,
          row: byKeyIn(rows, target, segment.keyText, model.version),
          parent,
        };
      }
      return { kind: 'collection', set: target, rows, parent };
    }
    const row = rows[0];
    if (!row) return { kind: 'no-entity', set: target, parent };
    return { kind: 'entity', set: target, row, parent };
  }
  const op = boundOperation(model, segment.name, current.set, false);
  if (op)
    return {
      kind: 'operation',
      op,
      argsText: segment.keyText,
      binding: { set: current.set, row: current.row },
    };
  throw notFound(`Property ${segment.name} does not exist in type ${type.name}`);
}

function noEntity(resolved: Extract<Resolved, { kind: 'no-entity' }>): ODataError {
  return notFound(`No ${resolved.set.entityType.name} found for navigation ${resolved.parent.nav.name}`);
}

function boundOperation(
  model: EdmModel,
  name: string,
  set: EdmEntitySet,
  collection: boolean,
): EdmOperation | undefined {
  return model.boundOperations
    .get(name)
    ?.find((op) => op.boundTo?.type === set.entityType.qualifiedName && op.boundTo.collection === collection);
}

function links(current: Extract<Resolved, { kind: 'entity' }>, name: string, model: EdmModel): Resolved {
  const nav = current.set.entityType.navigations.get(name);
  if (!nav)
    throw notFound(`Navigation property ${name} does not exist in type ${current.set.entityType.name}`);
  const target = nav.targetSet ? model.entitySets.get(nav.targetSet) : undefined;
  if (!target) throw notFound(`Navigation property ${name} has no target entity set`);
  return { kind: 'links', set: current.set, row: current.row, nav, target };
}

/** Converts a key predicate to the internal key values of the set's type. */
export function keyValues(set: EdmEntitySet, keyText: string, version: ODataVersion): Row {
  const type = set.entityType;
  const predicate = parseKeyPredicate(keyText, version);
  const values: Row = {};
  const convert = (name: string, literal: { value: Primitive; type: string }): void => {
    const property = type.propertyMap.get(name)!;
    try {
      values[name] = literal.value === null ? null : toInternal(property, literal.value);
    } catch (error) {
      if (error instanceof ValueError)
        throw badRequest(`Invalid key predicate (${keyText}): ${error.message}`);
      throw error;
    }
  };
  if (predicate.single) {
    if (type.keys.length !== 1)
      throw badRequest(
        `Invalid key predicate (${keyText}): ${type.name} has the keys ${type.keys.join(', ')}`,
      );
    convert(type.keys[0]!, predicate.single);
    return values;
  }
  const names = [...predicate.named.keys()];
  if (names.length !== type.keys.length || !type.keys.every((k) => predicate.named.has(k))) {
    throw badRequest(`Invalid key predicate (${keyText}): ${type.name} has the keys ${type.keys.join(', ')}`);
  }
  for (const [name, literal] of predicate.named) convert(name, literal);
  return values;
}

function byKey(table: EntityTable, set: EdmEntitySet, keyText: string, version: ODataVersion): Row {
  const row = table.get(table.keyOf(keyValues(set, keyText, version)));
  if (!row) throw notFound(`Resource not found: ${set.name}(${keyText})`);
  return row;
}

function byKeyIn(rows: readonly Row[], set: EdmEntitySet, keyText: string, version: ODataVersion): Row {
  const key = keyValues(set, keyText, version);
  const row = rows.find((r) => set.entityType.keys.every((k) => r[k] === key[k]));
  if (!row) throw notFound(`Resource not found: ${set.name}(${keyText})`);
  return row;
}
