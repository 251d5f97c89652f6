// The XSUAA listeners: plain HTTP at the binding's `url` and HTTPS at `uaadomain` (xssec fetches keys
// only over HTTPS). Both serve the same routes. Bare node:http: the token endpoint is a hot path.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { decodeJwt } from 'jose';
import { now, type EventBus } from '../core/event-bus.js';
import type { ClientRegistry } from './clients.js';
import type { TokenIssuer, XsuaaUrls } from './issuer.js';
import type { SigningKeys } from './keys.js';
import type { LoginFlow, LoginReply } from './login.js';
import { OAuthError, type TokenEndpoint } from './token-endpoint.js';

const MAX_BODY = 64 * 1024;

export interface XsuaaRoutesEnv {
  endpoint: TokenEndpoint;
  login: LoginFlow;
  keys: SigningKeys;
  issuer: TokenIssuer;
  clients(): ClientRegistry;
  bus: EventBus;
  /** Base URLs and issuer, for discovery documents. */
  urls(): XsuaaUrls;
}

type Listener = 'http' | 'https';

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json;charset=UTF-8',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendLogin(res: ServerResponse, reply: LoginReply): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    ...(reply.body ? { 'Content-Length': Buffer.byteLength(reply.body) } : {}),
  });
  res.end(reply.body);
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? 'application/x-www-form-urlencoded';
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      reject(
        new OAuthError(
          400,
          'invalid_request',
          `Content-Type must be application/x-www-form-urlencoded, not ${type}`,
        ),
      );
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new OAuthError(413, 'invalid_request', `Request body over ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export function createXsuaaHandler(env: XsuaaRoutesEnv, listener: Listener) {
  const routes: Record<
    string,
    (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void
  > = {
    'POST /oauth/token': (req, res) => token(env, listener, req, res),
    'GET /token_keys': (_req, res) => send(res, 200, env.keys.jwks(), { 'Cache-Control': 'max-age=60' }),
    'GET /.well-known/openid-configuration': (_req, res) => send(res, 200, discovery(env.urls())),
    'GET /userinfo': (req, res) => userinfo(env, req, res),
    'GET /oauth/authorize': (req, res, url) =>
      sendLogin(res, env.login.authorize(url.searchParams, req.headers.cookie)),
    'POST /login.do': async (req, res) => sendLogin(res, env.login.login(await readForm(req))),
    'GET /logout.do': (req, res, url) =>
      sendLogin(res, env.login.logout(url.searchParams, req.headers.cookie)),
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://xsuaa.local');
    const route = routes[`${req.method} ${url.pathname}`];
    const run = route
      ? Promise.resolve(route(req, res, url))
      : Promise.resolve(
          send(res, 404, {
            error: 'not_found',
            error_description: `No endpoint ${req.method} ${url.pathname}`,
          }),
        );
    run.catch((error: unknown) => {
      const e =
        error instanceof OAuthError
          ? error
          : new OAuthError(500, 'server_error', 'Internal error in the emulated XSUAA');
      if (!res.headersSent) send(res, e.status, e.body());
    });
  };
}

async function token(
  env: XsuaaRoutesEnv,
  listener: Listener,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let form: URLSearchParams | undefined;
  try {
    form = await readForm(req);
    const response = await env.endpoint.handle({ headers: req.headers, form });
    send(res, 200, response);
    announce(env, listener, form, response.access_token);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    const headers: Record<string, string> =
      error.status === 401 ? { 'WWW-Authenticate': 'Basic realm="UAA/client", error="invalid_client"' } : {};
    send(res, error.status, error.body(), headers);
    env.bus.emit({
      type: 'token-failed',
      at: now(),
      grant: form?.get('grant_type') ?? null,
      clientId: form?.get('client_id') ?? null,
      status: error.status,
      error: error.error,
      description: error.description,
      listener,
    });
  }
}

function announce(env: XsuaaRoutesEnv, listener: Listener, form: URLSearchParams, accessToken: string): void {
  const claims = decodeJwt(accessToken);
  const clientId = String(claims.cid);
  env.bus.emit({
    type: 'token-issued',
    at: now(),
    grant: form.get('grant_type') ?? '',
    clientId,
    binding: env.clients().get(clientId)?.binding ?? clientId,
    user: typeof claims.user_name === 'string' ? claims.user_name : null,
    scopes: (claims.scope as string[] | undefined) ?? [],
    jti: String(claims.jti),
    expiresAt: new Date((claims.exp ?? 0) * 1000).toISOString(),
    listener,
  });
}

function userinfo(env: XsuaaRoutesEnv, req: IncomingMessage, res: ServerResponse): void {
  const auth = req.headers.authorization;
  const result = auth?.startsWith('Bearer ') ? env.issuer.verify(auth.slice(7).trim()) : undefined;
  const claims = result?.valid ? result.claims : null;
  if (!claims || typeof claims.user_name !== 'string') {
    send(
      res,
      401,
      { error: 'invalid_token', error_description: 'A valid user access token is required' },
      { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    );
    return;
  }
  send(res, 200, {
    user_id: claims.user_id,
    sub: claims.sub,
    user_name: claims.user_name,
    given_name: claims.given_name,
    family_name: claims.family_name,
    name: [claims.given_name, claims.family_name].filter((n) => typeof n === 'string' && n).join(' '),
    email: claims.email,
    email_verified: true,
    origin: claims.origin,
    zid: claims.zid,
  });
}

function discovery(urls: XsuaaUrls): Record<string, unknown> {
  return {
    issuer: urls.issuer,
    authorization_endpoint: `${urls.http}/oauth/authorize`,
    token_endpoint: `${urls.http}/oauth/token`,
    userinfo_endpoint: `${urls.http}/userinfo`,
    jwks_uri: `${urls.https}/token_keys`,
    end_session_endpoint: `${urls.http}/logout.do`,
    response_types_supported: ['code'],
    grant_types_supported: [
      'authorization_code',
      'client_credentials',
      'password',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
      'user_token',
    ],
    code_challenge_methods_supported: ['S256', 'plain'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    scopes_supported: ['openid'],
  };
}

export function createXsuaaServers(env: XsuaaRoutesEnv, tls: { certPem: string; keyPem: string }) {
  const plain = http.createServer({ keepAliveTimeout: 65_000 }, createXsuaaHandler(env, 'http'));
  const secure = https.createServer(
    { cert: tls.certPem, key: tls.keyPem, keepAliveTimeout: 65_000 },
    createXsuaaHandler(env, 'https'),
  );
  return { plain, secure };
}
