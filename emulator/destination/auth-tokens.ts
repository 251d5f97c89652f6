// `authTokens` of a find-destination answer, per authentication type (sap-contract §3). A token fetch that
// fails becomes an entry with `error`, as BTP reports it, never an HTTP error of the find call.
import type { Destination } from '../../app/workspace/schema.js';
import type { TokenClient, TokenGrant, TokenResult } from './token-client.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface AuthToken {
  type: string;
  value: string;
  http_header?: { key: string; value: string };
  expires_in?: string;
  scope?: string;
  error?: string;
}

/** The user token a user-dependent flow exchanges: X-user-token, else the caller's own user token. */
export interface TokenContext {
  userToken: string | null;
}

const text = (d: Destination, key: string): string => d[key] ?? '';

function basic(d: Destination): AuthToken {
  const value = Buffer.from(`${text(d, 'User')}:${text(d, 'Password')}`, 'utf8').toString('base64');
  return { type: 'Basic', value, http_header: { key: 'Authorization', value: `Basic ${value}` } };
}

/** client_id/client_secret in the form; tokenServiceUser/Password, when given, as HTTP Basic instead. */
function grant(d: Destination, form: Record<string, string>): TokenGrant {
  const user = d.tokenServiceUser;
  const clientForm: Record<string, string> = user
    ? {}
    : { client_id: text(d, 'clientId'), client_secret: text(d, 'clientSecret') };
  return {
    url: text(d, 'tokenServiceURL'),
    form: { ...form, ...clientForm },
    ...(user ? { basic: { user, password: text(d, 'tokenServicePassword') } } : {}),
  };
}

function scopeForm(d: Destination): Record<string, string> {
  return d.scope ? { scope: d.scope } : {};
}

function toAuthToken(result: TokenResult): AuthToken {
  if (!result.ok) return { type: '', value: '', error: result.error, expires_in: '0' };
  const { token } = result;
  // BTP capitalises the scheme in the header whatever case the token service used.
  const scheme = token.token_type.toLowerCase() === 'bearer' ? 'Bearer' : token.token_type;
  return {
    type: token.token_type,
    value: token.access_token,
    http_header: { key: 'Authorization', value: `${scheme} ${token.access_token}` },
    ...(token.expires_in === undefined ? {} : { expires_in: String(token.expires_in) }),
    ...(token.scope === undefined ? {} : { scope: token.scope }),
  };
}

function userTokenMissing(auth: string): AuthToken {
  return {
    type: '',
    value: '',
    expires_in: '0',
    error: `${auth} needs a user: send the user's JWT in X-user-token, or call with a destination-service token exchanged from it (jwt-bearer).`,
  };
}

/** Undefined: the answer has no authTokens at all (NoAuthentication, PrincipalPropagation, client certificates). */
export async function authTokensFor(
  d: Destination,
  ctx: TokenContext,
  client: TokenClient,
): Promise<AuthToken[] | undefined> {
  const auth = d.Authentication;
  switch (auth) {
    case 'BasicAuthentication':
      return [basic(d)];
    case 'OAuth2ClientCredentials':
      return [
        toAuthToken(await client.fetch(grant(d, { grant_type: 'client_credentials', ...scopeForm(d) }))),
      ];
    case 'OAuth2Password':
      return [
        toAuthToken(
          await client.fetch(
            grant(d, {
              grant_type: 'password',
              username: text(d, 'User'),
              password: text(d, 'Password'),
              ...scopeForm(d),
            }),
          ),
        ),
      ];
    case 'OAuth2UserTokenExchange':
    case 'OAuth2JWTBearer':
      if (ctx.userToken === null) return [userTokenMissing(auth)];
      return [
        toAuthToken(
          await client.fetch(grant(d, { grant_type: JWT_BEARER, assertion: ctx.userToken, ...scopeForm(d) })),
        ),
      ];
    default:
      return undefined;
  }
}
