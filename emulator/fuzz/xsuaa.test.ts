// Fuzz of the emulated XSUAA (plain HTTP and TLS listeners): the token endpoint with every grant, the
// other routes, and the browser login flow. No 5xx, no exception in the process, the engine answers after.
import { describe, it } from 'vitest';
import { loginContext, tokenContext } from './contexts.js';
import { foreignRedirect, loginRequest } from './gen-login.js';
import { tokenRequest, xsuaaMiscRequest } from './gen-token.js';
import { expectNoFindings, FUZZ_TEST_TIMEOUT_MS, fuzzSettings, runFuzz } from './harness.js';
import { requestCase } from './http-case.js';
import { expectAlive, startFuzzEngine, type FuzzEngine } from './setup.js';

const FILE = 'emulator/fuzz/xsuaa.test.ts';

const probe = (f: FuzzEngine) => () =>
  fetch(`${f.urls.xsuaa}/.well-known/openid-configuration`).then((r) => r.status);

describe('fuzz: XSUAA', () => {
  it(
    'token endpoint and the other routes (HTTP and TLS)',
    async () => {
      const settings = fuzzSettings(900);
      const f = await startFuzzEngine();
      const ctx = await tokenContext(f);
      const findings = await runFuzz('token endpoint', settings, (rng) => {
        const tls = rng.chance(0.1);
        const spec = rng.chance(0.85) ? tokenRequest(rng, ctx) : xsuaaMiscRequest(rng, ctx);
        return requestCase(spec, { port: f.port(tls ? 'xsuaaTls' : 'xsuaa'), tls });
      });
      await expectAlive(f, probe(f));
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'login, authorize and logout (redirect targets, cookies, forms)',
    async () => {
      const settings = fuzzSettings(900);
      const f = await startFuzzEngine();
      const ctx = await loginContext(f);
      const findings = await runFuzz('login and logout', settings, (rng) =>
        requestCase(loginRequest(rng, ctx), {
          port: f.port('xsuaa'),
          extra: (response) => foreignRedirect(response.headers.location),
        }),
      );
      await expectAlive(f, probe(f));
      expectNoFindings(findings, settings, FILE, f.errors);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
