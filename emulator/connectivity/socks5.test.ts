// SOCKS5 on the wire: SAP's method 0x80, the JWT + base64 location message, and every reply code
// with its exact bytes; plus the `socks` npm client using SAP's method through its custom-auth hooks.
import { SocksClient } from 'socks';
import { describe, expect, it } from 'vitest';
import type { SocksConnectionEvent } from '../../app/connectivity/events.js';
import { engine } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';
import { proxyWorkspace, rawExchange, startBackend, startTcpEcho, token } from './test-support.js';

interface Setup {
  handle: EmulatorHandle;
  port: number;
  jwt: string;
  events: SocksConnectionEvent[];
}

async function setup(): Promise<Setup> {
  const backend = await startBackend();
  const tcp = await startTcpEcho();
  const handle = await engine({
    workspace: proxyWorkspace({ http: backend.port, tcp }, (ws) => {
      ws.cloudConnector!.locations![0]!.systemMappings!.push({
        virtualHost: 'tcpdown.virtual',
        virtualPort: 1,
        internalHost: '127.0.0.1',
        internalPort: 1,
        protocol: 'TCP',
      });
    }),
  });
  const events: SocksConnectionEvent[] = [];
  handle.on('socks-connection', (e) => events.push(e));
  return {
    handle,
    port: Number(new URL(handle.urls.socks5!).port),
    jwt: await token(handle, { client: 'demo-connectivity' }),
    events,
  };
}

function sapAuth(jwt: string, location?: string): Buffer {
  const loc =
    location === undefined ? Buffer.alloc(0) : Buffer.from(Buffer.from(location).toString('base64'));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(Buffer.byteLength(jwt));
  return Buffer.concat([Buffer.from([0x01]), len, Buffer.from(jwt), Buffer.from([loc.length]), loc]);
}

function connectDomain(host: string, port: number, command = 0x01): Buffer {
  const p = Buffer.alloc(2);
  p.writeUInt16BE(port);
  return Buffer.concat([Buffer.from([0x05, command, 0x00, 0x03, host.length]), Buffer.from(host), p]);
}

const GREETING = Buffer.from([0x05, 0x02, 0x00, 0x80]);
const hex = (b: Buffer): string => b.toString('hex');
const exchange = (s: Setup, ...parts: Buffer[]): Promise<string> =>
  rawExchange(s.port, Buffer.concat(parts)).then(hex);
const reply = (code: number): string => `05${code.toString(16).padStart(2, '0')}0001000000000000`;

describe('connectivity proxy (SOCKS5)', () => {
  it('chooses 0x80 even when 0x00 is offered, and refuses greetings without it (05 ff)', async () => {
    const s = await setup();
    expect(await rawExchange(s.port, GREETING, (b) => b.length >= 2).then(hex)).toBe('0580');
    expect(await exchange(s, Buffer.from([0x05, 0x01, 0x00]))).toBe('05ff');
  });

  it('answers a bad JWT with auth status 05 and closes', async () => {
    const s = await setup();
    const expired = await token(s.handle, { client: 'demo-connectivity', expiresIn: -3600 });
    expect(await exchange(s, GREETING, sapAuth(expired), connectDomain('tcp.virtual', 3300))).toBe(
      `0580${'0105'}`,
    );
    expect(s.events.at(-1)).toMatchObject({ reply: 5, decision: { stage: 'auth', allowed: false } });
  });

  it('reply 03 for an unknown or disconnected location', async () => {
    const s = await setup();
    expect(await exchange(s, GREETING, sapAuth(s.jwt, 'nowhere'), connectDomain('tcp.virtual', 3300))).toBe(
      `05800100${reply(3)}`,
    );
    expect(await exchange(s, GREETING, sapAuth(s.jwt, 'off'), connectDomain('tcp.virtual', 3300))).toBe(
      `05800100${reply(3)}`,
    );
  });

  it('reply 02 for a destination without a TCP mapping (HTTP mappings do not count)', async () => {
    const s = await setup();
    expect(await exchange(s, GREETING, sapAuth(s.jwt), connectDomain('nope.virtual', 3300))).toBe(
      `05800100${reply(2)}`,
    );
    expect(await exchange(s, GREETING, sapAuth(s.jwt), connectDomain('erp.virtual', 44300))).toBe(
      `05800100${reply(2)}`,
    );
    expect(s.events.at(-1)!.decision.reason).toMatch(
      /its mapping in the default location is for HTTP, not TCP/,
    );
  });

  it('reply 04 when the mapped backend is unreachable', async () => {
    const s = await setup();
    expect(await exchange(s, GREETING, sapAuth(s.jwt), connectDomain('tcpdown.virtual', 1))).toBe(
      `05800100${reply(4)}`,
    );
  });

  it('reply 07 for BIND/UDP and 08 for IPv6 addresses', async () => {
    const s = await setup();
    expect(await exchange(s, GREETING, sapAuth(s.jwt), connectDomain('tcp.virtual', 3300, 0x02))).toBe(
      `05800100${reply(7)}`,
    );
    const ipv6 = Buffer.concat([
      Buffer.from([0x05, 0x01, 0x00, 0x04]),
      Buffer.alloc(16),
      Buffer.from([0x0c, 0xe4]),
    ]);
    expect(await exchange(s, GREETING, sapAuth(s.jwt), ipv6)).toBe(`05800100${reply(8)}`);
  });

  it('connects to the TCP mapping (reply 00) and relays bytes both ways', async () => {
    const s = await setup();
    const bytes = await rawExchange(
      s.port,
      Buffer.concat([GREETING, sapAuth(s.jwt), connectDomain('tcp.virtual', 3300), Buffer.from('ping')]),
      (b) => b.length >= 18,
    );
    expect(hex(bytes)).toBe(`05800100${reply(0)}${Buffer.from('ping').toString('hex')}`);
  });

  it('works with the `socks` client using SAP method 0x80 through its custom-auth options', async () => {
    const s = await setup();
    const { socket } = await SocksClient.createConnection({
      command: 'connect',
      destination: { host: 'tcp.virtual', port: 3300 },
      proxy: {
        host: '127.0.0.1',
        port: s.port,
        type: 5,
        custom_auth_method: 0x80,
        custom_auth_request_handler: () => Promise.resolve(sapAuth(s.jwt)),
        custom_auth_response_size: 2,
        custom_auth_response_handler: (data: Buffer) => Promise.resolve(data[1] === 0x00),
      },
    });
    const echoed = await new Promise<string>((resolve) => {
      socket.once('data', (d: Buffer) => resolve(d.toString()));
      socket.write('hello');
    });
    socket.destroy();
    expect(echoed).toBe('hello');
    await expect
      .poll(() => s.events.at(-1))
      .toMatchObject({
        reply: 0,
        destination: 'tcp.virtual:3300',
        decision: { allowed: true, mapping: expect.stringContaining('tcp.virtual:3300') as unknown },
      });
  });
});
