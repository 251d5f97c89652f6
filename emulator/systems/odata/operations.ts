// Function imports, functions and actions: parameters read and typed from the URL or body; results
// from a hook, else the workspace's configured result, else a sensible default (the addressed entity
// when the parameters name its key, otherwise empty values of the return type).
import type { EdmEntitySet, EdmModel, EdmOperation, EdmProperty, ODataVersion } from '../edm/model.js';
import { toInternal, ValueError, type Primitive } from '../edm/values.js';
import { tokenize } from '../expr/lexer.js';
import type { Row } from '../expr/compile.js';
import type { ServiceData } from '../store/service-data.js';
import { badRequest } from './errors.js';

export type OperationResult =
  | { kind: 'none' }
  | { kind: 'entities'; set: EdmEntitySet; rows: Row[]; single: boolean }
  | { kind: 'value'; property: EdmProperty; value: unknown };

export interface OperationHook {
  (
    params: Record<string, unknown>,
    context: { client: string; user: string; binding?: Row | readonly Row[] },
  ): unknown;
}

const paramProperty = (name: string, type: string, collection = false): EdmProperty => ({
  name,
  type,
  nullable: true,
  collection,
  complex: !type.startsWith('Edm.'),
});

/** V2 and V4 URL parameters: `Name='x'` literals in the query (V2) or in parentheses (V4 functions). */
export function urlParameters(
  op: EdmOperation,
  values: { get(name: string): string | null | undefined },
  version: ODataVersion,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const parameter of op.parameters) {
    const text = values.get(parameter.name) ?? undefined;
    if (text === undefined) {
      if (!parameter.nullable) throw badRequest(`Parameter ${parameter.name} of ${op.name} is missing`);
      continue;
    }
    let literal: Primitive;
    try {
      const tokens = tokenize(text, version);
      const first = tokens[0];
      literal = first?.t === 'lit' && tokens[1]?.t === 'end' ? first.value : text;
    } catch {
      literal = text;
    }
    params[parameter.name] = convert(parameter.name, parameter.type, literal, op.name);
  }
  return params;
}

export function bodyParameters(op: EdmOperation, body: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const parameter = op.parameters.find((p) => p.name === name);
    if (!parameter) throw badRequest(`${op.name} has no parameter ${name}`);
    params[name] =
      parameter.collection || !parameter.type.startsWith('Edm.')
        ? value
        : convert(name, parameter.type, value, op.name);
  }
  for (const parameter of op.parameters) {
    if (!parameter.nullable && !(parameter.name in params))
      throw badRequest(`Parameter ${parameter.name} of ${op.name} is missing`);
  }
  return params;
}

function convert(name: string, type: string, value: unknown, opName: string): unknown {
  try {
    return toInternal(paramProperty(name, type), value);
  } catch (error) {
    if (error instanceof ValueError) throw badRequest(`Parameter ${name} of ${opName}: ${error.message}`);
    throw error;
  }
}

export function operationResult(
  model: EdmModel,
  data: ServiceData,
  op: EdmOperation,
  params: Record<string, unknown>,
  produced: unknown,
  binding?: Row,
): OperationResult {
  const returnType = op.returnType;
  if (!returnType) return { kind: 'none' };
  const entityType = model.entityTypes.get(returnType.type);
  if (entityType) {
    const set =
      (returnType.entitySet && model.entitySets.get(returnType.entitySet)) ||
      [...model.entitySets.values()].find((s) => s.entityType === entityType);
    if (!set) throw badRequest(`${op.name} returns ${returnType.type}, which has no entity set`);
    const rows =
      produced !== undefined ? producedRows(produced, set) : defaultRows(data, set, params, binding);
    return {
      kind: 'entities',
      set,
      rows: returnType.collection ? rows : rows.slice(0, 1),
      single: !returnType.collection,
    };
  }
  const property = paramProperty(op.name, returnType.type, returnType.collection);
  const value =
    produced !== undefined ? produced : defaultValue(model, returnType.type, returnType.collection);
  return {
    kind: 'value',
    property,
    value:
      property.complex || property.collection ? value : convert(op.name, returnType.type, value, op.name),
  };
}

function producedRows(produced: unknown, set: EdmEntitySet): Row[] {
  const items = Array.isArray(produced) ? produced : [produced];
  return items.map((item) => {
    const row: Row = {};
    for (const [name, value] of Object.entries(item as Row)) {
      const property = set.entityType.propertyMap.get(name);
      if (property) row[name] = property.complex ? value : convert(name, property.type, value, set.name);
    }
    return row;
  });
}

function defaultRows(
  data: ServiceData,
  set: EdmEntitySet,
  params: Record<string, unknown>,
  binding?: Row,
): Row[] {
  if (binding && data.model.entitySets.get(set.name)?.entityType.keys.every((k) => k in binding))
    return [binding];
  const table = data.table(set.name);
  const keys = set.entityType.keys;
  if (keys.every((k) => k in params)) {
    const row = table.get(table.keyOf(params));
    return row ? [row] : [];
  }
  return table.rows.slice(0, 20);
}

function defaultValue(model: EdmModel, type: string, collection: boolean): unknown {
  if (collection) return [];
  const complex = model.complexTypes.get(type);
  if (complex)
    return Object.fromEntries(
      complex.properties.map((p) => [p.name, defaultValue(model, p.type, p.collection)]),
    );
  if (type === 'Edm.Boolean') return false;
  if (type === 'Edm.String' || type === 'Edm.Guid') return '';
  if (type.startsWith('Edm.Date')) return 0;
  return 0;
}
