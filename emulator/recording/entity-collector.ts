// Entities from recorded OData reads: every successful GET of one service (also the GET parts of a
// multipart $batch), in V2 (`d.results`, `d` with `__metadata`) and V4 (`value`, single entity) JSON,
// with inline-expanded entities of other sets, deduplicated by key. Rows keep the wire values, which the
// data-file loader accepts (`/Date(…)/`, decimals as strings); properties the metadata lacks are dropped.
import type { EdmEntitySet, EdmEntityType, EdmModel, EdmNavigation } from '../systems/edm/model.js';
import { toInternal, ValueError } from '../systems/edm/values.js';
import { parseBatch, type BatchPart } from '../systems/batch/multipart.js';
import type { HarEntry } from './har.js';
import { harBody } from './replayer.js';

export type FileRow = Record<string, unknown>;

export interface CollectTarget {
  system: string;
  /** Service root path, starting and ending with `/`. */
  root: string;
  model: EdmModel;
}

export interface Collected {
  /** Entity set (in metadata order) → rows in first-seen order; later reads of a key complete its row. */
  sets: Map<string, FileRow[]>;
  /** Successful reads of the service that were looked at. */
  reads: number;
  /** Entities without their key properties (a $select without the key). */
  withoutKey: number;
  /** `Type.Property` names the metadata does not know, and values it does not accept. */
  dropped: Set<string>;
}

interface Read {
  path: string;
  body: string;
}

const safeDecode = (v: string): string => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

const header = (headers: { name: string; value: string }[], name: string): string =>
  headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';

/** The path below the service root, or undefined when the URL is not in this service. */
function below(root: string, url: string): string | undefined {
  const pathname = new URL(url, 'http://recorded.invalid').pathname;
  if (!pathname.toLowerCase().startsWith(root.toLowerCase())) return undefined;
  return pathname.slice(root.length);
}

/** The HTTP responses of a multipart/mixed $batch response; a changeset counts as one part. */
function batchResponses(body: string, contentType: string): ({ status: number; body: string } | null)[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  if (delimiter === '--') return [];
  const parts: string[][] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(current);
      current = trimmed === delimiter ? [] : undefined;
      if (!current) break;
    } else current?.push(line);
  }
  return parts.map((lines) => {
    const blank = lines.indexOf('');
    const head = lines
      .slice(0, blank < 0 ? lines.length : blank)
      .join('\n')
      .toLowerCase();
    if (!head.includes('application/http')) return null;
    const rest = lines.slice(blank + 1);
    const statusAt = rest.findIndex((l) => l.startsWith('HTTP/'));
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(rest[statusAt] ?? '')?.[1] ?? 0);
    const afterHeaders = rest.indexOf('', statusAt + 1);
    return {
      status,
      body:
        afterHeaders < 0
          ? ''
          : rest
              .slice(afterHeaders + 1)
              .join('\n')
              .trim(),
    };
  });
}

/** The successful reads of one recorded exchange (one for a GET, the GET parts for a $batch). */
function readsOf(entry: HarEntry, target: CollectTarget): Read[] {
  if (entry._system !== undefined && entry._system !== target.system) return [];
  const rel = below(target.root, entry.request.url);
  if (rel === undefined || entry.response.status < 200 || entry.response.status > 299) return [];
  const method = entry.request.method.toUpperCase();
  if (method === 'GET') return [{ path: rel, body: harBody(entry).toString('utf8') }];
  if (method !== 'POST' || rel !== '$batch' || !entry.request.postData?.text) return [];
  let requests: BatchPart[];
  try {
    requests = parseBatch(
      Buffer.from(entry.request.postData.text, 'utf8'),
      header(entry.request.headers, 'content-type') || entry.request.postData.mimeType,
    );
  } catch {
    return [];
  }
  const responses = batchResponses(
    harBody(entry).toString('utf8'),
    header(entry.response.headers, 'content-type') || entry.response.content.mimeType,
  );
  const reads: Read[] = [];
  requests.forEach((part, i) => {
    const response = responses[i];
    if (part.kind !== 'request' || part.method !== 'GET' || !response || response.status !== 200) return;
    const url = /^https?:|^\//i.test(part.url) ? part.url : `${target.root}${part.url}`;
    const path = below(target.root, url);
    if (path !== undefined) reads.push({ path, body: response.body });
  });
  return reads;
}

