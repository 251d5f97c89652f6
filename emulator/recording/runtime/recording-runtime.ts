// The recording runtime, one per engine, owned by the systems plug-in: it builds each system's mode
// from the workspace (systems[].recording, recording.redact and recording.match), swaps a mode in place
// when the workspace changes (the system keeps its listener and port), and tells the admin routes what
// runs (RecordingRuntimeView). Session files are only ever read and appended to, never rewritten.
import path from 'node:path';
import type { SystemRecordingState, Miss } from '../../../app/recording/api.js';
import type { RecordingConfig } from '../../../app/recording/workspace.js';
import type { SystemConfig } from '../../../app/systems/workspace.js';
import type { Workspace } from '../../../app/workspace/schema.js';
import { now } from '../../core/event-bus.js';
import type { EngineContext } from '../../core/plugin.js';
import type { SystemFront } from '../../systems/http/system-server.js';
import { defaultServicePath, type ODataService } from '../../systems/service.js';
import { Redactor } from '../redact.js';
import { DEFAULT_MATCH_RULES, type MatchRules } from '../request-shape.js';
import type { RecordingRuntimeView } from '../runtime-view.js';
import type { ServiceRoot } from './har-entry.js';
import { LiveUpstream } from './live-upstream.js';
import { ReplaySet } from './replay-set.js';
import { defaultSessionName } from '../mode-changes.js';
import { WriterPool } from './session-files.js';
import { SystemRecording, type ActiveMode, type FrontEnv } from './system-front.js';

export type RecordingContext = Pick<
  EngineContext,
  'host' | 'dataDir' | 'bus' | 'tls' | 'systems' | 'workspace' | 'workspacePath' | 'log'
>;

const SIMULATE: ActiveMode['config'] = {
  mode: 'simulate',
  replay: { sessions: [], onMiss: 'strict' },
};

