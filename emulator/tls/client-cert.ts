// Principal propagation as a Cloud Connector delivers it to an HTTP backend: a short-lived X.509
// certificate for the user, signed by the emulator CA, in the SSL_CLIENT_CERT header as base64 DER
// (one line, no PEM armour). The proxy issues it; simulated systems trust only certificates that
// chain to the emulator CA and are within their validity period.
import type * as X509 from '@peculiar/x509';
import { issueCertificate, loadX509, type TlsMaterial } from './ca.js';

export const PRINCIPAL_CERT_HEADER = 'ssl_client_cert';
/** Like the Cloud Connector's default: long enough for one request, short enough to be useless later. */
export const USER_CERT_VALIDITY_MS = 10 * 60_000;

export interface UserCertificate {
  certPem: string;
  /** The SSL_CLIENT_CERT header value. */
  headerValue: string;
  notAfter: Date;
}

/** Fills a subject pattern such as `CN=${name}` or `CN=${email}, O=Acme` from the user's claims. */
export function subjectFromPattern(pattern: string, claims: Record<string, unknown>): string {
  const values: Record<string, unknown> = {
    name: claims.user_name,
    user_name: claims.user_name,
    email: claims.email,
    mail: claims.email,
    given_name: claims.given_name,
    family_name: claims.family_name,
    display_name: [claims.given_name, claims.family_name].filter(Boolean).join(' '),
    user_id: claims.user_id,
  };
  // RFC 4514 escaping so a value cannot add RDNs of its own.
  const escape = (v: string): string =>
    v.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
  return pattern.replace(/\$\{([a-z_]+)\}/g, (_, key: string) => {
    const value = values[key];
    return typeof value === 'string' ? escape(value) : '';
  });
}

export async function issueUserCertificate(
  tls: Pick<TlsMaterial, 'ca'>,
  subject: string,
  now = new Date(),
): Promise<UserCertificate> {
  const issued = await issueCertificate(tls.ca, {
    subject,
    validMs: USER_CERT_VALIDITY_MS,
    client: true,
    now,
  });
  const der = (await loadX509()).PemConverter.decode(issued.certPem)[0]!;
  return {
    certPem: issued.certPem,
    headerValue: Buffer.from(der).toString('base64'),
    notAfter: issued.notAfter,
  };
}

export type ClientCertResult =
  | { ok: true; subject: string; commonName: string | undefined; notAfter: Date }
  | { ok: false; reason: string };

/** Checks an SSL_CLIENT_CERT value: parses (base64 DER or PEM), chains to the CA, is valid now. */
export async function readClientCertificate(
  headerValue: string,
  caCertPem: string,
  now = new Date(),
): Promise<ClientCertResult> {
  const x509 = await loadX509();
  let cert: X509.X509Certificate;
  try {
    const text = decodeURIComponent(headerValue.trim());
    cert = new x509.X509Certificate(text.includes('BEGIN CERTIFICATE') ? text : Buffer.from(text, 'base64'));
  } catch {
    return { ok: false, reason: 'SSL_CLIENT_CERT is not a certificate (expected base64 DER or PEM)' };
  }
  const ca = new x509.X509Certificate(caCertPem);
  if (!(await cert.verify({ publicKey: ca.publicKey, signatureOnly: true }).catch(() => false))) {
    return { ok: false, reason: 'SSL_CLIENT_CERT is not signed by the emulator CA' };
  }
  if (cert.notBefore > now || cert.notAfter < now) {
    return {
      ok: false,
      reason: `SSL_CLIENT_CERT is not valid now (valid ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()})`,
    };
  }
  const commonName = cert.subjectName.getField('CN')[0];
  return { ok: true, subject: cert.subject, commonName, notAfter: cert.notAfter };
}
