import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import { ensureTls } from './ca.js';
import {
  issueUserCertificate,
  readClientCertificate,
  subjectFromPattern,
  USER_CERT_VALIDITY_MS,
} from './client-cert.js';

describe('principal propagation certificates', () => {
  it('fills the subject pattern from the token and escapes values', () => {
    const claims = {
      user_name: 'alice',
      email: 'alice@example.com',
      given_name: 'Alice',
      family_name: 'Anders',
    };
    expect(subjectFromPattern('CN=${name}', claims)).toBe('CN=alice');
    expect(subjectFromPattern('CN=${email}, O=Acme', claims)).toBe('CN=alice@example.com, O=Acme');
    expect(subjectFromPattern('CN=${name}', { user_name: 'evil, O=Admins' })).toBe('CN=evil\\, O\\=Admins');
  });

  it('issues a short-lived certificate that systems accept, and refuses foreign, expired or garbage ones', async () => {
    const tls = await ensureTls(await tempDir());
    const cert = await issueUserCertificate(tls, 'CN=alice');
    expect(cert.headerValue).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(await readClientCertificate(cert.headerValue, tls.caCertPem)).toMatchObject({
      ok: true,
      commonName: 'alice',
    });
    expect((await readClientCertificate(cert.certPem, tls.caCertPem)).ok).toBe(true); // PEM works too
    const later = new Date(Date.now() + USER_CERT_VALIDITY_MS + 120_000);
    expect(await readClientCertificate(cert.headerValue, tls.caCertPem, later)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not valid now/) as unknown,
    });
    const other = await ensureTls(await tempDir());
    expect(await readClientCertificate(cert.headerValue, other.caCertPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not signed/) as unknown,
    });
    expect((await readClientCertificate('garbage', tls.caCertPem)).ok).toBe(false);
  });
});
