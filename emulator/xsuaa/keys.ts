// XSUAA signing keys, persisted in <data>/xsuaa/keys.json (0600) so tokens survive a restart.
// Rotation makes a new current key; an old key stays in the JWKS until every token it signed has expired.
import type { webcrypto } from 'node:crypto';
import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, importPKCS8, type JWK } from 'jose';

interface StoredKey {
  kid: string;
  privatePem: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface SigningKey {
  kid: string;
  privateKey: webcrypto.CryptoKey;
  publicKey: KeyObject;
}

export interface KeyInfo {
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  current: boolean;
  /** When an old key leaves the JWKS; null for keys still in use. */
  removedAt: string | null;
}

export class SigningKeys {
  private readonly loaded = new Map<string, SigningKey>();

  private constructor(
    private readonly file: string,
    private stored: StoredKey[],
    /** How long a retired key must stay published: the longest token lifetime. */
    private readonly graceMs: () => number,
  ) {}

  static async open(dataDir: string, graceMs: () => number): Promise<SigningKeys> {
    const dir = path.join(dataDir, 'xsuaa');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, 'keys.json');
    let stored: StoredKey[] = [];
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey[];
    } catch {
      // first start
    }
    const keys = new SigningKeys(file, stored, graceMs);
    if (!stored.some((k) => k.retiredAt === null)) await keys.rotate();
    await Promise.all(keys.stored.map((k) => keys.load(k)));
    return keys;
  }

  private async load(k: StoredKey): Promise<SigningKey> {
    const known = this.loaded.get(k.kid);
    if (known) return known;
    const key: SigningKey = {
      kid: k.kid,
      privateKey: await importPKCS8(k.privatePem, 'RS256', { extractable: false }),
      publicKey: createPublicKey(k.privatePem),
    };
    this.loaded.set(k.kid, key);
    return key;
  }

  current(): SigningKey {
    const k = this.stored.find((s) => s.retiredAt === null);
    const key = k && this.loaded.get(k.kid);
    if (!key) throw new Error('no current signing key');
    return key;
  }

  /** Keys still published: the current one and retired ones whose tokens may still be valid. */
  published(now = Date.now()): SigningKey[] {
    return this.stored
      .filter((k) => k.retiredAt === null || Date.parse(k.retiredAt) + this.graceMs() > now)
      .map((k) => this.loaded.get(k.kid))
      .filter((k): k is SigningKey => k !== undefined);
  }

  publicKey(kid: string, now = Date.now()): KeyObject | undefined {
    return this.published(now).find((k) => k.kid === kid)?.publicKey;
  }

  jwks(now = Date.now()): { keys: (JWK & { value: string })[] } {
    return {
      keys: this.published(now).map((k) => ({
        ...(k.publicKey.export({ format: 'jwk' }) as JWK),
        kid: k.kid,
        alg: 'RS256',
        use: 'sig',
        value: k.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      })),
    };
  }

  info(now = Date.now()): KeyInfo[] {
    return this.stored
      .map((k) => ({
        kid: k.kid,
        createdAt: k.createdAt,
        retiredAt: k.retiredAt,
        current: k.retiredAt === null,
        removedAt:
          k.retiredAt === null ? null : new Date(Date.parse(k.retiredAt) + this.graceMs()).toISOString(),
      }))
      .filter((k) => k.removedAt === null || Date.parse(k.removedAt) > now);
  }

  /** A new current key; the previous one is retired but stays published for the grace period. */
  async rotate(now = new Date()): Promise<string> {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const thumbprint = await calculateJwkThumbprint(createPublicKey(privateKey).export({ format: 'jwk' }));
    const kid = `key-${thumbprint.slice(0, 16)}`;
    const graceCutoff = now.getTime() - this.graceMs();
    this.stored = [
      ...this.stored
        .map((k) => (k.retiredAt === null ? { ...k, retiredAt: now.toISOString() } : k))
        .filter((k) => k.retiredAt === null || Date.parse(k.retiredAt) > graceCutoff),
      { kid, privatePem, createdAt: now.toISOString(), retiredAt: null },
    ];
    await this.save();
    await this.load(this.stored.at(-1)!);
    return kid;
  }

  private async save(): Promise<void> {
    const temp = `${this.file}.tmp`;
    await writeFile(temp, `${JSON.stringify(this.stored, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.file);
  }
}
