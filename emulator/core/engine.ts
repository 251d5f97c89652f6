// The engine: owns the workspace, the data folder, the event bus and every listener, and stops them
// all together. Services start in order (admin, XSUAA, …) and each announces itself on the bus.
import path from 'node:path';
import type { WorkspaceResponse } from '../../app/admin-api.js';
import { EmulatorError } from '../../app/errors.js';
import type { EngineEvent, EngineStatus, ServiceId } from '../../app/events.js';
import { checkWorkspace } from '../../app/workspace/parse.js';
import type { ServicePorts, Workspace, WorkspaceInput } from '../../app/workspace/schema.js';
import { AdminAuth } from '../admin/auth.js';
import { defaultUiDir, startAdminServer, type AdminBackend, type AdminServer } from '../admin/server.js';
import { writeCaBundle, type BindingEnv } from '../bindings/formats.js';
import {
  approuterDestinations,
  buildVcapApplication,
  buildVcapServices,
  type BindingEndpoints,
} from '../bindings/vcap.js';
import { ensureTls, tlsHosts, type TlsMaterial } from '../tls/ca.js';
import { hostPort, isLoopback, runAddresses, type EngineAddresses } from './addresses.js';
import type { EmulatorHandle, EventListener, StartOptions } from '../types.js';
import { VERSION } from '../version.js';
import { issueToken, listClients, signingKeys, verify } from '../xsuaa/operations.js';
import { XsuaaService, type XsuaaCore } from '../xsuaa/service.js';
import type { XsuaaAdminApi } from '../admin/xsuaa-routes.js';
import {
  claimRuntime,
  defaultDataDir,
  ensureDataDir,
  removeInterruptedWrites,
  removeRuntime,
  writeRuntime,
} from './data-dir.js';
import { withDataDirLock } from './data-lock.js';
import { EventBus, now } from './event-bus.js';
import { PLUGINS } from '../plugins.js';
import { RunOverrides } from './run-overrides.js';
import { SystemDirectory, type EngineContext, type PluginInstance } from './plugin.js';
import { SecretStore } from './secret-store.js';
import { ServiceRegistry } from './services.js';
import {
  loaded,
  loadWorkspaceFile,
  loadWorkspaceObject,
  saveWorkspaceFile,
  type LoadedWorkspace,
} from './workspace-store.js';

export async function startEmulator(options: StartOptions = {}): Promise<EmulatorHandle> {
  const overrides = new RunOverrides(options.recordingOverrides);
  const initial = overrides.apply(
    options.workspacePath
      ? await loadWorkspaceFile(options.workspacePath)
      : loadWorkspaceObject(options.workspace),
  );
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir(initial.summary.path));
  await ensureDataDir(dataDir);
  // Held until runtime.json is written: a second engine then finds this one running, and a command
  // waiting to prepare the folder finds the CA, keys and secrets this one created.
  return withDataDirLock(dataDir, async () => {
    await claimRuntime(dataDir);
    const { publicHost } = runAddresses(initial.workspace, options);
    const tls = await ensureTls(dataDir, new Date(), tlsHosts(initial.workspace, publicHost));
    const engine = new Engine(initial, dataDir, options, await SecretStore.open(dataDir), tls, overrides);
    try {
      await engine.start();
    } catch (error) {
      await engine.stop();
      throw error;
    }
    return engine.handle();
  });
}

export class Engine implements AdminBackend {
  readonly version = VERSION;
  readonly startedAtMs = Date.now();
  readonly bus = new EventBus();
  readonly services: ServiceRegistry;
  readonly auth: AdminAuth;
  /** Fixed for the run: listeners are bound once; a changed engine.bind/publicHost needs a restart. */
  readonly addresses: EngineAddresses;
  private admin: AdminServer | undefined;
  private xsuaaService: XsuaaService | undefined;
  private caBundle: string | null = null;
  readonly systems = new SystemDirectory();
  private readonly plugins: { id: string; instance: PluginInstance }[];
  private stopping: Promise<void> | undefined;
  private current: LoadedWorkspace;

  constructor(
    initial: LoadedWorkspace,
    readonly dataDir: string,
    private readonly options: StartOptions,
    readonly secrets: SecretStore,
    readonly tls: TlsMaterial,
    /** Settings for this run only, kept out of the saved file. */
    private readonly overrides = new RunOverrides(),
  ) {
    this.current = initial;
    this.addresses = runAddresses(initial.workspace, options);
    this.services = new ServiceRegistry(this.bus, this.addresses.bind);
    this.auth = new AdminAuth(options.adminToken, this.addresses.publicHost);
    const context = this.context();
    this.plugins = PLUGINS.map((plugin) => ({ id: plugin.id, instance: plugin.setup(context) }));
  }

