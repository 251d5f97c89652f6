// POST /oauth/token. Trusts a client only after its secret matched (HTTP Basic or form body), a user
// only after the password matched or a token the emulator itself signed vouched for them.
// Errors are RFC 6749 bodies: { error, error_description } with the status the RFC gives.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Workspace, WorkspaceUser } from '../../app/workspace/schema.js';
import type { ClientRegistry, OAuthClient } from './clients.js';
import { REFRESH_AUDIENCE, ScopeError, type TokenIssuer, type TokenResponse } from './issuer.js';
import type { AuthorizationCodes } from './login.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }

  body(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export interface TokenEnv {
  issuer: TokenIssuer;
  clients(): ClientRegistry;
  workspace(): Workspace;
  codes: AuthorizationCodes;
}

export interface TokenRequest {
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

const safeEqual = (a: string, b: string): boolean => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
};

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw new OAuthError(400, 'invalid_request', `Missing parameter: ${name}`);
  return value;
}

function decodeBasic(header: string): [string, string] | undefined {
  const decoded = Buffer.from(header.slice('Basic '.length).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: id and secret are form-urlencoded before base64; plain values decode unchanged.
  const unescape = (v: string): string => {
    try {
      return decodeURIComponent(v.replaceAll('+', ' '));
    } catch {
      return v;
    }
  };
  return [unescape(decoded.slice(0, colon)), unescape(decoded.slice(colon + 1))];
}

/** Client authentication by HTTP Basic or client_id + client_secret in the body (xssec and the approuter use the body). */
export function authenticateClient(
  req: TokenRequest,
  clients: ClientRegistry,
  secretOptional = false,
): OAuthClient {
  const auth = req.headers.authorization;
  const basic = auth?.startsWith('Basic ') ? decodeBasic(auth) : undefined;
  const clientId = basic?.[0] ?? req.form.get('client_id');
  const secret = basic?.[1] ?? req.form.get('client_secret');
  if (!clientId)
    throw new OAuthError(
      401,
      'invalid_client',
      'Client authentication is missing: send HTTP Basic or client_id and client_secret',
    );
  const client = clients.get(clientId);
  if (!client) throw new OAuthError(401, 'invalid_client', `Unknown client "${clientId}"`);
  if (secret === null || secret === undefined) {
    if (secretOptional) return client;
    throw new OAuthError(401, 'invalid_client', 'Missing client_secret');
  }
  if (!safeEqual(secret, client.clientSecret))
    throw new OAuthError(401, 'invalid_client', 'Bad client credentials');
  return client;
}

export function zoneOf(req: TokenRequest, ws: Workspace): string {
  const zid = req.headers['x-zid'];
  if (zid === undefined) return ws.subaccount.id;
  if (zid !== ws.subaccount.id)
    throw new OAuthError(401, 'invalid_client', `Unknown identity zone "${String(zid)}" (x-zid)`);
  return zid;
}

function requestedScopes(form: URLSearchParams): string[] | undefined {
  const scope = form.get('scope');
  return scope ? scope.split(/[\s,]+/).filter(Boolean) : undefined;
}

export class TokenEndpoint {
  constructor(private readonly env: TokenEnv) {}

  async handle(req: TokenRequest): Promise<TokenResponse> {
    const grant = req.form.get('grant_type');
    if (!grant) throw new OAuthError(400, 'invalid_request', 'Missing parameter: grant_type');
    const ws = this.env.workspace();
    const zid = zoneOf(req, ws);
    try {
      return await this.dispatch(grant, req, zid);
    } catch (error) {
      if (error instanceof ScopeError) throw new OAuthError(400, 'invalid_scope', error.message);
      throw error;
    }
  }

  private async dispatch(grant: string, req: TokenRequest, zid: string): Promise<TokenResponse> {
    const clients = this.env.clients();
    const scopes = requestedScopes(req.form);
    switch (grant) {
      case 'client_credentials':
        return this.env.issuer.clientCredentials(authenticateClient(req, clients), { scopes, zid });
      case 'password': {
        const client = authenticateClient(req, clients);
        const user = this.checkPassword(required(req.form, 'username'), required(req.form, 'password'));
        return this.env.issuer.forUser(client, user, 'password', { scopes, zid });
      }
      case JWT_BEARER: {
        const client = authenticateClient(req, clients);
        const { user, zid: assertionZone } = this.userFromToken(required(req.form, 'assertion'), 'assertion');
        return this.env.issuer.forUser(client, user, JWT_BEARER, { scopes, zid: assertionZone });
      }
      case 'authorization_code':
        return this.authorizationCode(req, authenticateClient(req, clients), zid);
      case 'refresh_token':
        return this.refresh(req, authenticateClient(req, clients), scopes);
      case 'user_token': {
        const client = authenticateClient(req, clients, true);
        const auth = req.headers.authorization;
        const bearer = auth?.startsWith('Bearer ')
          ? auth.slice('Bearer '.length).trim()
          : req.form.get('assertion');
        if (!bearer)
          throw new OAuthError(
            400,
            'invalid_request',
            'user_token needs the user JWT as Authorization: Bearer',
          );
        const { user, zid: userZone } = this.userFromToken(bearer, 'user token');
        return this.env.issuer.forUser(client, user, 'user_token', { scopes, zid: userZone });
      }
      default:
        throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant_type "${grant}"`);
    }
  }

  private user(name: string): WorkspaceUser | undefined {
    return this.env.workspace().xsuaa.users.find((u) => u.name === name);
  }

  /**
   * UAA answers a wrong password and an unknown user alike, 401 `unauthorized` "Bad credentials" (not
   * RFC 6749's 400 invalid_grant, on purpose: cloudfoundry/uaa#599), so the answer never tells whether
   * the user exists.
   */
  private checkPassword(username: string, password: string): WorkspaceUser {
    const user = this.user(username);
    if (!user || !safeEqual(password, user.password))
      throw new OAuthError(401, 'unauthorized', 'Bad credentials');
    return user;
  }

  /** A user token the emulator signed, still valid, naming a user of the workspace. */
  private userFromToken(token: string, what: string): { user: WorkspaceUser; zid: string } {
    const result = this.env.issuer.verify(token);
    if (!result.valid || !result.claims) {
      throw new OAuthError(
        400,
        'invalid_grant',
        `Invalid ${what}: ${result.problems.map((p) => p.message).join('; ')}`,
      );
    }
    const name = result.claims.user_name;
    const user = typeof name === 'string' ? this.user(name) : undefined;
    if (!user || (result.claims.aud as string[] | undefined)?.includes(REFRESH_AUDIENCE)) {
      throw new OAuthError(400, 'invalid_grant', `Invalid ${what}: not a user token of this workspace`);
    }
    return {
      user,
      zid: typeof result.claims.zid === 'string' ? result.claims.zid : this.env.workspace().subaccount.id,
    };
  }

  private async authorizationCode(
    req: TokenRequest,
    client: OAuthClient,
    zid: string,
  ): Promise<TokenResponse> {
    const pending = this.env.codes.redeem(required(req.form, 'code'));
    if (!pending || pending.clientId !== client.clientId) {
      throw new OAuthError(
        400,
        'invalid_grant',
        'Invalid authorization code (unknown, expired, already used, or issued to another client)',
      );
    }
    if (pending.redirectUri !== undefined && req.form.get('redirect_uri') !== pending.redirectUri) {
      throw new OAuthError(
        400,
        'invalid_grant',
        'redirect_uri does not match the one of the authorization request',
      );
    }
    if (pending.codeChallenge !== undefined) {
      const verifier = req.form.get('code_verifier');
      if (!verifier)
        throw new OAuthError(400, 'invalid_grant', 'Missing code_verifier for a PKCE authorization code');
      const computed =
        pending.codeChallengeMethod === 'plain'
          ? verifier
          : createHash('sha256').update(verifier).digest('base64url');
      if (computed !== pending.codeChallenge)
        throw new OAuthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const user = this.user(pending.userName);
    if (!user) throw new OAuthError(400, 'invalid_grant', `User "${pending.userName}" no longer exists`);
    return this.env.issuer.forUser(client, user, 'authorization_code', {
      scopes: pending.scopes,
      zid,
      ...(pending.nonce === undefined ? {} : { nonce: pending.nonce }),
    });
  }

  private async refresh(
    req: TokenRequest,
    client: OAuthClient,
    requested: string[] | undefined,
  ): Promise<TokenResponse> {
    const result = this.env.issuer.verify(required(req.form, 'refresh_token'), {
      audience: REFRESH_AUDIENCE,
      leewaySeconds: 0,
    });
    const claims = result.claims;
    if (!result.valid || !claims) {
      throw new OAuthError(
        400,
        'invalid_grant',
        `Invalid refresh token: ${result.problems.map((p) => p.message).join('; ')}`,
      );
    }
    if (claims.cid !== client.clientId)
      throw new OAuthError(400, 'invalid_grant', 'Refresh token was issued to another client');
    const user = this.user(String(claims.user_name));
    if (!user)
      throw new OAuthError(400, 'invalid_grant', `User "${String(claims.user_name)}" no longer exists`);
    const original = Array.isArray(claims.scope) ? (claims.scope as string[]) : [];
    const denied = (requested ?? []).filter((s) => !original.includes(s));
    if (denied.length > 0)
      throw new OAuthError(400, 'invalid_scope', `scope not in the original grant: ${denied.join(' ')}`);
    return this.env.issuer.forUser(client, user, 'refresh_token', {
      scopes: requested ?? original,
      zid: String(claims.zid),
    });
  }
}
