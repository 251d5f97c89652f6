// The browser side of the emulated XSUAA: /oauth/authorize, /login.do and /logout.do with their query
// and form parameters mutated, above all redirect targets (loopback URLs carrying CR/LF, NUL, text above
// Latin-1, encodings; foreign hosts dressed up as loopback) and session cookies.
import { enc, huge, maybeOddTarget, mutateString, mutateStringN, NASTY, percentAll } from './mutate.js';
import type { Rng } from './rng.js';
import type { RequestSpec } from './wire.js';

export interface LoginContext {
  host: string;
  clientId: string;
  cookieName: string;
  /** A pending login (auth_request) issued before the run. */
  pendingId: string;
}

const LOOPBACK_BASES = [
  'http://127.0.0.1/',
  'http://127.0.0.1:20010/',
  'http://localhost:5000/cb',
  'https://localhost/',
  'http://[::1]:8080/x',
  'http://app.localhost/',
  'http://127.1.2.3/a/b?c=d',
] as const;

/** Values that must never be followed anywhere but loopback. */
const FOREIGN = [
  'http://evil.example/',
  '//evil.example/',
  'http://127.0.0.1@evil.example/',
  'http://evil.example\\@127.0.0.1/',
  'http://evil.example#@127.0.0.1/',
  'http://localhost.evil.example/',
  'http://127.0.0.1.evil.example/',
  'javascript:alert(1)//127.0.0.1',
  'http:\\\\evil.example',
  'http://0x7f.1/',
  'file:///etc/passwd',
  'data:text/html,x',
] as const;

/** Bytes the URL parser drops or encodes but a header cannot carry: what broke /logout.do. */
const HEADER_BREAKERS = [
  '%C4%80',
  '%0D%0A',
  '%0d%0aSet-Cookie:%20x=1',
  '%00',
  '%E2%80%A8',
  '%F0%9F%98%80',
  '%ff%fe',
  '%7F',
  '%09',
];

/** A redirect value as it stands in the query, already percent-encoded where the fuzz wants it. */
export function redirectValue(rng: Rng): string {
  const base = rng.pick(LOOPBACK_BASES);
  switch (rng.int(7)) {
    case 0:
      return enc(base) + rng.pick(HEADER_BREAKERS);
    case 1:
      return enc(base + rng.pick(['Ā', '\r\n', '\0', '😀', '\u2028', 'é']));
    case 2:
      return enc(rng.pick(FOREIGN));
    case 3:
      return enc(mutateStringN(rng, base));
    case 4:
      return percentAll(base + rng.pick(NASTY));
    case 5:
      return base + rng.pick(HEADER_BREAKERS) + rng.pick(HEADER_BREAKERS);
    default:
      return enc(base);
  }
}

function query(params: [string, string][]): string {
  return params.map(([k, v]) => `${k}=${v}`).join('&');
}

function authorizeQuery(rng: Rng, ctx: LoginContext): [string, string][] {
  const params: [string, string][] = [
    ['client_id', enc(rng.chance(0.85) ? ctx.clientId : mutateString(rng, ctx.clientId))],
    ['response_type', rng.chance(0.85) ? 'code' : enc(mutateString(rng, 'code'))],
  ];
  if (rng.chance(0.8)) params.push(['redirect_uri', redirectValue(rng)]);
  if (rng.chance(0.4)) params.push(['state', enc(mutateStringN(rng, 'xyz'))]);
  if (rng.chance(0.3)) params.push(['scope', enc(mutateString(rng, 'openid demo.Display'))]);
  if (rng.chance(0.3)) {
    params.push(['code_challenge', enc(mutateString(rng, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'))]);
    if (rng.chance(0.7))
      params.push(['code_challenge_method', rng.pick(['S256', 'plain', 'PLAIN', '', '%00'])]);
  }
  if (rng.chance(0.2)) params.push(['nonce', enc(mutateString(rng, 'n-0S6_WzA2Mj'))]);
  if (rng.chance(0.1)) params.push([rng.pick(params)[0], redirectValue(rng)]);
  return params;
}

function cookieHeader(rng: Rng, ctx: LoginContext): [string, string][] {
  if (rng.chance(0.6)) return [];
  const value = rng.chance(0.3) ? huge(rng) : mutateStringN(rng, 'abcdefABCDEF0123456789');
  return [
    [
      'Cookie',
      rng.chance(0.8) ? `${ctx.cookieName}=${value}` : mutateString(rng, `${ctx.cookieName}=x; a=b`),
    ],
  ];
}

function loginRequestInner(rng: Rng, ctx: LoginContext): RequestSpec {
  const headers: [string, string][] = [['Host', ctx.host], ...cookieHeader(rng, ctx)];
  const kind = rng.weighted([
    [4, 'logout'],
    [3, 'authorize'],
    [2, 'login'],
  ] as const);
  if (kind === 'logout') {
    const name = rng.weighted([
      [5, 'redirect'],
      [3, 'post_logout_redirect_uri'],
      [1, mutateString(rng, 'redirect')],
    ]);
    const params: [string, string][] = [[name, redirectValue(rng)]];
    if (rng.chance(0.2)) params.push([rng.pick(['redirect', 'client_id']), redirectValue(rng)]);
    return { method: rng.chance(0.95) ? 'GET' : 'HEAD', target: `/logout.do?${query(params)}`, headers };
  }
  if (kind === 'authorize') {
    const target = `/oauth/authorize?${query(authorizeQuery(rng, ctx))}`;
    return { method: 'GET', target: rng.chance(0.05) ? mutateString(rng, target) : target, headers };
  }
  const form: [string, string][] = [
    ['auth_request', rng.chance(0.7) ? ctx.pendingId : enc(mutateString(rng, ctx.pendingId))],
    ['username', enc(rng.chance(0.6) ? 'alice' : mutateString(rng, 'alice'))],
    ['password', enc(rng.chance(0.3) ? 'alice' : mutateString(rng, 'wrong'))],
  ];
  if (rng.chance(0.2)) form.push(['username', enc(rng.pick(NASTY))]);
  headers.push([
    'Content-Type',
    rng.chance(0.9)
      ? 'application/x-www-form-urlencoded'
      : mutateString(rng, 'application/x-www-form-urlencoded'),
  ]);
  return { method: 'POST', target: '/login.do', headers, body: query(form) };
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|[a-z0-9-]+\.localhost)$/i;

/** A redirect the login flow sends must go to loopback only (or be relative to the XSUAA itself). */
export function foreignRedirect(location: string | undefined): string | null {
  if (location === undefined) return null;
  let url: URL;
  try {
    url = new URL(location, 'http://xsuaa.invalid/');
  } catch {
    return `Location is not a URL: ${JSON.stringify(location.slice(0, 120))}`;
  }
  if (url.host === 'xsuaa.invalid') return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOST.test(url.hostname))
    return null;
  return `redirect to a non-loopback target: ${JSON.stringify(location.slice(0, 120))}`;
}

export function loginRequest(rng: Rng, ctx: LoginContext): RequestSpec {
  return maybeOddTarget(rng, loginRequestInner(rng, ctx));
}
