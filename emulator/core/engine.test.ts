import { stat, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../../app/errors.js';
import type { EngineEvent } from '../../app/events.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { adminUrl, bearer, engine, onCleanup, sseMessages, tempDir, unusedPort } from '../test/support.js';
import { startEmulator } from './engine.js';
import { defaultDataDir } from './data-dir.js';

async function occupiedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as net.AddressInfo).port;
}

const refused = (url: string): Promise<boolean> =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe('engine', () => {
  it('starts the demo on loopback, reports it, and writes runtime info only the user can read', async () => {
    const handle = await engine();
    expect(adminUrl(handle)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = handle.status();
    expect(status.workspace).toMatchObject({ name: 'Demo', source: 'demo', path: null });
    // The core listeners come first; the plug-ins' listeners (emulator/plugins.ts) follow them.
    expect(status.services.slice(0, 3)).toEqual([
      expect.objectContaining({ id: 'admin', state: 'running', url: adminUrl(handle), host: '127.0.0.1' }),
      expect.objectContaining({ id: 'xsuaa', state: 'running', url: handle.urls.xsuaa }),
      expect.objectContaining({ id: 'xsuaaTls', state: 'running', url: handle.urls.xsuaaTls }),
    ]);
    expect(status.services.map((s) => s.state)).toEqual(status.services.map(() => 'running'));
    expect(handle.urls.xsuaaTls).toMatch(/^https:\/\/localhost:\d+$/);
    expect(status.caCert).toBe(path.join(handle.dataDir, 'tls', 'ca.pem'));
    const runtime = path.join(handle.dataDir, 'runtime.json');
    expect((await stat(runtime)).mode & 0o777).toBe(0o600);
    expect((await stat(handle.dataDir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(runtime, 'utf8'))).toMatchObject({
      pid: process.pid,
      urls: handle.urls,
    });
  });

  it('uses the stable configured port, and --port style overrides win over the workspace', async () => {
    const [fromWorkspace, fromOption] = [await unusedPort(), await unusedPort()];
    const workspace = { ...DEMO_WORKSPACE, engine: { ports: { admin: fromWorkspace } } };
    const a = await engine({ workspace, ephemeralPorts: false });
    expect(adminUrl(a)).toBe(`http://127.0.0.1:${fromWorkspace}`);
    await a.stop();
    const b = await engine({ workspace, ephemeralPorts: false, ports: { admin: fromOption } });
    expect(adminUrl(b)).toBe(`http://127.0.0.1:${fromOption}`);
  });

  it('names the port and the setting to change when a port is taken', async () => {
    const port = await occupiedPort();
    const dataDir = await tempDir();
    const error = await startEmulator({ dataDir, uiDir: null, ports: { admin: port } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmulatorError);
    expect((error as EmulatorError).code).toBe('EMU_ERR_PORT_IN_USE');
    expect((error as EmulatorError).message).toContain(`Port ${port} for admin`);
    expect((error as EmulatorError).message).toContain('engine.ports.admin');
    expect((error as EmulatorError).message).toContain('--port admin=<port>');
  });

  it('refuses a data folder another live engine is using', async () => {
    const first = await engine();
    const error = await startEmulator({ dataDir: first.dataDir, ephemeralPorts: true, uiDir: null }).catch(
      (e: unknown) => e,
    );
    expect((error as EmulatorError).code).toBe('EMU_ERR_DATA_DIR');
    expect((error as EmulatorError).message).toContain(first.urls.admin);
  });

  it('stops gracefully: streams and keep-alive sockets end, the port closes, runtime info goes', async () => {
    const handle = await engine();
    const url = adminUrl(handle);
    const events: EngineEvent['type'][] = [];
    handle.onAny((e) => events.push(e.type));
    const response = await fetch(`${url}/api/events`, { headers: bearer(handle) });
    const reader = sseMessages(response.body!);
    expect(((await reader.next()).value as EngineEvent).type).toBe('status');
    await fetch(`${url}/api/health`, { headers: { ...bearer(handle), Connection: 'keep-alive' } });

    await handle.stop();
    await handle.stop(); // idempotent
    const drained: unknown[] = [];
    for await (const message of reader) drained.push(message); // ends because the server closed it
    expect(drained.map((m) => (m as EngineEvent).type)).toContain('engine-stopping');
    expect(events[0]).toBe('engine-stopping');
    const listeners = handle.status().services.length;
    expect(events.slice(1)).toEqual(Array(2 * listeners).fill('service-state')); // stopping + stopped for each
    expect(handle.status().services.map((s) => s.state)).toEqual(Array(listeners).fill('stopped'));
    expect(await refused(`${url}/api/health`)).toBe(true);
    await expect(stat(path.join(handle.dataDir, 'runtime.json'))).rejects.toThrow();
  });

  it('loads a workspace file, keeps its data beside it, and rejects a bad one before listening', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'team.json');
    await writeFile(file, JSON.stringify({ ...DEMO_WORKSPACE, name: 'Team' }));
    expect(defaultDataDir(file)).toBe(path.join(dir, '.btp-emulator', 'team'));
    const handle = await engine({ workspacePath: file, dataDir: defaultDataDir(file) });
    expect(handle.status().workspace).toMatchObject({ name: 'Team', source: 'file', path: file });

    await writeFile(file, JSON.stringify({ ...DEMO_WORKSPACE, name: '' }));
    const error = await startEmulator({ workspacePath: file, dataDir: await tempDir() }).catch(
      (e: unknown) => e,
    );
    expect((error as EmulatorError).issues).toEqual([
      expect.objectContaining({ file, path: '$.name', line: 1 }),
    ]);
  });
});