  private context(): EngineContext {
    return {
      host: this.host,
      addresses: this.addresses,
      dataDir: this.dataDir,
      bus: this.bus,
      services: this.services,
      secrets: this.secrets,
      tls: this.tls,
      systems: this.systems,
      workspace: () => this.ws,
      workspacePath: () => this.current.summary.path,
      replaceWorkspace: (mutate) => this.mutateWorkspace(mutate),
      port: (id) => this.port(id),
      xsuaa: () => this.xsuaa,
      endpoints: () => this.endpoints(),
      log: (level, message) => this.log(level, message),
    };
  }

  /** Admin routes of every plug-in, installed by the admin server before it listens. */
  installPluginRoutes(app: Parameters<NonNullable<PluginInstance['adminRoutes']>>[0]): void {
    for (const { instance } of this.plugins) instance.adminRoutes?.(app);
  }

  get ws(): Workspace {
    return this.current.workspace;
  }

  private get host(): string {
    return this.addresses.bind;
  }

  port(id: ServiceId): number {
    if (this.options.ephemeralPorts) return 0;
    const ports: ServicePorts = { ...this.ws.engine.ports, ...this.options.ports };
    return ports[id];
  }

  get xsuaa(): XsuaaCore {
    if (!this.xsuaaService) throw new EmulatorError('EMU_ERR_INTERNAL', 'XSUAA is not running.');
    return this.xsuaaService.core;
  }

