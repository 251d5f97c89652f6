// Who is calling a simulated system. Trusts: Basic credentials only when they match a user of the
// system; SSL_CLIENT_CERT only when it chains to the emulator CA (the Cloud Connector's principal
// propagation, issued by the connectivity proxy). A system without users accepts anonymous calls.
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { SystemConfig } from '../../../app/systems/workspace.js';
import { PRINCIPAL_CERT_HEADER, readClientCertificate } from '../../tls/client-cert.js';

export type AuthResult =
  { ok: true; user: string; via: 'basic' | 'certificate' | 'anonymous' } | { ok: false; reason: string };

export async function authenticate(
  headers: IncomingHttpHeaders,
  system: SystemConfig,
  caCertPem: string,
): Promise<AuthResult> {
  const cert = headers[PRINCIPAL_CERT_HEADER];
  if (typeof cert === 'string' && cert !== '') {
    const result = await readClientCertificate(cert, caCertPem);
    if (!result.ok) return { ok: false, reason: result.reason };
    return { ok: true, user: (result.commonName ?? result.subject).toUpperCase(), via: 'certificate' };
  }
  const authorization = headers.authorization;
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const name = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const user = system.users.find((u) => u.name.toUpperCase() === name.toUpperCase());
    if (user && colon > 0 && same(user.password, password))
      return { ok: true, user: user.name.toUpperCase(), via: 'basic' };
    return { ok: false, reason: 'Logon failed: wrong user name or password' };
  }
  if (system.users.length === 0) return { ok: true, user: 'ANONYMOUS', via: 'anonymous' };
  return { ok: false, reason: 'Logon failed: no credentials (Basic authentication or SSL_CLIENT_CERT)' };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
