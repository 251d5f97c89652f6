// Loading a session for replay: HarSessionWriter's one-entry-per-line files are parsed a slice at a time
// (the event loop gets turns during a large load), a crash-cut file loses only its partial last line,
// and any other layout is read whole with the same result.
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import { ENTRIES_PER_TURN, HarSessionWriter, parseHarEntries, readHarEntries } from './har-writer.js';
import { harEntry } from './session-test-support.js';

async function session(count: number): Promise<string> {
  const file = path.join(await tempDir('btp-har-entries-'), 's.har');
  const writer = await HarSessionWriter.create(file, { creatorVersion: 'test', session: {} });
  for (let i = 0; i < count; i++) await writer.append(harEntry(`/sap/opu/odata/sap/S/E(${i})`));
  await writer.close();
  return file;
}

describe('readHarEntries', () => {
  it('parses a large session a slice at a time: other callbacks run before it resolves', async () => {
    const count = ENTRIES_PER_TURN * 5 + 3;
    const file = await session(count);
    const text = await readFile(file, 'utf8');
    let settled = false;
    let turns = 0;
    const spin = (): void => {
      if (settled) return;
      turns += 1;
      setImmediate(spin);
    };
    const parsing = parseHarEntries(text, file).finally(() => (settled = true));
    setImmediate(spin);
    const { entries, repaired } = await parsing;
    expect(repaired).toBe(false);
    expect(entries.map((e) => e.request.url)).toEqual(
      Array.from({ length: count }, (_, i) => `/sap/opu/odata/sap/S/E(${i})`),
    );
    // A turn for (nearly) every ENTRIES_PER_TURN entries parsed: a parse in one go would allow none.
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('drops only the half-written last line of a crash-cut file, and reads other layouts whole', async () => {
    const file = await session(5);
    const text = await readFile(file, 'utf8');
    // Cut in the middle of the last entry: the trailer and half the entry are gone.
    await truncate(file, Buffer.byteLength(text) - 40);
    const cut = await readHarEntries(file);
    expect(cut.repaired).toBe(true);
    expect(cut.entries).toHaveLength(4);

    const pretty = path.join(path.dirname(file), 'pretty.har');
    await writeFile(pretty, JSON.stringify(JSON.parse(text), null, 2));
    const whole = await readHarEntries(pretty);
    expect(whole.repaired).toBe(false);
    expect(whole.entries.map((e) => e.request.url)).toEqual(
      (JSON.parse(text) as { log: { entries: { request: { url: string } }[] } }).log.entries.map(
        (e) => e.request.url,
      ),
    );

    const broken = path.join(path.dirname(file), 'broken.har');
    await writeFile(broken, '{"log":{"entries":[\nnot json\n]}}\n');
    await expect(readHarEntries(broken)).rejects.toThrow(
      /broken\.har is not a HAR file: the entry on line 2 is not valid JSON/,
    );
  });
});
