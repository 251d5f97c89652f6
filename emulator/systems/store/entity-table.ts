// The rows of one entity set for one sap-client. A key map answers key lookups in O(1); equality
// indexes are built on first use per property and dropped on any write, so `Prop eq 'x'` and
// navigation joins cost a map lookup instead of a scan. Rows are never copied on read: serialisers
// only read them and writers replace whole rows.
import type { EdmEntityType } from '../edm/model.js';
import type { Row } from '../expr/compile.js';

export class EntityTable {
  private list: Row[] = [];
  private readonly byKey = new Map<string, Row>();
  private eqIndexes = new Map<string, Map<unknown, Row[]>>();
  /** Bumped on every write; persistence and caches compare it. */
  revision = 0;

  constructor(readonly type: EdmEntityType) {}

  get rows(): readonly Row[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  keyOf(row: Row): string {
    const keys = this.type.keys;
    if (keys.length === 1) return String(row[keys[0]!]);
    return keys.map((k) => String(row[k])).join('\u0000');
  }

  keyFromValues(values: Record<string, unknown>): string {
    return this.keyOf(values);
  }

  get(key: string): Row | undefined {
    return this.byKey.get(key);
  }

  /** Adds a row; false when its key exists. */
  insert(row: Row): boolean {
    const key = this.keyOf(row);
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, row);
    this.list.push(row);
    this.touch();
    return true;
  }

  replace(previous: Row, next: Row): void {
    const index = this.list.indexOf(previous);
    if (index < 0) return;
    this.list[index] = next;
    this.byKey.delete(this.keyOf(previous));
    this.byKey.set(this.keyOf(next), next);
    this.touch();
  }

  remove(row: Row): void {
    const index = this.list.indexOf(row);
    if (index < 0) return;
    this.list.splice(index, 1);
    this.byKey.delete(this.keyOf(row));
    this.touch();
  }

  /** Replaces every row (load, reset); duplicates by key keep the first. */
  load(rows: Row[]): void {
    this.list = [];
    this.byKey.clear();
    for (const row of rows) {
      const key = this.keyOf(row);
      if (this.byKey.has(key)) continue;
      this.byKey.set(key, row);
      this.list.push(row);
    }
    this.touch();
  }

  /** Rows whose property equals value (strict), through a lazily built index. */
  lookupEq(property: string, value: unknown): readonly Row[] {
    let index = this.eqIndexes.get(property);
    if (!index) {
      index = new Map();
      for (const row of this.list) {
        const v = row[property] ?? null;
        const bucket = index.get(v);
        if (bucket) bucket.push(row);
        else index.set(v, [row]);
      }
      this.eqIndexes.set(property, index);
    }
    return index.get(value) ?? [];
  }

  private touch(): void {
    this.revision++;
    if (this.eqIndexes.size > 0) this.eqIndexes = new Map();
  }
}
