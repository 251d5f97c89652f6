// XSUAA signing keys, persisted in <data>/xsuaa/keys.json (0600) so tokens survive a restart.
// Rotation is staged like BTP's: the next key is published at once but signs only after clients have
// had time to refresh their cached JWKS (xssec caches it for 30 minutes and does not refetch on an
// unknown kid). An old key stays published until every token it signed has expired.
import type { webcrypto } from 'node:crypto';
import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-file.js';
import { calculateJwkThumbprint, importPKCS8, type JWK } from 'jose';

interface StoredKey {
  kid: string;
  privatePem: string;
  createdAt: string;
  /** From when the key signs; absent in files of the first version (= createdAt). */
  activatesAt?: string;
}

/** How long a new key is published before it signs: xssec's JWKS cache time plus a minute. */
export const KEY_PROPAGATION_MS = 31 * 60_000;

export interface SigningKey {
  kid: string;
  privateKey: webcrypto.CryptoKey;
  publicKey: KeyObject;
}

export interface KeyInfo {
  kid: string;
  createdAt: string;
  /** From when it signs new tokens. */
  activatesAt: string;
  /** When a newer key took over; null while current or pending. */
  retiredAt: string | null;
  current: boolean;
  /** When an old key leaves the JWKS; null for keys still in use. */
  removedAt: string | null;
}

const activation = (k: StoredKey): number => Date.parse(k.activatesAt ?? k.createdAt);

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
    if (stored.length === 0) await keys.rotate({ immediate: true });
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

  /** Keys by activation time, oldest first, with when each was retired (the next key's activation, once past). */
  private timeline(now: number): { key: StoredKey; activatesAt: number; retiredAt: number | null }[] {
    const sorted = [...this.stored].sort((a, b) => activation(a) - activation(b));
    return sorted.map((key, i) => {
      const next = sorted[i + 1];
      const nextAt = next ? activation(next) : undefined;
      return {
        key,
        activatesAt: activation(key),
        retiredAt: nextAt !== undefined && nextAt <= now ? nextAt : null,
      };
    });
  }

  /** The key that signs now: the newest one already active. */
  current(now = Date.now()): SigningKey {
    const active = this.timeline(now).filter((k) => k.activatesAt <= now);
    const key = active.at(-1) && this.loaded.get(active.at(-1)!.key.kid);
    if (!key) throw new Error('no active signing key');
    return key;
  }

  /** Keys in the JWKS: pending ones, the current one, and retired ones whose tokens may still be valid. */
  published(now = Date.now()): SigningKey[] {
    return this.timeline(now)
      .filter((k) => k.retiredAt === null || k.retiredAt + this.graceMs() > now)
      .map((k) => this.loaded.get(k.key.kid))
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
    const currentKid = this.current(now).kid;
    const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
    return this.timeline(now)
      .filter((k) => k.retiredAt === null || k.retiredAt + this.graceMs() > now)
      .map((k) => ({
        kid: k.key.kid,
        createdAt: k.key.createdAt,
        activatesAt: new Date(k.activatesAt).toISOString(),
        retiredAt: iso(k.retiredAt),
        current: k.key.kid === currentKid,
        removedAt: iso(k.retiredAt === null ? null : k.retiredAt + this.graceMs()),
      }));
  }

  /**
   * Publishes a new key that signs after KEY_PROPAGATION_MS, or at once with `immediate` (running apps
   * that cached the old JWKS then reject new tokens until they refresh). Rotating while a key is still
   * pending keeps that key (activating it now when `immediate`).
   */
  rotate(options: { immediate?: boolean; now?: Date } = {}): Promise<KeyInfo> {
    // One at a time: rotations sent together (two admin calls) would otherwise interleave their
    // reads of the key list and their writes of keys.json.
    const rotation = this.rotations.then(() => this.rotateNow(options));
    this.rotations = rotation.catch(() => undefined);
    return rotation;
  }

  private rotations: Promise<unknown> = Promise.resolve();

  private async rotateNow(options: { immediate?: boolean; now?: Date }): Promise<KeyInfo> {
    const now = options.now ?? new Date();
    const activatesAt = new Date(
      options.immediate ? now.getTime() : now.getTime() + KEY_PROPAGATION_MS,
    ).toISOString();
    const pending = this.stored.find((k) => activation(k) > now.getTime());
    if (pending) {
      if (options.immediate) pending.activatesAt = activatesAt;
    } else {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      const thumbprint = await calculateJwkThumbprint(createPublicKey(privateKey).export({ format: 'jwk' }));
      this.stored.push({
        kid: `key-${thumbprint.slice(0, 16)}`,
        privatePem,
        createdAt: now.toISOString(),
        activatesAt,
      });
      await this.load(this.stored.at(-1)!);
    }
    // Drop keys no token can need any more.
    const keep = new Set(
      this.timeline(now.getTime())
        .filter((k) => k.retiredAt === null || k.retiredAt + this.graceMs() > now.getTime())
        .map((k) => k.key.kid),
    );
    this.stored = this.stored.filter((k) => keep.has(k.kid));
    await this.save();
    const kid = pending?.kid ?? this.stored.at(-1)!.kid;
    return this.info(now.getTime()).find((k) => k.kid === kid)!;
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(this.stored, null, 2)}\n`, 0o600);
  }
}
