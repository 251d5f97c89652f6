// Generated secrets (client secrets) kept in <data>/secrets.json, mode 0600, so the committable
// workspace never holds them and exported bindings stay valid across restarts.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.js';

export class SecretStore {
  private constructor(
    private readonly file: string,
    private readonly values: Record<string, string>,
  ) {}

  static async open(dataDir: string): Promise<SecretStore> {
    const file = path.join(dataDir, 'secrets.json');
    let values: Record<string, string> = {};
    try {
      values = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    } catch {
      // first start, or an unreadable file that we will replace
    }
    return new SecretStore(file, values);
  }

  /** The secret for `key`, created on first use. Call save() after a batch of gets. */
  get(key: string): string {
    this.values[key] ??= randomBytes(24).toString('base64url');
    return this.values[key];
  }

  /** Writes the secrets; saves asked for together are written one after the other, the last one last. */
  save(): Promise<void> {
    const saved = this.saving.then(() => this.write());
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  private saving: Promise<unknown> = Promise.resolve();

  private write(): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify(this.values, null, 2)}\n`, 0o600);
  }
}
