// The local certificate authority: created on first start in <data>/tls, its key readable only by the
// user (0600). It signs the HTTPS leaf for localhost and engine.publicHost (XSUAA's uaadomain) and the
// short-lived user certificates of principal propagation. Clients trust it through NODE_EXTRA_CA_CERTS.
// Checking what exists uses Node's own X509Certificate; @peculiar/x509 (which makes certificates) is
// loaded only to make one, so a start with a valid CA and leaf never loads it.
import type * as X509 from '@peculiar/x509';
import { X509Certificate as NodeX509Certificate, randomBytes, webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import type { Workspace } from '../../app/workspace/schema.js';

let x509Module: Promise<typeof X509> | undefined;

/** @peculiar/x509, once, with the Reflect metadata polyfill its tsyringe needs loaded first. */
export function loadX509(): Promise<typeof X509> {
  x509Module ??= (async () => {
    await import('reflect-metadata');
    const x509 = await import('@peculiar/x509');
    // @peculiar/x509 is typed against the DOM's Crypto; Node's webcrypto is the same API.
    x509.cryptoProvider.set(webcrypto as never);
    return x509;
  })();
  return x509Module;
}

type CryptoKey = webcrypto.CryptoKey;

const ALG = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;
const DAY = 86_400_000;
export const CA_VALIDITY_DAYS = 3650;
export const LEAF_VALIDITY_DAYS = 397;
/** A leaf closer than this to its end is renewed at start and by the periodic check. */
export const LEAF_RENEW_BEFORE_DAYS = 30;
export const LEAF_SANS: X509.JsonGeneralNames = [
  { type: 'dns', value: 'localhost' },
  { type: 'ip', value: '127.0.0.1' },
  { type: 'ip', value: '::1' },
];

export interface TlsMaterial {
  caCertPath: string;
  caCertPem: string;
  certPem: string;
  keyPem: string;
  leafNotAfter: Date;
  /** Signs certificates for other subjects with the CA (principal propagation). */
  ca: CaKeys;
}

/** The CA as issueCertificate() needs it: its certificate (PEM) and private key. */
export interface CaKeys {
  certPem: string;
  key: CryptoKey;
}

const serial = (): string => `01${randomBytes(15).toString('hex')}`;

async function keyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return (await loadX509()).PemConverter.encode(der, 'PRIVATE KEY');
}

/** The DER inside a PEM block: base64 between the armour lines. */
function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

async function importKey(pem: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', pemBody(pem), ALG, true, ['sign']);
}

