// The XSUAA service as the engine runs it: keys, clients, issuer, login flow and both listeners.
import type { Server } from 'node:net';
import type { Workspace } from '../../app/workspace/schema.js';
import { hostPort, type EngineAddresses } from '../core/addresses.js';
import type { EventBus } from '../core/event-bus.js';
import { closeServer, listen, trackSockets } from '../core/listen.js';
import type { SecretStore } from '../core/secret-store.js';
import type { ServiceRegistry } from '../core/services.js';
import { ensureTls, tlsHosts, type TlsMaterial } from '../tls/ca.js';
import { ClientRegistry, deriveClients } from './clients.js';
import { TokenIssuer, type XsuaaUrls } from './issuer.js';
import { SigningKeys } from './keys.js';
import { AuthorizationCodes, LoginFlow } from './login.js';
import { createXsuaaServers } from './server.js';
import { TokenEndpoint } from './token-endpoint.js';

export interface XsuaaContext {
  addresses: EngineAddresses;
  dataDir: string;
  bus: EventBus;
  services: ServiceRegistry;
  workspace(): Workspace;
  ports: { xsuaa: number; xsuaaTls: number };
  secrets: SecretStore;
}

const RENEW_CHECK_MS = 12 * 3600_000;

/** Keys, clients and the issuer: all that signing and verifying needs, without listeners (the CLI uses this offline). */
export class XsuaaCore {
  readonly codes = new AuthorizationCodes();
  readonly issuer: TokenIssuer;
  private clientsFor: { ws: Workspace; registry: ClientRegistry } | undefined;

  constructor(
    private readonly ctx: Pick<XsuaaContext, 'workspace' | 'secrets'>,
    readonly keys: SigningKeys,
    readonly urls: () => XsuaaUrls,
  ) {
    this.issuer = new TokenIssuer({
      workspace: () => ctx.workspace(),
      clients: () => this.clients(),
      keys,
      issuer: () => urls().issuer,
      jku: () => `${urls().https}/token_keys`,
    });
  }

  static async open(ctx: Pick<XsuaaContext, 'workspace' | 'secrets' | 'dataDir'>, urls: () => XsuaaUrls) {
    const graceMs = (): number => ctx.workspace().xsuaa.tokenLifetimeSeconds * 1000 + 60_000;
    const core = new XsuaaCore(ctx, await SigningKeys.open(ctx.dataDir, graceMs), urls);
    await core.refreshClients();
    return core;
  }

  /** The binding's `verificationkey`: the key that signs now (a pending key would fail every token). */
  verificationKey(): string {
    return this.keys.current().publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  /** Clients follow the workspace; new ones get secrets that are saved at once. */
  clients(): ClientRegistry {
    const ws = this.ctx.workspace();
    if (this.clientsFor?.ws !== ws)
      this.clientsFor = { ws, registry: new ClientRegistry(deriveClients(ws, this.ctx.secrets)) };
    return this.clientsFor.registry;
  }

  async refreshClients(): Promise<void> {
    this.clients();
    await this.ctx.secrets.save();
  }
}

export class XsuaaService {
  private constructor(
    readonly core: XsuaaCore,
    private readonly servers: {
      plain: Server;
      secure: Server & { setSecureContext(o: { cert: string; key: string }): void };
    },
    private readonly sockets: { destroyAll(): void }[],
    private readonly renewTimer: NodeJS.Timeout,
    /** Checks the TLS leaf now (after a workspace change that may need another host name). */
    readonly renewTls: () => Promise<void>,
  ) {}

  static async start(ctx: XsuaaContext, tls: TlsMaterial): Promise<XsuaaService> {
    let urls: XsuaaUrls = { http: '', https: '', issuer: '' };
    const core = await XsuaaCore.open(ctx, () => urls);
    const login = new LoginFlow({
      workspace: () => ctx.workspace(),
      clients: () => core.clients(),
      codes: core.codes,
      cookieName: () => `xsuaa_session_${ctx.ports.xsuaa}`,
    });
    const endpoint = new TokenEndpoint({
      issuer: core.issuer,
      clients: () => core.clients(),
      workspace: () => ctx.workspace(),
      codes: core.codes,
    });
    const servers = createXsuaaServers(
      {
        endpoint,
        login,
        keys: core.keys,
        issuer: core.issuer,
        clients: () => core.clients(),
        bus: ctx.bus,
        urls: () => urls,
      },
      tls,
    );
    const sockets = [trackSockets(servers.plain), trackSockets(servers.secure)];
    const renew = (): Promise<void> => renewLeaf(ctx, servers.secure, tls);
    const renewTimer = setInterval(() => void renew(), RENEW_CHECK_MS);
    renewTimer.unref();
    const service = new XsuaaService(core, servers, sockets, renewTimer, renew);
    try {
      ctx.services.update('xsuaa', { state: 'starting' });
      const { bind } = ctx.addresses;
      const httpPort = await listen(servers.plain, 'xsuaa', bind, ctx.ports.xsuaa);
      urls = {
        ...urls,
        http: `http://${hostPort(ctx.addresses.public, httpPort)}`,
        issuer: `http://${hostPort(ctx.addresses.issuer, httpPort)}/oauth/token`,
      };
      ctx.services.update('xsuaa', { state: 'running', url: urls.http, port: httpPort });
      ctx.services.update('xsuaaTls', { state: 'starting' });
      const tlsPort = await listen(servers.secure, 'xsuaaTls', bind, ctx.ports.xsuaaTls);
      // A name on the certificate: localhost, or engine.publicHost (uaadomain = <that>:<port>).
      urls = { ...urls, https: `https://${hostPort(ctx.addresses.tls, tlsPort)}` };
      ctx.services.update('xsuaaTls', { state: 'running', url: urls.https, port: tlsPort });
    } catch (error) {
      await service.stop(ctx);
      throw error;
    }
    return service;
  }

  get urls(): XsuaaUrls {
    return this.core.urls();
  }

  async stop(ctx: Pick<XsuaaContext, 'services'>): Promise<void> {
    clearInterval(this.renewTimer);
    for (const [id, server] of [
      ['xsuaa', this.servers.plain],
      ['xsuaaTls', this.servers.secure],
    ] as const) {
      if (!server.listening) continue;
      ctx.services.update(id, { state: 'stopping' });
      const closed = closeServer(server);
      this.sockets.forEach((s) => s.destroyAll());
      await closed;
      ctx.services.update(id, { state: 'stopped', url: null, port: null });
    }
  }
}

/** Reissues the leaf when it nears expiry or lacks a name the workspace needs, and swaps it in live. */
async function renewLeaf(
  ctx: XsuaaContext,
  secure: { setSecureContext(o: { cert: string; key: string }): void },
  tls: TlsMaterial,
): Promise<void> {
  const fresh = await ensureTls(ctx.dataDir, new Date(), tlsHosts(ctx.workspace(), ctx.addresses.publicHost));
  if (fresh.certPem === tls.certPem) return;
  secure.setSecureContext({ cert: fresh.certPem, key: fresh.keyPem });
  Object.assign(tls, fresh);
}
