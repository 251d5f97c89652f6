// VCAP_SERVICES / VCAP_APPLICATION / `destinations` exactly as the SAP libraries read them
// (sap-contract.md §1): labels and tags matter, every binding has `url`, connectivity ports are strings,
// no identityzone unless the workspace is multi-tenant.
import { createHash } from 'node:crypto';
import type { Workspace } from '../../app/workspace/schema.js';
import type { ClientRegistry, OAuthClient } from '../xsuaa/clients.js';

/** Where clients reach each service: every host is the advertised one (see core/addresses.ts). */
export interface BindingEndpoints {
  /** http://<public host>:<xsuaa port>, e.g. http://127.0.0.1:20010 */
  xsuaaUrl: string;
  /** <TLS name>:<xsuaa TLS port>: localhost:20011, or engine.publicHost's */
  uaaDomain: string;
  /** http://<public host>:<destination port> */
  destinationUri: string;
  /** The public host: `onpremise_proxy_host`. */
  proxyHost: string;
  proxyPort: number;
  socks5Port: number;
  /** The current signing key (PEM), for clients that fall back to `verificationkey`. */
  verificationKey?: string;
}

export interface ServiceBinding {
  label: string;
  name: string;
  plan: string;
  tags: string[];
  credentials: Record<string, unknown>;
  instance_name?: string;
  binding_name?: string | null;
  provider?: string | null;
  syslog_drain_url?: string | null;
  volume_mounts?: unknown[];
}

export type VcapServices = Record<string, ServiceBinding[]>;

