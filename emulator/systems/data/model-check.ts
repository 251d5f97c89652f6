// Is a set of rows (in the internal form, see edm/values.ts) valid for its model? Every property is
// checked against its type and facets (integer ranges, Decimal Precision/Scale, MaxLength, date/time
// precision and lexical forms, Guid, Binary, Nullable="false", complex members), keys are checked for
// uniqueness as tuples, and single-valued navigations with a referential constraint must find their
// target. Tests run it over generated data for every EDMX; it needs nothing but the model and the rows.
import {
  binaryEncoding,
  decimalMaxUnits,
  decimalScale,
  DURATION,
  GUID,
  INTEGER_RANGES,
  SINGLE_MAX,
  temporalStepMs,
  V2_TIME,
  V4_TIME_OF_DAY,
} from '../edm/facets.js';
import type { EdmEntitySet, EdmModel, EdmProperty, ODataVersion } from '../edm/model.js';
import type { Row } from '../expr/compile.js';

const MIN_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');
const MAX_DEPTH = 4;

/** Every problem of every entity set's rows, as `Set[row] Property: reason`; empty when all is valid. */
export function checkData(model: EdmModel, tables: ReadonlyMap<string, readonly Row[]>): string[] {
  const problems: string[] = [];
  for (const [name, rows] of tables) {
    const set = model.entitySets.get(name);
    if (!set) {
      problems.push(`${name}: not an entity set of the model`);
      continue;
    }
    problems.push(...checkRows(model, set, rows), ...checkReferences(set, rows, tables));
  }
  return problems;
}

/** Types, facets and nullability of every property, and unique keys. */
export function checkRows(model: EdmModel, set: EdmEntitySet, rows: readonly Row[]): string[] {
  const problems: string[] = [];
  const type = set.entityType;
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const where = `${set.name}[${index}]`;
    for (const property of type.properties) {
      const key = type.keys.includes(property.name);
      const problem = valueProblem(model, property, row[property.name], key);
      if (problem) problems.push(`${where} ${property.name}: ${problem}`);
    }
    const tuple = JSON.stringify(type.keys.map((k) => row[k]));
    const first = seen.get(tuple);
    if (first === undefined) seen.set(tuple, index);
    else problems.push(`${where}: key ${tuple} repeats ${set.name}[${first}]`);
  });
  return problems;
}

/** Why a value (internal form) does not fit the property, or undefined when it does. */
export function valueProblem(
  model: EdmModel,
  property: EdmProperty,
  value: unknown,
  key = false,
  depth = 0,
): string | undefined {
  if (value === null || value === undefined) {
    if (key) return 'key is missing';
    return property.nullable ? undefined : 'is null but Nullable="false"';
  }
  if (property.collection) {
    if (!Array.isArray(value)) return `expected a collection, got ${show(value)}`;
    const item = { ...property, collection: false, nullable: false };
    for (const [i, element] of value.entries()) {
      const problem = valueProblem(model, item, element, false, depth + 1);
      if (problem) return `item ${i}: ${problem}`;
    }
    return undefined;
  }
  if (property.complex) return complexProblem(model, property, value, depth);
  return primitiveProblem(model.version, property, value);
}

function complexProblem(
  model: EdmModel,
  property: EdmProperty,
  value: unknown,
  depth: number,
): string | undefined {
  const complex = model.complexTypes.get(property.type);
  if (!complex) return `unknown complex type ${property.type}`;
  if (typeof value !== 'object' || Array.isArray(value))
    return `expected a ${complex.name}, got ${show(value)}`;
  if (depth >= MAX_DEPTH) return undefined;
  for (const member of complex.properties) {
    const problem = valueProblem(model, member, (value as Row)[member.name], false, depth + 1);
    if (problem) return `${member.name}: ${problem}`;
  }
  return undefined;
}

