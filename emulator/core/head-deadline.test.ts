// Slow and oversized request heads on every listener. A client that trickles its head one byte at a
// time (slowloris), or never finishes a TLS handshake, is answered 408 (closed, for SOCKS5 and TLS)
// once the head deadline passes — lowered to 300 ms here, so the tests wait for the answer, not for a
// timer. A request line over the listener's limit gets 431 with Connection: close, never silence.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SystemSummary } from '../../app/systems/api.js';
import { afterOneAnswer, statusOf, talk, trickleInto, type RawTarget } from '../test/raw-socket.js';
import { adminUrl, bearer, engine } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { setHeadDeadline } from './listener-guard.js';

let restore: () => void = () => undefined;
beforeEach(() => {
  restore = setHeadDeadline(300);
});
afterEach(() => restore());

const portOf = (url: string | undefined): number => Number(new URL(url!).port);

async function httpListeners(handle: EmulatorHandle): Promise<[string, RawTarget][]> {
  const response = await fetch(`${adminUrl(handle)}/api/systems`, { headers: bearer(handle) });
  const s4d = ((await response.json()) as SystemSummary[]).find((s) => s.id === 'S4D')!;
  return [
    ['xsuaa', { port: portOf(handle.urls.xsuaa) }],
    ['xsuaaTls', { port: portOf(handle.urls.xsuaaTls), ca: readFileSync(handle.caCert!, 'utf8') }],
    ['destination', { port: portOf(handle.urls.destination) }],
    ['admin', { port: portOf(handle.urls.admin) }],
    ['proxy', { port: portOf(handle.urls.proxy) }],
    ['system S4D', { port: s4d.port! }],
  ];
}

const header = (response: string, name: string): string | undefined =>
  new RegExp(`\\r\\n${name}: ([^\\r\\n]*)`, 'i').exec(response)?.[1];

describe('request head deadline', () => {
  it('answers a head trickled in one byte at a time with 408 and closes, on every HTTP listener', async () => {
    const handle = await engine();
    for (const [name, target] of await httpListeners(handle)) {
      const result = await talk(target, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'abcdefgh');
      expect(statusOf(result.received), name).toBe(408);
      expect(header(result.received, 'Connection'), name).toBe('close');
    }
  });

  it('gives the next head on a kept-alive connection its own deadline (XSUAA, proxy)', async () => {
    const handle = await engine();
    const cases: [string, RawTarget, string][] = [
      ['xsuaa', { port: portOf(handle.urls.xsuaa) }, 'GET /token_keys HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
      // No proxy token: a 407 that keeps the connection.
      [
        'proxy',
        { port: portOf(handle.urls.proxy) },
        'GET http://s4.virtual:44300/sap/opu/odata/ HTTP/1.1\r\nHost: s4.virtual:44300\r\n\r\n',
      ],
    ];
    for (const [name, target, first] of cases) {
      const result = await afterOneAnswer(target, first, (socket) => {
        socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
        trickleInto(socket, 'abcdefgh');
      });
      expect(statusOf(result.first), name).toBeGreaterThanOrEqual(200);
      expect(header(result.first, 'Connection'), name).not.toBe('close');
      expect(statusOf(result.received), name).toBe(408);
    }
    const proxy = await talk(
      { port: portOf(handle.urls.proxy) },
      'GET http://s4.virtual:44300/ HTTP/1.1\r\n',
      'x',
    );
    expect(proxy.received).toContain('\r\nX-Btp-Emulator-Error: EMU_ERR_REQUEST_TIMEOUT\r\n');
  });

  it('closes a SOCKS5 handshake and a TLS handshake that do not complete in time', async () => {
    const handle = await engine();
    // A greeting announcing 255 methods, which then come one every 50 ms.
    const socks = await talk({ port: portOf(handle.urls.socks5) }, Buffer.from([0x05, 0xff]), '\x80');
    expect(socks).toEqual({ received: '', reset: false });
    // A TCP connection to the TLS listener that never says hello.
    const tls = await talk({ port: portOf(handle.urls.xsuaaTls) }, '');
    expect(tls.received).toBe('');
  });
});

describe('oversized request line', () => {
  it('answers a request line over 64 KB with 431 and Connection: close, on every HTTP listener', async () => {
    const handle = await engine();
    const line = `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
    for (const [name, target] of await httpListeners(handle)) {
      const result = await talk(target, line);
      expect(statusOf(result.received), name).toBe(431);
      expect(header(result.received, 'Connection'), name).toBe('close');
    }
  });
});
