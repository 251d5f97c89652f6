// The reported bypass, on the wire: with only the V2 business partner service exposed, a path that a
// backend resolves into the V4 sales order service (backslash dot segments, sent as is) is refused with
// 400 before the simulated system is contacted; the event, the audit line and "Check a URL" agree.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ProxyRequestEvent } from '../../app/connectivity/events.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { adminUrl, bearer, engine } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { AUDIT_DIR, AUDIT_FILE } from './audit-log.js';
import { rawExchange, responseComplete, token } from './test-support.js';

const BP = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
const ATTACK = `${BP}..\\..\\..\\odata4/sap/salesorder/srvd/sap/salesorder/0001/`;
const V4_ROOT = '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001/';

async function setup(): Promise<{ handle: EmulatorHandle; send: (target: string) => Promise<string> }> {
  const workspace = structuredClone(DEMO_WORKSPACE);
  const mapping = workspace.cloudConnector!.locations![0]!.systemMappings![0]!;
  mapping.principalType = 'None';
  mapping.resources = [{ path: BP, mode: 'prefix' }];
  workspace.destinations!.subaccount!.push({
    ...workspace.destinations!.subaccount![0]!,
    Name: 'ESCAPE',
    URL: `http://s4.virtual:44300${ATTACK}`,
  });
  const handle = await engine({ workspace });
  const port = Number(new URL(handle.urls.proxy!).port);
  const proxyToken = await token(handle, { client: 'demo-connectivity' });
  const basic = Buffer.from('DEVELOPER:Welcome1').toString('base64');
  const send = async (target: string): Promise<string> =>
    (
      await rawExchange(
        port,
        `GET http://s4.virtual:44300${target} HTTP/1.1\r\nHost: s4.virtual:44300\r\n` +
          `Proxy-Authorization: Bearer ${proxyToken}\r\nAuthorization: Basic ${basic}\r\n` +
          'Accept: */*\r\n\r\n',
        responseComplete,
      )
    ).toString('latin1');
  return { handle, send };
}

describe('connectivity proxy: request paths against the simulated system', () => {
  it('refuses backslash dot segments into the V4 service with 400; the backend never sees them', async () => {
    const { handle, send } = await setup();
    const odata: string[] = [];
    const proxied: ProxyRequestEvent[] = [];
    handle.on('odata-request', (e) => odata.push(`${e.status} ${e.url}`));
    handle.on('proxy-request', (e) => proxied.push(e));

    // The exposed service answers through the proxy, so a refusal below is the path rule's doing.
    expect(await send(`${BP}$metadata`)).toMatch(/^HTTP\/1\.1 200 /);
    const attack = await send(ATTACK);
    expect(attack).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(attack.slice(attack.indexOf('\r\n\r\n') + 4)).toMatch(/^the path contains a backslash/);
    expect(odata).toEqual([`200 ${BP}$metadata`]);
    expect(odata.some((line) => line.includes(V4_ROOT))).toBe(false);

    const denied = proxied.at(-1)!;
    expect(denied).toMatchObject({
      url: `http://s4.virtual:44300${ATTACK}`,
      status: 400,
      target: null,
      decision: { allowed: false, stage: 'request', resource: null },
    });
    const audit = path.join(handle.dataDir, AUDIT_DIR, AUDIT_FILE);
    await vi.waitFor(async () => expect(await readFile(audit, 'utf8')).toContain('| DENIED | request |'), {
      timeout: 5000,
    });
    const lines = (await readFile(audit, 'utf8')).split('\n');
    expect(lines.find((l) => l.includes('..\\'))).toContain(
      `| DENIED | request | HTTP GET http://s4.virtual:44300${ATTACK} status=400`,
    );

    const check: unknown = await (
      await fetch(`${adminUrl(handle)}/api/connectivity/check`, {
        method: 'POST',
        headers: { ...bearer(handle), 'content-type': 'application/json' },
        body: JSON.stringify({ url: `http://s4.virtual:44300${ATTACK}` }),
      })
    ).json();
    expect(check).toEqual({ status: 400, decision: denied.decision, target: null });
  });

  it('"Check connection" of a destination with that URL reports the proxy\'s refusal', async () => {
    const { handle } = await setup();
    const response = await fetch(`${adminUrl(handle)}/api/destinations/subaccount/ESCAPE/check`, {
      method: 'POST',
      headers: bearer(handle),
    });
    expect(await response.json()).toMatchObject({
      outcome: 'failed',
      stage: 'proxy',
      status: 400,
      detail: expect.stringMatching(/^the path contains a backslash/) as unknown,
    });
  });

  it('refuses the other spellings the same way, on the wire', async () => {
    const { handle, send } = await setup();
    const odata: string[] = [];
    handle.on('odata-request', (e) => odata.push(e.url));
    for (const dots of ['..;', '%c0%ae%c0%ae', '%e0%80%ae%e0%80%ae', '.%2e', '%252e%252e']) {
      const target = `${BP}${dots}/${dots}/${dots}/odata4/sap/salesorder/srvd/sap/salesorder/0001/`;
      expect(await send(target), target).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(await send(`${BP}..%5c..%5c..%5codata4/sap/salesorder/srvd/sap/salesorder/0001/`)).toMatch(
      /^HTTP\/1\.1 400 /,
    );
    expect(odata).toEqual([]);
  });
});
