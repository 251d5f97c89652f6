import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthResponseSchema, type WorkspaceResponse } from '../../app/admin-api.js';
import type { ErrorBody } from '../../app/errors.js';
import { engineEventSchema } from '../../app/events.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { adminUrl, bearer, engine, rawRequest, sseMessages, tempDir } from '../test/support.js';

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

describe('admin API authentication', () => {
  it('answers health only with the per-launch secret', async () => {
    const handle = await engine();
    const url = `${adminUrl(handle)}/api/health`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect((await json<ErrorBody>(anonymous)).error.code).toBe('EMU_ERR_ADMIN_UNAUTHORIZED');
    expect((await fetch(url, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(url, { headers: bearer(handle) });
    expect(ok.status).toBe(200);
    expect(healthResponseSchema.parse(await ok.json()).status).toBe('ok');
  });

  it('trades a one-time UI link for an HttpOnly, SameSite=Strict session cookie', async () => {
    const handle = await engine();
    const link = handle.createUiLink();
    const first = await rawRequest(link);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    expect((await fetch(`${adminUrl(handle)}/api/status`, { headers: { Cookie: session } })).status).toBe(
      200,
    );

    const again = await rawRequest(link);
    expect(again.status).toBe(302);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await fetch(`${adminUrl(handle)}/api/status`, { headers: { Cookie: 'x=1' } })).status).toBe(401);
  });

  it('keeps the one-time link redirect on this origin, whatever path it carries', async () => {
    const handle = await engine();
    const token = new URL(handle.createUiLink()).searchParams.get('token')!;
    const answer = await rawRequest(adminUrl(handle), { path: `/.//evil.example/x?token=${token}&a=1` });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/evil.example/x?a=1');
  });

  it('rejects foreign Origin and Host headers even with the secret (cross-site pages, DNS rebinding)', async () => {
    const handle = await engine();
    const url = `${adminUrl(handle)}/api/status`;
    const foreignOrigin = await fetch(url, { headers: { ...bearer(handle), Origin: 'http://evil.example' } });
    expect(foreignOrigin.status).toBe(403);
    expect((await json<ErrorBody>(foreignOrigin)).error.code).toBe('EMU_ERR_ADMIN_ORIGIN');
    const ownOrigin = await fetch(url, { headers: { ...bearer(handle), Origin: adminUrl(handle) } });
    expect(ownOrigin.status).toBe(200);
    const rebound = await rawRequest(url, { headers: { ...bearer(handle), Host: 'evil.example:80' } });
    expect(rebound.status).toBe(403);
    const page = await rawRequest(`${adminUrl(handle)}/`, { headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('never sends a stack trace: malformed bodies and unknown routes get catalogued errors', async () => {
    const handle = await engine();
    const broken = await fetch(`${adminUrl(handle)}/api/workspace`, {
      method: 'PUT',
      headers: { ...bearer(handle), 'Content-Type': 'application/json' },
      body: '{"schemaVersion": ',
    });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'EMU_ERR_ADMIN_BAD_REQUEST' } });
    expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    const missing = await fetch(`${adminUrl(handle)}/api/nope`, { headers: bearer(handle) });
    expect(missing.status).toBe(404);
    expect((await json<ErrorBody>(missing)).error.code).toBe('EMU_ERR_ADMIN_NOT_FOUND');
  });

  it('answers 400, not 500, for a request target that is no path (found by emulator/fuzz)', async () => {
    const handle = await engine();
    for (const target of ['//', '///', '//a:99999/x']) {
      const response = await rawRequest(adminUrl(handle), { path: target, headers: bearer(handle) });
      expect(response.status, target).toBe(400);
      expect(JSON.parse(response.body), target).toMatchObject({
        error: { code: 'EMU_ERR_ADMIN_BAD_REQUEST' },
      });
    }
    expect((await rawRequest(adminUrl(handle), { path: 'http://', headers: bearer(handle) })).status).toBe(
      400,
    );
  });
});

describe('admin API workspace', () => {
  async function fileEngine() {
    const dir = await tempDir();
    const file = path.join(dir, 'ws.json');
    const original = `${JSON.stringify(DEMO_WORKSPACE, null, 2)}\n`;
    await writeFile(file, original);
    const handle = await engine({ workspacePath: file });
    const put = (body: unknown) =>
      fetch(`${adminUrl(handle)}/api/workspace`, {
        method: 'PUT',
        headers: { ...bearer(handle), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    return { dir, file, original, handle, put };
  }

  it('refuses a workspace nested deeper than any real one, so later changes still copy it', async () => {
    const { handle, put } = await fileEngine();
    let deep: unknown = 'x';
    for (let i = 0; i < 2_355; i++) deep = { a: deep };
    const response = await put({ ...structuredClone(DEMO_WORKSPACE), bindings: { ke: deep } });
    expect(response.status).toBe(400);
    const body = await json<ErrorBody>(response);
    expect(body.error.code).toBe('EMU_ERR_WORKSPACE_INVALID');
    expect(body.error.issues?.[0]?.message).toBe('Nested more than 64 levels deep');
    const stop = await fetch(`${adminUrl(handle)}/api/recordings/systems/S4D/stop`, {
      method: 'POST',
      headers: bearer(handle),
    });
    expect(stop.status).toBeLessThan(500);
  });

  it('rejects an invalid workspace with path-precise issues and leaves the running one and the file untouched', async () => {
    const { file, original, handle, put } = await fileEngine();
    const bad = structuredClone(DEMO_WORKSPACE);
    bad.xsuaa!.users![0]!.email = 'nope';
    const response = await put(bad);
    expect(response.status).toBe(400);
    const body = await json<ErrorBody>(response);
    expect(body.error.code).toBe('EMU_ERR_WORKSPACE_INVALID');
    expect(body.error.issues).toEqual([expect.objectContaining({ path: '$.xsuaa.users[0].email', file })]);
    const current = await json<WorkspaceResponse>(
      await fetch(`${adminUrl(handle)}/api/workspace`, { headers: bearer(handle) }),
    );
    expect(current.workspace.xsuaa.users[0]?.email).toBe('alice@example.com');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('refuses an engine.bind that is no IP address or localhost, naming the field, before the next start', async () => {
    const { file, original, put } = await fileEngine();
    const response = await put({ ...DEMO_WORKSPACE, engine: { bind: 'my-laptop' } });
    expect(response.status).toBe(400);
    const body = await json<ErrorBody>(response);
    expect(body.error.code).toBe('EMU_ERR_WORKSPACE_INVALID');
    expect(body.error.issues).toEqual([
      expect.objectContaining({
        path: '$.engine.bind',
        message: expect.stringContaining('must be an IP address') as unknown,
      }),
    ]);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('saves a valid workspace to its file and announces it on the event stream', async () => {
    const { file, handle, put } = await fileEngine();
    const stream = await fetch(`${adminUrl(handle)}/api/events`, { headers: bearer(handle) });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const messages = sseMessages(stream.body!);
    const first = engineEventSchema.parse((await messages.next()).value);
    expect(first.type).toBe('status');

    const response = await put({ ...DEMO_WORKSPACE, name: 'Renamed' });
    expect(response.status).toBe(200);
    expect((await json<WorkspaceResponse>(response)).summary.name).toBe('Renamed');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ name: 'Renamed', schemaVersion: 2 });
    const next = engineEventSchema.parse((await messages.next()).value);
    expect(next).toMatchObject({ type: 'workspace-replaced', workspace: { name: 'Renamed' } });
    expect(handle.status().workspace.name).toBe('Renamed');
  });

  it('reports a failed save and keeps the running workspace', async () => {
    const { dir, handle, put } = await fileEngine();
    await rm(dir, { recursive: true, force: true }); // the folder is gone: the write must fail
    const response = await put({ ...DEMO_WORKSPACE, name: 'Lost' });
    expect(response.status).toBe(500);
    expect((await json<ErrorBody>(response)).error.code).toBe('EMU_ERR_WORKSPACE_SAVE');
    expect(handle.status().workspace.name).toBe('Demo');
    await mkdir(handle.dataDir, { recursive: true }); // so stop() can tidy up
  });

  it('serves the JSON Schema for editors', async () => {
    const handle = await engine();
    const schema = await json<{ properties: Record<string, unknown> }>(
      await fetch(`${adminUrl(handle)}/api/workspace/schema`, { headers: bearer(handle) }),
    );
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['schemaVersion', 'xsuaa', 'cloudConnector']),
    );
  });
});

describe('UI serving', () => {
  it('serves the built UI with a strict CSP, and says how to build it when missing', async () => {
    const uiDir = await tempDir();
    await writeFile(path.join(uiDir, 'index.html'), '<!doctype html><title>UI</title>');
    const withUi = await engine({ uiDir });
    const page = await fetch(`${adminUrl(withUi)}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>UI</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');

    const without = await engine({ uiDir: null });
    const missing = await fetch(`${adminUrl(without)}/`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('EMU_ERR_UI_NOT_BUILT');
  });
});

describe('admin API workspace replacement under load', () => {
  it('applies overlapping replacements one at a time, in order, and stays responsive', async () => {
    const handle = await engine();
    const order: string[] = [];
    handle.on('workspace-replaced', (e) => order.push(e.workspace.name));
    const names = Array.from({ length: 8 }, (_, i) => `Name ${i}`);
    const responses = await Promise.all(
      names.map((name) =>
        fetch(`${adminUrl(handle)}/api/workspace`, {
          method: 'PUT',
          headers: { ...bearer(handle), 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...DEMO_WORKSPACE, name }),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(names.map(() => 200));
    expect(order).toHaveLength(names.length);
    expect(handle.status().workspace.name).toBe(order.at(-1));
    expect((await fetch(`${adminUrl(handle)}/api/health`, { headers: bearer(handle) })).status).toBe(200);
  });

  it('queues plug-in writes behind admin replacements, so neither undoes the other', async () => {
    const handle = await engine();
    const headers = { ...bearer(handle), 'Content-Type': 'application/json' };
    for (let round = 0; round < 5; round++) {
      const name = `Renamed ${round}`;
      const destination = {
        Name: `NEW_${round}`,
        Type: 'HTTP',
        URL: 'http://example.invalid',
        ProxyType: 'Internet',
        Authentication: 'NoAuthentication',
      };
      const current = (await (await fetch(`${adminUrl(handle)}/api/workspace`, { headers })).json()) as {
        workspace: object;
      };
      const [put, save] = await Promise.all([
        fetch(`${adminUrl(handle)}/api/workspace`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ ...current.workspace, name }),
        }),
        fetch(`${adminUrl(handle)}/api/destinations/subaccount/NEW_${round}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify(destination),
        }),
      ]);
      expect([put.status, save.status]).toEqual([200, 200]);
      const final = (await (
        await fetch(`${adminUrl(handle)}/api/workspace`, { headers })
      ).json()) as WorkspaceResponse;
      // In either order the rename survives (PUT replaces everything); unqueued, the plug-in's write
      // started from the workspace before the rename and silently undid it.
      expect(final.workspace.name).toBe(name);
    }
  });
});
