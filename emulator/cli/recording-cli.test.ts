// `record`, `replay` and `sessions` as a black box: the built bin, spawned as a user or CI would.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadyLine } from '../../app/admin-api.js';
import type { SessionSummary } from '../../app/recording/api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { Workspace, WorkspaceInput } from '../../app/workspace/schema.js';
import { tempDir } from '../test/support.js';
import { output, ready, requireBuiltCli, run, type Run } from './test-support.js';

const fixture = fileURLToPath(new URL('../recording/fixtures/playwright-recorded.har', import.meta.url));

requireBuiltCli();

async function admin<T>(line: ReadyLine, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${line.urls.admin}${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${line.adminToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as T;
}

/** A workspace file whose S4D system stands for a real system (live.url), and its data folder. */
async function workspaceFile(): Promise<{ file: string; dataDir: string; text: string }> {
  const dir = await tempDir();
  const ws: WorkspaceInput = structuredClone(DEMO_WORKSPACE);
  ws.systems![0]!.recording = { live: { url: 'http://127.0.0.1:9', trust: 'ignore' } };
  const file = path.join(dir, 'team.json');
  const text = `${JSON.stringify(ws, null, 2)}\n`;
  await writeFile(file, text);
  return { file, dataDir: path.join(dir, '.data'), text };
}

const stopped = async (r: Run): Promise<number | null> => {
  r.child.kill('SIGTERM');
  return r.exit;
};

// Each spawn starts Node and the bundle (about a second, more on a busy machine): generous limits.
describe('btp-emulator record and replay', { timeout: 60_000 }, () => {
  it('record overrides the system for this run only: the workspace file stays byte-identical, also across admin saves', async () => {
    const { file, dataDir, text } = await workspaceFile();
    const r = run([
      'record',
      'S4D',
      '--session',
      'ci-run',
      '--json',
      '--ephemeral-ports',
      '-w',
      file,
      '-d',
      dataDir,
    ]);
    const line = await ready(r);
    const { workspace } = await admin<{ workspace: Workspace }>(line, 'GET', '/api/workspace');
    expect(workspace.systems[0]!.recording).toMatchObject({
      mode: 'record',
      session: 'ci-run',
      live: { url: 'http://127.0.0.1:9', trust: 'ignore' },
    });
    expect(await readFile(file, 'utf8')).toBe(text);

    // The UI saves the whole workspace with another change: the file gets that change, not the override.
    await admin(line, 'PUT', '/api/workspace', { ...workspace, name: 'Renamed' });
    const saved = JSON.parse(await readFile(file, 'utf8')) as WorkspaceInput;
    expect(saved.name).toBe('Renamed');
    expect(saved.systems![0]!.recording).toEqual({ live: { url: 'http://127.0.0.1:9', trust: 'ignore' } });
    const running = await admin<{ workspace: Workspace }>(line, 'GET', '/api/workspace');
    expect(running.workspace.systems[0]!.recording.mode).toBe('record');
    const afterSave = await readFile(file, 'utf8');

    expect(await stopped(r)).toBe(0);
    expect(r.stderr()).toContain('Recording system S4D (http://127.0.0.1:9) into session ci-run');
    expect(await readFile(file, 'utf8')).toBe(afterSave);
  });

  it('replay answers from an imported session for this run only; the workspace file stays byte-identical', async () => {
    const { file, dataDir, text } = await workspaceFile();
    const imported = run([
      'sessions',
      'import',
      fixture,
      '--name',
      'pw',
      '--system',
      'S4D',
      '-w',
      file,
      '-d',
      dataDir,
    ]);
    expect(await output(imported)).toMatch(/^imported 3 entries into session pw: .*pw\.har\n$/);
    expect(await imported.exit).toBe(0);

    const r = run([
      'replay',
      'S4D',
      '--session',
      'pw',
      '--on-miss',
      'simulate',
      '--json',
      '--ephemeral-ports',
      '-w',
      file,
      '-d',
      dataDir,
    ]);
    const line = await ready(r);
    const { workspace } = await admin<{ workspace: Workspace }>(line, 'GET', '/api/workspace');
    expect(workspace.systems[0]!.recording).toMatchObject({
      mode: 'replay',
      replay: { sessions: ['pw'], onMiss: 'simulate' },
    });
    const overview = await admin<{ sessions: SessionSummary[] }>(line, 'GET', '/api/recordings');
    expect(overview.sessions).toEqual([expect.objectContaining({ name: 'pw', replayedBy: ['S4D'] })]);
    expect(await stopped(r)).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses unknown systems, missing sessions, bad names and a record without a live system: exit 2', async () => {
    const dir = await tempDir();
    const cases: [string[], RegExp][] = [
      [
        ['record', 'NOPE', '-d', dir],
        /EMU_ERR_SYSTEM_NOT_FOUND: No system "NOPE" in the built-in demo workspace \(systems: S4D\)/,
      ],
      [['record', 'S4D', '-d', dir], /S4D" has no recording\.live\.url .*pass --live <url>/],
      [['record', 'S4D', '--live', 'ftp://x', '-d', dir], /--live "ftp:\/\/x" is not an http/],
      [
        ['record', 'S4D', '--session', 'a/b', '--live', 'http://h:1', '-d', dir],
        /--session "a\/b" is not a valid session name/,
      ],
      [
        ['replay', 'S4D', '--session', 'gone', '-d', dir],
        /EMU_ERR_SESSION_NOT_FOUND: No session "gone" in .*recordings \(sessions: none\)/,
      ],
      [
        ['replay', 'S4D', '--session', 'x', '--on-miss', 'record', '-d', dir],
        /--on-miss record .* no recording\.live\.url/,
      ],
      [['replay', 'S4D', '--session', 'x', '--on-miss', 'maybe', '-d', dir], /--on-miss/],
      [['replay', 'S4D', '-d', dir], /--session/],
    ];
    const runs = cases.map(([args]) => run(args)); // independent: side by side
    const json = run(['record', 'NOPE', '--json', '-d', dir]);
    expect(JSON.parse(await output(json))).toMatchObject({
      event: 'error',
      code: 'EMU_ERR_SYSTEM_NOT_FOUND',
    });
    expect(await json.exit).toBe(2);
    for (const [i, [args, message]] of cases.entries()) {
      expect(await runs[i]!.exit, args.join(' ')).toBe(2);
      expect(runs[i]!.stderr(), args.join(' ')).toMatch(message);
    }
  });
});

describe('btp-emulator sessions', { timeout: 60_000 }, () => {
  it('lists, exports (redacted) and imports sessions offline', async () => {
    const dir = await tempDir();
    const empty = run(['sessions', 'list', '-d', dir]);
    expect(await output(empty)).toBe(`No sessions in ${path.join(dir, 'recordings')}.\n`);

    expect(await run(['sessions', 'import', fixture, '--name', 'pw', '-d', dir]).exit).toBe(0);
    // What follows reads the folder or fails before writing: side by side.
    const notHar = path.join(dir, 'notes.har');
    await writeFile(notHar, 'hello');
    const out = path.join(dir, 'out.har');
    const again = run(['sessions', 'import', fixture, '--name', 'pw', '-d', dir]);
    const invalid = run(['sessions', 'import', notHar, '--name', 'notes', '-d', dir]);
    const badName = run(['sessions', 'import', fixture, '--name', '../x', '-d', dir]);
    const badSystem = run(['sessions', 'import', fixture, '--name', 'y', '--system', 'NOPE', '-d', dir]);
    const list = run(['sessions', 'list', '-d', dir]);
    const listJson = run(['sessions', 'list', '--json', '-d', dir]);
    const exported = run(['sessions', 'export', 'pw', '-d', dir]);
    const toFile = run(['sessions', 'export', 'pw', '--out', out, '-d', dir]);
    const missing = run(['sessions', 'export', 'nope', '-d', dir]);
    expect(await again.exit).toBe(2);
    expect(again.stderr()).toContain('EMU_ERR_SESSION_EXISTS');
    expect(await invalid.exit).toBe(2);
    expect(invalid.stderr()).toContain(`EMU_ERR_HAR_INVALID: ${notHar} is not a HAR file`);
    expect(await badName.exit).toBe(2);
    expect(await badSystem.exit).toBe(2);
    expect(badSystem.stderr()).toContain('--system: no system "NOPE"');

    const table = await output(list);
    expect(table.split('\n')[0]).toMatch(/^NAME\s+ENTRIES\s+SIZE\s+MODIFIED\s+SYSTEMS$/);
    expect(table.split('\n')[1]).toMatch(/^pw\s+3\s+[\d.]+ KB\s+\d{4}-/);
    const json = JSON.parse(await output(listJson)) as SessionSummary[];
    expect(json).toEqual([expect.objectContaining({ name: 'pw', entries: 3 })]);

    const har = await output(exported);
    expect(await exported.exit).toBe(0);
    expect((JSON.parse(har) as { log: { version: string; entries: unknown[] } }).log).toMatchObject({
      version: '1.2',
      entries: [expect.anything(), expect.anything(), expect.anything()],
    });
    expect(har).not.toContain('REVWRUxPUEVSOldlbGNvbWUx');
    expect(await toFile.exit).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await readFile(out, 'utf8')).toContain('"creator":{"name":"btp-emulator"');
    expect(await missing.exit).toBe(2);
    expect(missing.stderr()).toContain('EMU_ERR_SESSION_NOT_FOUND: No session "nope"');
  });
});
