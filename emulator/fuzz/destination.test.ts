// Fuzz of the Destination service REST API: find, collections, writes with mutated bodies, names in
// every encoding, mutated tokens. No 5xx, no exception in the process, the engine answers after.
import { describe, it } from 'vitest';
import { destinationContext } from './contexts.js';
import { destinationRequest } from './gen-destination.js';
import { expectNoFindings, FUZZ_TEST_TIMEOUT_MS, fuzzSettings, runFuzz } from './harness.js';
import { requestCase } from './http-case.js';
import { expectAlive, startFuzzEngine } from './setup.js';

const FILE = 'emulator/fuzz/destination.test.ts';

describe('fuzz: Destination service', () => {
  it(
    'REST API (find, lists, writes, certificates)',
    async () => {
      const settings = fuzzSettings(800);
      const f = await startFuzzEngine();
      const ctx = await destinationContext(f);
      const findings = await runFuzz('destination API', settings, (rng) =>
        requestCase(destinationRequest(rng, ctx), { port: f.port('destination') }),
      );
      await expectAlive(f, () =>
        fetch(`${f.urls.destination}/destination-configuration/v1/subaccountDestinations`, {
          headers: { Authorization: `Bearer ${ctx.tokens[0]!}` },
        }).then((r) => r.status),
      );
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
