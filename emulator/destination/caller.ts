// Who may call the Destination service: only bearers of a token this emulator's XSUAA signed for the
// destination binding's client (xssec's audience rule), unexpired: client credentials or a jwt-bearer
// exchanged user token. Everything else is a 401; the reason names the problem, never the token.
import { REFRESH_AUDIENCE } from '../xsuaa/issuer.js';
import type { XsuaaCore } from '../xsuaa/service.js';

export interface Caller {
  clientId: string;
  /** The user of an exchanged user token; null for client credentials. */
  user: string | null;
  /** The caller's own token when it is a user token (the OAuth2UserTokenExchange default source). */
  userToken: string | null;
}

export type CallerResult = { ok: true; caller: Caller } | { ok: false; reason: string };

export function authenticate(authorization: string | undefined, core: XsuaaCore): CallerResult {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1])
    return { ok: false, reason: 'Missing bearer token: send a token of the destination service binding.' };
  const [client] = core.clients().ofKind('destination');
  if (!client) return { ok: false, reason: 'The workspace has no destination service binding.' };
  const result = core.issuer.verify(match[1], { audience: client });
  if (!result.valid || !result.claims) {
    const why = result.problems.map((p) => p.message).join('; ');
    return { ok: false, reason: `The token is not valid for the destination service binding: ${why}` };
  }
  const claims = result.claims;
  if (Array.isArray(claims.aud) && claims.aud.includes(REFRESH_AUDIENCE))
    return { ok: false, reason: 'A refresh token is not an access token.' };
  const user = typeof claims.user_name === 'string' ? claims.user_name : null;
  return {
    ok: true,
    caller: {
      clientId: typeof claims.cid === 'string' ? claims.cid : client.clientId,
      user,
      userToken: user === null ? null : match[1],
    },
  };
}

/** X-user-token must be a valid token of this emulator too (any audience: the user's app token). */
export function userTokenProblem(token: string, core: XsuaaCore): string | undefined {
  const result = core.issuer.verify(token);
  if (result.valid && typeof result.claims?.user_name === 'string') return undefined;
  if (result.valid) return 'X-user-token is not a user token (it has no user_name).';
  return `X-user-token is not valid: ${result.problems.map((p) => p.message).join('; ')}`;
}
