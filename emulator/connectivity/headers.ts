// What crosses the proxy in each direction: hop-by-hop, proxy and SAP-Connectivity headers never reach
// the backend (nor a client-forged SSL_CLIENT_CERT); backend hop-by-hop headers never reach the client;
// redirect Location headers are mapped back to the virtual host.
import { connectionTokens, type RequestHead, type ResponseHead } from './http1.js';

const DROP_REQUEST = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'proxy-authenticate',
  'te',
  'trailer',
  'upgrade',
  'ssl_client_cert',
]);
const DROP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'upgrade',
]);

export interface ForwardPlan {
  /** Host header for the backend. */
  host: string;
  /** Further headers (X-Forwarded-Host, SSL_CLIENT_CERT), flat. */
  extra: string[];
  replacesForwardedHost: boolean;
  /** Absolute URL prefixes of the backend that redirect Location headers are mapped back from. */
  internalOrigins: string[];
  virtualOrigin: string;
  /** Origin-form path and query for the backend. */
  path: string;
}

/** The request head for the backend (latin1 text, ends with the blank line). */
export function backendRequestHead(head: RequestHead, plan: ForwardPlan, upgrade?: string): string {
  const named = connectionTokens(head.headers.connection);
  let out = `${head.method} ${plan.path} HTTP/${head.version}\r\nHost: ${plan.host}\r\n`;
  const raw = head.raw;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = head.names[i >> 1]!;
    if (DROP_REQUEST.has(lower) || lower.startsWith('sap-connectivity-') || named?.has(lower)) continue;
    // With "host in request header: internal" the proxy's own X-Forwarded-Host must be the only one.
    if (plan.replacesForwardedHost && lower === 'x-forwarded-host') continue;
    out += `${name}: ${raw[i + 1]!}\r\n`;
  }
  for (let i = 0; i < plan.extra.length; i += 2) out += `${plan.extra[i]!}: ${plan.extra[i + 1]!}\r\n`;
  if (upgrade !== undefined) out += `Connection: Upgrade\r\nUpgrade: ${upgrade}\r\n`;
  return `${out}\r\n`;
}

/** The response head for the client, and the header list as sent (for the traffic view). */
export function clientResponseHead(
  head: ResponseHead,
  plan: ForwardPlan,
  close: boolean,
): { text: string; raw: string[] } {
  const named = connectionTokens(head.headers.connection);
  const sent: string[] = [];
  let out = `HTTP/1.1 ${head.status} ${head.reason}\r\n`;
  const raw = head.raw;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = head.names[i >> 1]!;
    if (DROP_RESPONSE.has(lower) || named?.has(lower)) continue;
    const value = lower === 'location' ? mapLocation(raw[i + 1]!, plan) : raw[i + 1]!;
    out += `${name}: ${value}\r\n`;
    sent.push(name, value);
  }
  if (close) {
    out += 'Connection: close\r\n';
    sent.push('Connection', 'close');
  }
  return { text: `${out}\r\n`, raw: sent };
}

function mapLocation(location: string, plan: ForwardPlan): string {
  for (const origin of plan.internalOrigins)
    if (
      location.startsWith(origin) &&
      (location.length === origin.length || '/?#'.includes(location[origin.length]!))
    )
      return plan.virtualOrigin + location.slice(origin.length);
  return location;
}

const CERT_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** Backend failures as the Cloud Connector reports them: unreachable → 502, too slow → 504. */
export function describeBackendError(error: Error, target: string): { status: number; reason: string } {
  const code = String((error as NodeJS.ErrnoException).code ?? '');
  const prefix = 'Backend is not reachable from Cloud Connector';
  switch (code) {
    case 'ECONNREFUSED':
      return { status: 502, reason: `${prefix}: ${target} refused the connection` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { status: 502, reason: `${prefix}: the host of ${target} is not known` };
    case 'CONNECT_TIMEOUT':
      return { status: 504, reason: `${prefix}: ${target} did not accept the connection in time` };
    case 'RESPONSE_TIMEOUT':
      return { status: 504, reason: `The backend ${target} did not answer in time` };
    default:
      if (CERT_ERRORS.test(code))
        return {
          status: 502,
          reason: `${prefix}: the certificate of ${target} is not trusted (${code}); set the mapping's backend trust or use the emulator CA`,
        };
      return { status: 502, reason: `${prefix}: ${target} failed (${code || error.message})` };
  }
}
