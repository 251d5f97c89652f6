// Deterministic sample data from the metadata: the same seed gives the same rows on every machine.
// Values look real by property name (FirstName, CityName, EmailAddress, …) and type, and children
// reference existing parents through the navigations' referential constraints.
import type { EdmEntitySet, EdmModel, EdmProperty } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { pickByName } from './vocabulary.js';

export interface GenerateOptions {
  seed: number;
  rows: number;
  /** Per entity set row counts that override `rows`. */
  sets?: Record<string, number>;
}

/** mulberry32: tiny, fast, good enough for sample data, and identical everywhere. */
export function rng(seed: number): () => number {
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
    for (let i = 0; i < count; i++) rows.push(generateRow(set, i, random, links, result));
    result.set(set.name, rows);
  }
  return result;
}

function generateRow(
  set: EdmEntitySet,
  index: number,
  random: () => number,
  links: ParentLink[],
  data: Map<string, Row[]>,
): Row {
  const row: Row = {};
  const person = { first: pickByName('firstname', random), last: pickByName('lastname', random) };
  for (const property of set.entityType.properties) {
    if (property.complex || property.collection) continue;
    row[property.name] = set.entityType.keys.includes(property.name)
      ? keyValue(property, index, set.entityType.keys.length, random)
      : value(property, random, person);
  }
  for (const link of links) {
    const parents = data.get(link.parentSet)!;
    const parent = parents[index % parents.length]!;
    for (const join of link.joins) row[join.source] = parent[join.target];
  }
  return row;
}

function keyValue(property: EdmProperty, index: number, keyCount: number, random: () => number): unknown {
  if (property.type === 'Edm.Guid') return guid(random);
  if (property.type !== 'Edm.String') return index + 1;
  const width = Math.min(property.maxLength ?? 10, 10);
  // Single keys look like SAP numbers (1000001…); parts of composite keys count from 1 (000010 items).
  const base = keyCount === 1 && width >= 7 ? 10 ** 6 : 0;
  const step = keyCount > 1 && width >= 4 ? 10 : 1;
  return String(base + (index + 1) * step)
    .padStart(Math.min(width, 6), '0')
    .slice(-width);
}

function value(
  property: EdmProperty,
  random: () => number,
  person: { first: string; last: string },
): unknown {
  const name = property.name.toLowerCase();
  switch (property.type) {
    case 'Edm.Boolean':
      return random() < 0.3;
    case 'Edm.Guid':
      return guid(random);
    case 'Edm.DateTime':
    case 'Edm.DateTimeOffset':
    case 'Edm.Date': {
      const ms = Date.UTC(2018, 0, 1) + Math.floor(random() * 8 * 365) * 86_400_000;
      return property.type === 'Edm.DateTimeOffset' ? ms + Math.floor(random() * 86_400) * 1000 : ms;
    }
    case 'Edm.Time':
    case 'Edm.TimeOfDay': {
      const h = String(Math.floor(random() * 24)).padStart(2, '0');
      const m = String(Math.floor(random() * 60)).padStart(2, '0');
      return property.type === 'Edm.Time' ? `PT${h}H${m}M00S` : `${h}:${m}:00`;
    }
    case 'Edm.String':
      return truncate(stringValue(name, random, person), property.maxLength);
    default:
      return numberValue(property, name, random);
  }
}

function stringValue(name: string, random: () => number, person: { first: string; last: string }): string {
  if (name.includes('email')) return `${person.first}.${person.last}@example.com`.toLowerCase();
  if (name.includes('firstname')) return person.first;
  if (name.includes('lastname')) return person.last;
  if (name.includes('fullname')) return `${person.first} ${person.last}`;
  if (name.includes('searchterm')) return person.last.toUpperCase();
  return pickByName(name, random);
}

function numberValue(property: EdmProperty, name: string, random: () => number): number {
  const integer = !['Edm.Decimal', 'Edm.Double', 'Edm.Single'].includes(property.type);
  const max = /amount|price|limit|value/.test(name)
    ? 100_000
    : /quantity|count/.test(name)
      ? 100
      : /rating/.test(name)
        ? 5
        : 1000;
  const raw = random() * max;
  if (integer) return Math.floor(raw);
  const scale = property.scale ?? 2;
  return Math.round(raw * 10 ** scale) / 10 ** scale;
}

function truncate(text: string, maxLength: number | undefined): string {
  return maxLength === undefined ? text : text.slice(0, maxLength);
}

function guid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
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
