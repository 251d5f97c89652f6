// The Destination service as an engine plug-in: the REST API listener at the binding's `uri`, the admin
// routes of the Destinations page, and "Check connection" through the emulated path.
import type { Server } from 'node:net';
import type { CheckResult, DestinationLevel as Level } from '../../app/destination/api.js';
import { EmulatorError } from '../../app/errors.js';
import { now } from '../core/event-bus.js';
import { hostPort } from '../core/addresses.js';
import { closeServer, listen, trackSockets } from '../core/listen.js';
import type { EngineContext, PluginInstance, ServicePlugin } from '../core/plugin.js';
import { installDestinationRoutes } from './admin-routes.js';
import { checkConnection, type CheckDeps } from './check.js';
import { createRestApi } from './rest-api.js';
import { createTokenClient } from './token-client.js';

function checkDeps(ctx: EngineContext): CheckDeps {
  return {
    proxy: () => {
      const proxy = ctx.services.list().find((s) => s.id === 'proxy');
      if (proxy?.state !== 'running' || proxy.port === null) return null;
      return { host: ctx.addresses.local, port: proxy.port };
    },
    connectivityToken: async () => {
      const [client] = ctx.xsuaa().clients().ofKind('connectivity');
      if (!client) throw new EmulatorError('EMU_ERR_INTERNAL', 'The workspace has no connectivity binding.');
      return (await ctx.xsuaa().issuer.clientCredentials(client)).access_token;
    },
    caPem: () => ctx.tls.caCertPem,
  };
}

class DestinationPlugin implements PluginInstance {
  private readonly api;
  private server: Server | undefined;
  private sockets: { destroyAll(): void } | undefined;

  constructor(private readonly ctx: EngineContext) {
    this.api = createRestApi(
      {
        workspace: () => ctx.workspace(),
        xsuaa: () => ctx.xsuaa(),
        tokens: createTokenClient(() => ctx.tls.caCertPem),
        bus: ctx.bus,
        mutate: (change) => ctx.replaceWorkspace(change),
        changed: (name, level, change) => this.changed(name, level, change, 'rest'),
      },
      (message) => ctx.log('error', message),
    );
  }

  private changed(
    name: string,
    level: Level,
    change: 'created' | 'updated' | 'deleted',
    via: 'rest' | 'admin',
  ): void {
    this.ctx.bus.emit({ type: 'destination-changed', at: now(), name, level, change, via });
  }

  adminRoutes(app: Parameters<NonNullable<PluginInstance['adminRoutes']>>[0]): void {
    installDestinationRoutes(app, {
      workspace: () => this.ctx.workspace(),
      mutate: (change) => this.ctx.replaceWorkspace(change),
      serviceUrl: () => this.ctx.services.urls().destination ?? null,
      check: (level, name) => this.check(level, name),
      changed: (name, level, change) => this.changed(name, level, change, 'admin'),
    });
  }

  private check(level: Level, name: string): Promise<CheckResult> {
    const destination = this.ctx.workspace().destinations[level].find((d) => d.Name === name);
    if (!destination)
      throw new EmulatorError('EMU_ERR_DESTINATION_UNKNOWN', `No ${level} destination named "${name}".`);
    return checkConnection(destination, checkDeps(this.ctx));
  }

  async start(): Promise<void> {
    this.ctx.services.update('destination', { state: 'starting' });
    try {
      await this.api.ready();
      this.server = this.api.server;
      this.sockets = trackSockets(this.server);
      const port = await listen(this.server, 'destination', this.ctx.host, this.ctx.port('destination'));
      const url = `http://${hostPort(this.ctx.addresses.public, port)}`;
      this.ctx.services.update('destination', { state: 'running', url, port });
    } catch (error) {
      this.ctx.services.update('destination', { state: 'failed', error: (error as Error).message });
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (!this.server?.listening) return;
    this.ctx.services.update('destination', { state: 'stopping' });
    const closed = closeServer(this.server);
    this.sockets?.destroyAll();
    await closed;
    await this.api.close();
    this.ctx.services.update('destination', { state: 'stopped', url: null, port: null });
  }
}

export const destinationPlugin: ServicePlugin = {
  id: 'destination',
  setup: (ctx) => new DestinationPlugin(ctx),
};
