// The same generators against the built CLI (`btp-emulator start --json`) as a child process: an input
// that ends the engine's process cannot hide behind the test runner's own exception handlers here. A
// smaller share of each fuzz; after every case the process must still be running, and at the end it
// still answers and stops cleanly on SIGTERM.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { output, ready, requireBuiltCli, run, type Run } from '../cli/test-support.js';
import { tempDir } from '../test/support.js';
import { loginContext, odataContext, proxyContext, tokenContext } from './contexts.js';
import { batchRequest } from './gen-batch.js';
import { foreignRedirect, loginRequest } from './gen-login.js';
import { odataRequest } from './gen-odata.js';
import { proxyCase, proxyContract5xx } from './gen-proxy.js';
import { socksCase, socksMessage } from './gen-socks5.js';
import { tokenRequest } from './gen-token.js';
import {
  expectNoFindings,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzSettings,
  runFuzz,
  type Finding,
  type FuzzCase,
  type FuzzSettings,
} from './harness.js';
import { odataCase, rawCase, requestCase } from './http-case.js';
import type { Rng } from './rng.js';
import { attachFuzzEngine, expectAlive, fuzzWorkspace, startBackends } from './setup.js';

requireBuiltCli();

const FILE = 'emulator/fuzz/cli-smoke.test.ts';

/** The error lines of a crash on stderr, as one line. */
function why(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  return (
    lines
      .filter((l) => /^[A-Z]\w*Error\b|code: '/.test(l))
      .slice(0, 3)
      .join(' | ') || lines.slice(-5).join(' | ')
  );
}

/** Resolves true once the engine process has exited (it answers nothing any more). */
async function exited(r: Run, adminUrl: string): Promise<boolean> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return true;
  const answered = await fetch(`${adminUrl}/api/health`).then(
    () => true,
    () => false,
  );
  if (!answered) await r.exit;
  return !answered;
}

/** After each case: is the engine process still there? Once it is gone the remaining cases are skipped. */
function watching(r: Run, adminUrl: string, make: (rng: Rng) => FuzzCase): (rng: Rng) => FuzzCase {
  return (rng) => {
    if (r.child.exitCode !== null || r.child.signalCode !== null)
      return { input: '(skipped: the engine exited)', run: () => Promise.resolve([]) };
    const c = make(rng);
    return {
      input: c.input,
      outcome: () => c.outcome?.() ?? '?',
      async run(signal) {
        const problems = await c.run(signal);
        if (await exited(r, adminUrl))
          problems.push(
            `the engine process exited (code ${r.child.exitCode}, signal ${r.child.signalCode}): ${why(r.stderr())}`,
          );
        return problems;
      },
    };
  };
}

describe('fuzz: the CLI process', () => {
  it(
    'survives a share of every fuzz, answers after, and stops on SIGTERM',
    async () => {
      const dir = await tempDir();
      const file = path.join(dir, 'fuzz.json');
      await writeFile(file, JSON.stringify(fuzzWorkspace(await startBackends())));
      const r = run([
        'start',
        '--json',
        '--ephemeral-ports',
        '--workspace',
        file,
        '--data-dir',
        path.join(dir, 'data'),
      ]);
      const line = await ready(r);
      const drained = output(r); // events go to stdout: read them, or the child blocks on a full pipe
      const f = await attachFuzzEngine(line.urls, line.adminToken);
      const settings: FuzzSettings = fuzzSettings(80);
      const token = await tokenContext(f);
      const login = await loginContext(f);
      const proxy = await proxyContext(f);
      const odata = await odataContext(f, false);
      const findings: Finding[] = [];
      const fuzz = async (name: string, make: (rng: Rng) => FuzzCase): Promise<void> => {
        findings.push(...(await runFuzz(`cli ${name}`, settings, watching(r, f.adminUrl, make))));
      };
      await fuzz('token endpoint', (rng) => requestCase(tokenRequest(rng, token), { port: f.port('xsuaa') }));
      await fuzz('proxy head', (rng) => {
        const c = proxyCase(rng, proxy);
        return rawCase(c.bytes, c.methods, { port: f.port('proxy'), allow5xx: proxyContract5xx });
      });
      await fuzz('socks5', (rng) =>
        socksCase(socksMessage(rng, { port: f.port('socks5'), jwt: f.proxyToken }), f.port('socks5')),
      );
      await fuzz('odata', (rng) =>
        odataCase(rng.chance(0.7) ? odataRequest(rng, odata) : batchRequest(rng, odata), f.systemPort),
      );
      // Last: on a build where the logout crash (issue 14 item 1) is not fixed it ends the process.
      await fuzz('login and logout', (rng) =>
        requestCase(loginRequest(rng, login), {
          port: f.port('xsuaa'),
          extra: (res) => foreignRedirect(res.headers.location),
        }),
      );
      if (r.child.exitCode !== null || r.child.signalCode !== null)
        expectNoFindings(findings, settings, FILE);
      await expectAlive(f);
      r.child.kill('SIGTERM');
      expect(await r.exit).toBe(0);
      await drained;
      expectNoFindings(findings, settings, FILE);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
