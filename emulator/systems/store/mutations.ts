// Create (with deep insert), update (replace or merge) and delete on service data. Payload values are
// converted to the internal form and checked against the metadata; every problem names the property.
import { randomUUID } from 'node:crypto';
import type { EdmEntitySet, EdmEntityType, EdmNavigation, ODataVersion } from '../edm/model.js';
import { toInternal, ValueError } from '../edm/values.js';
import type { Row } from '../expr/compile.js';
import { badRequest, ODataError } from '../odata/errors.js';
import type { ServiceData } from './service-data.js';

export interface WriteResult {
  row: Row;
  changed: Set<string>;
}

type Payload = Record<string, unknown>;

export function asPayload(body: unknown, what: string): Payload {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest(`${what}: the body must be a JSON object`);
  return body as Payload;
}

export function createEntity(
  data: ServiceData,
  set: EdmEntitySet,
  payload: Payload,
  version: ODataVersion,
  parent?: { row: Row; nav: EdmNavigation },
): WriteResult {
  const type = set.entityType;
  const row = convertProperties(type, payload, 'create');
  if (parent) for (const join of parent.nav.joins) row[join.target] = parent.row[join.source];
  fillKeys(data, set, row);
  stampConcurrency(type, row);
  for (const property of type.properties) if (!(property.name in row)) row[property.name] = null;
  const table = data.table(set.name);
  if (!table.insert(row)) {
    throw new ODataError(
      409,
      '/IWBEP/CM_MGW_RT/025',
      `Entity ${set.name}(${type.keys.map((k) => String(row[k])).join(',')}) already exists`,
    );
  }
  const changed = new Set([set.name]);
  for (const [name, value] of Object.entries(payload)) {
    const nav = type.navigations.get(name);
    if (nav && value !== null && typeof value === 'object')
      deepInsert(data, nav, row, value, version, changed);
    else if (name.endsWith('@odata.bind') && version === 'v4')
      bindReference(data, type, row, name.slice(0, -11), value);
  }
  return { row, changed };
}

function deepInsert(
  data: ServiceData,
  nav: EdmNavigation,
  row: Row,
  value: object,
  version: ODataVersion,
  changed: Set<string>,
): void {
  const target = nav.targetSet ? data.model.entitySets.get(nav.targetSet) : undefined;
  if (!target) throw badRequest(`Deep insert: navigation ${nav.name} has no target entity set`);
  if ('__deferred' in value) return;
  const results = (value as { results?: unknown }).results;
  const items = Array.isArray(value) ? value : Array.isArray(results) ? results : [value];
  for (const item of items) {
    const created = createEntity(
      data,
      target,
      asPayload(item, `Deep insert into ${nav.name}`),
      version,
      nav.many ? { row, nav } : undefined,
    );
    if (!nav.many) for (const join of nav.joins) row[join.source] = created.row[join.target];
    for (const name of created.changed) changed.add(name);
  }
}

/** `Nav@odata.bind: "Set(key)"`: copies the referenced entity's key into this row's foreign keys. */
function bindReference(
  data: ServiceData,
  type: EdmEntityType,
  row: Row,
  navName: string,
  value: unknown,
): void {
  const nav = type.navigations.get(navName);
  if (!nav || nav.many || typeof value !== 'string') throw badRequest(`Invalid ${navName}@odata.bind`);
  const match = /\(([^)]*)\)$/.exec(value);
  const set = nav.targetSet ? data.model.entitySets.get(nav.targetSet) : undefined;
  if (!match || !set) throw badRequest(`Invalid ${navName}@odata.bind value ${value}`);
  const keyText = match[1]!;
  const table = data.table(set.name);
  const target = table.rows.find((r) => table.keyOf(r) === keyText.replace(/^'|'$/g, ''));
  if (!target) throw badRequest(`${navName}@odata.bind: ${value} does not exist`);
  for (const join of nav.joins) row[join.source] = target[join.target];
}

export function updateEntity(
  data: ServiceData,
  set: EdmEntitySet,
  previous: Row,
  payload: Payload,
  merge: boolean,
): WriteResult {
  const type = set.entityType;
  const changes = convertProperties(type, payload, 'update');
  for (const key of type.keys) {
    if (key in changes && changes[key] !== previous[key])
      throw badRequest(`Key property ${key} cannot be changed`);
  }
  const next: Row = merge ? { ...previous, ...changes } : { ...changes };
  if (!merge)
    for (const property of type.properties) if (!(property.name in next)) next[property.name] = null;
  for (const key of type.keys) next[key] = previous[key];
  stampConcurrency(type, next);
  data.table(set.name).replace(previous, next);
  return { row: next, changed: new Set([set.name]) };
}

export function deleteEntity(data: ServiceData, set: EdmEntitySet, row: Row): Set<string> {
  data.table(set.name).remove(row);
  return new Set([set.name]);
}

function convertProperties(type: EdmEntityType, payload: Payload, what: string): Row {
  const row: Row = {};
  for (const [name, value] of Object.entries(payload)) {
    if (name.startsWith('__') || name.startsWith('@') || name.includes('@')) continue;
    const property = type.propertyMap.get(name);
    if (!property) {
      if (type.navigations.has(name)) continue;
      throw badRequest(`Property ${name} does not exist in type ${type.name}`, '/IWBEP/CM_MGW_RT/004');
    }
    if (value === null && !property.nullable && what === 'create' && !type.keys.includes(name)) {
      throw badRequest(`Property ${name} must not be null`);
    }
    try {
      row[name] = property.complex || property.collection ? value : toInternal(property, value);
    } catch (error) {
      if (error instanceof ValueError) throw badRequest(error.message, '/IWBEP/CM_MGW_RT/004');
      throw error;
    }
    const max = property.maxLength;
    if (max !== undefined && typeof row[name] === 'string' && row[name].length > max) {
      throw badRequest(`Value of property ${name} is longer than ${max} characters`);
    }
  }
  return row;
}

/** Missing single keys get the next number (like an SAP number range) or a new GUID. */
function fillKeys(data: ServiceData, set: EdmEntitySet, row: Row): void {
  const type = set.entityType;
  for (const key of type.keys) {
    if (row[key] !== undefined && row[key] !== null) continue;
    const property = type.propertyMap.get(key)!;
    if (type.keys.length > 1 && property.type !== 'Edm.Guid')
      throw badRequest(`Key property ${key} is missing`);
    if (property.type === 'Edm.Guid') row[key] = randomUUID();
    else if (property.type === 'Edm.String')
      row[key] = nextNumber(data, set.name, key, property.maxLength ?? 10);
    else if (typeof row[key] !== 'number') row[key] = Number(nextNumber(data, set.name, key, 18));
  }
}

/** Max numeric key + 1, padded like the existing keys (an empty set pads to the key's MaxLength). */
function nextNumber(data: ServiceData, set: string, key: string, width: number): string {
  let max = 0;
  let length = 0;
  for (const row of data.table(set).rows) {
    const text = String(row[key]);
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < max) continue;
    max = n;
    length = text.length;
  }
  return String(max + 1)
    .padStart(length || Math.min(width, 10), '0')
    .slice(-width);
}

/** Concurrency timestamps move on every write, so the ETag changes as on a real system. */
function stampConcurrency(type: EdmEntityType, row: Row): void {
  for (const name of type.etagProperties) {
    const property = type.propertyMap.get(name);
    if (property && (property.type === 'Edm.DateTimeOffset' || property.type === 'Edm.DateTime'))
      row[name] = Date.now();
  }
}
