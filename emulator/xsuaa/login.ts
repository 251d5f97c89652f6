// GET /oauth/authorize, the login page, POST /login.do and /logout.do. A browser gets a code only
// after a workspace user's password matched (or the workspace's autoLogin names the user), and
// codes go only to loopback redirect URIs: this is a developer's machine, not an identity provider.
import { randomBytes } from 'node:crypto';
import type { Workspace, WorkspaceUser } from '../../app/workspace/schema.js';
import type { ClientRegistry } from './clients.js';

const TTL_MS = 10 * 60_000;
const MAX_PENDING = 1000;
const id = (): string => randomBytes(24).toString('base64url');

export interface AuthorizationRequest {
  clientId: string;
  redirectUri?: string;
  state?: string;
  scopes?: string[];
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  nonce?: string;
}

export interface PendingCode extends AuthorizationRequest {
  userName: string;
  expiresAt: number;
}

/** Short-lived, single-use values (codes, pending logins): expired ones are dropped as they are met. */
class ExpiringMap<T extends { expiresAt: number }> {
  private readonly map = new Map<string, T>();

  put(value: T): string {
    if (this.map.size >= MAX_PENDING) this.sweep();
    const key = id();
    this.map.set(key, value);
    return key;
  }

  peek(key: string): T | undefined {
    const value = this.map.get(key);
    if (value && value.expiresAt < Date.now()) this.map.delete(key);
    return value && value.expiresAt >= Date.now() ? value : undefined;
  }

  take(key: string): T | undefined {
    const value = this.peek(key);
    this.map.delete(key);
    return value;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [k, v] of this.map) if (v.expiresAt < now) this.map.delete(k);
    if (this.map.size >= MAX_PENDING) this.map.delete(this.map.keys().next().value!);
  }
}

export class AuthorizationCodes {
  private readonly codes = new ExpiringMap<PendingCode>();

  issue(request: AuthorizationRequest, userName: string): string {
    return this.codes.put({ ...request, userName, expiresAt: Date.now() + TTL_MS });
  }

  /** Single use: a second redeem of the same code finds nothing. */
  redeem(code: string): PendingCode | undefined {
    return this.codes.take(code);
  }
}

export interface LoginReply {
  status: number;
  headers: Record<string, string | string[]>;
  body?: string;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|[a-z0-9-]+\.localhost)$/i;

export function isLoopbackUrl(value: string): boolean {
  const url = URL.parse(value);
  return (
    url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.test(url.hostname)
  );
}

/** The first C0 control or DEL: the URL parser drops CR, LF and tabs silently, so the target would not be the one asked for. */
function firstControl(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return i;
  }
  return -1;
}

/**
 * A redirect target given in a query parameter must be a URL a header can carry: the `Location` is
 * built from the parsed URL (`href` is ASCII: other characters percent-encoded, IDNs in punycode),
 * and a value with control characters is refused before anything else looks at it.
 */
function controlCharacterError(parameter: string, value: string): LoginReply | undefined {
  const at = firstControl(value);
  if (at < 0) return undefined;
  const code = value.charCodeAt(at).toString(16).padStart(2, '0').toUpperCase();
  return page(
    400,
    errorPage(
      `The ${parameter} parameter contains a control character (0x${code} at position ${at + 1}); a redirect target must be a plain URL.`,
    ),
  );
}

export class LoginFlow {
  private readonly pending = new ExpiringMap<AuthorizationRequest & { expiresAt: number }>();
  private readonly sessions = new ExpiringMap<{ userName: string; expiresAt: number }>();

  constructor(
    private readonly env: {
      workspace(): Workspace;
      clients(): ClientRegistry;
      codes: AuthorizationCodes;
      cookieName(): string;
    },
  ) {}

