// How a service (destination, connectivity proxy, simulated systems, recording) joins the engine without
// editing it: a plug-in in emulator/plugins.ts gets this context, returns an instance, and the engine
// installs its admin routes before the admin listener starts, then starts, replaces and stops it in order.
import type { FastifyInstance } from 'fastify';
import type { ServiceId } from '../../app/events.js';
import type { Workspace, WorkspaceInput } from '../../app/workspace/schema.js';
import type { BindingEndpoints } from '../bindings/vcap.js';
import type { TlsMaterial } from '../tls/ca.js';
import type { XsuaaCore } from '../xsuaa/service.js';
import type { EngineAddresses } from './addresses.js';
import type { EventBus } from './event-bus.js';
import type { SecretStore } from './secret-store.js';
import type { ServiceRegistry } from './services.js';

/** Where a simulated system listens, so the proxy can resolve `system:<id>` mappings. */
export interface SystemAddress {
  host: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS';
}

export class SystemDirectory {
  private readonly systems = new Map<string, SystemAddress>();

  register(id: string, address: SystemAddress): void {
    this.systems.set(id, address);
  }

  unregister(id: string): void {
    this.systems.delete(id);
  }

  resolve(id: string): SystemAddress | undefined {
    return this.systems.get(id);
  }
}

export interface EngineContext {
  /** The address listeners bind (addresses.bind). */
  readonly host: string;
  /** Bind address, the host handed out to clients, and the one the engine reaches itself on. */
  readonly addresses: EngineAddresses;
  readonly dataDir: string;
  readonly bus: EventBus;
  /** Listener states: call update() for the ServiceIds a plug-in owns (destination, proxy, socks5). */
  readonly services: ServiceRegistry;
  readonly secrets: SecretStore;
  readonly tls: TlsMaterial;
  readonly systems: SystemDirectory;
  /** The current workspace; it changes when the admin API replaces it (see PluginInstance.workspaceReplaced). */
  workspace(): Workspace;
  /** Absolute path of the workspace file (relative paths in it resolve from its folder), or null for the demo. */
  workspacePath(): string | null;
  /**
   * Changes the workspace like PUT /api/workspace: `mutate` gets a copy as the user wrote it (no
   * defaults), the result is validated, saved and swapped in, or an EmulatorError leaves all as it was.
   * Calls run one at a time, so two writes never lose each other's change.
   */
  replaceWorkspace(mutate: (raw: WorkspaceInput) => WorkspaceInput): Promise<Workspace>;
  /** The port to listen on for a ServiceId (0 under --ephemeral-ports). */
  port(id: ServiceId): number;
  /** Keys, clients and the issuer: to verify and issue tokens. Available once start() runs. */
  xsuaa(): XsuaaCore;
  /** Where clients reach each service (as in the bindings). */
  endpoints(): BindingEndpoints;
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

export interface PluginInstance {
  /** Admin API routes (under /api/…); they run behind the admin guards. Called before start(). */
  adminRoutes?(app: FastifyInstance): void;
  start(): Promise<void>;
  /** Closes every listener and socket; must be safe to call when start() failed half-way. */
  stop(): Promise<void>;
  /** The workspace was replaced (already validated and saved). */
  workspaceReplaced?(): Promise<void>;
}

export interface ServicePlugin {
  readonly id: string;
  setup(ctx: EngineContext): PluginInstance;
}
