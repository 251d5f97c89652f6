// Fuzz of the simulated SAP systems' OData V2 and V4 services, on the system's own listener and through
// the connectivity proxy with a valid token: grammar-generated $filter and query options, resource
// paths and keys in every encoding, writes with mutated bodies, $batch (multipart and JSON). No 5xx
// (also none inside a $batch answer), no exception in the process, the engine answers after.
import { describe, it } from 'vitest';
import { metadataProbe, odataContext } from './contexts.js';
import { batchRequest } from './gen-batch.js';
import { odataRequest } from './gen-odata.js';
import { expectNoFindings, FUZZ_TEST_TIMEOUT_MS, fuzzSettings, runFuzz } from './harness.js';
import { odataCase } from './http-case.js';
import { expectAlive, startFuzzEngine } from './setup.js';

const FILE = 'emulator/fuzz/odata.test.ts';

describe('fuzz: simulated OData systems', () => {
  it(
    '$filter, query options, paths and writes on the system listener (V2 and V4)',
    async () => {
      const settings = fuzzSettings(1200);
      const f = await startFuzzEngine();
      const ctx = await odataContext(f, false);
      const findings = await runFuzz('odata', settings, (rng) =>
        odataCase(odataRequest(rng, ctx), f.systemPort),
      );
      await expectAlive(f, metadataProbe(f));
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    '$batch, multipart and JSON, on the system listener (V2 and V4)',
    async () => {
      const settings = fuzzSettings(400);
      const f = await startFuzzEngine();
      const ctx = await odataContext(f, false);
      const findings = await runFuzz('odata $batch', settings, (rng) =>
        odataCase(batchRequest(rng, ctx), f.systemPort),
      );
      await expectAlive(f, metadataProbe(f));
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'the same through the connectivity proxy with a valid token',
    async () => {
      const settings = fuzzSettings(400);
      const f = await startFuzzEngine();
      const ctx = await odataContext(f, true);
      const port = f.port('proxy');
      const findings = await runFuzz('odata via proxy', settings, (rng) =>
        odataCase(rng.chance(0.7) ? odataRequest(rng, ctx) : batchRequest(rng, ctx), port),
      );
      await expectAlive(f, metadataProbe(f));
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