/** The entity set a resource path returns entities of, or undefined (a property, $count, $metadata …). */
function setOfPath(model: EdmModel, rel: string): EdmEntitySet | undefined {
  const segments = rel.split('/').filter(Boolean).map(safeDecode);
  const name = (segment: string): string => segment.replace(/\(.*\)$/s, '');
  const first = segments[0];
  if (first === undefined) return undefined;
  const start = model.entitySets.get(name(first));
  if (!start) {
    const returns = model.operations.get(name(first))?.returnType?.entitySet;
    return segments.length === 1 && returns ? model.entitySets.get(returns) : undefined;
  }
  let set: EdmEntitySet | undefined = start;
  for (const segment of segments.slice(1)) {
    const nav: EdmNavigation | undefined = set.entityType.navigations.get(name(segment));
    set = nav?.targetSet ? model.entitySets.get(nav.targetSet) : undefined;
    if (!set) return undefined;
  }
  return set;
}

/** The entities of a response body: V2 `d.results` / `d`, V4 `value` / the entity itself. */
function payloadEntities(body: string): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return [];
  const object = json as Record<string, unknown>;
  if ('d' in object) {
    const d = object.d as { results?: unknown } | unknown[] | null;
    if (Array.isArray(d)) return d;
    if (d && typeof d === 'object') return Array.isArray(d.results) ? d.results : [d];
    return [];
  }
  if (Array.isArray(object.value)) return object.value;
  return 'error' in object ? [] : [object];
}

/** Complex values without OData annotations (`__metadata`, `@odata.type`). */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith('__') && !k.includes('@'))
      .map(([k, v]) => [k, clean(v)]),
  );
}

class Collector {
  readonly result: Collected = { sets: new Map(), reads: 0, withoutKey: 0, dropped: new Set() };
  private readonly byKey = new Map<string, Map<string, FileRow>>();

  constructor(private readonly model: EdmModel) {}

  entity(set: EdmEntitySet, raw: unknown): void {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
    const type = set.entityType;
    const row: FileRow = {};
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (name.startsWith('__') || name.includes('@')) continue;
      const nav = type.navigations.get(name);
      if (nav) this.navigation(nav, value);
      else this.property(type, name, value, row);
    }
    if (!type.keys.every((k) => row[k] !== undefined && row[k] !== null)) {
      this.result.withoutKey += 1;
      return;
    }
    this.add(set, type, row);
  }

  private property(type: EdmEntityType, name: string, value: unknown, row: FileRow): void {
    const property = type.propertyMap.get(name);
    if (!property) {
      this.result.dropped.add(`${type.name}.${name} (not in the metadata)`);
      return;
    }
    if (property.complex || property.collection) {
      row[name] = clean(value);
      return;
    }
    try {
      toInternal(property, value);
      row[name] = value;
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.result.dropped.add(`${type.name}.${name} (${error.message})`);
    }
  }

  private navigation(nav: EdmNavigation, value: unknown): void {
    const target = nav.targetSet ? this.model.entitySets.get(nav.targetSet) : undefined;
    if (!target || value === null || typeof value !== 'object') return;
    if ('__deferred' in value) return;
    const results = (value as { results?: unknown }).results;
    const items = Array.isArray(value) ? value : Array.isArray(results) ? results : [value];
    for (const item of items) this.entity(target, item);
  }

  private add(set: EdmEntitySet, type: EdmEntityType, row: FileRow): void {
    const key = JSON.stringify(type.keys.map((k) => toInternal(type.propertyMap.get(k)!, row[k])));
    let rows = this.byKey.get(set.name);
    if (!rows) {
      rows = new Map();
      this.byKey.set(set.name, rows);
      this.result.sets.set(set.name, []);
    }
    const known = rows.get(key);
    if (known) {
      Object.assign(known, row); // a later read (another $select, a newer state) completes the row
      return;
    }
    rows.set(key, row);
    this.result.sets.get(set.name)!.push(row);
  }
}

export function collectEntities(entries: Iterable<HarEntry>, target: CollectTarget): Collected {
  const collector = new Collector(target.model);
  for (const entry of entries) {
    for (const read of readsOf(entry, target)) {
      const set = setOfPath(target.model, read.path);
      if (!set) continue;
      collector.result.reads += 1;
      for (const entity of payloadEntities(read.body)) collector.entity(set, entity);
    }
  }
  // Sets in the order the metadata declares them, whatever order the reads found them in.
  const { sets } = collector.result;
  const ordered = [...target.model.entitySets.keys()].filter((name) => sets.has(name));
  return { ...collector.result, sets: new Map(ordered.map((name) => [name, sets.get(name)!])) };
}
