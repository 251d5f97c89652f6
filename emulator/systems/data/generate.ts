// Deterministic sample data from the metadata: the same seed gives the same rows on every machine.
// Every row is valid for the model (data/model-check.ts checks it): values fit their types and facets
// (generate-values.ts), keys are unique, draft-enabled types get active documents, and children
// reference existing parents through the navigations' referential constraints.
import { decimalMaxUnits, decimalScale, INTEGER_RANGES } from '../edm/facets.js';
import type { EdmEntitySet, EdmEntityType, EdmModel, EdmProperty } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { binary, DAY_MS, FIRST_DAY, guid, timeOfDay, value, type Random } from './generate-values.js';
import { pickByName } from './vocabulary.js';

export interface GenerateOptions {
  seed: number;
  rows: number;
  /** Per entity set row counts that override `rows`. */
  sets?: Record<string, number>;
}

/** mulberry32: tiny, fast, good enough for sample data, and identical everywhere. */
export function rng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ParentLink {
  parentSet: string;
  joins: { source: string; target: string }[];
}

/** Rows per entity set, parents before children. */
export function generateData(model: EdmModel, options: GenerateOptions): Map<string, Row[]> {
  const result = new Map<string, Row[]>();
  for (const set of parentFirst(model)) {
    const random = rng(options.seed * 7919 + hash(set.name));
    const links = parentLinks(model, set).filter((l) => (result.get(l.parentSet)?.length ?? 0) > 0);
    // Children default to three per parent row, so navigations have something to show.
    const count = options.sets?.[set.name] ?? (links.length > 0 ? options.rows * 3 : options.rows);
    const rows: Row[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < count; i++) {
      const row = generateRow(model, set, i, random, links, result);
      // A finite key space (Boolean, Byte, short strings) or a constraint that fills the whole key
      // repeats keys: a key identifies one entity, so a repeated one is not generated again.
      const key = JSON.stringify(set.entityType.keys.map((k) => row[k]));
      if (keys.has(key)) continue;
      keys.add(key);
      rows.push(row);
    }
    result.set(set.name, rows);
  }
  return result;
}

function generateRow(
  model: EdmModel,
  set: EdmEntitySet,
  index: number,
  random: Random,
  links: ParentLink[],
  data: Map<string, Row[]>,
): Row {
  const row: Row = {};
  const type = set.entityType;
  const person = { first: pickByName('firstname', random), last: pickByName('lastname', random) };
  const draft = isDraftEnabled(type);
  for (const property of type.properties) {
    row[property.name] = type.keys.includes(property.name)
      ? keyValue(model, property, index, type.keys.length, random)
      : value(model, property, random, person);
    if (draft) applyActiveDraftState(type, property, row);
  }
  for (const link of links) {
    const parents = data.get(link.parentSet)!;
    const parent = parents[index % parents.length]!;
    for (const join of link.joins) row[join.source] = parent[join.target];
  }
  return row;
}

/** Draft-enabled (RAP, BOPF draft 2.0, CAP): the type has a Boolean IsActiveEntity. */
function isDraftEnabled(type: EdmEntityType): boolean {
  return type.propertyMap.get('IsActiveEntity')?.type === 'Edm.Boolean';
}

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Generated rows are active documents without a draft: IsActiveEntity true, HasActiveEntity and
 * HasDraftEntity false. BOPF draft keys an active document with the initial DraftUUID (SAP Gateway
 * shows `DraftUUID=guid'00000000-…'`), when the other key properties identify it.
 */
function applyActiveDraftState(type: EdmEntityType, property: EdmProperty, row: Row): void {
  if (property.type === 'Edm.Boolean') {
    if (property.name === 'IsActiveEntity') row[property.name] = true;
    else if (property.name === 'HasActiveEntity' || property.name === 'HasDraftEntity')
      row[property.name] = false;
  } else if (property.name === 'DraftUUID' && property.type === 'Edm.Guid') {
    const identifying = type.keys.filter((k) => k !== 'DraftUUID' && k !== 'IsActiveEntity');
    if (type.keys.includes('DraftUUID') && identifying.length > 0) row[property.name] = ZERO_GUID;
  }
}

/**
 * A key value from the row's index, valid for the key's type: numbers and dates count up (integer
 * types wrap inside their range), Booleans alternate. Finite key spaces (a Boolean, a Byte, a
 * one-character string) repeat; generateData drops the rows whose whole key repeats.
 */
function keyValue(
  model: EdmModel,
  property: EdmProperty,
  index: number,
  keyCount: number,
  random: Random,
): unknown {
  const range = INTEGER_RANGES[property.type];
  if (range) return (index % range[1]) + 1;
  switch (property.type) {
    case 'Edm.Guid':
      return guid(random);
    case 'Edm.String':
      return stringKey(property, index, keyCount);
    case 'Edm.Boolean':
      return index % 2 === 0;
    case 'Edm.DateTime':
    case 'Edm.DateTimeOffset':
    case 'Edm.Date':
      return FIRST_DAY + index * DAY_MS;
    case 'Edm.Time':
    case 'Edm.TimeOfDay':
      return timeOfDay(property.type, index % 1440);
    case 'Edm.Duration':
      return `PT${index + 1}M`;
    case 'Edm.Binary':
      return binary(model, 4, (i) => (index >>> (8 * (3 - i))) & 0xff);
    case 'Edm.Decimal': {
      const max = decimalMaxUnits(property);
      const whole = max === undefined ? Infinity : Math.floor(max / 10 ** decimalScale(property));
      return whole >= 1 ? (index % whole) + 1 : 0;
    }
    default:
      return index + 1;
  }
}

function stringKey(property: EdmProperty, index: number, keyCount: number): string {
  const width = Math.min(property.maxLength ?? 10, 10);
  // Single keys look like SAP numbers (1000001…); parts of composite keys count from 1 (000010 items).
  const base = keyCount === 1 && width >= 7 ? 10 ** 6 : 0;
  const step = keyCount > 1 && width >= 4 ? 10 : 1;
  return String(base + (index + 1) * step)
    .padStart(Math.min(width, 6), '0')
    .slice(-width);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Single-valued navigations with a constraint point at the parent set. */
export function parentLinks(model: EdmModel, set: EdmEntitySet): ParentLink[] {
  const links: ParentLink[] = [];
  for (const nav of set.entityType.navigations.values()) {
    if (nav.many || nav.joins.length === 0 || !nav.targetSet || nav.targetSet === set.name) continue;
    if (!model.entitySets.has(nav.targetSet)) continue;
    links.push({ parentSet: nav.targetSet, joins: nav.joins });
  }
  return links;
}

function parentFirst(model: EdmModel): EdmEntitySet[] {
  const ordered: EdmEntitySet[] = [];
  const visiting = new Set<string>();
  const visit = (set: EdmEntitySet): void => {
    if (ordered.includes(set) || visiting.has(set.name)) return;
    visiting.add(set.name);
    for (const link of parentLinks(model, set)) visit(model.entitySets.get(link.parentSet)!);
    ordered.push(set);
  };
  for (const set of model.entitySets.values()) visit(set);
  return ordered;
}
