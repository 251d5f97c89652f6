// SAP-Connectivity-Authentication together with Authorization, as SAP's approuter sends them
// (SEND_CONNECTIVITY_AUTHENTICATION): accepted; Authorization reaches the backend unchanged, the user
// becomes a certificate only where the mapping's principal type is X509, and no SAP-Connectivity-*
// header is forwarded. Raw bytes on a socket, as the approuter's request arrives.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ProxyRequestEvent } from '../../app/connectivity/events.js';
import { readClientCertificate } from '../tls/client-cert.js';
import { engine } from '../test/support.js';
import { proxyWorkspace, rawExchange, responseComplete, startBackend, token } from './test-support.js';

const BASIC = 'Basic dTpw';

async function setup() {
  const backend = await startBackend();
  const handle = await engine({ workspace: proxyWorkspace({ http: backend.port }) });
  const events: ProxyRequestEvent[] = [];
  handle.on('proxy-request', (e) => events.push(e));
  const port = Number(new URL(handle.urls.proxy!).port);
  const proxyToken = await token(handle, { client: 'demo-connectivity' });
  const user = await token(handle, { client: 'demo-uaa', user: 'alice' });
  /** The approuter's pair: the destination's Authorization and the login token for the connector. */
  const send = async (url: string, userToken = user): Promise<string> =>
    (
      await rawExchange(
        port,
        `GET ${url} HTTP/1.1\r\nHost: ${new URL(url).host}\r\nProxy-Authorization: Bearer ${proxyToken}\r\n` +
          `Authorization: ${BASIC}\r\nSAP-Connectivity-Authentication: Bearer ${userToken}\r\n\r\n`,
        responseComplete,
      )
    ).toString('latin1');
  return { handle, backend, events, send, user };
}

describe('connectivity proxy: SAP-Connectivity-Authentication with Authorization', () => {
  it('X509 mapping: the backend gets Authorization unchanged and the user as SSL_CLIENT_CERT', async () => {
    const s = await setup();
    expect(await s.send('http://internal.virtual/pp')).toMatch(/^HTTP\/1\.1 200 /);
    const { headers } = s.backend.requests.at(-1)!;
    expect(headers.authorization).toBe(BASIC);
    expect(Object.keys(headers).filter((h) => h.startsWith('sap-connectivity-'))).toEqual([]);
    const caPem = await readFile(s.handle.caCert!, 'utf8');
    expect(await readClientCertificate(String(headers.ssl_client_cert), caPem)).toMatchObject({
      ok: true,
      commonName: 'alice',
    });
    expect(s.events.at(-1)).toMatchObject({ status: 200, user: 'alice', decision: { allowed: true } });
  });

  it('mapping without a principal type: the backend gets Authorization only; the user token goes nowhere', async () => {
    const s = await setup();
    expect(await s.send('http://erp.virtual:44300/api/pp')).toMatch(/^HTTP\/1\.1 200 /);
    const { headers } = s.backend.requests.at(-1)!;
    expect(headers.authorization).toBe(BASIC);
    expect(headers).not.toHaveProperty('ssl_client_cert');
    expect(Object.keys(headers).filter((h) => h.startsWith('sap-connectivity-'))).toEqual([]);
    expect(JSON.stringify(headers)).not.toContain(s.user.slice(-20));
  });

  it('still checks the user token (407 when it is not valid), whatever the mapping', async () => {
    const s = await setup();
    const forged = `${s.user.slice(0, -4)}AAAA`;
    for (const url of ['http://internal.virtual/pp', 'http://erp.virtual:44300/api/pp']) {
      const reply = await s.send(url, forged);
      expect(reply).toMatch(/^HTTP\/1\.1 407 /);
      expect(reply).toContain('The propagated user token is not accepted');
    }
    expect(s.backend.requests).toHaveLength(0);
  });
});
