// The systems plug-in: starts one listener per simulated system of the workspace, registers each in
// the SystemDirectory (so the proxy resolves `system:<id>`), and serves the Systems admin routes.
// A workspace change that only touches faults, latency, requireIfMatch or the recording mode is applied
// in place; others restart the system.
import path from 'node:path';
import type { SystemConfig } from '../../app/systems/workspace.js';
import { hostPort } from '../core/addresses.js';
import type { EngineContext, PluginInstance, ServicePlugin } from '../core/plugin.js';
import { redactionFor } from '../core/redaction.js';
import { installRecordingRoutes } from '../recording/admin-routes.js';
import { SessionStore } from '../recording/session-store.js';
import { RecordingRuntime } from '../recording/runtime/recording-runtime.js';
import { installSystemsRoutes } from './admin-routes.js';
import { RestHandlers } from './http/rest.js';
import { SystemServer } from './http/system-server.js';
import type { ODataService } from './service.js';
import { checkBehaviour, loadService, MetadataCache, SystemConfigError } from './system-loader.js';
import { resolveFile } from './service.js';

export interface RunningSystem {
  config: SystemConfig;
  server?: SystemServer;
  error?: string;
}

export class SystemsRuntime implements PluginInstance {
  readonly systems = new Map<string, RunningSystem>();
  /** Parsed EDMX files of the running services, kept while unchanged: a restart does not parse them again. */
  readonly models = new MetadataCache();
  /** Live, record and replay modes of the systems (emulator/recording/runtime). */
  readonly recording: RecordingRuntime;

  constructor(readonly ctx: EngineContext) {
    this.recording = new RecordingRuntime(ctx, (id) => this.systems.get(id)?.server?.services ?? []);
  }

  adminRoutes(app: Parameters<NonNullable<PluginInstance['adminRoutes']>>[0]): void {
    installSystemsRoutes(app, this);
    installRecordingRoutes(app, this.ctx, this.recording);
  }

  private get baseDir(): string | null {
    const file = this.ctx.workspacePath?.() ?? null;
    return file ? path.dirname(file) : null;
  }

  async start(): Promise<void> {
    await this.repairSessions();
    await this.recording.apply();
    for (const config of this.ctx.workspace().systems) await this.startSystem(config);
    this.retainModels();
  }

  /** Keeps the parsed models of the workspace's EDMX files, and only those. */
  private retainModels(): void {
    const services = this.ctx.workspace().systems.flatMap((s) => s.services);
    this.models.retain(
      services
        .filter((s) => !s.metadata.startsWith('builtin:'))
        .map((s) => resolveFile(s.metadata, this.baseDir)),
    );
  }

  /** Sessions a kill cut short mid-entry are valid HAR again before anything (or anyone) reads them. */
  private async repairSessions(): Promise<void> {
    for (const { name, kept, error } of await new SessionStore(this.ctx.dataDir).repairCut())
      this.ctx.log(
        error === undefined ? 'warn' : 'error',
        error === undefined
          ? `Session "${name}" was cut short mid-entry (the emulator was stopped while writing it); repaired with its ${kept} complete entries.`
          : `Session "${name}" cannot be repaired: ${error}`,
      );
  }

  async stop(): Promise<void> {
    for (const id of [...this.systems.keys()].reverse()) await this.stopSystem(id);
    await this.recording.stop();
  }

  async workspaceReplaced(): Promise<void> {
    await this.recording.apply();
    const next = new Map(this.ctx.workspace().systems.map((s) => [s.id, s]));
    for (const [id, running] of [...this.systems]) {
      const config = next.get(id);
      // A change of latencies or faults only is applied to the running system, once it checks out;
      // one that does not restarts it, so that the system shows the error as at start.
      if (
        config &&
        running.server &&
        sameExceptBehaviour(running.config, config) &&
        behaviourChecks(config, running.server.services)
      ) {
        applyBehaviour(running, config);
        next.delete(id);
        continue;
      }
      await this.stopSystem(id);
    }
    for (const config of next.values()) if (!this.systems.has(config.id)) await this.startSystem(config);
    this.retainModels();
  }

  private async startSystem(config: SystemConfig): Promise<void> {
    const options = { baseDir: this.baseDir, dataDir: this.ctx.dataDir, models: this.models };
    try {
      const services: ODataService[] = [];
      for (const service of config.services) services.push(await loadService(config, service, options));
      checkBehaviour(config, services);
      const rest = config.rest ? await RestHandlers.load(resolveFile(config.rest, this.baseDir)) : undefined;
      const server = new SystemServer(config, services, rest, {
        host: this.ctx.host,
        caCertPem: this.ctx.tls.caCertPem,
        tls:
          config.protocol === 'HTTPS'
            ? { certPem: this.ctx.tls.certPem, keyPem: this.ctx.tls.keyPem }
            : undefined,
        bus: this.ctx.bus,
        redaction: () => redactionFor(this.ctx.workspace().recording.redact),
        log: (level, message) => this.ctx.log(level, message),
        front: this.recording.front(config.id),
      });
      const port = await server.start();
      this.systems.set(config.id, { config, server });
      // The proxy connects here itself: the local address, which a wildcard bind also answers on.
      this.ctx.systems.register(config.id, {
        host: this.ctx.addresses.local,
        port,
        protocol: config.protocol,
      });
      this.ctx.log(
        'info',
        `Simulated system ${config.id} listens on ${config.protocol.toLowerCase()}://${hostPort(this.ctx.addresses.public, port)}`,
      );
    } catch (error) {
      const message =
        error instanceof SystemConfigError
          ? error.message
          : `System ${config.id}: ${(error as Error).message}`;
      this.systems.set(config.id, { config, error: message });
      this.ctx.log('error', message);
    }
  }

  private async stopSystem(id: string): Promise<void> {
    const running = this.systems.get(id);
    this.systems.delete(id);
    this.ctx.systems.unregister(id);
    await running?.server?.stop();
  }

  service(systemId: string, name: string): ODataService | undefined {
    return this.systems.get(systemId)?.server?.services.find((s) => s.config.name === name);
  }
}

const behaviourless = (config: SystemConfig): unknown => ({
  ...config,
  latency: undefined,
  faults: undefined,
  recording: undefined,
  services: config.services.map((s) => ({
    ...s,
    latency: undefined,
    faults: undefined,
    entitySetLatency: undefined,
    requireIfMatch: undefined,
  })),
});

function sameExceptBehaviour(a: SystemConfig, b: SystemConfig): boolean {
  return JSON.stringify(behaviourless(a)) === JSON.stringify(behaviourless(b));
}

function behaviourChecks(config: SystemConfig, services: readonly ODataService[]): boolean {
  try {
    checkBehaviour(config, services);
    return true;
  } catch {
    return false;
  }
}

function applyBehaviour(running: RunningSystem, config: SystemConfig): void {
  running.config = config;
  running.server!.updateBehaviour(config);
}

export const systemsPlugin: ServicePlugin = {
  id: 'systems',
  setup: (ctx) => new SystemsRuntime(ctx),
};