const guid = (seed: string): string => {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The destination service instance's id: `instanceid` in the binding, `owner.InstanceId` of its destinations. */
export function destinationInstanceId(ws: Workspace): string {
  return guid(`${ws.subaccount.id}:destination-instance`);
}

function oauthCredentials(ws: Workspace, client: OAuthClient, e: BindingEndpoints): Record<string, unknown> {
  return {
    clientid: client.clientId,
    clientsecret: client.clientSecret,
    url: e.xsuaaUrl,
    // SAP documents token_service_url as url's successor; no library reads it yet (sap-contract §1).
    token_service_url: e.xsuaaUrl,
    uaadomain: e.uaaDomain,
    xsappname: client.xsappname,
    tenantid: ws.subaccount.id,
    subaccountid: ws.subaccount.id,
    zoneid: ws.subaccount.id,
    tenantmode: 'dedicated',
    'credential-type': 'binding-secret',
  };
}

function binding(
  label: string,
  name: string,
  plan: string,
  tags: string[],
  credentials: Record<string, unknown>,
): ServiceBinding {
  return {
    label,
    provider: null,
    plan,
    name,
    tags,
    instance_name: name,
    binding_name: null,
    credentials,
    syslog_drain_url: null,
    volume_mounts: [],
  };
}

export function buildVcapServices(ws: Workspace, clients: ClientRegistry, e: BindingEndpoints): VcapServices {
  const vcap: VcapServices = {
    xsuaa: clients.ofKind('xsuaa').map((client) => {
      const credentials = oauthCredentials(ws, client, e);
      if (e.verificationKey) credentials.verificationkey = e.verificationKey;
      if (ws.xsuaa.multiTenant) {
        credentials.identityzone = ws.subaccount.subdomain;
        credentials.tenantmode = 'shared';
      }
      return binding('xsuaa', client.binding, 'application', ['xsuaa'], credentials);
    }),
  };
  const [destination] = clients.ofKind('destination');
  if (destination) {
    vcap.destination = [
      binding('destination', destination.binding, 'lite', ['destination', 'conn', 'connsvc'], {
        ...oauthCredentials(ws, destination, e),
        uri: e.destinationUri,
        instanceid: destinationInstanceId(ws),
      }),
    ];
  }
  const [connectivity] = clients.ofKind('connectivity');
  if (connectivity) {
    vcap.connectivity = [
      binding('connectivity', connectivity.binding, 'lite', ['connectivity', 'conn', 'connsvc'], {
        ...oauthCredentials(ws, connectivity, e),
        token_service_domain: e.uaaDomain,
        onpremise_proxy_host: e.proxyHost,
        onpremise_proxy_port: String(e.proxyPort),
        onpremise_proxy_http_port: String(e.proxyPort),
        onpremise_socks5_proxy_port: String(e.socks5Port),
        onpremise_proxy_ldap_port: String(e.proxyPort),
        onpremise_proxy_rfc_port: String(e.proxyPort),
      }),
    ];
  }
  if (ws.bindings.userProvided.length > 0) {
    vcap['user-provided'] = ws.bindings.userProvided.map((ups) =>
      binding('user-provided', ups.name, '', ups.tags, ups.credentials),
    );
  }
  return vcap;
}

export function buildVcapApplication(ws: Workspace, e: BindingEndpoints): Record<string, unknown> {
  const app = ws.bindings.application;
  const appId = guid(`${ws.subaccount.id}:app:${app.name}`);
  const spaceId = guid(`${ws.subaccount.id}:space:${app.space}`);
  return {
    application_id: appId,
    application_name: app.name,
    application_uris: [],
    application_version: guid(`${appId}:version`),
    cf_api: e.xsuaaUrl,
    limits: { disk: 1024, fds: 16384, mem: 1024 },
    name: app.name,
    organization_id: guid(`${ws.subaccount.id}:org:${app.organization}`),
    organization_name: app.organization,
    process_id: appId,
    process_type: 'web',
    space_id: spaceId,
    space_name: app.space,
    uris: [],
    users: null,
  };
}

/** A subaccount destination the `destinations` export leaves to the Destination service, and why. */
export interface LeftToService {
  name: string;
  reason: string;
}

/**
 * Properties the approuter's `destinations` environment format carries (or that do not change the
 * request: Description). Anything else exists only in the Destination service's answer.
 */
const ENV_CARRIED = new Set([
  'Name',
  'Type',
  'URL',
  'ProxyType',
  'Authentication',
  'Description',
  'HTML5.ForwardAuthToken',
  'forwardAuthToken',
  'HTML5.Timeout',
]);

type Destination = Workspace['destinations']['subaccount'][number];

/** Why the env format cannot stand for this destination; null when it carries all of it. */
function envGap(d: Destination): string | null {
  const gaps: string[] = [];
  if (d.ProxyType === 'PrivateLink') gaps.push('ProxyType PrivateLink');
  const auth = d.Authentication ?? 'NoAuthentication';
  if (auth !== 'NoAuthentication') gaps.push(`Authentication ${auth}`);
  const extra = Object.keys(d).filter((k) => !ENV_CARRIED.has(k) && d[k] !== '');
  if (extra.length > 0) gaps.push(extra.join(', '));
  return gaps.length === 0 ? null : gaps.join('; ');
}

/**
 * The approuter's `destinations` environment format: only the fields of its schema
 * (lib/configuration/schemas/environment-destinations-schema.json, `additionalProperties: false`), so no
 * credentials, location id, sap-client or authentication type. The approuter never asks the Destination
 * service for a destination it finds there, so only HTTP destinations of the subaccount that the format
 * carries completely are exported (no authentication, Internet or OnPremise with the proxy); every other
 * one is listed in `destinationsLeftToService` and reaches the approuter through the destination binding in
 * VCAP_SERVICES, with everything it needs (sap-contract §1).
 */
export function approuterDestinations(
  ws: Workspace,
  e: BindingEndpoints,
): { destinations: Record<string, unknown>[]; destinationsLeftToService: LeftToService[] } {
  const destinations: Record<string, unknown>[] = [];
  const destinationsLeftToService: LeftToService[] = [];
  for (const d of ws.destinations.subaccount) {
    if (d.Type !== 'HTTP' || !d.URL) continue;
    const gap = envGap(d);
    if (gap !== null) {
      destinationsLeftToService.push({ name: d.Name, reason: gap });
      continue;
    }
    const timeout = Number(d['HTML5.Timeout']);
    destinations.push({
      name: d.Name,
      url: d.URL,
      forwardAuthToken: d['HTML5.ForwardAuthToken'] === 'true' || d.forwardAuthToken === 'true',
      ...(Number.isInteger(timeout) && timeout > 0 ? { timeout } : {}),
      ...(d.ProxyType === 'OnPremise'
        ? { proxyType: 'OnPremise', proxyHost: e.proxyHost, proxyPort: e.proxyPort }
        : {}),
    });
  }
  return { destinations, destinationsLeftToService };
}
