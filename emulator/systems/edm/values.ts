// Primitive values: one internal form per EDM type (numbers for every numeric type, epoch milliseconds
// for DateTime/DateTimeOffset/Date, strings otherwise) so filters and sorting compare plain JS values,
// and the V2/V4 wire formats are produced only when a row is serialised.
import type { EdmProperty } from './model.js';

export type Primitive = string | number | boolean | null;

const NUMERIC = new Set([
  'Edm.Int16',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.Byte',
  'Edm.SByte',
  'Edm.Single',
  'Edm.Double',
  'Edm.Decimal',
]);
const TEMPORAL = new Set(['Edm.DateTime', 'Edm.DateTimeOffset', 'Edm.Date']);

export const isNumericType = (type: string): boolean => NUMERIC.has(type);
export const isTemporalType = (type: string): boolean => TEMPORAL.has(type);
export const isIntegerType = (type: string): boolean =>
  type === 'Edm.Int16' ||
  type === 'Edm.Int32' ||
  type === 'Edm.Int64' ||
  type === 'Edm.Byte' ||
  type === 'Edm.SByte';

export class ValueError extends Error {
  override name = 'ValueError';
}

const DATE_JSON = /^\/Date\((-?\d+)(?:([+-])(\d{4}))?\)\/$/;

/** Accepts `/Date(ms)/`, `/Date(ms+0100)/`, ISO date(-time) strings and epoch numbers. */
export function parseTemporal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const json = DATE_JSON.exec(value);
  if (json) return Number(json[1]);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T00:00:00Z`
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value)
      ? value
      : `${value}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A payload or data-file value in the internal form; throws ValueError naming the property. */
export function toInternal(property: EdmProperty, value: unknown): Primitive {
  if (value === null || value === undefined) return null;
  const { type, name } = property;
  if (NUMERIC.has(type)) {
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== ''
          ? Number(value)
          : NaN;
    if (!Number.isFinite(n))
      throw new ValueError(`Property ${name} expects a number (${type}), got ${JSON.stringify(value)}`);
    return n;
  }
  if (TEMPORAL.has(type)) {
    const ms = parseTemporal(value);
    if (ms === undefined)
      throw new ValueError(`Property ${name} expects a date/time (${type}), got ${JSON.stringify(value)}`);
    return ms;
  }
  if (type === 'Edm.Boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new ValueError(`Property ${name} expects a boolean, got ${JSON.stringify(value)}`);
  }
  if (type === 'Edm.Guid' && typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ValueError(`Property ${name} expects a primitive ${type}, got ${typeof value}`);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function decimalText(value: number, scale: number | undefined): string {
  return scale === undefined ? String(value) : value.toFixed(Math.min(scale, 20));
}

/** The V2 JSON verbose form (Gateway: Int64 and Decimal as strings, dates as /Date(…)/). */
export function toV2(property: EdmProperty, value: Primitive): unknown {
  if (value === null) return null;
  switch (property.type) {
    case 'Edm.Decimal':
      return decimalText(value as number, property.scale);
    case 'Edm.Int64':
      return String(value);
    case 'Edm.DateTime':
      return `/Date(${value as number})/`;
    case 'Edm.DateTimeOffset':
      return `/Date(${value as number}+0000)/`;
    default:
      return value;
  }
}

/** The V4 JSON form. */
export function toV4(property: EdmProperty, value: Primitive, ieee754Compatible = false): unknown {
  if (value === null) return null;
  switch (property.type) {
    case 'Edm.Decimal':
      return ieee754Compatible ? decimalText(value as number, property.scale) : value;
    case 'Edm.Int64':
      return ieee754Compatible ? String(value) : value;
    case 'Edm.Date':
      return isoDate(value as number);
    case 'Edm.DateTimeOffset':
    case 'Edm.DateTime':
      return new Date(value as number).toISOString();
    default:
      return value;
  }
}

/** URL key/literal text of a value in V2 syntax (for `__metadata.uri`, `__next`, Location). */
export function v2KeyLiteral(type: string, value: Primitive): string {
  if (value === null) return 'null';
  switch (type) {
    case 'Edm.Guid':
      return `guid'${value as string}'`;
    case 'Edm.DateTime':
      return `datetime'${new Date(value as number).toISOString().slice(0, 19)}'`;
    case 'Edm.DateTimeOffset':
      return `datetimeoffset'${new Date(value as number).toISOString()}'`;
    case 'Edm.Int64':
      return `${value as number}L`;
    case 'Edm.Decimal':
      return `${value as number}M`;
    case 'Edm.Time':
      return `time'${value as string}'`;
    default:
      return typeof value === 'string'
        ? `'${encodeURIComponent(value.replaceAll("'", "''"))}'`
        : String(value);
  }
}

/** URL key/literal text in V4 syntax. */
export function v4KeyLiteral(type: string, value: Primitive): string {
  if (value === null) return 'null';
  switch (type) {
    case 'Edm.Guid':
      return value as string;
    case 'Edm.Date':
      return isoDate(value as number);
    case 'Edm.DateTimeOffset':
      return new Date(value as number).toISOString();
    default:
      return typeof value === 'string'
        ? `'${encodeURIComponent(value.replaceAll("'", "''"))}'`
        : String(value);
  }
}