  /** GET /oauth/authorize */
  authorize(query: URLSearchParams, cookieHeader: string | undefined): LoginReply {
    const clientId = query.get('client_id') ?? '';
    if (!this.env.clients().get(clientId)) return page(400, errorPage(`Unknown client_id "${clientId}".`));
    const redirectUri = query.get('redirect_uri') ?? undefined;
    const invalid =
      redirectUri === undefined ? undefined : controlCharacterError('redirect_uri', redirectUri);
    if (invalid) return invalid;
    if (redirectUri !== undefined && !isLoopbackUrl(redirectUri)) {
      return page(
        400,
        errorPage(
          `redirect_uri ${redirectUri} is not a loopback URL (localhost, 127.0.0.1, [::1]); the emulator sends codes only there.`,
        ),
      );
    }
    const request = authorizationRequest(query, clientId, redirectUri);
    if (query.get('response_type') !== 'code')
      return redirectWithError(request, 'unsupported_response_type', 'only response_type=code is supported');
    if (request.codeChallenge && request.codeChallengeMethod === undefined) {
      return redirectWithError(request, 'invalid_request', 'code_challenge_method must be S256 or plain');
    }
    const ws = this.env.workspace();
    const session = this.session(cookieHeader);
    const autoUser = ws.xsuaa.autoLogin;
    if (autoUser ?? session) return this.complete(request, (autoUser ?? session)!);
    const pendingId = this.pending.put({ ...request, expiresAt: Date.now() + TTL_MS });
    return page(200, loginPage(ws, clientId, pendingId), request.redirectUri);
  }

  /** POST /login.do */
  login(form: URLSearchParams): LoginReply {
    const pendingId = form.get('auth_request') ?? '';
    const request = this.pending.peek(pendingId);
    if (!request)
      return page(
        400,
        errorPage('This login page has expired. Go back to the application and sign in again.'),
      );
    const ws = this.env.workspace();
    const user = ws.xsuaa.users.find((u) => u.name === form.get('username'));
    if (!user || user.password !== form.get('password')) {
      return page(
        401,
        loginPage(ws, request.clientId, pendingId, 'Wrong user name or password.'),
        request.redirectUri,
      );
    }
    this.pending.take(pendingId);
    const sessionId = this.sessions.put({ userName: user.name, expiresAt: Date.now() + 8 * 3600_000 });
    const reply = this.complete(request, user.name);
    reply.headers['Set-Cookie'] = `${this.env.cookieName()}=${sessionId}; HttpOnly; SameSite=Lax; Path=/`;
    return reply;
  }

  /** GET /logout.do?redirect=… */
  logout(query: URLSearchParams, cookieHeader: string | undefined): LoginReply {
    const sessionId = readCookie(cookieHeader, this.env.cookieName());
    if (sessionId) this.sessions.take(sessionId);
    const clear = `${this.env.cookieName()}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`;
    const parameter = query.has('redirect') ? 'redirect' : 'post_logout_redirect_uri';
    const target = query.get(parameter);
    const invalid = target === null ? undefined : controlCharacterError(parameter, target);
    const reply =
      invalid ??
      (target && isLoopbackUrl(target)
        ? { status: 302, headers: { Location: new URL(target).href } }
        : page(200, shell('Signed out', '<p>You are signed out of the emulated XSUAA.</p>')));
    // Signed out either way: the session is gone already.
    reply.headers['Set-Cookie'] = clear;
    return reply;
  }

  private session(cookieHeader: string | undefined): string | undefined {
    const sessionId = readCookie(cookieHeader, this.env.cookieName());
    const userName = sessionId ? this.sessions.peek(sessionId)?.userName : undefined;
    return userName && this.env.workspace().xsuaa.users.some((u) => u.name === userName)
      ? userName
      : undefined;
  }

  private complete(request: AuthorizationRequest, userName: string): LoginReply {
    const code = this.env.codes.issue(request, userName);
    if (!request.redirectUri)
      return page(200, shell('Signed in', `<p>Authorization code: <code>${escapeHtml(code)}</code></p>`));
    const target = new URL(request.redirectUri);
    target.searchParams.set('code', code);
    if (request.state !== undefined) target.searchParams.set('state', request.state);
    return { status: 302, headers: { Location: target.toString(), 'Cache-Control': 'no-store' } };
  }
}

