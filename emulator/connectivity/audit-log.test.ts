// The audit log's batching: lines are joined and encoded in groups, and every line reaches the file,
// in order, whether a flush comes after a full group, part of one, or several buffers' worth.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyRequestEvent } from '../../app/connectivity/events.js';
import type { AuditSettings } from '../../app/workspace/schema.js';
import { AUDIT_DIR, AUDIT_FILE, AuditLog } from './audit-log.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function log(settings: Partial<AuditSettings> = {}): Promise<{ audit: AuditLog; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'btp-audit-'));
  dirs.push(dir);
  const all: AuditSettings = { enabled: true, maxFileBytes: 10 * 1024 * 1024, keepFiles: 5, ...settings };
  const audit = AuditLog.in(
    dir,
    () => all,
    (message) => expect.fail(message),
  );
  return { audit, dir: path.join(dir, AUDIT_DIR) };
}

const event = (n: number): ProxyRequestEvent => ({
  type: 'proxy-request',
  at: '2026-11-26T12:00:00.000Z',
  id: `e-${n}`,
  method: 'GET',
  // The proxy reads the request line as latin1: a URL is its bytes, here UTF-8 sent by the client.
  url: Buffer.from(`http://erp.virtual/item/${n}/ünïcode`, 'utf8').toString('latin1'),
  location: null,
  status: 200,
  decision: {
    allowed: true,
    stage: 'forwarded',
    reason: 'allowed',
    mapping: 'a.virtual:80 → b:1',
    resource: 'r',
  },
  client: 'sb-app',
  user: 'jürgen',
  target: '127.0.0.1:1',
  timings: { totalMs: 1, backendMs: 0.5 },
  sizes: { requestBytes: 0, responseBytes: 10 },
});

const numbers = (text: string): number[] =>
  text
    .trim()
    .split('\n')
    .map((line) => Number(/item\/(\d+)\//.exec(line)![1]));

describe('the audit log', () => {
  it('writes every line in order, however the lines fall into groups', async () => {
    const { audit, dir } = await log();
    for (let n = 0; n < 64; n++) audit.append(event(n)); // exactly one full group
    await audit.flush();
    for (let n = 64; n < 200; n++) audit.append(event(n)); // two groups and a part
    await audit.close();
    const text = await readFile(path.join(dir, AUDIT_FILE), 'utf8');
    expect(numbers(text)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect(text).toContain('/item/7/ünïcode status=200');
    expect(text).toContain('user=jürgen | mapping=a.virtual:80 → b:1 resource=r');
  });

  it('starts a new buffer when a group does not fit, and loses nothing', async () => {
    const { audit, dir } = await log();
    // ~190 bytes a line: 256 KiB of buffer holds some 1,400 lines, so this crosses several buffers.
    for (let n = 0; n < 5000; n++) audit.append(event(n));
    await audit.close();
    expect(numbers(await readFile(path.join(dir, AUDIT_FILE), 'utf8'))).toEqual(
      Array.from({ length: 5000 }, (_, n) => n),
    );
  });

  it('rotates at the size limit with whole lines in each file', async () => {
    const { audit, dir } = await log({ maxFileBytes: 20_000, keepFiles: 50 });
    for (let n = 0; n < 300; n++) {
      audit.append(event(n));
      if (n % 50 === 49) await audit.flush();
    }
    await audit.close();
    const files = (await readdir(dir)).sort();
    expect(files.length).toBeGreaterThan(1);
    const rotated = files.filter((f) => f !== AUDIT_FILE);
    const all = [...rotated, AUDIT_FILE];
    const seen: number[] = [];
    for (const f of all) seen.push(...numbers(await readFile(path.join(dir, f), 'utf8')));
    expect(seen).toEqual(Array.from({ length: 300 }, (_, n) => n));
  });
});
