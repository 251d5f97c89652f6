// Fuzz of the connectivity proxy's SOCKS5 listener: greeting, SAP authentication and CONNECT as mutated
// bytes in one to three writes. Every reply is a well-formed SOCKS5 reply (never 01 general failure or
// 04 unreachable: the TCP backend is up), the listener closes after the client finished, no exception in
// the process, and the engine still relays a valid connection after.
import { describe, expect, it } from 'vitest';
import { rawExchange } from '../connectivity/test-support.js';
import { socksCase, socksMessage } from './gen-socks5.js';
import { expectNoFindings, FUZZ_TEST_TIMEOUT_MS, fuzzSettings, runFuzz } from './harness.js';
import { expectAlive, startFuzzEngine } from './setup.js';

const FILE = 'emulator/fuzz/socks5.test.ts';

function validDialogue(jwt: string): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(Buffer.byteLength(jwt));
  const host = Buffer.from('tcp.virtual');
  return Buffer.concat([
    Buffer.from([0x05, 0x01, 0x80, 0x01]),
    len,
    Buffer.from(jwt),
    Buffer.from([0x00, 0x05, 0x01, 0x00, 0x03, host.length]),
    host,
    Buffer.from([0x0c, 0xe4]),
    Buffer.from('ping'),
  ]);
}

describe('fuzz: connectivity proxy (SOCKS5)', () => {
  it(
    'greeting, authentication and CONNECT as mutated bytes',
    async () => {
      const settings = fuzzSettings(1200);
      const f = await startFuzzEngine();
      const port = f.port('socks5');
      const ctx = { port, jwt: f.proxyToken };
      const findings = await runFuzz('socks5', settings, (rng) => socksCase(socksMessage(rng, ctx), port));
      await expectAlive(f);
      const relayed = await rawExchange(port, validDialogue(f.proxyToken), (b) => b.length >= 18);
      expect(relayed.toString('hex')).toBe(`058001000500000100000000000070696e67`);
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
