// The XSUAA listeners: plain HTTP at the binding's `url` and HTTPS at `uaadomain` (xssec fetches keys
// only over HTTPS). Both serve the same routes. Bare node:http: the token endpoint is a hot path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import { now, type EventBus } from '../core/event-bus.js';
import {
  createHttpListener,
  createHttpsListener,
  type ErrorAnswer,
  type HttpListenerContext,
} from '../core/listener-guard.js';
import type { ClientRegistry } from './clients.js';
import type { TokenIssuer, XsuaaUrls } from './issuer.js';
import type { SigningKeys } from './keys.js';
import type { LoginFlow, LoginReply } from './login.js';
import { OAuthError, type TokenEndpoint } from './token-endpoint.js';

const MAX_BODY = 64 * 1024;
/** Bytes over MAX_BODY read and dropped before a 413 (see readForm). */
const MAX_DRAIN = 16 * 1024 * 1024;

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

/**
 * The form body. One over MAX_BODY is answered 413 with `Connection: close`, but only once the client
 * has sent it: closing a socket with unread bytes makes the kernel send a reset, and the client loses
 * the answer it was given. The excess is read and dropped (never kept) up to MAX_DRAIN; a client that
 * sends even more gets the 413 at once and the connection is closed once it is written.
 */
function readForm(req: IncomingMessage, res: ServerResponse): Promise<URLSearchParams> {
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
    let answered = false;
    const tooLarge = (): void => {
      if (answered) return;
      answered = true;
      if (!res.headersSent) res.setHeader('Connection', 'close');
      reject(new OAuthError(413, 'invalid_request', `Request body over ${MAX_BODY} bytes`));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (chunks.length > 0) chunks.length = 0;
      if (size > MAX_BODY + MAX_DRAIN) tooLarge();
    });
    req.on('end', () =>
      size > MAX_BODY ? tooLarge() : resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
    );
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
    'POST /login.do': async (req, res) => sendLogin(res, env.login.login(await readForm(req, res))),
    'GET /logout.do': (req, res, url) =>
      sendLogin(res, env.login.logout(url.searchParams, req.headers.cookie)),
  };
  // Anything but an OAuthError is a bug: it goes to the listener guard (500, error event).
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      // Node passes absolute-form targets through; some of them (`http://[`) are no URL at all.
      const url = URL.parse(req.url ?? '/', 'http://xsuaa.local');
      if (url === null) throw new OAuthError(400, 'invalid_request', 'The request target is not a valid URL');
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) return await route(req, res, url);
      send(res, 404, { error: 'not_found', error_description: `No endpoint ${req.method} ${url.pathname}` });
    } catch (error) {
      if (!(error instanceof OAuthError) || res.headersSent) throw error;
      send(res, error.status, error.body());
    }
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
    form = await readForm(req, res);
    const response = await env.endpoint.handle({ headers: req.headers, form });
    send(res, 200, response);
    announce(env, listener, form, response.access_token);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    const headers: Record<string, string> =
      error.status === 401 ? { 'WWW-Authenticate': `Basic realm="UAA/client", error="${error.error}"` } : {};
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

/** OAuth-style error bodies, also for what the listener guard answers (500, 408, 431, 400). */
function oauthErrorBody(status: number, message: string): ErrorAnswer {
  const error = status >= 500 ? 'server_error' : 'invalid_request';
  return {
    contentType: 'application/json;charset=UTF-8',
    body: JSON.stringify({ error, error_description: message }),
  };
}

export function createXsuaaServers(env: XsuaaRoutesEnv, tls: { certPem: string; keyPem: string }) {
  const context = (name: string): HttpListenerContext => ({
    name,
    bus: env.bus,
    errorBody: oauthErrorBody,
  });
  const keepAliveTimeout = 65_000;
  const plain = createHttpListener(context('xsuaa'), { keepAliveTimeout }, createXsuaaHandler(env, 'http'));
  const secure = createHttpsListener(
    context('xsuaaTls'),
    { cert: tls.certPem, key: tls.keyPem, keepAliveTimeout },
    createXsuaaHandler(env, 'https'),
  );
  return { plain, secure };
}
