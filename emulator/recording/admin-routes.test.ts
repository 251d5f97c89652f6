// The recording admin routes against a real engine, with the recording runtime the systems plug-in
// runs: what the routes report of it (recording, replayed by, served, misses) comes from real traffic.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Miss, SystemRecordingState } from '../../app/recording/api.js';
import type { ErrorBody } from '../../app/errors.js';
import type { SystemSummary } from '../../app/systems/api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { adminUrl, bearer, engine, tempDir } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import type { HarEntry } from './har.js';
import { harEntry, writeSession } from './session-test-support.js';

const BASIC = `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`;

const fixture = fileURLToPath(new URL('./fixtures/playwright-recorded.har', import.meta.url));

async function call<T>(
  handle: EmulatorHandle,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers; text: string }> {
  const response = await fetch(`${adminUrl(handle)}${route}`, {
    method,
    headers: { ...bearer(handle), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as T, headers: response.headers, text };
}

const errorOf = (r: { body: unknown }): ErrorBody['error'] => (r.body as ErrorBody).error;

/**
 * A workspace file beside its data folder: S4D (simulated, no live system) and ERP (with live.url);
 * `prepare` fills the data folder before the engine (and with it the runtime) starts.
 */
async function workspaceEngine(
  change: (ws: WorkspaceInput) => void = () => undefined,
  prepare: (dataDir: string) => Promise<unknown> = () => Promise.resolve(),
) {
  const dir = await tempDir();
  const ws = structuredClone(DEMO_WORKSPACE);
  ws.systems = [
    ...(ws.systems ?? []),
    { id: 'ERP', recording: { live: { url: 'https://erp.corp.example:44300' } } },
  ];
  change(ws);
  const file = path.join(dir, 'ws.json');
  await writeFile(file, JSON.stringify(ws, null, 2));
  const dataDir = path.join(dir, 'data');
  await prepare(dataDir);
  const handle = await engine({ workspacePath: file, dataDir });
  const saved = async () => JSON.parse(await readFile(file, 'utf8')) as Required<WorkspaceInput>;
  /** GET on a system's own listener (Basic auth of the demo user). */
  const system = async (id: string, pathAndQuery: string): Promise<Response> => {
    const systems = await call<SystemSummary[]>(handle, 'GET', '/api/systems');
    const port = systems.body.find((s) => s.id === id)?.port;
    return fetch(`http://127.0.0.1:${port}${pathAndQuery}`, { headers: { Authorization: BASIC } });
  };
  return { handle, file, dataDir, saved, system };
}

const BP = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner';

const recordingOf = (id: string, recording: Record<string, unknown>) => (ws: WorkspaceInput) => {
  const system = ws.systems!.find((s) => s.id === id)!;
  system.recording = { ...system.recording, ...recording };
};

describe('recording admin routes: sessions', () => {
  it('lists sessions with the runtime state, a timeline with served counts, single entries and misses', async () => {
    const { handle, dataDir, system } = await workspaceEngine(
      (ws) => {
        recordingOf('S4D', { mode: 'replay', replay: { sessions: ['first'] } })(ws);
        recordingOf('ERP', { mode: 'record', session: 'rec' })(ws);
      },
      async (dir) => {
        await writeSession(dir, 'first', [
          harEntry(`http://s4.virtual:44300${BP}?$top=1`, '{"d":{"results":[]}}', {
            system: 'S4D',
            extra: {
              _odata: { service: 'API_BUSINESS_PARTNER', entitySet: 'A_BusinessPartner', operation: 'query' },
            },
          }),
          harEntry('http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/Nope', '{"second":true}', {
            system: 'S4D',
            status: 404,
          }),
        ]);
        await writeFile(path.join(dir, 'recordings', 'torn.har'), '{"log":');
      },
    );
    const hit = await system('S4D', `${BP}?$top=1`);
    expect(hit.status).toBe(200);
    expect(await hit.json()).toEqual({ d: { results: [] } });
    expect((await system('S4D', `${BP}?$top=2`)).status).toBe(404); // a strict miss

    const overview = await call<{ sessions: Record<string, unknown>[]; systems: SystemRecordingState[] }>(
      handle,
      'GET',
      '/api/recordings',
    );
    expect(overview.status).toBe(200);
    expect(overview.body.sessions.map((s) => [s.name, s.entries, s.recording, s.replayedBy])).toEqual([
      ['first', 2, false, ['S4D']],
      ['rec', 0, true, []],
      ['torn', 0, false, []],
    ]);
    expect(overview.body.sessions[0]).toMatchObject({
      systems: ['S4D'],
      created: '2026-01-02T03:04:05.000Z',
    });
    expect(String(overview.body.sessions[2]!.error)).toContain(path.join(dataDir, 'recordings', 'torn.har'));
    expect(overview.body.systems.find((s) => s.system === 'S4D')).toMatchObject({
      mode: 'replay',
      replaySessions: ['first'],
      hits: 1,
      misses: 1,
    });
    expect(overview.body.systems.find((s) => s.system === 'ERP')).toMatchObject({
      mode: 'record',
      session: 'rec',
    });

    const timeline = await call<{ name: string; entries: Record<string, unknown>[] }>(
      handle,
      'GET',
      '/api/recordings/sessions/first',
    );
    expect(timeline.body.name).toBe('first');
    expect(timeline.body.entries).toEqual([
      expect.objectContaining({
        index: 0,
        method: 'GET',
        status: 200,
        system: 'S4D',
        odata: { service: 'API_BUSINESS_PARTNER', entitySet: 'A_BusinessPartner', operation: 'query' },
        served: 1,
      }),
      expect.objectContaining({ index: 1, status: 404, odata: null, served: 0 }),
    ]);
    const entry = await call<{ index: number; entry: HarEntry }>(
      handle,
      'GET',
      '/api/recordings/sessions/first/entries/1',
    );
    expect(entry.body.index).toBe(1);
    expect(entry.body.entry.response.content.text).toBe('{"second":true}');
    const misses = await call<{ misses: Miss[] }>(handle, 'GET', '/api/recordings/systems/S4D/misses');
    expect(misses.body.misses).toHaveLength(1);
    expect(misses.body.misses[0]!.url).toContain('$top=2');
    expect(misses.body.misses[0]!.candidates.length).toBeGreaterThan(0);
    expect((await call(handle, 'GET', '/api/recordings/systems/NOPE/misses')).status).toBe(404);

    const missing = await call(handle, 'GET', '/api/recordings/sessions/nope');
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('EMU_ERR_SESSION_NOT_FOUND');
    expect(errorOf(missing).message).toContain('sessions: first, rec, torn');
    const badName = await call(handle, 'GET', '/api/recordings/sessions/..%2Fetc');
    expect(badName.status).toBe(400);
    expect(errorOf(badName).message).toContain('$.session');
    const beyond = await call(handle, 'GET', '/api/recordings/sessions/first/entries/2');
    expect(beyond.status).toBe(404);
    const notIndex = await call(handle, 'GET', '/api/recordings/sessions/first/entries/x');
    expect(notIndex.status).toBe(400);
    expect(errorOf(notIndex).issues?.[0]?.path).toBe('$.index');
  });

  it('deletes a session unless a system records into it or replays it', async () => {
    const { handle, dataDir } = await workspaceEngine(
      (ws) => {
        recordingOf('S4D', { mode: 'replay', replay: { sessions: ['replayed'] } })(ws);
        recordingOf('ERP', { mode: 'record', session: 'busy' })(ws);
      },
      async (dir) => {
        await writeSession(dir, 'replayed', [harEntry('http://h/a', '{}', { system: 'S4D' })]);
        await writeSession(dir, 'old', [harEntry('http://h/a')]);
      },
    );
    const writing = await call(handle, 'DELETE', '/api/recordings/sessions/busy');
    expect(writing.status).toBe(409);
    expect(errorOf(writing)).toMatchObject({ code: 'EMU_ERR_SESSION_BUSY' });
    expect(errorOf(writing).message).toContain('System "ERP" is recording into session "busy"');
    const replayed = await call(handle, 'DELETE', '/api/recordings/sessions/replayed');
    expect(replayed.status).toBe(409);
    expect(errorOf(replayed).message).toContain('replayed by "S4D"');
    const deleted = await call(handle, 'DELETE', '/api/recordings/sessions/old');
    expect(deleted).toMatchObject({ status: 200, body: { deleted: 'old' } });
    await expect(readFile(path.join(dataDir, 'recordings', 'old.har'))).rejects.toThrow(/ENOENT/);
    expect((await call(handle, 'DELETE', '/api/recordings/sessions/old')).status).toBe(404);
    // Once the system stops recording, its session can go.
    await call(handle, 'POST', '/api/recordings/systems/ERP/stop');
    expect((await call(handle, 'DELETE', '/api/recordings/sessions/busy')).status).toBe(200);
  });

  it('exports a HAR 1.2 download redacted with the workspace rules, even with keepSecrets on', async () => {
    const { handle, dataDir } = await workspaceEngine((ws) => {
      ws.recording = { redact: { keepSecrets: true, headers: ['x-api-key'], formFields: ['pin'] } };
    });
    // What a recorder with keepSecrets writes: everything in clear.
    await writeSession(dataDir, 'clear', [
      harEntry('http://s4.virtual:44300/A?access_token=tok-123&$top=1', '{"d":{"Name":"visible"}}', {
        method: 'POST',
        requestHeaders: [
          { name: 'Authorization', value: 'Basic REVWRUxPUEVSOldlbGNvbWUx' },
          { name: 'SAP-Connectivity-Authentication', value: 'Bearer eyJ-user' },
          { name: 'x-csrf-token', value: 'Q29ycmVjdFRva2Vu' },
          { name: 'X-API-Key', value: 'apikey-77' },
        ],
        responseHeaders: [{ name: 'set-cookie', value: 'SAP_SESSIONID_S4D_100=cookie-55; path=/' }],
        body: { mimeType: 'application/json', text: '{"pin":"9876","Name":"visible"}' },
      }),
    ]);
    const exported = await call<{ log: { version: string; entries: HarEntry[] } }>(
      handle,
      'GET',
      '/api/recordings/sessions/clear/export',
    );
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="clear.har"');
    expect(exported.headers.get('content-type')).toContain('application/json');
    for (const secret of [
      'tok-123',
      'REVWRUxPUEVSOldlbGNvbWUx',
      'eyJ-user',
      'Q29ycmVjdFRva2Vu',
      'apikey-77',
      'cookie-55',
      '9876',
    ])
      expect(exported.text, secret).not.toContain(secret);
    expect(exported.body.log.version).toBe('1.2');
    expect(exported.body.log.entries).toHaveLength(1);
    expect(exported.text).toContain('visible');
    expect((await call(handle, 'GET', '/api/recordings/sessions/none/export')).status).toBe(404);
  });

  it('imports a Playwright HAR once, and a system replaying that session answers from it at once', async () => {
    const { handle, dataDir, system } = await workspaceEngine(
      recordingOf('S4D', { mode: 'replay', replay: { sessions: ['pw'] } }),
    );
    const before = await call<{ systems: SystemRecordingState[] }>(handle, 'GET', '/api/recordings');
    expect(before.body.systems.find((s) => s.system === 'S4D')?.error).toContain('pw');
    const har = JSON.parse(await readFile(fixture, 'utf8')) as unknown;
    const imported = await call<{ name: string; imported: number; skipped: unknown[] }>(
      handle,
      'POST',
      '/api/recordings/import',
      { name: 'pw', har, system: 'S4D' },
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ name: 'pw', imported: 3, skipped: [] });
    const onDisk = await readFile(path.join(dataDir, 'recordings', 'pw.har'), 'utf8');
    expect(onDisk).not.toContain('REVWRUxPUEVSOldlbGNvbWUx');
    const timeline = await call<{ entries: { system: string; url: string }[] }>(
      handle,
      'GET',
      '/api/recordings/sessions/pw',
    );
    expect(timeline.body.entries.map((e) => e.system)).toEqual(['S4D', 'S4D', 'S4D']);
    // The runtime was told: the replay now has the session.
    const after = await call<{ systems: SystemRecordingState[] }>(handle, 'GET', '/api/recordings');
    expect(after.body.systems.find((s) => s.system === 'S4D')?.error).toBeUndefined();
    const count = await system('S4D', `${BP}/$count?sap-client=100`);
    expect(await count.text()).toBe('20');

    const again = await call(handle, 'POST', '/api/recordings/import', { name: 'pw', har });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('EMU_ERR_SESSION_EXISTS');
    const noName = await call(handle, 'POST', '/api/recordings/import', { har });
    expect(noName.status).toBe(400);
    expect(errorOf(noName).message).toContain('$.name');
    const badName = await call(handle, 'POST', '/api/recordings/import', { name: 'a b', har });
    expect(errorOf(badName).issues?.[0]?.path).toBe('$.name');
    const notHar = await call(handle, 'POST', '/api/recordings/import', { name: 'x', har: { foo: 1 } });
    expect(notHar.status).toBe(400);
    expect(errorOf(notHar).code).toBe('EMU_ERR_HAR_INVALID');
    const unknownSystem = await call(handle, 'POST', '/api/recordings/import', {
      name: 'x',
      har,
      system: 'NOPE',
    });
    expect(unknownSystem.status).toBe(400);
    expect(errorOf(unknownSystem).issues?.[0]?.path).toBe('$.system');
  });
});

describe('recording admin routes: modes', () => {
  it('starts and stops recording and replay through the saved workspace', async () => {
    const { handle, dataDir, saved } = await workspaceEngine();
    const recording = async (id: string) => (await saved()).systems.find((s) => s.id === id)?.recording;

    const noLive = await call(handle, 'POST', '/api/recordings/systems/S4D/record', {});
    expect(noLive.status).toBe(400);
    expect(errorOf(noLive).message).toContain('has no recording.live.url');
    expect(errorOf(noLive).issues?.[0]?.path).toBe('$.systems[0].recording.live.url');

    const started = await call<SystemRecordingState>(handle, 'POST', '/api/recordings/systems/ERP/record', {
      session: 'erp-1',
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ system: 'ERP', mode: 'record', session: 'erp-1' });
    expect(await recording('ERP')).toEqual({
      live: { url: 'https://erp.corp.example:44300' },
      mode: 'record',
      session: 'erp-1',
    });
    const named = await call<SystemRecordingState>(handle, 'POST', '/api/recordings/systems/ERP/record');
    expect(named.body.session).toMatch(/^ERP-\d{8}-\d{6}$/);

    const stopped = await call<SystemRecordingState>(handle, 'POST', '/api/recordings/systems/ERP/stop');
    expect(stopped.body.mode).toBe('live');
    expect(
      (await call<SystemRecordingState>(handle, 'POST', '/api/recordings/systems/S4D/stop')).body.mode,
    ).toBe('simulate');

    const missing = await call(handle, 'POST', '/api/recordings/systems/S4D/replay', { sessions: ['gone'] });
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'EMU_ERR_SESSION_NOT_FOUND' });
    expect(errorOf(missing).issues?.[0]?.path).toBe('$.sessions[0]');
    const empty = await call(handle, 'POST', '/api/recordings/systems/S4D/replay', { sessions: [] });
    expect(errorOf(empty).issues?.[0]?.path).toBe('$.sessions');
    await writeSession(dataDir, 's1', [harEntry('http://h/a')]);
    const recordOnMiss = await call(handle, 'POST', '/api/recordings/systems/S4D/replay', {
      sessions: ['s1'],
      onMiss: 'record',
    });
    expect(recordOnMiss.status).toBe(400);
    expect(errorOf(recordOnMiss).message).toContain('onMiss "record"');
    const replay = await call<SystemRecordingState>(handle, 'POST', '/api/recordings/systems/S4D/replay', {
      sessions: ['s1'],
      onMiss: 'simulate',
    });
    expect(replay.body).toMatchObject({ mode: 'replay', replaySessions: ['s1'], onMiss: 'simulate' });
    expect(await recording('S4D')).toEqual({
      mode: 'replay',
      replay: { sessions: ['s1'], onMiss: 'simulate' },
    });

    const unknown = await call(handle, 'POST', '/api/recordings/systems/NOPE/record', {});
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'EMU_ERR_SYSTEM_NOT_FOUND' });
    expect(errorOf(unknown).message).toContain('systems: S4D, ERP');
  });

  it('records a mapping to a real host through a new system, and refuses mappings to systems', async () => {
    const { handle, saved } = await workspaceEngine((ws) => {
      ws.cloudConnector!.locations!.push({
        id: 'LOC2',
        systemMappings: [
          {
            virtualHost: 'erp.virtual',
            virtualPort: 443,
            internalHost: 'erp.corp.example',
            internalPort: 8443,
            protocol: 'HTTPS',
            backendTrust: 'ignore',
          },
          {
            virtualHost: 'db.virtual',
            virtualPort: 30015,
            internalHost: 'db.corp',
            internalPort: 30015,
            protocol: 'TCP',
          },
        ],
      });
      ws.systems!.push({ id: 'erp.virtual' }); // taken: the new system gets another id
    });
    const state = await call<SystemRecordingState>(handle, 'POST', '/api/recordings/mappings/record', {
      location: 'LOC2',
      virtualHost: 'ERP.virtual',
      virtualPort: 443,
      session: 'erp-first',
    });
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ system: 'erp.virtual-2', mode: 'record', session: 'erp-first' });
    const ws = await saved();
    const added = ws.systems.find((s) => s.id === 'erp.virtual-2');
    expect(added?.recording).toEqual({
      mode: 'record',
      session: 'erp-first',
      live: { url: 'https://erp.corp.example:8443', trust: 'ignore' },
    });
    const mapping = ws.cloudConnector.locations?.[1]?.systemMappings?.[0];
    expect(mapping?.internalHost).toBe('system:erp.virtual-2');
    expect(mapping?.internalPort).toBeUndefined();

    const again = await call(handle, 'POST', '/api/recordings/mappings/record', {
      location: 'LOC2',
      virtualHost: 'erp.virtual',
      virtualPort: 443,
    });
    expect(again.status).toBe(400);
    expect(errorOf(again).message).toContain('already points to the emulator\'s system "erp.virtual-2"');
    const demo = await call(handle, 'POST', '/api/recordings/mappings/record', {
      location: null,
      virtualHost: 's4.virtual',
      virtualPort: 44300,
    });
    expect(errorOf(demo).message).toContain(
      'record that system instead (POST /api/recordings/systems/S4D/record)',
    );
    const tcp = await call(handle, 'POST', '/api/recordings/mappings/record', {
      location: 'LOC2',
      virtualHost: 'db.virtual',
      virtualPort: 30015,
    });
    expect(errorOf(tcp).message).toContain('TCP mapping');
    const nowhere = await call(handle, 'POST', '/api/recordings/mappings/record', {
      location: 'LOC9',
      virtualHost: 'x',
      virtualPort: 1,
    });
    expect(errorOf(nowhere)).toMatchObject({
      message: expect.stringContaining('(locations: (default), LOC2)') as string,
    });
    const noMapping = await call(handle, 'POST', '/api/recordings/mappings/record', {
      location: null,
      virtualHost: 'nope',
      virtualPort: 1,
    });
    expect(errorOf(noMapping).message).toContain('mappings: s4.virtual:44300');
    const badBody = await call(handle, 'POST', '/api/recordings/mappings/record', { virtualHost: 'x' });
    expect(errorOf(badBody).message).toContain('$.location');
  });
});
