// Recording settings for one run (`btp-emulator record|replay`) on a real engine: in force, never saved,
// until the user changes that system's recording through the admin API.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../../app/errors.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { Workspace, WorkspaceInput } from '../../app/workspace/schema.js';
import { adminUrl, bearer, engine, tempDir } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { startEmulator } from './engine.js';

const LIVE = { url: 'http://127.0.0.1:9' };

async function send(handle: EmulatorHandle, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${adminUrl(handle)}${route}`, {
    method,
    headers: { ...bearer(handle), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

async function workspaceFile(): Promise<{ file: string; dir: string }> {
  const dir = await tempDir();
  const ws: WorkspaceInput = structuredClone(DEMO_WORKSPACE);
  ws.systems![0]!.recording = { live: LIVE };
  const file = path.join(dir, 'ws.json');
  await writeFile(file, JSON.stringify(ws, null, 2));
  return { file, dir };
}

describe('recording overrides for one run', () => {
  it('apply over the file, stay out of every save, and end once the user changes that recording', async () => {
    const { file, dir } = await workspaceFile();
    const original = await readFile(file, 'utf8');
    const handle = await engine({
      workspacePath: file,
      dataDir: path.join(dir, 'data'),
      recordingOverrides: { S4D: { live: LIVE, mode: 'record', session: 'run-1' } },
    });
    const current = async () =>
      ((await send(handle, 'GET', '/api/workspace')) as { workspace: Workspace }).workspace;
    const saved = async () => JSON.parse(await readFile(file, 'utf8')) as WorkspaceInput;
    expect((await current()).systems[0]!.recording).toMatchObject({ mode: 'record', session: 'run-1' });
    expect(await readFile(file, 'utf8')).toBe(original);

    // A save of something else (the whole workspace, as the UI sends it): the file keeps its own recording.
    await send(handle, 'PUT', '/api/workspace', { ...(await current()), name: 'Other name' });
    expect((await saved()).name).toBe('Other name');
    expect((await saved()).systems![0]!.recording).toEqual({ live: LIVE });
    expect((await current()).systems[0]!.recording.mode).toBe('record');

    // The user stops recording: that is their change, saved, and the override is over.
    await send(handle, 'POST', '/api/recordings/systems/S4D/stop');
    expect((await saved()).systems![0]!.recording).toMatchObject({
      live: LIVE,
      mode: 'live',
      session: 'run-1',
    });
    await send(handle, 'PUT', '/api/workspace', { ...(await current()), name: 'Third' });
    expect((await saved()).systems![0]!.recording).toMatchObject({ mode: 'live' });
  });

  it('name an unknown system, and an override that leaves the workspace invalid names the field', async () => {
    const { file, dir } = await workspaceFile();
    const start = (recordingOverrides: Record<string, Record<string, unknown>>) =>
      startEmulator({
        workspacePath: file,
        dataDir: dir,
        ephemeralPorts: true,
        uiDir: null,
        recordingOverrides,
      }).then(
        async (h) => {
          await h.stop();
          throw new Error('started');
        },
        (error: unknown) => error as EmulatorError,
      );
    const unknown = await start({ NOPE: { mode: 'simulate' } });
    expect(unknown).toBeInstanceOf(EmulatorError);
    expect(unknown.code).toBe('EMU_ERR_SYSTEM_NOT_FOUND');
    expect(unknown.message).toBe(`No system "NOPE" in ${file} (systems: S4D).`);
    const invalid = await start({ S4D: { mode: 'replay', replay: { sessions: [] } } });
    expect(invalid.code).toBe('EMU_ERR_WORKSPACE_INVALID');
    expect(invalid.issues.map((i) => i.path)).toEqual(['$.systems[0].recording.replay.sessions']);
  });
});
