// Issue 3 benchmark: client_credentials issuance over HTTP (keep-alive, 8 connections) against the raw
// RS256 signing rate measured in the same run on the same cores. Target: HTTP ≥ 60% of raw.
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmt, startEngine, vcap } from './engine.mjs';

const TARGET = 0.6;
const signRate = (seconds) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('./sign-rate.mjs', import.meta.url)), String(seconds)],
      { encoding: 'utf8' },
    ),
  ).rate;

export async function benchTokens({ seconds = 10 } = {}) {
  const engine = await startEngine();
  try {
    const credentials = (await vcap(engine.ready)).xsuaa[0].credentials;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientid,
      client_secret: credentials.clientsecret,
    }).toString();
    const run = (duration) =>
      autocannon({
        url: `${credentials.url}/oauth/token`,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        connections: 8,
        pipelining: 1,
        duration,
      });
    await run(2); // warm-up: JIT, connection pool
    // Interleaved: raw, HTTP, raw — the baseline is the mean of the runs around the HTTP run.
    const rawBefore = signRate(seconds / 2);
    const http = await run(seconds);
    const rawAfter = signRate(seconds / 2);
    const raw = (rawBefore + rawAfter) / 2;
    const httpRate = http.requests.total / (http.duration || seconds);
    const ratio = httpRate / raw;
    const ok = ratio >= TARGET && http.non2xx === 0 && http.errors === 0;
    console.log('XSUAA client_credentials token issuance (8 keep-alive clients)');
    console.log(`  raw RS256 signing rate     ${fmt(raw)} /s  (runs: ${fmt(rawBefore)}, ${fmt(rawAfter)})`);
    console.log(
      `  HTTP token issuance        ${fmt(httpRate)} /s  (${http.requests.total} requests, non-2xx ${http.non2xx}, errors ${http.errors})`,
    );
    console.log(
      `  latency p50 / p99          ${fmt(http.latency.p50, 1)} ms / ${fmt(http.latency.p99, 1)} ms`,
    );
    console.log(
      `  ratio HTTP / raw           ${fmt(ratio, 2)}  (target ≥ ${TARGET})  ${ok ? 'PASS' : 'FAIL'}`,
    );
    return { name: 'xsuaa-token', ok, raw, httpRate, ratio, p50: http.latency.p50, p99: http.latency.p99 };
  } finally {
    await engine.stop();
  }
}
