import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import { ensureTls, issueCertificate, LEAF_RENEW_BEFORE_DAYS, LEAF_VALIDITY_DAYS } from './ca.js';

const DAY = 86_400_000;

describe('local CA', () => {
  it('creates a CA and a localhost leaf with the right SANs, keys readable by the user only', async () => {
    const dir = await tempDir();
    const tls = await ensureTls(dir);
    expect(tls.caCertPath).toBe(path.join(dir, 'tls', 'ca.pem'));
    expect((await stat(path.join(dir, 'tls', 'ca-key.pem'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'tls', 'localhost-key.pem'))).mode & 0o777).toBe(0o600);
    const ca = new x509.X509Certificate(tls.caCertPem);
    const leaf = new x509.X509Certificate(tls.certPem);
    expect(ca.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(await leaf.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    const sans = leaf.getExtension(x509.SubjectAlternativeNameExtension)!.names.toJSON();
    expect(sans).toEqual([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '::1' },
    ]);
  });

  it('keeps CA and leaf across starts, and renews only the leaf when it nears expiry', async () => {
    const dir = await tempDir();
    const first = await ensureTls(dir);
    const again = await ensureTls(dir);
    expect(again.caCertPem).toBe(first.caCertPem);
    expect(again.certPem).toBe(first.certPem);
    const nearEnd = new Date(Date.now() + (LEAF_VALIDITY_DAYS - LEAF_RENEW_BEFORE_DAYS + 1) * DAY);
    const renewed = await ensureTls(dir, nearEnd);
    expect(renewed.caCertPem).toBe(first.caCertPem);
    expect(renewed.certPem).not.toBe(first.certPem);
    expect(renewed.leafNotAfter.getTime()).toBeGreaterThan(first.leafNotAfter.getTime());
  });

  it('reissues the leaf when it lacks a required name (multi-tenant subdomain)', async () => {
    const dir = await tempDir();
    const first = await ensureTls(dir);
    const tenant = await ensureTls(dir, new Date(), ['demo.localhost']);
    expect(tenant.certPem).not.toBe(first.certPem);
    expect(tenant.caCertPem).toBe(first.caCertPem);
    const names = new x509.X509Certificate(tenant.certPem)
      .getExtension(x509.SubjectAlternativeNameExtension)!
      .names.toJSON();
    expect(names).toContainEqual({ type: 'dns', value: 'demo.localhost' });
    expect((await ensureTls(dir, new Date(), ['demo.localhost'])).certPem).toBe(tenant.certPem);
  });

  it('issues client certificates signed by the CA (principal propagation)', async () => {
    const tls = await ensureTls(await tempDir());
    const issued = await issueCertificate(tls.ca, { subject: 'CN=alice', validMs: 600_000, client: true });
    const cert = new x509.X509Certificate(issued.certPem);
    expect(cert.subject).toBe('CN=alice');
    const ca = new x509.X509Certificate(tls.ca.certPem);
    expect(await cert.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
  });
});
