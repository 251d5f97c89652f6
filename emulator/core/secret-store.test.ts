import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import { SecretStore } from './secret-store.js';

describe('SecretStore', () => {
  it('writes saves asked for together one after the other, the latest values last', async () => {
    const dir = await tempDir();
    const store = await SecretStore.open(dir);
    const saves = ['a', 'b', 'c'].map((key) => {
      store.get(key);
      return store.save();
    });
    // They shared one temporary file before: the second rename found it gone.
    await expect(Promise.all(saves)).resolves.toHaveLength(3);
    const onDisk = JSON.parse(await readFile(path.join(dir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(onDisk).toEqual({ a: store.get('a'), b: store.get('b'), c: store.get('c') });
    expect(await readdir(dir)).toEqual(['secrets.json']);
    expect((await SecretStore.open(dir)).get('b')).toBe(store.get('b'));
  });
});
