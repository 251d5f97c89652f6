// Initial rows of a service: persisted changes if there are any, otherwise the data files of the
// workspace followed by generated rows. Every value is converted to the internal form here, once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EdmEntitySet, EdmModel } from '../edm/model.js';
import { toInternal, ValueError } from '../edm/values.js';
import type { Row } from '../expr/compile.js';
import { ServiceData } from '../store/service-data.js';
import { generateData, type GenerateOptions } from './generate.js';

export class DataFileError extends Error {
  override name = 'DataFileError';
}

export interface DataSources {
  /** Entity set → absolute JSON file path. */
  files: Record<string, string>;
  generate?: GenerateOptions;
}

export async function loadServiceData(
  model: EdmModel,
  sources: DataSources,
  folder: string | undefined,
): Promise<ServiceData> {
  const data = new ServiceData(model, folder);
  await fillInitial(data, sources);
  return data;
}

/** (Re)loads every table: persisted file first, else sources. */
export async function fillInitial(
  data: ServiceData,
  sources: DataSources,
  ignorePersisted = false,
): Promise<void> {
  for (const set of Object.keys(sources.files)) {
    if (!data.model.entitySets.has(set)) throw new DataFileError(`Data file for unknown entity set ${set}`);
  }
  const generated = sources.generate ? generateData(data.model, sources.generate) : new Map<string, Row[]>();
  for (const set of data.model.entitySets.values()) {
    const persisted =
      ignorePersisted || !data.folder
        ? undefined
        : await readPersisted(path.join(data.folder, `${set.name}.json`));
    if (persisted) {
      data.table(set.name).load(persisted);
      continue;
    }
    const file = sources.files[set.name];
    const fromFile = file ? await readDataFile(file, set) : [];
    data.table(set.name).load([...fromFile, ...(generated.get(set.name) ?? [])]);
  }
}

async function readPersisted(file: string): Promise<Row[] | undefined> {
  try {
    const rows = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return Array.isArray(rows) ? (rows as Row[]) : undefined;
  } catch {
    return undefined;
  }
}

export async function readDataFile(file: string, set: EdmEntitySet): Promise<Row[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataFileError(`Cannot read data file ${file} of ${set.name}: ${(error as Error).message}`);
  }
  if (/^\s*\[/.test(text)) {
    // Large plain arrays are parsed and converted a slice at a time: the garbage of each slice dies
    // young, so the peak heap (and with it the resident size the process keeps) stays close to the data.
    const rows: Row[] = [];
    for (const slice of arraySlices(text, file)) rows.push(...normalizeRows(slice, set, file, rows.length));
    return rows;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`Cannot read data file ${file} of ${set.name}: ${(error as Error).message}`);
  }
  return normalizeRows(extractRows(parsed, file), set, file);
}

function extractRows(parsed: unknown, file: string): unknown[] {
  if (Array.isArray(parsed)) return parsed;
  const object = parsed as { d?: unknown; value?: unknown } | null;
  const d = object?.d as { results?: unknown } | unknown[] | undefined;
  if (Array.isArray(d)) return d;
  if (d && Array.isArray(d.results)) return (d as { results: unknown[] }).results;
  if (Array.isArray(object?.value)) return object.value;
  throw new DataFileError(`Data file ${file} is not an array, {"d":{"results":[…]}} or {"value":[…]}`);
}

/**
 * Converts file rows in place (no second copy of a large file at peak) and interns short strings, so
 * 100,000 rows repeating 'EUR' or 'Main Street' share one string each. OData annotations
 * (`__metadata`, `@odata.*`) and navigation payloads are dropped.
 */
export function normalizeRows(rows: unknown[], set: EdmEntitySet, where: string, offset = 0): Row[] {
  const type = set.entityType;
  const intern = (value: unknown): unknown => {
    if (typeof value !== 'string' || value.length > 40) return value;
    const known = POOL.get(value);
    if (known !== undefined) return known;
    if (POOL.size < 200_000) POOL.set(value, value);
    return value;
  };
  return rows.map((raw, i) => {
    const index = offset + i;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new DataFileError(`${where} row ${index + 1} is not an object`);
    }
    const row = raw as Row;
    for (const name of Object.keys(row)) {
      const property = type.propertyMap.get(name);
      if (!property) {
        if (name.startsWith('__') || name.includes('@') || type.navigations.has(name)) {
          delete row[name];
          continue;
        }
        throw new DataFileError(`${where} row ${index + 1}: property ${name} does not exist in ${type.name}`);
      }
      try {
        row[name] =
          property.complex || property.collection ? row[name] : intern(toInternal(property, row[name]));
      } catch (error) {
        if (error instanceof ValueError)
          throw new DataFileError(`${where} row ${index + 1}: ${error.message}`);
        throw error;
      }
    }
    for (const key of type.keys) {
      if (row[key] === undefined || row[key] === null)
        throw new DataFileError(`${where} row ${index + 1}: key ${key} is missing`);
    }
    return row;
  });
}

/** Interned short strings, shared across loads (bounded; values are data, not secrets). */
const POOL = new Map<string, string>();
const SLICE_ROWS = 5000;

/** Splits a top-level JSON array into parsed slices of up to SLICE_ROWS elements. */
function* arraySlices(text: string, file: string): Generator<unknown[]> {
  let depth = 0;
  let inString = false;
  let start = text.indexOf('[') + 1;
  let count = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) {
        yield parseSlice(text.slice(start, i), file);
        return;
      }
      depth--;
      if (depth === 0 && ++count === SLICE_ROWS) {
        yield parseSlice(text.slice(start, i + 1), file);
        start = text.indexOf(',', i + 1) + 1 || i + 1;
        i = start - 1;
        count = 0;
      }
    }
  }
  throw new DataFileError(`Cannot read data file ${file}: the JSON array is not closed`);
}

function parseSlice(body: string, file: string): unknown[] {
  if (body.trim() === '') return [];
  try {
    return JSON.parse(`[${body}]`) as unknown[];
  } catch (error) {
    throw new DataFileError(`Cannot read data file ${file}: ${(error as Error).message}`);
  }
}
