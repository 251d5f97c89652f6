// Fuzz of the connectivity proxy's HTTP listener with raw request heads: its own head parser, framing,
// authentication and admission, and forwarding to backends it can always reach (an echo server and the
// simulated system). No 5xx, no exception in the process, the engine answers after.
import { describe, it } from 'vitest';
import { proxyContext } from './contexts.js';
import { proxyCase, proxyContract5xx } from './gen-proxy.js';
import { expectNoFindings, FUZZ_TEST_TIMEOUT_MS, fuzzSettings, runFuzz } from './harness.js';
import { rawCase } from './http-case.js';
import { expectAlive, startFuzzEngine } from './setup.js';
import { buildRequest, exchange } from './wire.js';

const FILE = 'emulator/fuzz/proxy.test.ts';

describe('fuzz: connectivity proxy (HTTP)', () => {
  it(
    'request heads, framing and smuggling shapes as raw bytes',
    async () => {
      const settings = fuzzSettings(1200);
      const f = await startFuzzEngine();
      const ctx = await proxyContext(f);
      const port = f.port('proxy');
      const findings = await runFuzz('proxy head', settings, (rng) => {
        const c = proxyCase(rng, ctx);
        return rawCase(c.bytes, c.methods, {
          port,
          readBodies: c.methods.length > 1,
          allow5xx: proxyContract5xx,
        });
      });
      await expectAlive(f, async () => {
        const probe = buildRequest({
          method: 'GET',
          target: 'http://erp.virtual:44300/api/probe',
          headers: [
            ['Host', 'erp.virtual:44300'],
            ['Proxy-Authorization', `Bearer ${f.proxyToken}`],
          ],
        });
        const result = await exchange({ port, bytes: probe, methods: ['GET'], complete: true });
        return result.responses[0]?.status ?? 599;
      });
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
