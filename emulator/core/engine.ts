// The engine: owns the workspace, the data folder, the event bus and every listener, and stops them
// all together. Later services (XSUAA, destination, proxy) register here as the admin API does.
import path from 'node:path';
import type { WorkspaceResponse } from '../../app/admin-api.js';
import { EmulatorError } from '../../app/errors.js';
import type { EngineEvent, EngineStatus, ServiceId } from '../../app/events.js';
import { checkWorkspace } from '../../app/workspace/parse.js';
import type { ServicePorts, Workspace } from '../../app/workspace/schema.js';
import { AdminAuth } from '../admin/auth.js';
import { defaultUiDir, startAdminServer, type AdminBackend, type AdminServer } from '../admin/server.js';
import type { EmulatorHandle, EventListener, StartOptions } from '../types.js';
import { VERSION } from '../version.js';
import { claimRuntime, defaultDataDir, ensureDataDir, removeRuntime, writeRuntime } from './data-dir.js';
import { EventBus, now } from './event-bus.js';
import { ServiceRegistry } from './services.js';
import {
  loaded,
  loadWorkspaceFile,
  loadWorkspaceObject,
  saveWorkspaceFile,
  type LoadedWorkspace,
} from './workspace-store.js';

export async function startEmulator(options: StartOptions = {}): Promise<EmulatorHandle> {
  const initial = options.workspacePath
    ? await loadWorkspaceFile(options.workspacePath)
    : loadWorkspaceObject(options.workspace);
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir(initial.summary.path));
  await ensureDataDir(dataDir);
  await claimRuntime(dataDir);
  const engine = new Engine(initial, dataDir, options);
  try {
    await engine.start();
  } catch (error) {
    await engine.stop();
    throw error;
  }
  return engine.handle();
}

class Engine implements AdminBackend {
  readonly version = VERSION;
  readonly startedAtMs = Date.now();
  readonly bus = new EventBus();
  private readonly services: ServiceRegistry;
  private readonly auth: AdminAuth;
  private admin: AdminServer | undefined;
  private stopping: Promise<void> | undefined;
  private current: LoadedWorkspace;

  constructor(
    initial: LoadedWorkspace,
    readonly dataDir: string,
    private readonly options: StartOptions,
  ) {
    this.current = initial;
    this.services = new ServiceRegistry(this.bus, initial.workspace.engine.bind);
    this.auth = new AdminAuth(options.adminToken);
  }

  private get host(): string {
    return this.current.workspace.engine.bind;
  }

  private port(id: ServiceId): number {
    if (this.options.ephemeralPorts) return 0;
    const ports: ServicePorts = { ...this.current.workspace.engine.ports, ...this.options.ports };
    return ports[id];
  }

  async start(): Promise<void> {
    if (this.host !== '127.0.0.1' && this.host !== 'localhost') {
      this.log('warn', `Listeners bind ${this.host}: the emulator is reachable from other machines.`);
    }
    this.services.update('admin', { state: 'starting' });
    const uiDir = this.options.uiDir === undefined ? defaultUiDir(import.meta.url) : this.options.uiDir;
    try {
      this.admin = await startAdminServer(this, this.auth, {
        host: this.host,
        port: this.port('admin'),
        uiDir,
      });
    } catch (error) {
      this.services.update('admin', { state: 'failed', error: (error as Error).message });
      throw error;
    }
    this.services.update('admin', { state: 'running', url: this.admin.url, port: this.admin.port });
    await writeRuntime(this.dataDir, {
      pid: process.pid,
      startedAt: new Date(this.startedAtMs).toISOString(),
      urls: this.services.urls(),
      adminToken: this.auth.adminToken,
      workspace: this.current.summary.path,
    });
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.bus.emit({ type: 'engine-stopping', at: now() });
      if (this.admin) {
        this.services.update('admin', { state: 'stopping' });
        await this.admin.close();
        this.services.update('admin', { state: 'stopped', url: null, port: null });
      }
      await removeRuntime(this.dataDir);
    })();
    return this.stopping;
  }

  status(): EngineStatus {
    return {
      version: VERSION,
      startedAt: new Date(this.startedAtMs).toISOString(),
      pid: process.pid,
      dataDir: this.dataDir,
      caCert: null,
      workspace: this.current.summary,
      services: this.services.list(),
    };
  }

  workspace(): WorkspaceResponse {
    return {
      summary: this.current.summary,
      workspace: this.current.workspace,
      persisted: this.current.summary.path !== null,
    };
  }

  /** Validate, then save, then swap: a failure at any step leaves the running workspace untouched. */
  async replaceWorkspace(body: unknown): Promise<WorkspaceResponse> {
    const file = this.current.summary.path;
    const parsed = checkWorkspace(body, file === null ? {} : { file });
    if (file !== null) await saveWorkspaceFile(file, parsed.raw);
    const next = loaded(parsed, file);
    if (this.needsRestart(next.workspace)) {
      this.log('warn', 'engine.bind or engine.ports changed: restart the emulator for them to take effect.');
    }
    this.current = {
      workspace: next.workspace,
      summary: { ...next.summary, source: this.current.summary.source },
    };
    this.bus.emit({ type: 'workspace-replaced', at: now(), workspace: this.current.summary });
    return this.workspace();
  }

  private needsRestart(next: Workspace): boolean {
    return JSON.stringify(next.engine) !== JSON.stringify(this.current.workspace.engine);
  }

  private log(level: 'info' | 'warn' | 'error', message: string): void {
    this.bus.emit({ type: 'log', at: now(), level, message });
  }

  handle(): EmulatorHandle {
    const adminUrl = this.admin?.url;
    if (!adminUrl) throw new EmulatorError('EMU_ERR_INTERNAL', 'The engine has no admin listener.');
    return {
      urls: this.services.urls(),
      adminToken: this.auth.adminToken,
      dataDir: this.dataDir,
      caCert: null,
      workspacePath: this.current.summary.path,
      createUiLink: () => `${adminUrl}/?token=${this.auth.createUiToken()}`,
      status: () => this.status(),
      on: <T extends EngineEvent['type']>(type: T, listener: EventListener<T>) => this.bus.on(type, listener),
      onAny: (listener) => this.bus.onAny(listener),
      stop: () => this.stop(),
    };
  }
}
