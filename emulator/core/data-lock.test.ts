import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engine, tempDir } from '../test/support.js';
import { LOCK_NAME, withDataDirLock } from './data-lock.js';
import { offlineBindingEnv, openOffline } from './offline.js';

interface Xsuaa {
  credentials: { clientsecret: string; verificationkey: string };
}
const xsuaaOf = (env: { VCAP_SERVICES: Record<string, unknown> }): Xsuaa['credentials'] =>
  (env.VCAP_SERVICES.xsuaa as Xsuaa[])[0]!.credentials;

describe('data folder lock', () => {
  it('two commands preparing a fresh folder at once hand out the same secrets, keys and CA', async () => {
    const dir = await tempDir();
    const [a, b] = await Promise.all([openOffline(undefined, dir), openOffline(undefined, dir)]);
    const [envA, envB] = await Promise.all([offlineBindingEnv(a), offlineBindingEnv(b)]);
    expect(xsuaaOf(envA).clientsecret).toBe(xsuaaOf(envB).clientsecret);
    expect(xsuaaOf(envA).verificationkey).toBe(xsuaaOf(envB).verificationkey);
    expect(a.tls.caCertPem).toBe(b.tls.caCertPem);
    // And what a later command reads is what both handed out.
    const later = await offlineBindingEnv(await openOffline(undefined, dir));
    expect(xsuaaOf(later)).toEqual(xsuaaOf(envA));
    expect(await readdir(dir)).not.toContain(LOCK_NAME);
  });

  it('refuses a second engine on the folder even when both start at the same moment', async () => {
    const dir = await tempDir();
    const started = await Promise.allSettled([engine({ dataDir: dir }), engine({ dataDir: dir })]);
    expect(started.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const refused = started.find((s) => s.status === 'rejected');
    expect(refused?.reason).toMatchObject({
      code: 'EMU_ERR_DATA_DIR',
      message: expect.stringContaining('Another btp-emulator') as unknown,
    });
  });

  it('starts over a runtime.json left with its own pid by an earlier process (a restarted container)', async () => {
    const dir = await tempDir();
    const earlier = new Date(Date.now() - process.uptime() * 1000 - 60_000).toISOString();
    const leftover = { pid: process.pid, startedAt: earlier, urls: {}, adminToken: 'gone', workspace: null };
    await writeFile(path.join(dir, 'runtime.json'), JSON.stringify(leftover));
    const handle = await engine({ dataDir: dir });
    expect(JSON.parse(await readFile(path.join(dir, 'runtime.json'), 'utf8'))).toMatchObject({
      adminToken: handle.adminToken,
    });
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await tempDir();
    const lock = path.join(dir, LOCK_NAME);
    await mkdir(lock);
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, minuteAgo, minuteAgo);
    await expect(withDataDirLock(dir, () => Promise.resolve('prepared'))).resolves.toBe('prepared');
    expect(await readdir(dir)).not.toContain(LOCK_NAME);
  });

  it('is released when preparing fails', async () => {
    const dir = await tempDir();
    await expect(withDataDirLock(dir, () => Promise.reject(new Error('no room')))).rejects.toThrow('no room');
    await expect(withDataDirLock(dir, () => Promise.resolve(1))).resolves.toBe(1);
  });
});