  async start(): Promise<void> {
    const leftovers = await removeInterruptedWrites(this.dataDir, this.current.summary.path);
    if (leftovers.length > 0)
      this.log(
        'info',
        `Removed ${leftovers.length} temporary file${leftovers.length === 1 ? '' : 's'} of a save the last run did not finish: ${leftovers.join(', ')}`,
      );
    if (!isLoopback(this.host)) {
      this.log('warn', `Listeners bind ${this.host}: the emulator is reachable from other machines.`);
    }
    this.services.update('admin', { state: 'starting' });
    const uiDir = this.options.uiDir === undefined ? defaultUiDir(import.meta.url) : this.options.uiDir;
    try {
      this.admin = await startAdminServer(this, this.auth, {
        host: this.host,
        publicHost: this.addresses.public,
        port: this.port('admin'),
        uiDir,
      });
    } catch (error) {
      this.services.update('admin', { state: 'failed', error: (error as Error).message });
      throw error;
    }
    this.services.update('admin', { state: 'running', url: this.admin.url, port: this.admin.port });
    this.xsuaaService = await XsuaaService.start(
      {
        addresses: this.addresses,
        dataDir: this.dataDir,
        bus: this.bus,
        services: this.services,
        workspace: () => this.ws,
        ports: { xsuaa: this.port('xsuaa'), xsuaaTls: this.port('xsuaaTls') },
        secrets: this.secrets,
      },
      this.tls,
    );
    for (const { instance } of this.plugins) await instance.start();
    this.caBundle = await writeCaBundle(this.dataDir, this.tls.caCertPem);
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
      for (const { id, instance } of [...this.plugins].reverse()) {
        await instance
          .stop()
          .catch((error: unknown) =>
            this.log('error', `${id} did not stop cleanly: ${(error as Error).message}`),
          );
      }
      await this.xsuaaService?.stop(this);
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
      caCert: this.tls.caCertPath,
      workspace: this.current.summary,
      services: this.services.list(),
    };
  }

  workspace(): WorkspaceResponse {
    return {
      summary: this.current.summary,
      workspace: this.ws,
      persisted: this.current.summary.path !== null,
    };
  }

  /**
   * PUT /api/workspace. Every replacement, from the admin API or a plug-in, runs through one queue:
   * overlapping ones (a UI sending several saves back to back) once left plug-ins restarting against
   * each other and the engine unresponsive.
   */
  replaceWorkspace(body: unknown): Promise<WorkspaceResponse> {
    return this.enqueue(() => this.applyWorkspace(body));
  }

  /** Validate, then save, then swap: a failure at any step leaves the running workspace untouched. */
  private async applyWorkspace(body: unknown): Promise<WorkspaceResponse> {
    const file = this.current.summary.path;
    const parsed = checkWorkspace(body, file === null ? {} : { file });
    const save = this.overrides.forSave(parsed);
    if (file !== null) await saveWorkspaceFile(file, save.raw);
    save.commit();
    const next = loaded(parsed, file);
    if (JSON.stringify(next.workspace.engine) !== JSON.stringify(this.ws.engine)) {
      this.log(
        'warn',
        'engine.bind, engine.publicHost or engine.ports changed: restart the emulator for them to take effect.',
      );
    }
    this.current = {
      workspace: next.workspace,
      raw: next.raw,
      summary: { ...next.summary, source: this.current.summary.source },
    };
    await this.xsuaaService?.core.refreshClients();
    await this.xsuaaService?.renewTls();
    for (const { instance } of this.plugins) await instance.workspaceReplaced?.();
    this.bus.emit({ type: 'workspace-replaced', at: now(), workspace: this.current.summary });
    return this.workspace();
  }

  private writes: Promise<unknown> = Promise.resolve();

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.writes.then(task);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** A plug-in's change, queued behind earlier ones and applied to the raw workspace (see EngineContext). */
  mutateWorkspace(mutate: (raw: WorkspaceInput) => WorkspaceInput): Promise<Workspace> {
    return this.enqueue(async () => {
      await this.applyWorkspace(mutate(structuredClone(this.current.raw)));
      return this.ws;
    });
  }

  /** Where clients find each service; services not running yet are announced at their configured port. */
  endpoints(): BindingEndpoints {
    const urls = this.services.urls();
    const tlsPort = this.services.list().find((s) => s.id === 'xsuaaTls')?.port ?? this.port('xsuaaTls');
    const publicAt = (id: ServiceId): string => `http://${hostPort(this.addresses.public, this.port(id))}`;
    return {
      xsuaaUrl: urls.xsuaa ?? publicAt('xsuaa'),
      uaaDomain: hostPort(this.addresses.tls, tlsPort),
      destinationUri: urls.destination ?? publicAt('destination'),
      proxyHost: this.addresses.public,
      proxyPort: this.services.list().find((s) => s.id === 'proxy')?.port ?? this.port('proxy'),
      socks5Port: this.services.list().find((s) => s.id === 'socks5')?.port ?? this.port('socks5'),
      verificationKey: this.xsuaaService?.core.verificationKey(),
    };
  }

  bindingEnv(): BindingEnv {
    const e = this.endpoints();
    return {
      VCAP_SERVICES: buildVcapServices(this.ws, this.xsuaa.clients(), e),
      VCAP_APPLICATION: buildVcapApplication(this.ws, e),
      ...approuterDestinations(this.ws, e),
      caBundle: this.caBundle,
    };
  }

  readonly xsuaaApi: XsuaaAdminApi = {
    bindingEnv: () => this.bindingEnv(),
    clients: () => listClients(this.xsuaa),
    issueToken: async (request) => {
      const response = await issueToken(this.xsuaa, this.ws, request);
      this.announceToken(response.claims);
      return response;
    },
    verifyToken: (request) => verify(this.xsuaa, request),
    signingKeys: () => signingKeys(this.xsuaa),
    rotateKeys: async (request) => {
      const key = await this.xsuaa.keys.rotate(request);
      this.bus.emit({ type: 'keys-rotated', at: now(), kid: key.kid });
      return key;
    },
  };

  private announceToken(claims: Record<string, unknown>): void {
    const clientId = String(claims.cid);
    this.bus.emit({
      type: 'token-issued',
      at: now(),
      grant: String(claims.grant_type),
      clientId,
      binding: this.xsuaa.clients().get(clientId)?.binding ?? clientId,
      user: typeof claims.user_name === 'string' ? claims.user_name : null,
      scopes: Array.isArray(claims.scope) ? (claims.scope as string[]) : [],
      jti: String(claims.jti),
      expiresAt: new Date(Number(claims.exp) * 1000).toISOString(),
      listener: 'admin',
    });
  }

  log(level: 'info' | 'warn' | 'error', message: string): void {
    this.bus.emit({ type: 'log', at: now(), level, message });
  }

  handle(): EmulatorHandle {
    const adminUrl = this.admin?.url;
    if (!adminUrl) throw new EmulatorError('EMU_ERR_INTERNAL', 'The engine has no admin listener.');
    return {
      urls: this.services.urls(),
      adminToken: this.auth.adminToken,
      dataDir: this.dataDir,
      caCert: this.tls.caCertPath,
      workspacePath: this.current.summary.path,
      createUiLink: () => `${adminUrl}/?token=${this.auth.createUiToken()}`,
      status: () => this.status(),
      bindingEnv: () => this.bindingEnv(),
      on: <T extends EngineEvent['type']>(type: T, listener: EventListener<T>) => this.bus.on(type, listener),
      onAny: (listener) => this.bus.onAny(listener),
      stop: () => this.stop(),
    };
  }
}
