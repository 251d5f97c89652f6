import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import { writeFileAtomic } from './atomic-file.js';

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
});