function authorizationRequest(
  query: URLSearchParams,
  clientId: string,
  redirectUri: string | undefined,
): AuthorizationRequest {
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  const scope = query.get('scope');
  return {
    clientId,
    ...(redirectUri === undefined ? {} : { redirectUri }),
    ...(query.get('state') === null ? {} : { state: query.get('state')! }),
    ...(scope ? { scopes: scope.split(/[\s,]+/).filter(Boolean) } : {}),
    ...(challenge === undefined ? {} : { codeChallenge: challenge }),
    ...(method === 'S256' || method === 'plain' ? { codeChallengeMethod: method } : {}),
    ...(query.get('nonce') === null ? {} : { nonce: query.get('nonce')! }),
  };
}

function redirectWithError(request: AuthorizationRequest, error: string, description: string): LoginReply {
  if (!request.redirectUri) return page(400, errorPage(`${error}: ${description}`));
  const target = new URL(request.redirectUri);
  target.searchParams.set('error', error);
  target.searchParams.set('error_description', description);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  return { status: 302, headers: { Location: target.toString() } };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, html: string, redirectUri?: string): LoginReply {
  // Chromium applies form-action to the redirect after the POST, so the app's origin must be allowed.
  const formAction = redirectUri ? `'self' ${new URL(redirectUri).origin}` : "'self'";
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    },
    body: html,
  };
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;background:#f4f6f9;color:#1d2d3e;margin:0}
main{max-width:560px;margin:48px auto;background:#fff;border-radius:10px;box-shadow:0 2px 12px #0002;padding:28px 32px}
h1{font-size:20px;margin:0 0 4px}.sub{color:#556b82;margin:0 0 20px}.err{background:#ffeaea;color:#aa0808;padding:8px 12px;border-radius:6px}
.user{display:flex;gap:12px;align-items:center;border:1px solid #d9e1ea;border-radius:8px;padding:10px 12px;margin:8px 0}
.user .who{flex:1}.user small{color:#556b82;display:block}input{padding:6px 8px;border:1px solid #b8c5d3;border-radius:5px}
button{background:#0a6ed1;color:#fff;border:0;border-radius:5px;padding:7px 14px;cursor:pointer}details{margin-top:18px}`;

function shell(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · btp-emulator XSUAA</title><meta name="viewport" content="width=device-width"><style>${STYLE}</style></head><body><main>${content}</main></body></html>`;
}

function errorPage(message: string): string {
  return shell(
    'Sign-in error',
    `<h1>Cannot sign in</h1><p class="err" role="alert">${escapeHtml(message)}</p>`,
  );
}

function userForm(user: WorkspaceUser, pendingId: string): string {
  const label = `${user.givenName} ${user.familyName}`.trim() || user.name;
  return `<form class="user" method="post" action="/login.do" aria-label="Sign in as ${escapeHtml(user.name)}">
<input type="hidden" name="auth_request" value="${escapeHtml(pendingId)}"><input type="hidden" name="username" value="${escapeHtml(user.name)}">
<span class="who"><strong>${escapeHtml(label)}</strong> (${escapeHtml(user.name)})<small>${escapeHtml(user.email)} · ${escapeHtml(user.roleCollections.join(', ') || 'no role collections')}</small></span>
<input type="password" name="password" aria-label="Password for ${escapeHtml(user.name)}" placeholder="password" required>
<button type="submit">Sign in</button></form>`;
}

function loginPage(ws: Workspace, clientId: string, pendingId: string, error?: string): string {
  const users = ws.xsuaa.users.map((u) => userForm(u, pendingId)).join('\n');
  return shell(
    'Sign in',
    `<h1>Sign in</h1><p class="sub">Emulated XSUAA of subaccount <strong>${escapeHtml(ws.name)}</strong> for client <code>${escapeHtml(clientId)}</code></p>
${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
${users || '<p>The workspace has no users: add some under xsuaa.users.</p>'}
<details><summary>Another user name</summary><form method="post" action="/login.do">
<input type="hidden" name="auth_request" value="${escapeHtml(pendingId)}">
<p><label>User name <input name="username" autocomplete="username" required></label></p>
<p><label>Password <input type="password" name="password" autocomplete="current-password" required></label></p>
<button type="submit">Sign in</button></form></details>`,
  );
}
