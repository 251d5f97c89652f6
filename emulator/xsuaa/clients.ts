// The OAuth clients of the emulated subaccount: one per XSUAA app binding, plus the destination and
// connectivity service bindings. Ids are derived from the workspace (stable, like on BTP); secrets
// come from the data folder's secret store.
import { createHash } from 'node:crypto';
import type { Workspace } from '../../app/workspace/schema.js';
import type { SecretStore } from '../core/secret-store.js';

export type ClientKind = 'xsuaa' | 'destination' | 'connectivity';

export interface OAuthClient {
  kind: ClientKind;
  /** The binding (service instance) name. */
  binding: string;
  clientId: string;
  clientSecret: string;
  /** xsappname as it appears in the binding and as the scope prefix. */
  xsappname: string;
  /** For kind 'xsuaa': the workspace app this client belongs to. */
  appName?: string;
}

/** A stable hex id for the broker clones, so ids survive restarts and match exported bindings. */
const cloneId = (subaccountId: string, service: string): string =>
  createHash('sha256').update(`${subaccountId}:${service}`).digest('hex').slice(0, 32);

export function deriveClients(ws: Workspace, secrets: SecretStore): OAuthClient[] {
  const clients: OAuthClient[] = ws.xsuaa.apps.map((app) => ({
    kind: 'xsuaa',
    binding: app.name,
    clientId: `sb-${app.xsappname}!t1`,
    clientSecret: '',
    xsappname: `${app.xsappname}!t1`,
    appName: app.name,
  }));
  for (const [kind, service, suffix] of [
    ['destination', 'destination-xsappname', 'b9'],
    ['connectivity', 'connectivity', 'b17'],
  ] as const) {
    const xsappname = `clone${cloneId(ws.subaccount.id, kind)}!b1|${service}!${suffix}`;
    clients.push({
      kind,
      binding: ws.bindings[kind].name,
      clientId: `sb-${xsappname}`,
      clientSecret: '',
      xsappname,
    });
  }
  for (const client of clients) client.clientSecret = secrets.get(`client:${client.clientId}`);
  return clients;
}

export class ClientRegistry {
  private readonly byId: Map<string, OAuthClient>;

  constructor(readonly all: readonly OAuthClient[]) {
    this.byId = new Map(all.map((c) => [c.clientId, c]));
  }

  get(clientId: string): OAuthClient | undefined {
    return this.byId.get(clientId);
  }

  /** By client id or binding name (the CLI's --client accepts both). */
  find(idOrBinding: string): OAuthClient | undefined {
    return this.byId.get(idOrBinding) ?? this.all.find((c) => c.binding === idOrBinding);
  }

  ofKind(kind: ClientKind): OAuthClient[] {
    return this.all.filter((c) => c.kind === kind);
  }
}
