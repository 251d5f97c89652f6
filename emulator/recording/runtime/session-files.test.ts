// Session files the runtime appends to: its own, imported ones in another layout, and ones a crash cut
// short all continue as valid HARs with their entries in place; writers are shared per session.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../har.js';
import { HarSessionWriter, readHar } from '../har-writer.js';
import { harEntry } from '../session-test-support.js';
import { tempDir } from '../../test/support.js';
import { sessionFile, WriterPool } from './session-files.js';

/** Entry n: its `time` tells the entries apart in the assertions. */
const entry = (n: number): HarEntry =>
  harEntry(`http://real.corp/${n}`, String(n), { mimeType: 'text/plain', extra: { time: n } });

const meta = { creatorVersion: '1', session: { system: 'S4D' } };

describe('appending to a session file', () => {
  it('creates a missing file and continues an existing one at the next index', async () => {
    const file = path.join(await tempDir(), 'a.har');
    const first = await HarSessionWriter.open(file, meta);
    expect(await first.append(entry(0))).toBe(0);
    await first.close();
    const again = await HarSessionWriter.open(file, meta);
    expect(again.entries).toBe(1);
    expect(await Promise.all([again.append(entry(1)), again.append(entry(2))])).toEqual([1, 2]);
    await again.close();
    const { log, repaired } = await readHar(file);
    expect([repaired, log.entries.map((e) => e.time), log._session]).toEqual([
      false,
      [0, 1, 2],
      { system: 'S4D' },
    ]);
  });

  it('rewrites an imported, pretty-printed HAR in place before it appends, keeping its metadata', async () => {
    const file = path.join(await tempDir(), 'imported.har');
    const imported = {
      log: { version: '1.2', creator: { name: 'Playwright', version: '1' }, entries: [entry(0)], pages: [] },
    };
    await writeFile(file, JSON.stringify(imported, null, 2));
    const writer = await HarSessionWriter.open(file, meta);
    expect(await writer.append(entry(1))).toBe(1);
    await writer.close();
    const { log } = await readHar(file);
    expect([log.creator.name, log.pages, log.entries.map((e) => e.time)]).toEqual(['Playwright', [], [0, 1]]);
  });

  it('drops the partial last entry of a file a crash cut short, then appends', async () => {
    const file = path.join(await tempDir(), 'cut.har');
    const writer = await HarSessionWriter.create(file, meta);
    for (const n of [0, 1, 2]) await writer.append(entry(n));
    await writer.close();
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 40));
    const continued = await HarSessionWriter.open(file, meta);
    expect(await continued.append(entry(3))).toBe(2);
    await continued.close();
    const { log, repaired } = await readHar(file);
    expect([repaired, log.entries.map((e) => e.time)]).toEqual([false, [0, 1, 3]]);
  });
});

describe('the writer pool', () => {
  it('shares one writer per session and closes it when the last user lets go', async () => {
    const dataDir = await tempDir();
    const pool = new WriterPool(dataDir);
    const a = await pool.acquire('shared', 'S4D', { system: 'S4D' });
    const b = await pool.acquire('shared', 'S4Q', { system: 'S4Q' });
    expect(a).toBe(b);
    expect([...pool.writing()]).toEqual([['shared', 'S4D']]);
    await pool.release('shared');
    await a.append(entry(0));
    await pool.release('shared');
    expect(pool.writing().size).toBe(0);
    await expect(a.append(entry(1))).rejects.toThrow(/closed/);
    const { log } = await readHar(sessionFile(dataDir, 'shared'));
    expect(log.entries).toHaveLength(1);
  });
});
