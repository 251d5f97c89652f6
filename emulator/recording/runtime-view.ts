// What the recording runtime (modes, live forwarding, replay indexes: emulator/recording/runtime/) tells
// the admin routes and the CLI (emulator/recording/admin-routes.ts). Written first so both sides can be
// built in parallel; the runtime implements it, the routes only read it and ask it to reload.
import type { Miss, SystemRecordingState } from '../../app/recording/api.js';

export interface RecordingRuntimeView {
  /** Every system of the workspace with its mode and counters. */
  systemStates(): SystemRecordingState[];
  /** Replay misses of a system, newest first (bounded; at most the last 200). */
  misses(system: string): Miss[];
  /** How often each entry of a session was served by the current replay (index → count). */
  servedCounts(session: string): ReadonlyMap<number, number>;
  /** Sessions a system is writing to right now → the system. */
  writingSessions(): ReadonlyMap<string, string>;
  /** Sessions replayed right now → the systems replaying them. */
  replayingSessions(): ReadonlyMap<string, readonly string[]>;
  /** Sessions changed on disk (imported, deleted): rebuild the replay indexes that use them. */
  sessionsChanged(names: readonly string[]): Promise<void>;
}
