// Fuzz of the admin API: every route with mutated paths, queries and JSON bodies (the workspace itself,
// tokens, Check a URL, destinations, systems' rows and EDMX, recordings). No 5xx, no exception in the
// process, the engine answers after.
import { describe, it } from 'vitest';
import { adminContext } from './contexts.js';
import { adminRequest } from './gen-admin.js';
import { expectNoFindings, FUZZ_TEST_TIMEOUT_MS, fuzzSettings, runFuzz } from './harness.js';
import { requestCase } from './http-case.js';
import { expectAlive, startFuzzEngine } from './setup.js';

const FILE = 'emulator/fuzz/admin.test.ts';

describe('fuzz: admin API', () => {
  it(
    'every route, authenticated, with mutated paths, queries and bodies',
    async () => {
      const settings = fuzzSettings(700);
      const f = await startFuzzEngine();
      const ctx = await adminContext(f);
      const findings = await runFuzz('admin API', settings, (rng) =>
        requestCase(adminRequest(rng, ctx), { port: f.port('admin') }),
      );
      await expectAlive(f, () =>
        fetch(`${f.adminUrl}/api/status`, { headers: { Authorization: `Bearer ${f.adminToken}` } }).then(
          (r) => r.status,
        ),
      );
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
