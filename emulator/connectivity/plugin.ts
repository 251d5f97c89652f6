// The connectivity plug-in: the Cloud Connector model compiled from the workspace, the HTTP proxy and
// SOCKS5 listeners, token and certificate caches, pooled upstreams, the traffic ring and the audit log.
// One `record` turns each exchange into the engine event, the traffic entry and the audit line.
import type { Server } from 'node:net';
import type { ProxyRequestEvent, SocksConnectionEvent } from '../../app/connectivity/events.js';
import type { Workspace } from '../../app/workspace/schema.js';
import { hostPort } from '../core/addresses.js';
import { closeServer, listen, trackSockets } from '../core/listen.js';
import type { EngineContext, PluginInstance, ServicePlugin } from '../core/plugin.js';
import type { Redaction } from '../core/redaction.js';
import { AccessRules } from './access-rules.js';
import { installConnectivityRoutes } from './admin-routes.js';
import { AuditLog } from './audit-log.js';
import { TokenCache } from './credentials.js';
import { createHttpProxy } from './http-proxy.js';
import type { ProxyRuntime } from './proxy-exchange.js';
import { PrincipalCertificates } from './principal-certs.js';
import { createSocksServer, type SocksRuntime } from './socks5.js';
import { TrafficRing, trafficRedaction, type RecordedMessage } from './traffic.js';
import { UpstreamPools } from './upstream.js';

export const connectivityPlugin: ServicePlugin = {
  id: 'connectivity',
  setup: (ctx) => new ConnectivityService(ctx),
};

class ConnectivityService implements PluginInstance {
  private compiled: { ws: Workspace; rules: AccessRules } | undefined;
  readonly traffic = new TrafficRing(() => this.redaction());
  private readonly audit: AuditLog;
  private readonly runtime: ProxyRuntime & SocksRuntime;
  private readonly listeners: { id: 'proxy' | 'socks5'; server: Server; sockets: { destroyAll(): void } }[] =
    [];

  constructor(private readonly ctx: EngineContext) {
    const settings = (): Workspace['cloudConnector'] => ctx.workspace().cloudConnector;
    this.audit = AuditLog.in(
      ctx.dataDir,
      () => settings().audit,
      (m) => ctx.log('error', m),
    );
    const verify = (
      token: string,
      options: Parameters<ReturnType<EngineContext['xsuaa']>['issuer']['verify']>[1],
    ) => ctx.xsuaa().issuer.verify(token, options);
    const connectivityClient = () =>
      ctx.xsuaa().clients().ofKind('connectivity')[0] ?? 'no connectivity client';
    this.runtime = {
      rules: () => this.rules(),
      proxyTokens: new TokenCache(verify, connectivityClient, false),
      // A propagated user comes with a token for the app's own client: any client of this XSUAA.
      userTokens: new TokenCache(verify, () => undefined, true),
      technicalTokens: new TokenCache(verify, () => undefined, false),
      certs: new PrincipalCertificates(ctx.tls),
      pools: new UpstreamPools(() => ctx.tls.caCertPem),
      systems: ctx.systems,
      settings: () => settings().proxy,
      connectTimeoutMs: () => settings().proxy.connectTimeoutMs,
      record: (event, request, response) => this.record(event, request, response),
      recordSocks: (event) => this.record(event, null, null),
    };
  }

  private rules(): AccessRules {
    const ws = this.ctx.workspace();
    if (this.compiled?.ws !== ws)
      this.compiled = { ws, rules: AccessRules.compile(ws.cloudConnector.locations) };
    return this.compiled.rules;
  }

  /** The recordings' rules (defaults plus recording.redact) for everything the proxy shows or keeps. */
  private redaction(): Redaction {
    return trafficRedaction(this.ctx.workspace().recording.redact);
  }

  private record(
    event: ProxyRequestEvent | SocksConnectionEvent,
    request: RecordedMessage | null,
    response: RecordedMessage | null,
  ): void {
    // The one place a proxied URL leaves the exchange: redacted before the ring, the audit log and the bus.
    if (event.type === 'proxy-request') event.url = this.redaction().url(event.url);
    this.traffic.add(event, request, response);
    this.audit.append(event);
    this.ctx.bus.emit(event);
  }

  adminRoutes(app: Parameters<NonNullable<PluginInstance['adminRoutes']>>[0]): void {
    installConnectivityRoutes(app, {
      rules: () => this.rules(),
      systems: this.ctx.systems,
      traffic: this.traffic,
    });
  }

  async start(): Promise<void> {
    await this.listen('proxy', createHttpProxy(this.runtime, this.ctx.bus), 'http');
    await this.listen('socks5', createSocksServer(this.runtime, this.ctx.bus), 'socks5');
  }

  private async listen(id: 'proxy' | 'socks5', server: Server, scheme: string): Promise<void> {
    const sockets = trackSockets(server);
    this.listeners.push({ id, server, sockets });
    this.ctx.services.update(id, { state: 'starting' });
    try {
      const port = await listen(server, id, this.ctx.host, this.ctx.port(id));
      const url = `${scheme}://${hostPort(this.ctx.addresses.public, port)}`;
      this.ctx.services.update(id, { state: 'running', url, port });
    } catch (error) {
      this.ctx.services.update(id, { state: 'failed', error: (error as Error).message });
      throw error;
    }
  }

  async stop(): Promise<void> {
    for (const { id, server, sockets } of this.listeners.splice(0).reverse()) {
      if (!server.listening) continue;
      this.ctx.services.update(id, { state: 'stopping' });
      const closed = closeServer(server);
      sockets.destroyAll();
      await closed;
      this.ctx.services.update(id, { state: 'stopped', url: null, port: null });
    }
    await this.runtime.pools.closeAll();
    await this.audit.close();
  }

  async workspaceReplaced(): Promise<void> {
    // Clients (and so the proxy token's audience) and mappings follow the workspace.
    this.runtime.proxyTokens.clear();
    this.runtime.userTokens.clear();
    this.runtime.technicalTokens.clear();
    await this.runtime.pools.closeAll();
  }
}
