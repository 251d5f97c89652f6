// Who may use the admin API. Trusts only: the per-launch secret (Bearer), sessions created by
// exchanging a one-time UI link, and requests whose Host and Origin are this listener's own loopback
// origin or the configured engine.publicHost (which stops DNS-rebinding and cross-site pages).
// Everything else is refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ADMIN_SESSION_COOKIE } from '../../app/admin-api.js';
import { hostPort } from '../core/addresses.js';

const newSecret = (): string => randomBytes(32).toString('base64url');

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export class AdminAuth {
  readonly adminToken: string;
  private readonly uiTokens = new Set<string>();
  private readonly sessions = new Set<string>();
  private port = 0;

  constructor(
    adminToken?: string,
    /** engine.publicHost: the operator's own name for this engine, so also an allowed Host. */
    private readonly publicHost?: string,
  ) {
    this.adminToken = adminToken ?? newSecret();
  }

  /** Called once the listener knows its port: cookie name and allowed origins depend on it. */
  setPort(port: number): void {
    this.port = port;
  }

  /** Cookies are not port-scoped, so two engines on one machine must not share a cookie name. */
  get cookieName(): string {
    return `${ADMIN_SESSION_COOKIE}_${this.port}`;
  }

  createUiToken(): string {
    const token = newSecret();
    this.uiTokens.add(token);
    return token;
  }

  /** Exchanges a one-time UI token for a new session id; undefined if unknown or already used. */
  redeemUiToken(token: string): string | undefined {
    if (!this.uiTokens.delete(token)) return undefined;
    const session = newSecret();
    this.sessions.add(session);
    return session;
  }

  sessionCookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  isAuthorized(headers: { authorization?: string | undefined; cookie?: string | undefined }): boolean {
    const auth = headers.authorization;
    if (auth?.startsWith('Bearer ') && safeEqual(auth.slice('Bearer '.length).trim(), this.adminToken))
      return true;
    const session = readCookie(headers.cookie, this.cookieName);
    return session !== undefined && this.sessions.has(session);
  }

  /**
   * Host must be our own loopback name or engine.publicHost, and our port (a rebinding attack sends the
   * attacker's host name).
   */
  isAllowedHost(host: string | undefined): boolean {
    if (host === undefined) return false;
    return this.ownHosts().includes(host.toLowerCase());
  }

  /** A present Origin must be our own; absent is fine (curl, same-origin GET). */
  isAllowedOrigin(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    return this.ownHosts().some((h) => origin.toLowerCase() === `http://${h}`);
  }

  private ownHosts(): string[] {
    const own = [`127.0.0.1:${this.port}`, `localhost:${this.port}`, `[::1]:${this.port}`];
    if (this.publicHost !== undefined) own.push(hostPort(this.publicHost, this.port).toLowerCase());
    return own;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
