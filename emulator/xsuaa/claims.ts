// XSUAA token claims, built from the workspace the way BTP's XSUAA builds them (sap-contract.md §2).
// Which scopes go in is decided by app/xsuaa/scopes.ts. Defaults avoid the subdomain and issuer traps of §7.
import { createHash, randomUUID } from 'node:crypto';
import type { Workspace, WorkspaceUser } from '../../app/workspace/schema.js';
import type { OAuthClient } from './clients.js';

export { allowedUserScopes, clientScopes, userScopes } from '../../app/xsuaa/scopes.js';

export type UserGrant =
  | 'password'
  | 'authorization_code'
  | 'urn:ietf:params:oauth:grant-type:jwt-bearer'
  | 'refresh_token'
  | 'user_token';

export type Claims = Record<string, unknown> & { exp: number; iat: number; jti: string };

/** A stable user id (uuid-shaped) per subaccount and user name: `user_id`/`sub` stay the same across restarts. */
export function userId(ws: Workspace, user: WorkspaceUser): string {
  const h = createHash('sha256').update(`${ws.subaccount.id}:${user.origin}:${user.name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `aud` as XSUAA fills it: the scope prefixes (xsappnames) plus the client id. */
export function audiences(scopes: readonly string[], clientId: string): string[] {
  const aud = new Set<string>();
  for (const scope of scopes) {
    const dot = scope.lastIndexOf('.');
    aud.add(dot > 0 ? scope.slice(0, dot) : scope);
  }
  aud.add(clientId);
  return [...aud];
}

export interface ClaimContext {
  ws: Workspace;
  issuer: string;
  zid: string;
  now: number;
  expiresIn: number;
}

function base(ctx: ClaimContext, client: OAuthClient, scopes: string[]): Claims {
  const iat = Math.floor(ctx.now / 1000);
  const extAttr: Record<string, string> = { enhancer: 'XSUAA', subaccountid: ctx.ws.subaccount.id };
  if (ctx.ws.xsuaa.multiTenant) extAttr.zdn = ctx.ws.subaccount.subdomain;
  return {
    jti: randomUUID().replaceAll('-', ''),
    ext_attr: extAttr,
    scope: scopes,
    client_id: client.clientId,
    cid: client.clientId,
    azp: client.clientId,
    rev_sig: createHash('sha256').update(client.clientId).digest('hex').slice(0, 8),
    iat,
    exp: iat + ctx.expiresIn,
    iss: ctx.issuer,
    zid: ctx.zid,
    aud: audiences(scopes, client.clientId),
  };
}

export function clientCredentialsClaims(ctx: ClaimContext, client: OAuthClient, scopes: string[]): Claims {
  return {
    ...base(ctx, client, scopes),
    sub: client.clientId,
    authorities: scopes,
    grant_type: 'client_credentials',
  };
}

export function userClaims(
  ctx: ClaimContext,
  client: OAuthClient,
  user: WorkspaceUser,
  scopes: string[],
  grant: UserGrant,
): Claims {
  const id = userId(ctx.ws, user);
  return {
    ...base(ctx, client, scopes),
    'xs.system.attributes': { 'xs.rolecollections': [...user.roleCollections] },
    'xs.user.attributes': { ...user.attributes },
    given_name: user.givenName,
    family_name: user.familyName,
    sub: id,
    user_id: id,
    grant_type: grant,
    origin: user.origin,
    user_name: user.name,
    email: user.email,
    auth_time: Math.floor(ctx.now / 1000),
  };
}

export function idTokenClaims(
  ctx: ClaimContext,
  client: OAuthClient,
  user: WorkspaceUser,
  nonce?: string,
): Claims {
  const iat = Math.floor(ctx.now / 1000);
  const id = userId(ctx.ws, user);
  return {
    jti: randomUUID().replaceAll('-', ''),
    iss: ctx.issuer,
    sub: id,
    aud: [client.clientId],
    azp: client.clientId,
    cid: client.clientId,
    iat,
    exp: iat + ctx.expiresIn,
    auth_time: iat,
    amr: ['pwd'],
    user_id: id,
    user_name: user.name,
    email: user.email,
    given_name: user.givenName,
    family_name: user.familyName,
    origin: user.origin,
    zid: ctx.zid,
    ...(nonce ? { nonce } : {}),
  };
}
