// Signs and verifies the emulator's tokens. Verification explains itself: every reason a token fails
// (malformed, unknown kid, bad signature, expired, not yet valid, audience) is reported, not just the first.
import type { createPublicKey } from 'node:crypto';
import { randomUUID, verify as verifySignature } from 'node:crypto';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import type { TokenProblem, VerifyTokenResponse } from '../../app/admin-api.js';
import type { Workspace, WorkspaceUser } from '../../app/workspace/schema.js';
import {
  allowedUserScopes,
  clientCredentialsClaims,
  clientScopes,
  idTokenClaims,
  userClaims,
  type ClaimContext,
  type Claims,
  type UserGrant,
} from './claims.js';
import type { ClientRegistry, OAuthClient } from './clients.js';
import type { SigningKeys } from './keys.js';

export const REFRESH_AUDIENCE = 'xsuaa-refresh';

/** Where the XSUAA listeners are reached, and the `iss` of its tokens (see EngineAddresses.issuer). */
export interface XsuaaUrls {
  /** The binding's `url`: http://<public host>:<port>. */
  http: string;
  /** https://<uaadomain>. */
  https: string;
  /** `iss` of every token, and `issuer` of the discovery document. */
  issuer: string;
}

export interface IssuerEnv {
  workspace(): Workspace;
  clients(): ClientRegistry;
  keys: SigningKeys;
  /** `iss` of every token: http://127.0.0.1:<port>/oauth/token (sap-contract §7), or engine.publicHost's. */
  issuer(): string;
  /** `jku` header: https://<uaadomain>/token_keys (localhost, or engine.publicHost). */
  jku(): string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
  jti: string;
  refresh_token?: string;
  id_token?: string;
}

export interface IssueOptions {
  /** Requested scopes; must be a subset of what the client (and user) may have. */
  scopes?: readonly string[];
  /** Seconds; defaults to the workspace lifetime. Negative values make expired tokens for tests. */
  expiresIn?: number;
  zid?: string;
}

export class ScopeError extends Error {
  constructor(readonly scopes: string[]) {
    super(`scope${scopes.length > 1 ? 's' : ''} not allowed: ${scopes.join(' ')}`);
  }
}

function narrow(allowed: string[], requested: readonly string[] | undefined): string[] {
  if (!requested || requested.length === 0) return allowed;
  const denied = requested.filter((s) => !allowed.includes(s));
  if (denied.length > 0) throw new ScopeError(denied);
  return [...new Set(requested)];
}

export class TokenIssuer {
  constructor(private readonly env: IssuerEnv) {}

  private context(options: IssueOptions, lifetime?: number): ClaimContext {
    const ws = this.env.workspace();
    return {
      ws,
      issuer: this.env.issuer(),
      zid: options.zid ?? ws.subaccount.id,
      now: Date.now(),
      expiresIn: options.expiresIn ?? lifetime ?? ws.xsuaa.tokenLifetimeSeconds,
    };
  }

  async sign(claims: Claims): Promise<string> {
    const key = this.env.keys.current();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, jku: this.env.jku(), typ: 'JWT' })
      .sign(key.privateKey);
  }

  private response(token: string, claims: Claims, extra: Partial<TokenResponse> = {}): TokenResponse {
    return {
      access_token: token,
      token_type: 'bearer',
      expires_in: Math.max(0, claims.exp - Math.floor(Date.now() / 1000)),
      scope: (claims.scope as string[]).join(' '),
      jti: claims.jti,
      ...extra,
    };
  }

  async clientCredentials(client: OAuthClient, options: IssueOptions = {}): Promise<TokenResponse> {
    const ctx = this.context(options);
    const claims = clientCredentialsClaims(ctx, client, narrow(clientScopes(ctx.ws, client), options.scopes));
    return this.response(await this.sign(claims), claims);
  }

  async forUser(
    client: OAuthClient,
    user: WorkspaceUser,
    grant: UserGrant,
    options: IssueOptions & { refresh?: boolean; nonce?: string } = {},
  ): Promise<TokenResponse> {
    const ctx = this.context(options);
    const scopes = narrow(allowedUserScopes(ctx.ws, client, user), options.scopes);
    const claims = userClaims(ctx, client, user, scopes, grant);
    const extra: Partial<TokenResponse> = {};
    if (options.refresh !== false)
      extra.refresh_token = await this.refreshToken(client, user, scopes, ctx.zid);
    if (scopes.includes('openid') && (grant === 'authorization_code' || grant === 'password')) {
      extra.id_token = await this.sign(idTokenClaims(ctx, client, user, options.nonce));
    }
    return this.response(await this.sign(claims), claims, extra);
  }

  /** Refresh tokens are signed too, so they survive a restart; their audience keeps them from being used as access tokens. */
  private async refreshToken(
    client: OAuthClient,
    user: WorkspaceUser,
    scopes: string[],
    zid: string,
  ): Promise<string> {
    const ctx = this.context({ zid }, this.env.workspace().xsuaa.refreshTokenLifetimeSeconds);
    const iat = Math.floor(ctx.now / 1000);
    return this.sign({
      jti: `${randomUUID().replaceAll('-', '')}-r`,
      sub: user.name,
      user_name: user.name,
      origin: user.origin,
      cid: client.clientId,
      zid,
      scope: scopes,
      grant_type: 'refresh_token',
      aud: [REFRESH_AUDIENCE],
      iss: ctx.issuer,
      iat,
      exp: iat + ctx.expiresIn,
    });
  }

  verify(token: string, options: VerifyOptions = {}): VerifyResult {
    return verifyToken(token, (kid) => this.env.keys.publicKey(kid), options);
  }
}

