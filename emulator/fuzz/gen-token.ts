// Token endpoint requests: every grant the emulated XSUAA knows, valid to start with, then mutated
// parameter by parameter (names, values, duplicates, huge values), in their encoding (form, raw UTF-8,
// everything percent-encoded, JSON), their content type, framing, client authentication and path.
import { enc, huge, maybeOddTarget, mutateString, mutateStringN, NASTY, percentAll } from './mutate.js';
import type { Rng } from './rng.js';
import type { RequestSpec } from './wire.js';

export interface TokenContext {
  host: string;
  clients: { id: string; secret: string }[];
  userToken: string;
  refreshToken: string;
  zid: string;
}

type Params = [string, string][];

const GRANTS = [
  'client_credentials',
  'password',
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
  'refresh_token',
  'authorization_code',
  'user_token',
] as const;

function grantParams(rng: Rng, grant: string, ctx: TokenContext): { params: Params; bearer?: string } {
  const params: Params = [['grant_type', grant]];
  switch (grant) {
    case 'password':
      params.push(
        ['username', rng.pick(['alice', 'bob', 'nobody'])],
        ['password', rng.pick(['alice', 'bob', 'x'])],
      );
      break;
    case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
      params.push(['assertion', ctx.userToken]);
      break;
    case 'refresh_token':
      params.push(['refresh_token', ctx.refreshToken]);
      break;
    case 'authorization_code':
      params.push(
        ['code', rng.string(32, 'abcdefghijklmnopqrstuvwxyz0123456789-_')],
        ['redirect_uri', 'http://localhost:5000/cb'],
      );
      if (rng.chance(0.5)) params.push(['code_verifier', rng.string(43, 'abcdefghijklmnopqrstuvwxyz')]);
      break;
    case 'user_token':
      return { params, bearer: ctx.userToken };
  }
  if (rng.chance(0.3))
    params.push(['scope', rng.pick(['openid', 'demo.Display', 'demo.Display demo.Edit', 'uaa.user,openid'])]);
  return { params };
}

function mutateParams(rng: Rng, params: Params): Params {
  const out: Params = params.map(([k, v]) => [k, v]);
  if (out.length === 0) return [['grant_type', rng.pick(GRANTS)]];
  const i = rng.int(out.length);
  switch (rng.int(7)) {
    case 0:
      out[i]![1] = mutateStringN(rng, out[i]![1]);
      break;
    case 1:
      out[i]![0] = mutateString(rng, out[i]![0]);
      break;
    case 2:
      out.splice(i, 1);
      break;
    case 3:
      out.push([out[i]![0], mutateString(rng, out[i]![1])]);
      break;
    case 4:
      out.push([rng.pick(['scope', 'client_id', 'x', 'response_type', 'login_hint', '']), rng.pick(NASTY)]);
      break;
    case 5:
      out[i]![1] = huge(rng);
      break;
    default:
      out.splice(0, out.length, [
        rng.pick(['grant_type', 'GRANT_TYPE']),
        mutateString(rng, rng.pick(GRANTS)),
      ]);
  }
  return out;
}

function encodeForm(rng: Rng, params: Params): { body: string; type: string | null } {
  const style = rng.weighted([
    [6, 'form'],
    [1, 'raw'],
    [1, 'percent'],
    [1, 'json'],
  ] as const);
  const type = rng.weighted<string | null>([
    [8, style === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'],
    [1, 'application/x-www-form-urlencoded; charset=ISO-8859-1'],
    [1, null],
    [1, mutateString(rng, 'application/x-www-form-urlencoded')],
    [
      1,
      rng.pick([
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/json',
        'APPLICATION/X-WWW-FORM-URLENCODED',
      ]),
    ],
  ]);
  if (style === 'json') return { body: JSON.stringify(Object.fromEntries(params)), type };
  const encode =
    style === 'form' ? enc : style === 'percent' ? (s: string) => percentAll(s) : (s: string) => s;
  return { body: params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'), type };
}

function basicHeader(rng: Rng, client: { id: string; secret: string }): string {
  const plain = `${client.id}:${client.secret}`;
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  return rng.weighted([
    [6, `Basic ${b64(plain)}`],
    [1, `Basic ${b64(`${enc(client.id)}:${enc(client.secret)}`)}`],
    [1, `Basic ${b64(mutateStringN(rng, plain))}`],
    [1, `Basic ${mutateString(rng, b64(plain))}`],
    [1, `Basic ${b64(client.id)}`],
    [
      1,
      rng.pick([
        'Basic',
        'Basic ',
        'Basic ===',
        'basic x',
        `Basic ${b64('%zz:%')}`,
        `Basic ${b64('\u0100:\0')}`,
      ]),
    ],
  ]);
}

export function tokenRequest(rng: Rng, ctx: TokenContext): RequestSpec {
  const grant = rng.chance(0.9) ? rng.pick(GRANTS) : mutateString(rng, 'client_credentials');
  const client = rng.pick(ctx.clients);
  const { params, bearer } = grantParams(rng, grant, ctx);
  const headers: [string, string][] = [['Host', ctx.host]];
  if (rng.chance(0.4)) headers.push(['Authorization', basicHeader(rng, client)]);
  else params.push(['client_id', client.id], ['client_secret', client.secret]);
  if (bearer)
    headers.push([
      'Authorization',
      rng.chance(0.8) ? `Bearer ${bearer}` : `Bearer ${mutateString(rng, bearer)}`,
    ]);
  let mutated = params;
  for (
    let n = rng.weighted([
      [2, 0],
      [5, 1],
      [2, 2],
      [1, 4],
    ]);
    n > 0;
    n--
  )
    mutated = mutateParams(rng, mutated);
  const { body, type } = encodeForm(rng, mutated);
  if (type !== null) headers.push(['Content-Type', type]);
  if (rng.chance(0.1)) headers.push(['X-Zid', rng.chance(0.5) ? ctx.zid : mutateString(rng, ctx.zid)]);
  if (rng.chance(0.05)) headers.push(['Accept', mutateString(rng, 'application/json')]);
  return maybeOddTarget(rng, {
    method: rng.chance(0.95) ? 'POST' : rng.pick(['GET', 'PUT', 'HEAD', 'OPTIONS', 'post']),
    target: rng.chance(0.9) ? '/oauth/token' : mutateString(rng, '/oauth/token'),
    headers,
    body,
    framing: rng.chance(0.15) ? 'chunked' : 'length',
  });
}

/** The other XSUAA routes: keys, discovery, userinfo with good and bad bearer tokens. */
export function xsuaaMiscRequest(rng: Rng, ctx: TokenContext): RequestSpec {
  const path = rng.pick([
    '/token_keys',
    '/.well-known/openid-configuration',
    '/userinfo',
    '/userinfo',
    '/oauth/token',
  ]);
  const headers: [string, string][] = [['Host', ctx.host]];
  if (path === '/userinfo' || rng.chance(0.2))
    headers.push([
      'Authorization',
      rng.chance(0.3) ? `Bearer ${ctx.userToken}` : `Bearer ${mutateStringN(rng, ctx.userToken)}`,
    ]);
  return maybeOddTarget(
    rng,
    {
      method: rng.pick(['GET', 'GET', 'HEAD', 'DELETE']),
      target: rng.chance(0.7)
        ? path
        : `${mutateString(rng, path)}${rng.chance(0.5) ? `?${mutateString(rng, 'a=b')}` : ''}`,
      headers,
    },
    0.2,
  );
}
