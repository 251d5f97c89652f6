// Initial rows of a service: persisted changes if there are any, otherwise the data files of the
// workspace followed by generated rows. Every value is converted to the internal form here, once.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { EdmEntitySet, EdmModel } from '../edm/model.js';
import { toInternal, ValueError } from '../edm/values.js';
import type { Row } from '../expr/compile.js';
import { ServiceData } from '../store/service-data.js';
import type { GenerateOptions } from './generate.js';
import { lazyGenerated } from './lazy-generate.js';
import { jsonRowSlices, JsonSliceError } from './json-slices.js';

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

/**
 * (Re)loads every table: its persisted file first, else its sources. Persisted tables and data files
 * are read now (they are the user's, and a broken file must fail the load); generated rows are made
 * when a table is first used, so a model of thousands of entity sets costs only what clients touch.
 */
export async function fillInitial(
  data: ServiceData,
  sources: DataSources,
  ignorePersisted = false,
): Promise<void> {
  for (const set of Object.keys(sources.files)) {
    if (!data.model.entitySets.has(set)) throw new DataFileError(`Data file for unknown entity set ${set}`);
  }
  const generated = sources.generate ? lazyGenerated(data.model, sources.generate) : () => [];
  const loaded = new Map<string, Row[]>();
  const persisted = ignorePersisted || !data.folder ? [] : await persistedSets(data.folder, data.model);
  for (const set of persisted) {
    const rows = await readPersisted(path.join(data.folder!, `${set}.json`));
    if (rows) loaded.set(set, rows);
  }
  // One interner per load: it lives only while the files are read, so its table is not kept for good.
  const interner = new Interner();
  for (const [set, file] of Object.entries(sources.files)) {
    if (loaded.has(set)) continue;
    const rows = await readDataFile(file, data.model.entitySets.get(set)!, interner);
    for (const row of generated(set)) rows.push(row);
    loaded.set(set, rows);
  }
  data.fillFrom((set) => loaded.get(set) ?? generated(set));
  for (const set of loaded.keys()) data.table(set);
}

/** Entity sets with a persisted table (`<set>.json`) in the folder. */
async function persistedSets(folder: string, model: EdmModel): Promise<string[]> {
  const files = await readdir(folder).catch(() => [] as string[]);
  return files
    .filter((f) => f.endsWith('.json') && model.entitySets.has(f.slice(0, -5)))
    .map((f) => f.slice(0, -5));
}

async function readPersisted(file: string): Promise<Row[] | undefined> {
  try {
    const rows: Row[] = [];
    for await (const slice of jsonRowSlices(file)) for (const row of slice) rows.push(row as Row);
    return rows;
  } catch {
    return undefined;
  }
}

/**
 * Rows of a data file in the internal form. The file is read and parsed a slice at a time (see
 * json-slices.ts), and each slice is converted before the next is read.
 */
export async function readDataFile(
  file: string,
  set: EdmEntitySet,
  interner = new Interner(),
): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    for await (const slice of jsonRowSlices(file)) {
      for (const row of normalizeRows(slice, set, file, rows.length, interner)) rows.push(row);
    }
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    const reason = error instanceof JsonSliceError ? error.reason : (error as Error).message;
    throw new DataFileError(`Cannot read data file ${file} of ${set.name}: ${reason}`);
  }
  return rows;
}

/**
 * Converts file rows in place (no second copy of a large file at peak) and interns short strings of
 * properties with few distinct values, so 100,000 rows repeating 'EUR' or 'Main Street' share one
 * string each. OData annotations (`__metadata`, `@odata.*`) and navigation payloads are dropped.
 */
export function normalizeRows(
  rows: unknown[],
  set: EdmEntitySet,
  where: string,
  offset = 0,
  interner = new Interner(),
): Row[] {
  const type = set.entityType;
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
          property.complex || property.collection
            ? row[name]
            : interner.intern(name, toInternal(property, row[name]));
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

/**
 * Shares equal short strings per property. A property with many distinct values (keys, amounts,
 * postal codes) gains nothing from it, so its table is dropped once it passes a limit: the interner
 * stays small even at the peak of a 100,000-row load.
 */
export class Interner {
  private readonly pools = new Map<string, Map<string, string> | null>();

  intern<T>(property: string, value: T): T {
    if (typeof value !== 'string' || value.length > 40) return value;
    let pool = this.pools.get(property);
    if (pool === null) return value;
    if (pool === undefined) this.pools.set(property, (pool = new Map()));
    const known = pool.get(value);
    if (known !== undefined) return known as T;
    if (pool.size >= DISTINCT_LIMIT) this.pools.set(property, null);
    else pool.set(value, value);
    return value;
  }
}

const DISTINCT_LIMIT = 4096;