function primitiveProblem(version: ODataVersion, property: EdmProperty, value: unknown): string | undefined {
  const type = property.type;
  const range = INTEGER_RANGES[type];
  if (range) {
    const ok = typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1];
    return ok ? undefined : `${show(value)} is not an ${type} (${range[0]} to ${range[1]})`;
  }
  switch (type) {
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? undefined : `${show(value)} is not an Edm.Boolean`;
    case 'Edm.String':
      return stringProblem(property, value);
    case 'Edm.Guid':
      return typeof value === 'string' && GUID.test(value) ? undefined : `${show(value)} is not an Edm.Guid`;
    case 'Edm.Decimal':
      return decimalProblem(property, value);
    case 'Edm.Double':
    case 'Edm.Single': {
      const limit = type === 'Edm.Single' ? SINGLE_MAX : Number.MAX_VALUE;
      const ok = typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
      return ok ? undefined : `${show(value)} is not an ${type}`;
    }
    case 'Edm.DateTime':
    case 'Edm.DateTimeOffset':
    case 'Edm.Date':
      return temporalProblem(property, value);
    case 'Edm.Time':
    case 'Edm.TimeOfDay':
      return timeProblem(type, value);
    case 'Edm.Duration':
      return typeof value === 'string' && DURATION.test(value)
        ? undefined
        : `${show(value)} is not an Edm.Duration`;
    case 'Edm.Binary':
      return binaryProblem(version, property, value);
    default:
      // Geography, Stream and other types the emulator stores as given.
      return undefined;
  }
}

function stringProblem(property: EdmProperty, value: unknown): string | undefined {
  if (typeof value !== 'string') return `${show(value)} is not an Edm.String`;
  const max = property.maxLength;
  return max !== undefined && value.length > max
    ? `${show(value)} is ${value.length} characters, MaxLength is ${max}`
    : undefined;
}

function decimalProblem(property: EdmProperty, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${show(value)} is not an Edm.Decimal`;
  const scale = decimalScale(property);
  const units = value * 10 ** scale;
  const rounded = Math.round(units);
  if (Math.abs(units - rounded) > 1e-9 * Math.max(1, Math.abs(units)))
    return `${value} has more than Scale=${scale} decimal places`;
  const max = decimalMaxUnits(property);
  return max !== undefined && Math.abs(rounded) > max
    ? `${value} has more than Precision=${property.precision!} digits (Scale=${scale})`
    : undefined;
}

function temporalProblem(property: EdmProperty, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `${show(value)} is not a ${property.type}`;
  if (value < MIN_MS || value > MAX_MS) return `${value} is outside 0001-01-01 to 9999-12-31`;
  const step = temporalStepMs(property);
  if (((value % step) + step) % step !== 0) {
    return property.type === 'Edm.Date'
      ? `${new Date(value).toISOString()} is not a whole day`
      : `${new Date(value).toISOString()} is finer than Precision=${property.precision ?? 0}`;
  }
  return undefined;
}

function timeProblem(type: string, value: unknown): string | undefined {
  const match =
    typeof value === 'string' ? (type === 'Edm.Time' ? V2_TIME : V4_TIME_OF_DAY).exec(value) : null;
  if (!match) return `${show(value)} is not an ${type}`;
  const [hours, minutes, seconds] = [match[1], match[2], match[3] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ];
  return hours < 24 && minutes < 60 && seconds < 60 ? undefined : `${show(value)} is not a time of day`;
}

function binaryProblem(version: ODataVersion, property: EdmProperty, value: unknown): string | undefined {
  const encoding = binaryEncoding(version);
  const pattern =
    encoding === 'base64'
      ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
      : /^[A-Za-z0-9_-]*={0,2}$/;
  if (typeof value !== 'string' || !pattern.test(value))
    return `${show(value)} is not ${encoding} (Edm.Binary)`;
  const bytes = Buffer.from(value, encoding).length;
  const max = property.maxLength;
  return max !== undefined && bytes > max ? `${bytes} bytes, MaxLength is ${max}` : undefined;
}

/** Single-valued navigations with a referential constraint lead to an existing row. */
function checkReferences(
  set: EdmEntitySet,
  rows: readonly Row[],
  tables: ReadonlyMap<string, readonly Row[]>,
): string[] {
  const problems: string[] = [];
  for (const nav of set.entityType.navigations.values()) {
    const targets = nav.targetSet ? tables.get(nav.targetSet) : undefined;
    if (nav.many || nav.joins.length === 0 || !targets) continue;
    const known = new Set(targets.map((t) => JSON.stringify(nav.joins.map((j) => t[j.target]))));
    rows.forEach((row, index) => {
      const values = nav.joins.map((j) => row[j.source]);
      if (values.some((v) => v === null || v === undefined)) return;
      if (!known.has(JSON.stringify(values)))
        problems.push(
          `${set.name}[${index}] ${nav.name}: no ${nav.targetSet!} row has ${describe(nav.joins, values)}`,
        );
    });
  }
  return problems;
}

const describe = (joins: { target: string }[], values: unknown[]): string =>
  joins.map((j, i) => `${j.target}=${show(values[i])}`).join(', ');

const show = (value: unknown): string =>
  typeof value === 'string' ? `'${value}'` : String(JSON.stringify(value));
