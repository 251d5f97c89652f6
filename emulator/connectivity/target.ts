// Parses the request target of a forward-proxy request. Only absolute-form `http://host[:port]/path`
// is a proxy request (sap-contract §4); the result is what access control and forwarding rely on, so
// anything ambiguous (user info, bad ports, any spelling of a dot segment, backslashes) is refused here
// rather than guessed: the path that passes is the path the resource rules see and the backend gets.
import { pathProblem } from './request-path.js';

export interface ProxyTarget {
  /** Lower-case host name or IP literal (IPv6 without brackets). */
  host: string;
  port: number;
  /** Path and query as sent (origin-form for the backend). */
  path: string;
  /** Path without the query: what resources match against. */
  pathname: string;
}

export type TargetResult =
  | { ok: true; target: ProxyTarget }
  | { ok: false; kind: 'https' | 'not-absolute' | 'malformed'; reason: string };

const HOST = /^[A-Za-z0-9]([A-Za-z0-9\-._]*[A-Za-z0-9])?$/;

export function parseProxyTarget(url: string): TargetResult {
  if (url.length > 7 && url.charCodeAt(4) === 58 /* : */ && /^http:\/\//i.test(url)) return parseHttp(url);
  if (/^https:\/\//i.test(url))
    return {
      ok: false,
      kind: 'https',
      reason:
        'HTTPS targets are not proxied: send http:// URLs (the Cloud Connector adds TLS to the backend)',
    };
  return {
    ok: false,
    kind: 'not-absolute',
    reason: `the request target must be an absolute http:// URL (got "${url.slice(0, 80)}")`,
  };
}

function parseHttp(url: string): TargetResult {
  const rest = url.slice(7);
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    // A backslash ends the authority too (WHATWG parsers read it as "/"), so it is refused as part of the path.
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      end = i;
      break;
    }
  }
  const authority = rest.slice(0, end);
  let path = rest.slice(end);
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (path === '' || path.startsWith('?')) path = `/${path}`;
  const hostPort = splitAuthority(authority);
  if (!hostPort) return malformed(`"${authority.slice(0, 80)}" is not a valid host[:port]`);
  const q = path.indexOf('?');
  const pathname = q >= 0 ? path.slice(0, q) : path;
  const problem = pathProblem(pathname);
  if (problem !== null) return malformed(problem);
  return { ok: true, target: { ...hostPort, path, pathname } };
}

function splitAuthority(authority: string): { host: string; port: number } | undefined {
  if (authority.includes('@')) return undefined;
  let host: string;
  let portText: string;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return undefined;
    host = authority.slice(1, close);
    if (!/^[0-9A-Fa-f:.]+$/.test(host)) return undefined;
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return undefined;
    portText = after.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon >= 0 ? authority.slice(0, colon) : authority;
    portText = colon >= 0 ? authority.slice(colon + 1) : '';
    if (!HOST.test(host)) return undefined;
  }
  const port = portText === '' ? 80 : /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) return undefined;
  return { host: host.toLowerCase(), port };
}

const malformed = (reason: string): TargetResult => ({ ok: false, kind: 'malformed', reason });
