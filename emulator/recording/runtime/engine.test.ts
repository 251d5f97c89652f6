// The whole engine: a client goes through the connectivity proxy to the virtual host s4.virtual:44300,
// which the Cloud Connector maps to system:S4D, unchanged. S4D records what the real system (a stand-in)
// answers; after PUT /api/workspace switches it to replay and the real system is gone, the same request
// through the proxy gets the same answer. The admin routes show the system's mode and the session.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { RecordingOverview } from '../../../app/recording/api.js';
import { DEMO_WORKSPACE } from '../../../app/workspace/demo.js';
import { token } from '../../connectivity/test-support.js';
import { readHar } from '../har-writer.js';
import { DEMO_SYSTEM, startTestSystem, V2_ROOT } from '../../systems/test-support.js';
import { adminUrl, bearer, engine, onCleanup } from '../../test/support.js';
import type { EmulatorHandle } from '../../types.js';
import { sessionFile } from './session-files.js';
import { BASIC } from './test-support.js';

function viaProxy(
  handle: EmulatorHandle,
  bearerToken: string,
  url: string,
): Promise<{ status: number; body: string }> {
  const proxy = new URL(handle.urls.proxy!);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: proxy.hostname,
        port: Number(proxy.port),
        path: url,
        agent: false,
        headers: { 'Proxy-Authorization': `Bearer ${bearerToken}`, authorization: BASIC },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function admin<T>(handle: EmulatorHandle, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${adminUrl(handle)}${path}`, {
    ...init,
    headers: {
      ...bearer(handle),
      'content-type': 'application/json',
      ...(init.headers as Record<string, string>),
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

describe('recording in the engine', () => {
  it('records and replays behind the connectivity proxy, switched by PUT /api/workspace', async () => {
    const real = await startTestSystem({ ...DEMO_SYSTEM, id: 'REAL' });
    onCleanup(() => real.stop());
    const workspace = structuredClone(DEMO_WORKSPACE);
    workspace.systems = [
      { ...DEMO_SYSTEM, recording: { mode: 'record', live: { url: real.url }, session: 'e2e' } },
    ] as never;
    const handle = await engine({ workspace });
    const modes: string[] = [];
    handle.on('recording-mode', (e) => modes.push(e.mode));
    const tokenValue = await token(handle, { client: 'demo-connectivity' });
    const url = `http://s4.virtual:44300${V2_ROOT}A_BusinessPartner?$top=1&$select=BusinessPartner&$format=json`;

    const recorded = await viaProxy(handle, tokenValue, url);
    expect(recorded.status).toBe(200);
    const { log } = await readHar(sessionFile(handle.dataDir, 'e2e'));
    expect(log.entries.map((e) => [e.request.url, e._system, e._odata?.operation])).toEqual([
      [`${real.url}${V2_ROOT}A_BusinessPartner?$top=1&$select=BusinessPartner&$format=json`, 'S4D', 'query'],
    ]);
    const during = await admin<RecordingOverview>(handle, '/api/recordings');
    expect(during.systems.find((s) => s.system === 'S4D')).toMatchObject({
      mode: 'record',
      session: 'e2e',
      recorded: 1,
    });
    expect(during.sessions.find((s) => s.name === 'e2e')).toMatchObject({ recording: true, entries: 1 });

    await real.stop();
    const current = await admin<{ workspace: { systems: { recording: unknown }[] } }>(
      handle,
      '/api/workspace',
    );
    current.workspace.systems[0]!.recording = { mode: 'replay', replay: { sessions: ['e2e'] } };
    await admin(handle, '/api/workspace', { method: 'PUT', body: JSON.stringify(current.workspace) });
    expect(modes).toEqual(['replay']); // the engine's start announced 'record' before this listener existed

    const replayed = await viaProxy(handle, tokenValue, url);
    expect(replayed).toEqual(recorded);
    const after = await admin<RecordingOverview>(handle, '/api/recordings');
    expect(after.systems.find((s) => s.system === 'S4D')).toMatchObject({
      mode: 'replay',
      hits: 1,
      misses: 0,
    });
    expect(after.sessions.find((s) => s.name === 'e2e')).toMatchObject({
      recording: false,
      replayedBy: ['S4D'],
    });
  });
});
