import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../../app/errors.js';
import { tempDir } from '../test/support.js';
import type { HarEntry } from './har.js';
import { HarSessionWriter } from './har-writer.js';
import { REDACTED, Redactor } from './redact.js';
import { harEntry, writeSession } from './session-test-support.js';
import { SessionStore } from './session-store.js';

const fixture = fileURLToPath(new URL('./fixtures/playwright-recorded.har', import.meta.url));

async function rejection(promise: Promise<unknown>): Promise<EmulatorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmulatorError);
  return error as EmulatorError;
}

describe('session store', () => {
  it('lists sessions with entries, size, dates and systems; a corrupt file gives an error naming it', async () => {
    const dir = await tempDir();
    await writeSession(dir, 'b-session', [
      harEntry('http://s4.virtual:44300/a', '{}', { system: 'S4D', at: '2026-03-01T10:00:00.000Z' }),
      harEntry('http://s4.virtual:44300/b', '{}', { system: 'ERP' }),
      harEntry('http://s4.virtual:44300/c', '{}', { system: 'S4D' }),
    ]);
    await writeSession(dir, 'a-empty', [], { created: '2026-02-01T00:00:00.000Z' });
    const broken = path.join(dir, 'recordings', 'broken.har');
    await writeFile(broken, '{"log": {"entries": [ {"request": ');
    await writeFile(path.join(dir, 'recordings', 'notes.txt'), 'not a session');
    const store = new SessionStore(dir);
    const list = await store.list();
    expect(list.map((s) => s.name)).toEqual(['a-empty', 'b-session', 'broken']);
    const [empty, full, bad] = list;
    expect(empty).toMatchObject({ entries: 0, created: '2026-02-01T00:00:00.000Z', systems: [] });
    expect(full).toMatchObject({ entries: 3, created: '2026-03-01T10:00:00.000Z', systems: ['ERP', 'S4D'] });
    expect(full!.bytes).toBe((await readFile(path.join(dir, 'recordings', 'b-session.har'))).length);
    expect(Date.parse(full!.modified)).not.toBeNaN();
    expect(full!.error).toBeUndefined();
    expect(bad!.entries).toBe(0);
    expect(bad!.error).toContain(broken);
  });

  it('keeps the timeline in step with a session that is still being recorded', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'recordings', 'live.har');
    await writeSession(dir, 'seed', []);
    const writer = await HarSessionWriter.create(file, { creatorVersion: 't', session: { system: 'S4D' } });
    const store = new SessionStore(dir);
    expect(await store.timeline('live')).toEqual([]);
    await writer.append(harEntry('http://h/one', '{}', { system: 'S4D' }));
    await writer.append(
      harEntry('http://h/two', '{"x":1}', {
        status: 201,
        method: 'POST',
        extra: { _odata: { service: 'S', entitySet: 'A', operation: 'create' }, _replayKey: 'k2' },
      }),
    );
    expect((await store.timeline('live')).map((e) => e.url)).toEqual(['http://h/one', 'http://h/two']);
    await writer.append(harEntry('http://h/three', '{"n":3}'));
    const timeline = await store.timeline('live');
    expect(timeline.map((e) => e.url)).toEqual(['http://h/one', 'http://h/two', 'http://h/three']);
    expect(timeline[1]).toEqual({
      startedDateTime: '2026-01-02T03:04:05.000Z',
      method: 'POST',
      url: 'http://h/two',
      status: 201,
      timeMs: 12.5,
      system: null,
      location: null,
      odata: { service: 'S', entitySet: 'A', operation: 'create' },
      replayKey: 'k2',
    });
    // What the appends added equals what a fresh read of the whole file finds.
    expect(await new SessionStore(dir).timeline('live')).toEqual(timeline);
    expect((await store.entry('live', 2)).response.content.text).toBe('{"n":3}');
    expect((await store.entry('live', 0)).request.url).toBe('http://h/one');
    await writer.close();
    const beyond = await rejection(store.entry('live', 3));
    expect(beyond.code).toBe('EMU_ERR_SESSION_NOT_FOUND');
    expect(beyond.message).toContain('has 3 entries; there is no entry 3');
  });

  it('reads files in other layouts and files cut short by a crash', async () => {
    const dir = await tempDir();
    await writeSession(dir, 'x', []);
    const pretty = path.join(dir, 'recordings', 'pretty.har');
    const entries = [harEntry('http://h/1', '1'), harEntry('http://h/2', '2')];
    await writeFile(pretty, JSON.stringify({ log: { version: '1.2', entries } }, null, 2));
    const store = new SessionStore(dir);
    expect((await store.timeline('pretty')).map((e) => e.url)).toEqual(['http://h/1', 'http://h/2']);
    expect((await store.entry('pretty', 1)).response.content.text).toBe('2');

    const cut = path.join(dir, 'recordings', 'cut.har');
    const writer = await HarSessionWriter.create(cut, { creatorVersion: 't', session: {} });
    await writer.append(harEntry('http://h/1', '1'));
    await writer.append(harEntry('http://h/2', '2'));
    await writer.close();
    const text = await readFile(cut, 'utf8');
    await writeFile(cut, text.slice(0, text.length - 40)); // a half-written last entry
    expect((await store.timeline('cut')).map((e) => e.url)).toEqual(['http://h/1']);
    // The recorder continues the file: the index follows.
    await writeFile(cut, text);
    await appendFile(cut, ''); // new mtime
    expect((await store.timeline('cut')).map((e) => e.url)).toEqual(['http://h/1', 'http://h/2']);
  });

  it('indexes a 10,000-entry session and reads any entry without parsing the others', async () => {
    const dir = await tempDir();
    const entries: HarEntry[] = Array.from({ length: 10_000 }, (_, i) =>
      harEntry(
        `http://s4.virtual:44300/sap/opu/odata/sap/API_BP/A_BP('${i}')`,
        JSON.stringify({ d: { i } }),
        {
          system: i % 2 ? 'S4D' : 'S4Q',
        },
      ),
    );
    const store = new SessionStore(dir);
    const outcome = await store.importDocument(
      'big',
      { log: { entries } },
      { source: 'test', redactor: new Redactor() },
    );
    expect(outcome.imported).toBe(10_000);
    const timeline = await store.timeline('big');
    expect(timeline).toHaveLength(10_000);
    expect(timeline[9_999]!.url).toContain("A_BP('9999')");
    expect(await store.timeline('big')).toBe(timeline); // unchanged file: the cached index
    expect((await store.entry('big', 7_777)).response.content.text).toBe('{"d":{"i":7777}}');
    expect((await store.list())[0]).toMatchObject({ name: 'big', entries: 10_000, systems: ['S4D', 'S4Q'] });
  });

  it('imports a Playwright HAR redacted, refuses to overwrite, and refuses what is no HAR', async () => {
    const dir = await tempDir();
    const store = new SessionStore(dir);
    const outcome = await store.importFile('pw', fixture, { system: 'S4D', redactor: new Redactor() });
    expect(outcome).toMatchObject({ name: 'pw', imported: 3, skipped: [] });
    const text = await readFile(outcome.file, 'utf8');
    expect(text).not.toContain('REVWRUxPUEVSOldlbGNvbWUx');
    const timeline = await store.timeline('pw');
    expect(timeline.map((e) => e.system)).toEqual(['S4D', 'S4D', 'S4D']);
    expect(timeline[0]!.url).toContain('A_BusinessPartner?$top=2');
    expect((await rejection(store.importFile('pw', fixture, { redactor: new Redactor() }))).code).toBe(
      'EMU_ERR_SESSION_EXISTS',
    );
    const notHar = path.join(dir, 'x.har');
    await writeFile(notHar, '{"hello": 1}');
    const invalid = await rejection(store.importFile('other', notHar, { redactor: new Redactor() }));
    expect(invalid.code).toBe('EMU_ERR_HAR_INVALID');
    expect(invalid.message).toContain(notHar);
    const unanswered = await rejection(
      store.importDocument(
        'other',
        { log: { entries: [{ ...harEntry('http://h/x?access_token=abc'), response: { status: 0 } }] } },
        { source: 'upload', redactor: new Redactor() },
      ),
    );
    expect(unanswered.message).toMatch(/no entries to replay: entry 0: malformed entry|status 0/);
    expect(unanswered.message).not.toContain('abc');
    expect(await store.names()).toEqual(['pw']);
  });

  it('exports redacted with the rules given, even when the file holds secrets in clear', async () => {
    const dir = await tempDir();
    await writeSession(
      dir,
      'clear',
      [
        harEntry('http://h/A?access_token=tok123&$top=1', '{"d":{"Secret":"s3cr3t","Name":"n"}}', {
          method: 'POST',
          requestHeaders: [
            { name: 'Authorization', value: 'Basic QUxJQ0U6cHc=' },
            { name: 'X-Api-Key', value: 'key-42' },
          ],
          responseHeaders: [
            { name: 'Set-Cookie', value: 'SAP_SESSIONID=sess-9' },
            { name: 'Location', value: 'http://h/cb?code=authcode7' },
          ],
          body: { mimeType: 'application/x-www-form-urlencoded', text: 'password=pw-1&user=alice' },
          extra: { _replayKey: '["POST","/A",[["access_token","tok123"]],[],"password=pw-1",null]' },
        }),
      ],
      { proxy: 'http://bob:proxypw@proxy.corp:8080' },
    );
    const store = new SessionStore(dir);
    const text = await store.exportText(
      'clear',
      new Redactor({ headers: ['x-api-key'], queryParams: [], formFields: ['secret'] }),
    );
    for (const secret of [
      'tok123',
      'QUxJQ0U6cHc=',
      'key-42',
      'sess-9',
      'authcode7',
      'pw-1',
      's3cr3t',
      'proxypw',
    ])
      expect(text, secret).not.toContain(secret);
    const har = JSON.parse(text) as {
      log: { version: string; creator: { name: string }; entries: HarEntry[] };
    };
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('btp-emulator');
    const [entry] = har.log.entries;
    expect(entry!.request.headers).toContainEqual({ name: 'Authorization', value: REDACTED });
    expect(entry!.request.postData?.text).toContain('user=alice');
    expect(entry!.response.content.text).toContain('"Name":"n"');
    expect(entry!._replayKey).toBeUndefined();
  });
});
