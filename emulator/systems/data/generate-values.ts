// One generated value per property, valid for its type and facets (see edm/facets.ts): integers stay
// in their type's range, decimals within Precision and Scale, strings within MaxLength, dates at
// whole days or seconds, Binary in the version's base64 flavour, complex values member by member.
// Values look real by property name (FirstName, CityName, EmailAddress, …).
import { binaryEncoding, decimalMaxUnits, decimalScale, INTEGER_RANGES, SINGLE_MAX } from '../edm/facets.js';
import type { EdmModel, EdmProperty } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { pickByName } from './vocabulary.js';

export interface Person {
  first: string;
  last: string;
}

export type Random = () => number;

export const DAY_MS = 86_400_000;
export const FIRST_DAY = Date.UTC(2018, 0, 1);
const MAX_COMPLEX_DEPTH = 3;

export function value(
  model: EdmModel,
  property: EdmProperty,
  random: Random,
  person: Person,
  depth = 0,
): unknown {
  if (property.collection) return [];
  if (property.complex) return complexValue(model, property, random, person, depth);
  const name = property.name.toLowerCase();
  switch (property.type) {
    case 'Edm.Boolean':
      return random() < 0.3;
    case 'Edm.Guid':
      return guid(random);
    case 'Edm.DateTime':
    case 'Edm.DateTimeOffset':
    case 'Edm.Date': {
      const ms = FIRST_DAY + Math.floor(random() * 8 * 365) * DAY_MS;
      return property.type === 'Edm.DateTimeOffset' ? ms + Math.floor(random() * 86_400) * 1000 : ms;
    }
    case 'Edm.Time':
    case 'Edm.TimeOfDay':
      return timeOfDay(property.type, Math.floor(random() * 24) * 60 + Math.floor(random() * 60));
    case 'Edm.Duration':
      return `PT${Math.floor(random() * 24)}H${Math.floor(random() * 60)}M`;
    case 'Edm.String':
      return truncate(stringValue(name, random, person), property.maxLength);
    case 'Edm.Binary':
      return binary(model, property.maxLength, () => Math.floor(random() * 256));
    default:
      return property.type in INTEGER_RANGES || isFractional(property.type)
        ? numberValue(property, name, random)
        : null;
  }
}

/** `PT13H20M00S` (V2 Edm.Time) or `13:20:00` (V4 Edm.TimeOfDay) for a minute of the day. */
export function timeOfDay(type: string, minuteOfDay: number): string {
  const h = String(Math.floor(minuteOfDay / 60) % 24).padStart(2, '0');
  const m = String(minuteOfDay % 60).padStart(2, '0');
  return type === 'Edm.Time' ? `PT${h}H${m}M00S` : `${h}:${m}:00`;
}

/** Bytes (at most MaxLength, at most 16) in V2's base64 or V4's base64url. */
export function binary(model: EdmModel, maxLength: number | undefined, byte: (i: number) => number): string {
  const length = Math.max(1, Math.min(maxLength ?? 16, 16));
  return Buffer.from(Array.from({ length }, (_, i) => byte(i))).toString(binaryEncoding(model.version));
}

function complexValue(
  model: EdmModel,
  property: EdmProperty,
  random: Random,
  person: Person,
  depth: number,
): Row | null {
  const complex = model.complexTypes.get(property.type);
  if (!complex || depth >= MAX_COMPLEX_DEPTH) return null;
  const out: Row = {};
  for (const member of complex.properties) out[member.name] = value(model, member, random, person, depth + 1);
  return out;
}

function stringValue(name: string, random: Random, person: Person): string {
  if (name.includes('email')) return `${person.first}.${person.last}@example.com`.toLowerCase();
  if (name.includes('firstname')) return person.first;
  if (name.includes('lastname')) return person.last;
  if (name.includes('fullname')) return `${person.first} ${person.last}`;
  if (name.includes('searchterm')) return person.last.toUpperCase();
  return pickByName(name, random);
}

const isFractional = (type: string): boolean =>
  type === 'Edm.Decimal' || type === 'Edm.Double' || type === 'Edm.Single';

function numberValue(property: EdmProperty, name: string, random: Random): number {
  const max = /amount|price|limit|value/.test(name)
    ? 100_000
    : /quantity|count/.test(name)
      ? 100
      : /rating/.test(name)
        ? 5
        : 1000;
  const raw = random() * max;
  const range = INTEGER_RANGES[property.type];
  if (range) return Math.min(Math.floor(raw), range[1]);
  if (property.type !== 'Edm.Decimal') {
    const factor = 10 ** (property.scale ?? 2);
    return Math.min(Math.round(raw * factor) / factor, SINGLE_MAX);
  }
  // In units of 10^-Scale, capped at Precision digits: Decimal(3,2) holds at most 9.99.
  const factor = 10 ** decimalScale(property);
  return Math.min(Math.round(raw * factor), decimalMaxUnits(property) ?? Infinity) / factor;
}

function truncate(text: string, maxLength: number | undefined): string {
  return maxLength === undefined ? text : text.slice(0, maxLength);
}

export function guid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
