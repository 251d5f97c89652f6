// All tables of one service for one sap-client, with navigation between them, snapshots for atomic
// changesets, and write-behind persistence: a changed table is written to the data folder shortly
// after the change (and on stop), so data survives restarts until the user resets it.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../core/atomic-file.js';
import type { EdmEntityType, EdmModel, EdmNavigation } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { EntityTable } from './entity-table.js';

const PERSIST_DELAY_MS = 200;

/** The rows a table starts with (data files, persisted changes, generated rows). */
export type InitialRows = (set: string) => Row[];

export class ServiceData {
  /**
   * The tables in use. A table is filled when first used (`table`), so a service of thousands of entity
   * sets holds rows only for the sets its clients touch (and the parents their rows point to).
   */
  readonly tables = new Map<string, EntityTable>();
  private initial: InitialRows = () => [];
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly model: EdmModel,
    /** Folder for persisted tables, or undefined to keep changes in memory only. */
    readonly folder: string | undefined,
  ) {}

  /** Where the tables' first rows come from; every table starts again from it (a load or a reset). */
  fillFrom(initial: InitialRows): void {
    this.initial = initial;
    this.tables.clear();
  }

  table(set: string): EntityTable {
    let table = this.tables.get(set);
    if (table) return table;
    const entitySet = this.model.entitySets.get(set);
    if (!entitySet) throw new Error(`no table for entity set ${set}`);
    table = new EntityTable(entitySet.entityType);
    table.load(this.initial(set));
    this.tables.set(set, table);
    return table;
  }

  /** Rows a navigation leads to: a key lookup when the join covers the target key, else an index. */
  navigate(row: Row, _from: EdmEntityType, nav: EdmNavigation): Row[] {
    if (!nav.targetSet || nav.joins.length === 0) return [];
    if (!this.model.entitySets.has(nav.targetSet)) return [];
    const table = this.table(nav.targetSet);
    const joins = nav.joins;
    const keys = table.type.keys;
    if (joins.length === keys.length && keys.every((k) => joins.some((j) => j.target === k))) {
      const probe: Row = {};
      for (const j of joins) probe[j.target] = row[j.source];
      const found = table.get(table.keyOf(probe));
      return found ? [found] : [];
    }
    const [first, ...rest] = joins;
    const candidates = table.lookupEq(first!.target, row[first!.source] ?? null);
    if (rest.length === 0) return candidates as Row[];
    return candidates.filter((c) => rest.every((j) => c[j.target] === row[j.source]));
  }

  /** Marks tables changed; they are written after a short delay. */
  changed(sets: Iterable<string>): void {
    for (const set of sets) this.dirty.add(set);
    if (!this.folder || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, PERSIST_DELAY_MS);
    this.timer.unref();
  }

  /** Writes every changed table now (atomic rename per file). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const folder = this.folder;
    const sets = [...this.dirty];
    this.dirty.clear();
    if (!folder || sets.length === 0) return this.writing;
    this.writing = this.writing.then(async () => {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      for (const set of sets) {
        await writeFileAtomic(path.join(folder, `${set}.json`), JSON.stringify(this.table(set).rows));
      }
    });
    return this.writing;
  }

  /** Forgets persisted changes; the caller reloads the initial data. */
  async discard(): Promise<void> {
    this.dirty.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    if (this.folder) await rm(this.folder, { recursive: true, force: true });
  }

  /** Row lists of every table in use, to restore when an atomic changeset fails. */
  snapshot(): Map<string, Row[]> {
    return new Map([...this.tables].map(([name, table]) => [name, [...table.rows]]));
  }

  restore(snapshot: Map<string, Row[]>): void {
    // A table first used inside the changeset held its initial rows before it.
    for (const [name, table] of this.tables) if (!snapshot.has(name)) table.load(this.initial(name));
    for (const [name, rows] of snapshot) {
      const table = this.table(name);
      if (table.rows.length !== rows.length || table.rows.some((r, i) => r !== rows[i])) table.load(rows);
    }
  }
}
