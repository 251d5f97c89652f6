// wrk (apt install wrk) as the benches' load generator when it is installed: a C load generator with
// one thread leaves the 2 cores to the servers being measured, where autocannon (Node) takes most of a
// core itself. Results come back in autocannon's shape, so each bench keeps autocannon as its fallback.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// BENCH_LOAD=autocannon measures with autocannon even where wrk is installed (what a machine without wrk gets).
export const WRK =
  process.env.BENCH_LOAD === 'autocannon' || spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error
    ? null
    : 'wrk';
export const loadGenerator = WRK ? 'wrk (1 thread)' : 'autocannon';

/** `{ name: value }` as a Lua table body; canonical names, so `Host` replaces wrk's own (not a second one). */
export function luaHeaders(headers) {
  return Object.entries(headers)
    .map(
      ([k, v]) =>
        `[${JSON.stringify(k.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase()))}] = ${JSON.stringify(v)}`,
    )
    .join(', ');
}

let runs = 0;

/**
 * One wrk run of `requestScript` (Lua that sets up wrk.method/path/headers or defines `request`)
 * against `url`: `{ requests.total, duration, latency.p50/p99 (ms), errors, non2xx, timeouts }`.
 */
export function runWrk({ url, connections, duration, requestScript }) {
  const script = `${requestScript}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"total":%d,"us":%d,"p50":%d,"p99":%d,"errors":%d,"non2xx":%d,"timeouts":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write, e.status, e.timeout))
end`;
  const file = path.join(os.tmpdir(), `btp-bench-${process.pid}-${++runs}.lua`);
  writeFileSync(file, script);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, ['-t1', `-c${connections}`, `-d${duration}s`, '-s', file, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      rmSync(file, { force: true });
      const line = /WRK (\{.*\})/.exec(out)?.[1];
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}): ${out}`));
      const r = JSON.parse(line);
      resolve({
        requests: { total: r.total },
        duration: r.us / 1e6,
        latency: { p50: r.p50 / 1000, p99: r.p99 / 1000 },
        errors: r.errors,
        non2xx: r.non2xx,
        timeouts: r.timeouts,
      });
    });
  });
}