/** The result shapes are the admin API's, so the Tokens page shows exactly what the engine decided. */
export type Problem = TokenProblem;
export type VerifyResult = VerifyTokenResponse;

export interface VerifyOptions {
  /** Accept only tokens meant for this client (xssec's rule); absent: no audience check. */
  audience?: Pick<OAuthClient, 'clientId' | 'xsappname'> | string;
  leewaySeconds?: number;
  now?: number;
}

/** xssec 4's audience rule: any aud (or scope prefix when aud is absent) or cid equals the client id or xsappname, or starts with it plus '.'. */
export function audienceMatches(
  claims: Record<string, unknown>,
  audience: NonNullable<VerifyOptions['audience']>,
): boolean {
  const ids = typeof audience === 'string' ? [audience] : [audience.clientId, audience.xsappname];
  const aud = Array.isArray(claims.aud)
    ? (claims.aud as string[])
    : typeof claims.aud === 'string'
      ? [claims.aud]
      : [];
  const scopes = Array.isArray(claims.scope) ? (claims.scope as string[]) : [];
  const candidates =
    aud.length > 0 ? aud : scopes.map((s) => (s.includes('.') ? s.slice(0, s.lastIndexOf('.')) : s));
  if (typeof claims.cid === 'string') candidates.push(claims.cid);
  return candidates.some((a) => ids.some((id) => a === id || a.startsWith(`${id}.`)));
}

export function verifyToken(
  token: string,
  publicKey: (kid: string) => ReturnType<typeof createPublicKey> | undefined,
  options: VerifyOptions = {},
): VerifyResult {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch (error) {
    const problem = { code: 'malformed' as const, message: `not a JWT: ${(error as Error).message}` };
    return { valid: false, header: null, claims: null, problems: [problem] };
  }
  const problems: Problem[] = [];
  if (header.alg !== 'RS256')
    problems.push({ code: 'algorithm', message: `alg is ${String(header.alg)}, expected RS256` });
  const key = typeof header.kid === 'string' ? publicKey(header.kid) : undefined;
  if (!key) {
    problems.push({
      code: 'unknown_kid',
      message: `kid "${String(header.kid)}" is not in the issuer's JWKS`,
    });
  } else if (header.alg === 'RS256' && !signatureValid(token, key)) {
    problems.push({ code: 'bad_signature', message: 'the signature does not match the header and payload' });
  }
  const now = (options.now ?? Date.now()) / 1000;
  const leeway = options.leewaySeconds ?? 60;
  if (typeof claims.exp !== 'number' || claims.exp + leeway < now) {
    const when = typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : 'never set';
    problems.push({ code: 'expired', message: `expired at ${when}` });
  }
  if (typeof claims.nbf === 'number' && claims.nbf - leeway > now) {
    problems.push({
      code: 'not_yet_valid',
      message: `not valid before ${new Date(claims.nbf * 1000).toISOString()}`,
    });
  }
  if (options.audience !== undefined && !audienceMatches(claims, options.audience)) {
    const who = typeof options.audience === 'string' ? options.audience : options.audience.clientId;
    problems.push({
      code: 'audience',
      message: `not meant for ${who} (aud ${JSON.stringify(claims.aud ?? null)})`,
    });
  }
  return { valid: problems.length === 0, header, claims, problems };
}

function signatureValid(token: string, key: ReturnType<typeof createPublicKey>): boolean {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return false;
  try {
    return verifySignature('RSA-SHA256', Buffer.from(`${h}.${p}`), key, base64url.decode(s));
  } catch {
    return false;
  }
}
