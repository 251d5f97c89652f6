// Principal propagation: the user becomes a short-lived X.509 certificate signed by the emulator CA,
// delivered in SSL_CLIENT_CERT like a Cloud Connector does. Issuing is slow (key generation and
// signing), so a certificate is reused per subject for half its validity.
import type { TlsMaterial } from '../tls/ca.js';
import { issueUserCertificate, subjectFromPattern, USER_CERT_VALIDITY_MS } from '../tls/client-cert.js';

const REUSE_MS = USER_CERT_VALIDITY_MS / 2;
const MAX_ENTRIES = 1_000;

interface Entry {
  headerValue: Promise<string>;
  until: number;
}

export class PrincipalCertificates {
  private readonly bySubject = new Map<string, Entry>();

  constructor(private readonly tls: Pick<TlsMaterial, 'ca'>) {}

  subject(pattern: string, claims: Record<string, unknown>): string {
    return subjectFromPattern(pattern, claims);
  }

  /** The SSL_CLIENT_CERT header value for this subject. */
  headerFor(subject: string, now = Date.now()): Promise<string> {
    const hit = this.bySubject.get(subject);
    if (hit && hit.until > now) return hit.headerValue;
    const headerValue = issueUserCertificate(this.tls, subject).then((c) => c.headerValue);
    if (this.bySubject.size >= MAX_ENTRIES) this.bySubject.delete(this.bySubject.keys().next().value!);
    const entry = { headerValue, until: now + REUSE_MS };
    this.bySubject.set(subject, entry);
    // A failed issuance must not stay cached.
    headerValue.catch(() => {
      if (this.bySubject.get(subject) === entry) this.bySubject.delete(subject);
    });
    return headerValue;
  }
}
