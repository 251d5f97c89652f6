// Who may use the proxy: trusts only JWTs the emulator's own XSUAA signed (checked by the issuer),
// meant for the connectivity binding, and not expired. Verified tokens are cached by their exact text
// until they expire, because an RSA verification per request would dominate the proxy's cost.
import type { VerifyOptions, VerifyResult } from '../xsuaa/issuer.js';

export interface UserPrincipal {
  name: string;
  claims: Record<string, unknown>;
}

export type CredentialResult =
  { ok: true; client: string | null; user: UserPrincipal | null } | { ok: false; reason: string };

interface Entry {
  result: CredentialResult;
  /** ms epoch after which the entry must not be used. */
  until: number;
}

type Verify = (token: string, options: VerifyOptions) => VerifyResult;

const MAX_ENTRIES = 10_000;
/** Rejections are cached briefly: a client retrying a bad token should not cost an RSA verify each time. */
const NEGATIVE_TTL_MS = 5_000;
const LEEWAY_S = 60;

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  /** Clients reuse one token for many requests: an equality check is cheaper than hashing it again. */
  private lastToken = '';
  private lastEntry: Entry | undefined;

  constructor(
    private readonly verify: Verify,
    /** Audience the token must carry; undefined: any client of the emulator's XSUAA. */
    private readonly audience: () => VerifyOptions['audience'],
    private readonly requireUser: boolean,
  ) {}

  check(token: string, now = Date.now()): CredentialResult {
    const last = this.lastEntry;
    if (last !== undefined && last.until > now && token === this.lastToken) return last.result;
    let entry = this.entries.get(token);
    if (entry === undefined || entry.until <= now) {
      entry = this.evaluate(token, now);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(token, entry);
    }
    this.lastToken = token;
    this.lastEntry = entry;
    return entry.result;
  }

  clear(): void {
    this.entries.clear();
    this.lastEntry = undefined;
  }

  private evaluate(token: string, now: number): Entry {
    const audience = this.audience();
    const verified = this.verify(token, audience === undefined ? { now } : { audience, now });
    if (!verified.valid || !verified.claims)
      return {
        result: { ok: false, reason: verified.problems.map((p) => p.message).join('; ') },
        until: now + NEGATIVE_TTL_MS,
      };
    const claims = verified.claims;
    const user = typeof claims.user_name === 'string' ? { name: claims.user_name, claims } : null;
    if (this.requireUser && !user)
      return {
        result: { ok: false, reason: 'the token carries no user (user_name)' },
        until: now + NEGATIVE_TTL_MS,
      };
    const exp = typeof claims.exp === 'number' ? claims.exp : 0;
    const client = typeof claims.cid === 'string' ? claims.cid : null;
    return { result: { ok: true, client, user }, until: (exp + LEEWAY_S) * 1000 };
  }
}

/** `Bearer <jwt>` or `Basic base64("<jwt>:")` (docs); anything else is no credential. */
export function tokenFromProxyAuthorization(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header.length > 7 && (header.startsWith('Bearer ') || /^bearer /i.test(header)))
    return header.slice(7).trim();
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const token = colon >= 0 ? decoded.slice(0, colon) : decoded;
    return token.length > 0 ? token : undefined;
  }
  return undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || !/^bearer /i.test(header)) return undefined;
  const token = header.slice(7).trim();
  return token.length > 0 ? token : undefined;
}
