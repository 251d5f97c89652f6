// Gateway's CSRF protection: `x-csrf-token: Fetch` issues a token bound to a session cookie; modifying
// requests must send both the cookie and that token, else 403 with `x-csrf-token: Required`.
import { randomBytes } from 'node:crypto';

const MAX_SESSIONS = 10_000;

export class CsrfSessions {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly cookieName: string) {}

  sessionOf(cookieHeader: string | undefined): string | undefined {
    if (!cookieHeader) return undefined;
    for (const part of cookieHeader.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === this.cookieName) return part.slice(eq + 1).trim();
    }
    return undefined;
  }

  /** The session's token (a new session when the cookie is unknown) and the Set-Cookie to send. */
  fetch(cookieHeader: string | undefined): { token: string; setCookie?: string } {
    const session = this.sessionOf(cookieHeader);
    const known = session === undefined ? undefined : this.tokens.get(session);
    if (session && known) return { token: known };
    const id = randomBytes(24).toString('base64url');
    const token = randomBytes(18).toString('base64');
    if (this.tokens.size >= MAX_SESSIONS) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(id, token);
    return { token, setCookie: `${this.cookieName}=${id}; path=/; HttpOnly; SameSite=Lax` };
  }

  valid(cookieHeader: string | undefined, token: string | undefined): boolean {
    const session = this.sessionOf(cookieHeader);
    return session !== undefined && token !== undefined && this.tokens.get(session) === token;
  }

  /** Simulates an expired token: the session must fetch a new one. */
  expire(cookieHeader: string | undefined): void {
    const session = this.sessionOf(cookieHeader);
    if (session) this.tokens.delete(session);
  }
}