async function createCa(now: Date): Promise<{ cert: X509.X509Certificate; key: CryptoKey }> {
  const x509 = await loadX509();
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=btp-emulator local CA ${now.toISOString().slice(0, 10)}, O=btp-emulator`,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, key: keys.privateKey };
}

let parsedCa: { pem: string; cert: X509.X509Certificate } | undefined;

/** Issues a certificate signed by the CA; used for the HTTPS leaf and for user certificates. */
export async function issueCertificate(
  ca: CaKeys,
  options: {
    subject: string;
    validMs: number;
    sans?: X509.JsonGeneralNames;
    client?: boolean;
    now?: Date;
  },
): Promise<{ certPem: string; keyPem: string; notAfter: Date }> {
  const x509 = await loadX509();
  // Principal propagation issues one per request: the CA is parsed once.
  if (parsedCa?.pem !== ca.certPem)
    parsedCa = { pem: ca.certPem, cert: new x509.X509Certificate(ca.certPem) };
  const caCert = parsedCa.cert;
  const now = options.now ?? new Date();
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const notAfter = new Date(now.getTime() + options.validMs);
  const extensions: X509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    new x509.ExtendedKeyUsageExtension([
      options.client ? x509.ExtendedKeyUsage.clientAuth : x509.ExtendedKeyUsage.serverAuth,
    ]),
    await x509.AuthorityKeyIdentifierExtension.create(caCert),
  ];
  if (options.sans) extensions.push(new x509.SubjectAlternativeNameExtension(options.sans));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: options.subject,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    signingKey: ca.key,
    publicKey: keys.publicKey,
    signingAlgorithm: ALG,
    extensions,
  });
  return { certPem: cert.toString('pem'), keyPem: await keyPem(keys.privateKey), notAfter };
}

const files = (dir: string) => ({
  caCert: path.join(dir, 'ca.pem'),
  caKey: path.join(dir, 'ca-key.pem'),
  cert: path.join(dir, 'localhost.pem'),
  key: path.join(dir, 'localhost-key.pem'),
});

const readOptional = (file: string): Promise<string | undefined> =>
  readFile(file, 'utf8').catch(() => undefined);

/** Node prints validTo as `Jan  9 01:28:42 2028 GMT`, which Date parses. */
const notAfterOf = (cert: NodeX509Certificate): Date => new Date(cert.validTo);

async function loadCa(
  f: ReturnType<typeof files>,
  now: Date,
): Promise<CaKeys & { cert: NodeX509Certificate; created: boolean }> {
  const [certPem, keyText] = await Promise.all([readOptional(f.caCert), readOptional(f.caKey)]);
  if (certPem && keyText) {
    const cert = new NodeX509Certificate(certPem);
    if (notAfterOf(cert).getTime() - now.getTime() > LEAF_VALIDITY_DAYS * DAY)
      return { certPem, cert, key: await importKey(keyText), created: false };
  }
  const ca = await createCa(now);
  const pem = ca.cert.toString('pem');
  await writeFile(f.caKey, await keyPem(ca.key), { mode: 0o600 });
  await writeFile(f.caCert, pem, { mode: 0o644 });
  return { certPem: pem, cert: new NodeX509Certificate(pem), key: ca.key, created: true };
}

/**
 * Names the leaf needs besides localhost: the advertised host (engine.publicHost), which is uaadomain,
 * and for multi-tenant clients https://<subdomain>.<uaadomain host>.
 */
export function tlsHosts(ws: Workspace, publicHost?: string): string[] {
  const hosts = publicHost === undefined ? [] : [publicHost];
  if (ws.xsuaa.multiTenant) {
    for (const host of ['localhost', ...hosts])
      if (isIP(host) === 0) hosts.push(`${ws.subaccount.subdomain}.${host}`);
  }
  return hosts;
}

const san = (host: string): X509.JsonGeneralName =>
  isIP(host) === 0 ? { type: 'dns', value: host } : { type: 'ip', value: host };

/** Whether the leaf names this DNS name or IP address itself (no wildcard, not only in the subject). */
function names(leaf: NodeX509Certificate, san: X509.JsonGeneralName): boolean {
  if (san.type === 'ip') return leaf.checkIP(san.value) !== undefined;
  return leaf.checkHost(san.value, { wildcards: false, subject: 'never' }) !== undefined;
}

/**
 * Loads the CA and the localhost leaf from <dataDir>/tls, creating or renewing what is missing, near
 * expiry, or lacking a name in `extraHosts` (host names or IP addresses, see tlsHosts).
 */
export async function ensureTls(
  dataDir: string,
  now = new Date(),
  extraHosts: readonly string[] = [],
): Promise<TlsMaterial> {
  const sans: X509.JsonGeneralNames = [...LEAF_SANS];
  for (const name of extraHosts.map(san))
    if (!sans.some((n) => n.type === name.type && n.value === name.value)) sans.push(name);
  const dir = path.join(dataDir, 'tls');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const f = files(dir);
  const ca = await loadCa(f, now);
  let [certPem, leafKey] = await Promise.all([readOptional(f.cert), readOptional(f.key)]);
  const leaf = certPem === undefined ? undefined : new NodeX509Certificate(certPem);
  let leafNotAfter = leaf ? notAfterOf(leaf) : new Date(0);
  const leafValid =
    leaf !== undefined &&
    leafKey !== undefined &&
    !ca.created &&
    leafNotAfter.getTime() - now.getTime() > LEAF_RENEW_BEFORE_DAYS * DAY &&
    sans.every((n) => names(leaf, n)) &&
    leaf.verify(ca.cert.publicKey);
  if (!leafValid) {
    const leaf = await issueCertificate(ca, {
      subject: 'CN=localhost',
      validMs: LEAF_VALIDITY_DAYS * DAY,
      sans,
      now,
    });
    await writeFile(f.key, leaf.keyPem, { mode: 0o600 });
    await writeFile(f.cert, leaf.certPem, { mode: 0o644 });
    [certPem, leafKey, leafNotAfter] = [leaf.certPem, leaf.keyPem, leaf.notAfter];
  }
  return {
    caCertPath: f.caCert,
    caCertPem: ca.certPem,
    certPem: certPem!,
    keyPem: leafKey!,
    leafNotAfter,
    ca: { certPem: ca.certPem, key: ca.key },
  };
}

export function caCertPath(dataDir: string): string {
  return files(path.join(dataDir, 'tls')).caCert;
}
