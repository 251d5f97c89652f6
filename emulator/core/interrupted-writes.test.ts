// What a kill -9 during saves leaves behind is gone when the engine starts again: temporary files of
// atomic writes (beside the workspace file, in the data folder) and session HARs cut mid-entry, which
// other HAR tools can read again at once. Nothing that is not ours is touched.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { HarLog } from '../recording/har.js';
import { harEntry, writeSession } from '../recording/session-test-support.js';
import { adminUrl, bearer, engine, tempDir } from '../test/support.js';

const temp = (name: string): string => `.${name}.${randomUUID()}.tmp`;

async function put(file: string, text = 'partial'): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, { mode: 0o644 });
  return file;
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('engine start after a kill -9', () => {
  it('removes the temporary files of unfinished saves and nothing else', async () => {
    const dir = await tempDir();
    const wsFile = path.join(dir, 'ws.json');
    await writeFile(wsFile, JSON.stringify(DEMO_WORKSPACE));
    const dataDir = path.join(dir, '.btp-emulator', 'ws');
    const gone = [
      await put(path.join(dir, temp('ws.json'))),
      await put(path.join(dataDir, temp('secrets.json'))),
      await put(path.join(dataDir, 'xsuaa', temp('keys.json'))),
      await put(path.join(dataDir, `.write-test-${randomUUID()}`), ''),
      await put(path.join(dir, 'services', temp('API_X.edmx'))),
      await put(path.join(dir, 'data', 'S4D', 'API_X', temp('A_Set.json'))),
      await put(path.join(dataDir, 'systems', 'S4D', 'API_BUSINESS_PARTNER', '100', temp('A_Set.json'))),
    ];
    const kept = [
      await put(path.join(dir, temp('other.json'))), // another file's: the folder is the user's
      await put(path.join(dir, '.ws.json.tmp')),
      await put(path.join(dir, 'notes.tmp')),
      await put(path.join(dataDir, '.secrets.json.not-a-uuid.tmp')),
    ];
    await engine({ workspacePath: wsFile, dataDir });
    for (const file of gone) expect(await exists(file), file).toBe(false);
    for (const file of kept) expect(await exists(file), file).toBe(true);
  });

  it('repairs every session cut mid-entry, keeping its complete entries, and leaves whole ones alone', async () => {
    const dataDir = await tempDir();
    const entries = [1, 2, 3].map((i) => harEntry(`http://h/${i}`, String(i)));
    const cut = await writeSession(dataDir, 'cut', entries);
    const text = await readFile(cut, 'utf8');
    await writeFile(cut, text.slice(0, text.length - 40)); // killed while appending the third entry
    const whole = await writeSession(dataDir, 'whole', entries.slice(0, 1));
    const wholeText = await readFile(whole, 'utf8');
    await writeFile(`${whole}.tmp`, 'a rewrite the kill interrupted');
    expect(() => JSON.parse(text.slice(0, text.length - 40)) as unknown).toThrow();

    const handle = await engine({ dataDir });
    // Any HAR tool can read it now, before the recorder or the UI has touched the session.
    const repaired = JSON.parse(await readFile(cut, 'utf8')) as { log: HarLog };
    expect(repaired.log.entries.map((e) => e.request.url)).toEqual(['http://h/1', 'http://h/2']);
    expect((await stat(cut)).mode & 0o777).toBe(0o600);
    expect(await readFile(whole, 'utf8')).toBe(wholeText);
    expect(await readdir(path.dirname(cut))).toEqual(['cut.har', 'whole.har']);
    const list = (await (
      await fetch(`${adminUrl(handle)}/api/recordings`, { headers: bearer(handle) })
    ).json()) as { sessions?: { name: string; entries: number }[] };
    expect(list.sessions?.find((s) => s.name === 'cut')?.entries).toBe(2);
  });

  it('saves a workspace file with the mode it had, never readable by others on the way', async () => {
    const dir = await tempDir();
    const wsFile = path.join(dir, 'ws.json');
    await writeFile(wsFile, JSON.stringify(DEMO_WORKSPACE));
    await chmod(wsFile, 0o600); // it holds the users' passwords
    const handle = await engine({ workspacePath: wsFile, dataDir: path.join(dir, 'data') });
    const response = await fetch(`${adminUrl(handle)}/api/workspace`, {
      method: 'PUT',
      headers: { ...bearer(handle), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...DEMO_WORKSPACE, name: 'Renamed' }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(await readFile(wsFile, 'utf8'))).toMatchObject({ name: 'Renamed' });
    expect((await stat(wsFile)).mode & 0o777).toBe(0o600);
  });
});
