import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import { isAtomicTemp, writeFileAtomic } from './atomic-file.js';

describe('writeFileAtomic', () => {
  it('replaces the file whole with the mode asked for, and writers at once each leave a whole file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'keys.json');
    const bodies = Array.from({ length: 8 }, (_, i) => String(i).repeat(50_000));
    await Promise.all(bodies.map((body) => writeFileAtomic(file, body, 0o600)));
    expect(bodies).toContain(await readFile(file, 'utf8'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['keys.json']);
  });

  it('leaves no temporary file behind when the rename fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'taken');
    await mkdir(path.join(target, 'inside'), { recursive: true }); // a non-empty folder: rename fails
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('keeps the mode of the file it replaces: a 0600 file is never readable by others, nor its temporary', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'ws.json');
    await writeFile(file, '{}');
    await chmod(file, 0o600);
    await writeFileAtomic(file, '{"a":1}');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('names its temporary files by one scheme that the start-up sweep recognises exactly', () => {
    expect(isAtomicTemp('.ws.json.0b6f4c2e-1d2a-4e3b-9c4d-5e6f7a8b9c0d.tmp')).toBe(true);
    expect(isAtomicTemp('.ws.json.0b6f4c2e-1d2a-4e3b-9c4d-5e6f7a8b9c0d.tmp', 'ws.json')).toBe(true);
    expect(isAtomicTemp('.ws.json.0b6f4c2e-1d2a-4e3b-9c4d-5e6f7a8b9c0d.tmp', 'other.json')).toBe(false);
    for (const name of [
      'ws.json.tmp',
      '.ws.json.tmp',
      '.ws.json.123.tmp',
      'x.0b6f4c2e-1d2a-4e3b-9c4d-5e6f7a8b9c0d.tmp',
    ])
      expect(isAtomicTemp(name), name).toBe(false);
  });
});
