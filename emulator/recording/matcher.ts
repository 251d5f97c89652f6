// Replay lookup: an exact semantic match by key (O(1)); identical requests replay in recorded order and
// then stay on the last one; a miss names the nearest recorded requests and every difference to each.
import { shapeKey, type RequestShape } from './request-shape.js';

export interface Recorded<T> {
  shape: RequestShape;
  value: T;
}

export interface Difference {
  what: 'method' | 'path' | 'query' | 'header' | 'body' | 'batch';
  detail: string;
}

export interface Candidate {
  request: string;
  differences: Difference[];
}

export interface Miss {
  request: string;
  candidates: Candidate[];
}

/** On a miss, `nearest` holds the first recorded value of each candidate, in the candidates' order. */
export type Lookup<T> = { hit: T; position: number; of: number } | { miss: Miss; nearest: T[] };

const WEIGHT: Record<Difference['what'], number> = {
  method: 4,
  path: 4,
  batch: 3,
  body: 2,
  query: 1,
  header: 1,
};

export function describe(shape: RequestShape): string {
  const query = shape.query.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');
  return `${shape.method} ${shape.path}${query ? `?${query}` : ''}`;
}

export class ReplayIndex<T> {
  private readonly byKey = new Map<string, { items: T[]; served: number }>();
  private readonly shapes: { shape: RequestShape; items: T[] }[] = [];

  constructor(recorded: Iterable<Recorded<T>>) {
    for (const { shape, value } of recorded) this.add(shape, value);
  }

  /** Adds a recorded exchange (record-on-miss appends here too). */
  add(shape: RequestShape, value: T): void {
    const key = shapeKey(shape);
    const slot = this.byKey.get(key);
    if (slot) slot.items.push(value);
    else {
      const created = { items: [value], served: 0 };
      this.byKey.set(key, created);
      this.shapes.push({ shape, items: created.items });
    }
  }

  get size(): number {
    return this.shapes.length;
  }

  lookup(shape: RequestShape, maxCandidates = 3): Lookup<T> {
    const slot = this.byKey.get(shapeKey(shape));
    if (slot) {
      const position = Math.min(slot.served, slot.items.length - 1);
      slot.served += 1;
      return { hit: slot.items[position]!, position: position + 1, of: slot.items.length };
    }
    const nearest = this.shapes
      .map((recorded) => ({ recorded, differences: compare(shape, recorded.shape) }))
      .map((c) => ({ ...c, score: c.differences.reduce((sum, d) => sum + WEIGHT[d.what], 0) }))
      .sort((a, b) => a.score - b.score)
      .slice(0, maxCandidates);
    const candidates = nearest.map((c) => ({
      request: describe(c.recorded.shape),
      differences: c.differences,
    }));
    return {
      miss: { request: describe(shape), candidates },
      nearest: nearest.map((c) => c.recorded.items[0]!),
    };
  }

  /** Starts every sequence from the first recorded exchange again. */
  rewind(): void {
    for (const slot of this.byKey.values()) slot.served = 0;
  }
}

function pairsDiff(
  what: 'query' | 'header',
  actual: [string, string][],
  recorded: [string, string][],
): Difference[] {
  const a = new Map(actual);
  const r = new Map(recorded);
  const out: Difference[] = [];
  for (const [name, value] of r) {
    if (!a.has(name)) out.push({ what, detail: `${what} ${name} is missing (recorded ${name}=${value})` });
    else if (a.get(name) !== value)
      out.push({ what, detail: `${what} ${name} is ${a.get(name)}, recorded ${value}` });
  }
  for (const [name, value] of a)
    if (!r.has(name)) out.push({ what, detail: `${what} ${name}=${value} is not in the recording` });
  return out;
}

/** The first JSON path where two canonical bodies differ, or a plain "differs". */
function bodyDiff(actual: string, recorded: string): Difference[] {
  if (actual === recorded) return [];
  try {
    const where = firstJsonDifference(JSON.parse(actual || 'null'), JSON.parse(recorded || 'null'), '$');
    return [{ what: 'body', detail: `body differs at ${where}` }];
  } catch {
    return [{ what: 'body', detail: `body differs (${actual.length} bytes, recorded ${recorded.length})` }];
  }
}

function firstJsonDifference(a: unknown, b: unknown, path: string): string {
  if (
    typeof a !== typeof b ||
    Array.isArray(a) !== Array.isArray(b) ||
    a === null ||
    b === null ||
    typeof a !== 'object'
  ) {
    return `${path}: ${JSON.stringify(a)} vs recorded ${JSON.stringify(b)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b as object)])].sort();
  for (const key of keys) {
    const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    if (JSON.stringify(x) !== JSON.stringify(y))
      return firstJsonDifference(x, y, Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
  }
  return path;
}

export function compare(actual: RequestShape, recorded: RequestShape): Difference[] {
  const out: Difference[] = [];
  if (actual.method !== recorded.method)
    out.push({ what: 'method', detail: `method ${actual.method}, recorded ${recorded.method}` });
  if (actual.path !== recorded.path)
    out.push({ what: 'path', detail: `path ${actual.path}, recorded ${recorded.path}` });
  out.push(
    ...pairsDiff('query', actual.query, recorded.query),
    ...pairsDiff('header', actual.headers, recorded.headers),
  );
  if (actual.parts || recorded.parts) {
    const [a, r] = [actual.parts ?? [], recorded.parts ?? []];
    if (a.length !== r.length)
      out.push({ what: 'batch', detail: `batch has ${a.length} parts, recorded ${r.length}` });
    a.forEach((part, i) => {
      const other = r[i];
      const diff = other ? compare(part, other) : [];
      if (diff.length > 0)
        out.push({
          what: 'batch',
          detail: `batch part ${i + 1} (${describe(part)}): ${diff.map((d) => d.detail).join('; ')}`,
        });
    });
  } else out.push(...bodyDiff(actual.body, recorded.body));
  return out;
}
