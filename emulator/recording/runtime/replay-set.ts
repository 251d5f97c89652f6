// The sessions one system replays from, indexed: the Replayer for single requests, the batch index
// (built on the first $batch, so plain replays pay nothing for it), where each entry came from, and how
// often each was served.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HarEntry } from '../har.js';
import { ENTRIES_PER_TURN } from '../har-writer.js';
import { Replayer } from '../replayer.js';
import type { MatchRules } from '../request-shape.js';
import { BatchReplay, type Origin } from './batch-replay.js';
import { loadSession } from './session-files.js';

export class ReplaySet {
  readonly replayer: Replayer;
  private batch: BatchReplay | undefined;
  private readonly origins = new Map<HarEntry, Origin>();
  private readonly served = new Map<string, Map<number, number>>();

  private constructor(
    private readonly entries: { entry: HarEntry; origin: Origin }[],
    private readonly rules: MatchRules,
  ) {
    this.replayer = new Replayer([], rules);
    for (const { entry, origin } of entries) this.index(entry, origin);
  }

  /**
   * Loads the sessions in order. A session that cannot be read is left out and reported; the others
   * still replay. Entries recorded for another system are used only when a session has none of this one.
   */
  static async load(
    dataDir: string,
    names: readonly string[],
    system: string,
    rules: MatchRules,
  ): Promise<{ set: ReplaySet; errors: string[]; warnings: string[] }> {
    const errors: string[] = [];
    const warnings: string[] = [];
    const entries: { entry: HarEntry; origin: Origin }[] = [];
    for (const name of names) {
      try {
        const session = await loadSession(dataDir, name);
        if (session.repaired)
          warnings.push(`Session "${name}" was cut short (a crash?); its last, incomplete entry is left out`);
        const all = session.entries.map((entry, index) => ({ entry, origin: { session: name, index } }));
        const own = all.filter((e) => e.entry._system === undefined || e.entry._system === system);
        entries.push(...(own.length > 0 ? own : all));
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    // Indexed a slice at a time, like the parse: a large session never stalls the other services.
    const set = new ReplaySet([], rules);
    for (let i = 0; i < entries.length; i++) {
      set.add(entries[i]!.entry, entries[i]!.origin);
      if (i % ENTRIES_PER_TURN === ENTRIES_PER_TURN - 1) await nextTurn();
    }
    return { set, errors, warnings };
  }

  private index(entry: HarEntry, origin: Origin): void {
    this.origins.set(entry, origin);
    this.replayer.add(entry);
    this.batch?.add(entry, origin);
  }

  /** Record-on-miss: the new exchange replays from now on. */
  add(entry: HarEntry, origin: Origin): void {
    this.entries.push({ entry, origin });
    this.index(entry, origin);
  }

  get size(): number {
    return this.entries.length;
  }

  batches(): BatchReplay {
    if (!this.batch) {
      this.batch = new BatchReplay(this.rules);
      for (const { entry, origin } of this.entries) this.batch.add(entry, origin);
    }
    return this.batch;
  }

  originOf(entry: HarEntry): Origin | undefined {
    return this.origins.get(entry);
  }

  countServed(origin: Origin): void {
    let counts = this.served.get(origin.session);
    if (!counts) this.served.set(origin.session, (counts = new Map<number, number>()));
    counts.set(origin.index, (counts.get(origin.index) ?? 0) + 1);
  }

  servedCounts(session: string): ReadonlyMap<number, number> | undefined {
    return this.served.get(session);
  }
}