export class RecordingRuntime implements RecordingRuntimeView {
  private readonly fronts = new Map<string, SystemRecording>();
  /** The settings each front's mode was built from. */
  private readonly built = new Map<string, string>();
  private readonly writers: WriterPool;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: RecordingContext,
    /** The running simulated services of a system (for `_odata` and error formats). */
    private readonly servicesOf: (system: string) => readonly ODataService[],
  ) {
    this.writers = new WriterPool(ctx.dataDir);
  }

  /** The front door a SystemServer is given; it follows the system's mode from now on. */
  front(system: string): SystemFront {
    return this.frontOf(system);
  }

  /** Brings every system's mode in line with the workspace. Call before systems (re)start. */
  apply(): Promise<void> {
    return this.enqueue(() => this.applyNow([]));
  }

  sessionsChanged(names: readonly string[]): Promise<void> {
    return this.enqueue(() => this.applyNow(names));
  }

  async stop(): Promise<void> {
    await this.enqueue(async () => {
      for (const front of this.fronts.values()) {
        await front.mode.live?.destroy();
        front.mode = simulateMode(front.mode);
      }
      this.built.clear();
      await this.writers.closeAll();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private frontOf(id: string): SystemRecording {
    let front = this.fronts.get(id);
    if (!front) {
      front = new SystemRecording(id, simulateMode(), this.env(id));
      this.fronts.set(id, front);
    }
    return front;
  }

  private async applyNow(reload: readonly string[]): Promise<void> {
    const ws = this.ctx.workspace();
    for (const system of ws.systems) {
      const front = this.frontOf(system.id);
      const key = JSON.stringify([system.recording, ws.recording]);
      if (this.built.get(system.id) === key && !usesAny(front.mode, reload)) continue;
      const previous = front.mode;
      front.mode = await this.build(system, ws.recording, previous).catch((error: unknown) => {
        const message = `the ${system.recording.mode} mode cannot start: ${(error as Error).message}`;
        this.ctx.log('error', `System ${system.id}: ${message}`);
        return { ...simulateMode(previous), config: system.recording, errors: [message] };
      });
      this.built.set(system.id, key);
      if (describeMode(previous) !== describeMode(front.mode)) this.announce(front);
      await this.dispose(previous);
    }
    const wanted = new Set(ws.systems.map((s) => s.id));
    for (const [id, front] of [...this.fronts])
      if (!wanted.has(id)) {
        this.fronts.delete(id);
        this.built.delete(id);
        await this.dispose(front.mode);
      }
  }

  private async build(
    system: SystemConfig,
    settings: RecordingConfig,
    previous: ActiveMode,
  ): Promise<ActiveMode> {
    const config = system.recording;
    const rules = matchRules(settings.match);
    const mode: ActiveMode = {
      config,
      redactor: settings.redact.keepSecrets ? null : new Redactor(settings.redact),
      shown: new Redactor(settings.redact, true),
      rules,
      errors: [],
    };
    if (config.mode === 'simulate') return mode;
    const wantsLive = config.mode !== 'replay' || config.replay.onMiss === 'record';
    if (config.live && wantsLive) {
      try {
        mode.live = await LiveUpstream.create(config.live, {
          caCertPem: this.ctx.tls.caCertPem,
          baseDir: this.baseDir,
        });
      } catch (error) {
        mode.errors.push((error as Error).message);
      }
    }
    if (config.mode === 'replay') {
      const loaded = await ReplaySet.load(this.ctx.dataDir, config.replay.sessions, system.id, rules);
      mode.replay = loaded.set;
      mode.errors.push(...loaded.errors);
      for (const warning of loaded.warnings) this.ctx.log('warn', `System ${system.id}: ${warning}`);
    }
    const target = this.sessionToWrite(system, previous);
    if (target) {
      try {
        const writer = await this.writers.acquire(target.name, system.id, {
          system: system.id,
          created: now(),
          liveUrl: config.live?.url ?? null,
        });
        mode.writer = { name: target.name, writer };
        mode.generatedSession = target.generated;
      } catch (error) {
        mode.errors.push(`Session "${target.name}" cannot be written: ${(error as Error).message}`);
      }
    }
    for (const error of mode.errors) this.ctx.log('error', `System ${system.id} (${config.mode}): ${error}`);
    return mode;
  }

  /** Record: recording.session, or the name generated when recording started; replay: record-on-miss. */
  private sessionToWrite(
    system: SystemConfig,
    previous: ActiveMode,
  ): { name: string; generated: boolean } | undefined {
    const config = system.recording;
    if (config.mode === 'record') {
      if (config.session) return { name: config.session, generated: false };
      if (previous.config.mode === 'record' && previous.generatedSession && previous.writer)
        return { name: previous.writer.name, generated: true };
      return { name: defaultSessionName(system.id, new Date()), generated: true };
    }
    if (config.mode === 'replay' && config.replay.onMiss === 'record') {
      const name = config.session ?? config.replay.sessions[0];
      return name ? { name, generated: false } : undefined;
    }
    return undefined;
  }

  private announce(front: SystemRecording): void {
    front.resetCounters();
    const { config, writer } = front.mode;
    const session = writer?.name ?? (config.mode === 'replay' ? (config.replay.sessions[0] ?? null) : null);
    this.ctx.bus.emit({ type: 'recording-mode', at: now(), system: front.id, mode: config.mode, session });
    const detail =
      config.mode === 'record'
        ? ` to session "${session}"`
        : config.mode === 'replay'
          ? ` from ${config.replay.sessions.map((s) => `"${s}"`).join(', ')} (on a miss: ${config.replay.onMiss})`
          : config.mode === 'live'
            ? ` to ${config.live?.url ?? '?'}`
            : '';
    this.ctx.log('info', `System ${front.id}: ${config.mode}${detail}`);
  }

  private async dispose(mode: ActiveMode): Promise<void> {
    // In-flight requests of the old mode finish on its connections; close() waits for them.
    void mode.live?.close();
    if (mode.writer) await this.writers.release(mode.writer.name);
  }

  private get baseDir(): string | null {
    const file = this.ctx.workspacePath();
    return file ? path.dirname(file) : null;
  }

  private env(id: string): FrontEnv {
    return {
      bus: this.ctx.bus,
      log: (level, message) => this.ctx.log(level, message),
      ownOrigin: () => {
        const address = this.ctx.systems.resolve(id);
        const host = address?.host ?? this.ctx.host;
        const authority = host.includes(':') ? `[${host}]` : host;
        return `${address?.protocol === 'HTTPS' ? 'https' : 'http'}://${authority}${address ? `:${address.port}` : ''}`;
      },
      roots: () => this.roots(id),
      location: () => locationOf(this.ctx.workspace(), id),
    };
  }

  private roots(id: string): ServiceRoot[] {
    const running = this.servicesOf(id);
    if (running.length > 0)
      return running.map((s) => ({ name: s.config.name, root: s.root, model: s.model }));
    const system = this.ctx.workspace().systems.find((s) => s.id === id);
    return (system?.services ?? []).map((s) => ({ name: s.name, root: defaultServicePath(s) }));
  }

  // ---- RecordingRuntimeView --------------------------------------------------------------------

  systemStates(): SystemRecordingState[] {
    return this.ctx.workspace().systems.map((system) => {
      const front = this.fronts.get(system.id);
      const mode = front?.mode;
      const config = mode?.config ?? system.recording;
      const errors = mode?.errors ?? [];
      return {
        system: system.id,
        mode: config.mode,
        liveUrl: config.live?.url ?? null,
        session: mode?.writer?.name ?? null,
        replaySessions: config.mode === 'replay' ? [...config.replay.sessions] : [],
        onMiss: config.replay.onMiss,
        recorded: front?.counters.recorded ?? 0,
        hits: front?.counters.hits ?? 0,
        misses: front?.counters.misses ?? 0,
        ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
      };
    });
  }

  misses(system: string): Miss[] {
    return [...(this.fronts.get(system)?.misses ?? [])];
  }

  servedCounts(session: string): ReadonlyMap<number, number> {
    const total = new Map<number, number>();
    for (const front of this.fronts.values())
      for (const [index, count] of front.mode.replay?.servedCounts(session) ?? [])
        total.set(index, (total.get(index) ?? 0) + count);
    return total;
  }

  writingSessions(): ReadonlyMap<string, string> {
    return this.writers.writing();
  }

  replayingSessions(): ReadonlyMap<string, readonly string[]> {
    const out = new Map<string, string[]>();
    for (const front of this.fronts.values()) {
      const { config } = front.mode;
      if (config.mode !== 'replay') continue;
      for (const session of config.replay.sessions) out.set(session, [...(out.get(session) ?? []), front.id]);
    }
    return out;
  }
}

function simulateMode(previous?: ActiveMode): ActiveMode {
  return {
    config: SIMULATE,
    redactor: previous?.redactor ?? new Redactor(),
    shown: previous?.shown ?? new Redactor(undefined, true),
    rules: DEFAULT_MATCH_RULES,
    errors: [],
  };
}

/** What a user would call "the mode": a change of any of these is announced and resets the counters. */
function describeMode(mode: ActiveMode): string {
  const { config } = mode;
  return JSON.stringify([
    config.mode,
    mode.writer?.name ?? null,
    config.mode === 'replay' ? [config.replay.sessions, config.replay.onMiss] : null,
    config.mode === 'simulate' ? null : (config.live?.url ?? null),
  ]);
}

function usesAny(mode: ActiveMode, sessions: readonly string[]): boolean {
  if (sessions.length === 0 || mode.config.mode !== 'replay') return false;
  return mode.config.replay.sessions.some((s) => sessions.includes(s));
}

function matchRules(match: RecordingConfig['match']): MatchRules {
  const lower = (list: readonly string[]): string[] => list.map((n) => n.toLowerCase());
  const ignored = new Set(lower(match.ignoreHeaders));
  return {
    ignoreQueryParams: [
      ...new Set([...DEFAULT_MATCH_RULES.ignoreQueryParams, ...lower(match.ignoreQueryParams)]),
    ],
    significantHeaders: [
      ...new Set([...DEFAULT_MATCH_RULES.significantHeaders, ...lower(match.headers)]),
    ].filter((h) => !ignored.has(h)),
  };
}

/** The Cloud Connector location whose mappings reach this system, when exactly one does. */
function locationOf(ws: Workspace, id: string): string | null {
  const ids = new Set<string | null>();
  for (const location of ws.cloudConnector.locations)
    if (location.systemMappings.some((m) => m.internalHost === `system:${id}`)) ids.add(location.id ?? null);
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}
