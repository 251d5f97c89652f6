// What a value of an EDM type may be, given its facets: integer ranges, decimal precision and scale,
// date/time precision and the lexical forms of the string-typed temporal types. One place, so the data
// generator and the model check (data/model-check.ts) agree on what "valid for the model" means.
import type { EdmProperty, ODataVersion } from './model.js';

/** Inclusive ranges of the integer types. Int64 stops where a JS number stops being exact. */
export const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  'Edm.Byte': [0, 255],
  'Edm.SByte': [-128, 127],
  'Edm.Int16': [-32_768, 32_767],
  'Edm.Int32': [-2_147_483_648, 2_147_483_647],
  'Edm.Int64': [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

export const SINGLE_MAX = 3.4028234663852886e38;

/** Decimal scale: the facet, else 0 as CSDL V2 and V4 both default it (`variable` reads as absent). */
export const decimalScale = (property: EdmProperty): number => property.scale ?? 0;

/** The largest decimal in units of 10^-scale (`Precision` digits of 9), or undefined without Precision. */
export function decimalMaxUnits(property: EdmProperty): number | undefined {
  return property.precision === undefined ? undefined : 10 ** property.precision - 1;
}

/** Smallest step of a DateTime(Offset) in ms its Precision allows (Precision 0: whole seconds). */
export function temporalStepMs(property: EdmProperty): number {
  const precision = property.precision;
  if (property.type === 'Edm.Date') return 86_400_000;
  if (precision === undefined || precision >= 3) return 1;
  return 10 ** (3 - precision);
}

/** V2 Edm.Time is an xsd:duration below one day, as Gateway writes it: `PT13H20M00S`. */
export const V2_TIME = /^PT(\d{1,2})H(\d{1,2})M(\d{1,2}(?:\.\d{1,7})?)S$/;
/** V4 Edm.TimeOfDay: `hh:mm`, `hh:mm:ss` or `hh:mm:ss.fffffff`. */
export const V4_TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,12})?)?$/;
export const DURATION = /^-?P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Binary travels as base64 in V2 JSON and as base64url in V4 JSON. */
export const binaryEncoding = (version: ODataVersion): 'base64' | 'base64url' =>
  version === 'v4' ? 'base64url' : 'base64';
