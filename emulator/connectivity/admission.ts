// The checks before a request may be forwarded, in the proxy's order: request form → proxy token →
// propagated user → location → system mapping → resource. Synchronous and cache-backed, so the
// hot path does no I/O; the first failing check decides, with its status and reason.
import type { IncomingHttpHeaders } from 'node:http';
import type { Decision } from '../../app/connectivity/events.js';
import {
  AccessRules,
  deny,
  type CompiledLocation,
  type CompiledMapping,
  type Denial,
} from './access-rules.js';
import {
  bearerToken,
  tokenFromProxyAuthorization,
  type TokenCache,
  type UserPrincipal,
} from './credentials.js';
import { parseProxyTarget, type ProxyTarget } from './target.js';

export const LOCATION_HEADER = 'sap-connectivity-scc-location_id';
export const PP_HEADER = 'sap-connectivity-authentication';
export const TECHNICAL_HEADER = 'sap-connectivity-technical-authentication';

export interface AdmissionContext {
  rules(): AccessRules;
  proxyTokens: TokenCache;
  userTokens: TokenCache;
  /** Tokens of technical users (client credentials of any client of this XSUAA). */
  technicalTokens: TokenCache;
}

export interface Admitted {
  ok: true;
  target: ProxyTarget;
  location: CompiledLocation;
  mapping: CompiledMapping;
  /** The allowing decision (shared per resource: never change it). */
  decision: Decision;
  client: string | null;
  user: UserPrincipal | null;
}

export interface Identity {
  locationId: string | null;
  client: string | null;
  user: UserPrincipal | null;
}

export type Admission = Admitted | (Denial & Partial<Identity>);

export function admit(
  ctx: AdmissionContext,
  url: string,
  headers: IncomingHttpHeaders,
  upgrade = false,
): Admission {
  const parsed = parseProxyTarget(url);
  if (!parsed.ok) return deny(parsed.kind === 'https' ? 405 : 400, 'request', parsed.reason);
  const locationHeader = headers[LOCATION_HEADER];
  const locationId = typeof locationHeader === 'string' && locationHeader !== '' ? locationHeader : null;
  const token = tokenFromProxyAuthorization(headers['proxy-authorization']);
  if (token === undefined)
    return {
      ...deny(407, 'auth', 'Proxy-Authorization is missing: send Bearer <token of the connectivity binding>'),
      locationId,
    };
  const credential = ctx.proxyTokens.check(token);
  if (!credential.ok)
    return { ...deny(407, 'auth', `The proxy token is not accepted: ${credential.reason}`), locationId };
  const identity: Identity = { locationId, client: credential.client, user: credential.user };
  const principal = propagatedUser(ctx, headers, identity);
  if (principal) return { ...principal, ...identity };
  const routed = route(ctx.rules(), parsed.target, locationId, upgrade, identity);
  return routed.ok ? routed : { ...routed, ...identity };
}

/** The Cloud Connector's part of the decision: location, then mapping, then resource. */
function route(
  rules: AccessRules,
  target: ProxyTarget,
  locationId: string | null,
  upgrade: boolean,
  who: Pick<Identity, 'client' | 'user'>,
): Admission {
  const location = rules.location(locationId);
  if (!location.ok) return location;
  const mapped = AccessRules.http(location.location, target.host, target.port, target.pathname, upgrade);
  if (!mapped.ok) return mapped;
  return {
    ok: true,
    target,
    location: location.location,
    mapping: mapped.mapping,
    decision: mapped.decision,
    client: who.client,
    user: who.user,
  };
}

/**
 * SAP-Connectivity-Authentication: a user JWT; sets identity.user, or returns why it is refused. The user
 * becomes a certificate only where the mapping's principal type is X509 (proxy-exchange.ts).
 */
function propagatedUser(
  ctx: AdmissionContext,
  headers: IncomingHttpHeaders,
  identity: Identity,
): Denial | undefined {
  const header = headers[PP_HEADER];
  const technical = headers[TECHNICAL_HEADER];
  if (technical !== undefined) {
    if (header !== undefined)
      return deny(
        400,
        'principal',
        'The request carries both SAP-Connectivity-Authentication and SAP-Connectivity-Technical-Authentication; send one user',
      );
    return technicalUser(ctx, Array.isArray(technical) ? technical[0] : technical, identity);
  }
  // Authorization may come along (SAP's approuter sends both): it is the backend's, forwarded as is.
  if (header === undefined) return undefined;
  const token = bearerToken(Array.isArray(header) ? header[0] : header);
  if (token === undefined)
    return deny(407, 'principal', 'SAP-Connectivity-Authentication must be "Bearer <user JWT>"');
  const checked = ctx.userTokens.check(token);
  if (!checked.ok)
    return deny(407, 'principal', `The propagated user token is not accepted: ${checked.reason}`);
  identity.user = checked.user;
  return undefined;
}

/**
 * SAP-Connectivity-Technical-Authentication: technical user propagation. The token is a client
 * credentials token of an app; the Cloud Connector propagates its client as the user, so a
 * principal-propagation mapping sees a certificate for `${name}` = the client id.
 */
function technicalUser(
  ctx: AdmissionContext,
  header: string | undefined,
  identity: Identity,
): Denial | undefined {
  const token = bearerToken(header);
  if (token === undefined)
    return deny(407, 'principal', 'SAP-Connectivity-Technical-Authentication must be "Bearer <token>"');
  const checked = ctx.technicalTokens.check(token);
  if (!checked.ok)
    return deny(407, 'principal', `The technical user token is not accepted: ${checked.reason}`);
  if (checked.client === null)
    return deny(407, 'principal', 'The technical user token names no client (cid)');
  identity.user = { name: checked.client, claims: { user_name: checked.client, technical: true } };
  return undefined;
}

/** "Check a URL": the same location, mapping and resource rules, without tokens. */
export function checkUrl(
  rules: AccessRules,
  url: string,
  locationId: string | null,
  upgrade = false,
): Admission {
  const parsed = parseProxyTarget(url);
  if (!parsed.ok) return deny(parsed.kind === 'https' ? 405 : 400, 'request', parsed.reason);
  return route(rules, parsed.target, locationId, upgrade, { client: null, user: null });
}
