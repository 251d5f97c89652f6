// Where an admitted request goes and how it is presented: the Host header ("host in request header"
// virtual or internal, with X-Forwarded-Host), and which backend origins redirects are mapped back from.
import type { Admitted } from './admission.js';
import type { ForwardPlan } from './headers.js';
import type { Upstream } from './upstream.js';

export function planForward(
  admission: Admitted,
  upstream: Upstream,
): ForwardPlan & { trust: 'verify' | 'ignore' } {
  const { mapping } = admission;
  const m = mapping.mapping;
  const internalAuthority =
    upstream.port === (upstream.protocol === 'HTTPS' ? 443 : 80) ? upstream.host : upstream.authority;
  const internal = m.hostInHeader === 'internal';
  const scheme = upstream.protocol === 'HTTPS' ? 'https' : 'http';
  return {
    host: internal ? internalAuthority : mapping.virtualAuthority,
    extra: internal ? ['X-Forwarded-Host', mapping.virtualAuthority] : [],
    replacesForwardedHost: internal,
    internalOrigins: [`${scheme}://${upstream.authority}`, `${scheme}://${internalAuthority}`],
    virtualOrigin: `http://${mapping.virtualAuthority}`,
    path: admission.target.path,
    trust: m.backendTrust,
  };
}
