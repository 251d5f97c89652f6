// Issue 4 benchmark: the connectivity proxy with everything on (token validation, access control,
// events, traffic ring, audit log) against the same ~2 KB JSON backend reached directly, through a
// minimal keep-alive Node forward proxy, and through mockttp 4 forwarding. 50 keep-alive connections,
// every variant in its own process, runs interleaved (A B C D, A B C D) so drift hits all alike.
// Targets (ratios from this run): throughput ≥ 0.30× direct and ≥ 6× mockttp; p99 ≤ 3× direct's p99.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fmt, root } from './engine.mjs';
import { loadGenerator, luaHeaders, runWrk, WRK } from './wrk.mjs';

const TARGETS = { direct: 0.3, mockttp: 6, p99: 3 };
const CONNECTIONS = 50;
const ROUNDS = 5;
const VIRTUAL = 'bench.virtual';

// Each server prints one JSON line {port} (or the engine's {urls, adminToken}) when ready.
const BACKEND = `
import http from 'node:http';
const item = (i) => ({ BusinessPartner: String(1000000 + i), BusinessPartnerFullName: 'Business Partner ' + i, Country: 'DE', CityName: 'Walldorf', PostalCode: '69190', StreetName: 'Dietmar-Hopp-Allee', HouseNumber: String(i) });
const body = JSON.stringify({ d: { results: Array.from({ length: 10 }, (_, i) => item(i)) } }).slice(0, 2048);
const payload = Buffer.from(body.length < 2000 ? body.padEnd(2048) : body);
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': payload.length });
  res.end(payload);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port, bytes: payload.length })));
`;

const BARE_PROXY = `
import http from 'node:http';
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
  const url = new URL(req.url);
  const upstream = http.request({ host: '127.0.0.1', port: Number(process.env.BACKEND_PORT), path: url.pathname + url.search, method: req.method, headers: req.headers, agent }, (r) => {
    res.writeHead(r.statusCode, r.headers);
    r.pipe(res);
  });
  upstream.on('error', () => { res.statusCode = 502; res.end(); });
  req.pipe(upstream);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
`;

const MOCKTTP = `
// mockttp is a bench-only dependency (see bench-deps.mjs: npm ci rejects its optional dependency).
import { importBenchDep } from '${new URL('./bench-deps.mjs', import.meta.url).href}';
const { getLocal } = await importBenchDep('mockttp', '4.6');
const server = getLocal();
await server.start();
await server.forAnyRequest().thenForwardTo('http://127.0.0.1:' + process.env.BACKEND_PORT);
console.log(JSON.stringify({ port: server.port }));
`;

// The built engine through its public entry (the CLI's --json mode would add a stdout line per event).
const ENGINE = `
import { startEmulator } from ${JSON.stringify(path.join(root, 'dist/emulator/index.js'))};
const handle = await startEmulator({ workspace: JSON.parse(process.env.BENCH_WORKSPACE), dataDir: process.env.BENCH_DATA, ephemeralPorts: true, uiDir: null });
console.log(JSON.stringify({ urls: handle.urls, adminToken: handle.adminToken }));
process.on('SIGTERM', () => handle.stop().then(() => process.exit(0)));
`;

function startChild(source, env = {}, stderr = 'inherit') {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', stderr],
  });
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before ready`)));
  });
  return {
    ready,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

function benchWorkspace(backendPort) {
  return {
    schemaVersion: 2,
    name: 'Proxy bench',
    subaccount: { id: '9f3a2c1e-5b7d-4e8f-a1b2-c3d4e5f60718', subdomain: 'bench' },
    xsuaa: { apps: [{ name: 'bench-uaa', xsappname: 'bench' }] },
    bindings: { connectivity: { name: 'bench-connectivity' } },
    cloudConnector: {
      locations: [
        {
          systemMappings: [
            {
              virtualHost: VIRTUAL,
              virtualPort: 80,
              internalHost: '127.0.0.1',
              internalPort: backendPort,
              resources: [{ path: '/sap/opu/odata/', mode: 'prefix' }],
            },
          ],
        },
      ],
    },
  };
}

async function proxyToken(engine) {
  const response = await fetch(`${engine.urls.admin}/api/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${engine.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ client: 'bench-connectivity' }),
  });
  const json = await response.json();
  if (!json.access_token) throw new Error(`no proxy token: ${JSON.stringify(json)}`);
  return json.access_token;
}

const PATH = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner';

function load(variant, duration) {
  if (!WRK) {
    return autocannon({
      url: `http://127.0.0.1:${variant.port}`,
      connections: CONNECTIONS,
      pipelining: 1,
      duration,
      requests: [{ method: 'GET', path: variant.path, headers: variant.headers }],
    });
  }
  return runWrk({
    url: `http://127.0.0.1:${variant.port}`,
    connections: CONNECTIONS,
    duration,
    requestScript: `wrk.method = "GET"\nwrk.path = ${JSON.stringify(variant.path)}\nfor k, v in pairs({ ${luaHeaders(variant.headers)} }) do wrk.headers[k] = v end`,
  });
}

export async function benchProxy({ seconds = 10 } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'btp-bench-proxy-'));
  const children = [];
  try {
    const backend = startChild(BACKEND);
    children.push(backend);
    const { port: backendPort, bytes } = await backend.ready;
    const env = { BACKEND_PORT: String(backendPort) };
    const engineChild = startChild(ENGINE, {
      BENCH_WORKSPACE: JSON.stringify(benchWorkspace(backendPort)),
      BENCH_DATA: dataDir,
    });
    const bare = startChild(BARE_PROXY, env);
    // mockttp logs every connection the load generator drops at the end of a run.
    const mock = startChild(MOCKTTP, env, 'ignore');
    children.push(engineChild, bare, mock);
    const engine = await engineChild.ready;
    const token = await proxyToken(engine);
    const absolute = `http://${VIRTUAL}${PATH}`;
    const variants = [
      { name: 'direct', port: backendPort, path: PATH, headers: {} },
      {
        name: 'emulator proxy',
        port: Number(new URL(engine.urls.proxy).port),
        path: absolute,
        headers: { host: VIRTUAL, 'proxy-authorization': `Bearer ${token}` },
      },
      { name: 'bare node proxy', port: (await bare.ready).port, path: absolute, headers: { host: VIRTUAL } },
      { name: 'mockttp 4', port: (await mock.ready).port, path: PATH, headers: { host: VIRTUAL } },
    ];
    for (const v of variants) await load(v, 2); // warm-up: JIT, pools
    // Short rounds with every variant in each: background load on a shared machine drifts within
    // seconds, so ratios are taken per round (same conditions) and the median round decides.
    const runs = Object.fromEntries(variants.map((v) => [v.name, []]));
    const perRound = Math.max(1, Math.round(seconds / ROUNDS));
    for (let round = 0; round < ROUNDS; round++)
      for (const v of variants) runs[v.name].push(await load(v, perRound));
    return report(variants, runs, bytes);
  } finally {
    for (const child of children.reverse()) await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summarise(results) {
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const duration = results.reduce((n, r) => n + r.duration, 0);
  const mean = (f) => results.reduce((n, r) => n + f(r), 0) / results.length;
  return {
    rate: requests / duration,
    p50: mean((r) => r.latency.p50),
    p99: mean((r) => r.latency.p99),
    bad: results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
    kinds: ['non2xx', 'errors', 'timeouts']
      .map((k) => `${k} ${results.reduce((n, r) => n + r[k], 0)}`)
      .join(', '),
    runs: results.map((r) => r.requests.total / r.duration),
  };
}

/**
 * Variants whose failed requests fail the run: the emulator's, and the backend's own (a broken backend
 * makes every ratio meaningless). The baselines' are printed: under this load mockttp 4 fails a few
 * requests in some runs (14 of ~16,000 in one), which says nothing about the emulator.
 */
const OWN = ['direct', 'emulator proxy'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rateOf = (r) => r.requests.total / r.duration;

function report(variants, runs, bytes) {
  const s = Object.fromEntries(variants.map((v) => [v.name, summarise(runs[v.name])]));
  const emu = runs['emulator proxy'];
  const rounds = (other, f) => emu.map((r, i) => f(r) / f(runs[other][i]));
  const p99Rounds = rounds('direct', (r) => r.latency.p99);
  const ratios = {
    direct: median(rounds('direct', rateOf)),
    mockttp: median(rounds('mockttp 4', rateOf)),
    bare: median(rounds('bare node proxy', rateOf)),
    p99: median(p99Rounds),
  };
  const ok =
    ratios.direct >= TARGETS.direct &&
    ratios.mockttp >= TARGETS.mockttp &&
    ratios.p99 <= TARGETS.p99 &&
    OWN.every((name) => s[name].bad === 0);
  console.log(
    `\nConnectivity proxy (${CONNECTIONS} keep-alive connections, ${bytes} B JSON backend, interleaved, load: ${loadGenerator})`,
  );
  for (const v of variants) {
    const r = s[v.name];
    console.log(
      `  ${v.name.padEnd(18)} ${fmt(r.rate).padStart(8)} req/s  p50 ${fmt(r.p50, 1)} ms  p99 ${fmt(r.p99, 1)} ms  (runs: ${r.runs.map((x) => fmt(x)).join(', ')}; non-2xx/errors ${r.bad})`,
    );
  }
  for (const v of variants)
    if (!OWN.includes(v.name) && s[v.name].bad > 0)
      console.log(
        `  note: ${v.name} (a baseline) had ${s[v.name].bad} failed requests (${s[v.name].kinds}); it does not fail the run`,
      );
  console.log('  ratios: median over rounds of (emulator / other), each pair measured in the same round');
  const verdict = (pass) => (pass ? 'PASS' : 'FAIL');
  console.log(
    `  ratio emulator / direct     ${fmt(ratios.direct, 2)}  (target ≥ ${TARGETS.direct})  ${verdict(ratios.direct >= TARGETS.direct)}`,
  );
  console.log(
    `  ratio emulator / mockttp    ${fmt(ratios.mockttp, 2)}  (target ≥ ${TARGETS.mockttp})  ${verdict(ratios.mockttp >= TARGETS.mockttp)}`,
  );
  console.log(`  ratio emulator / bare proxy ${fmt(ratios.bare, 2)}  (for reference)`);
  console.log(
    `  p99 emulator / direct       ${fmt(ratios.p99, 2)}  (target ≤ ${TARGETS.p99})  ${verdict(ratios.p99 <= TARGETS.p99)}  (rounds: ${p99Rounds.map((x) => fmt(x, 2)).join(', ')})`,
  );
  return {
    name: 'connectivity-proxy',
    ok,
    ...ratios,
    rates: Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.rate])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchProxy({ seconds: Number(process.env.BENCH_SECONDS ?? 10) });
  process.exitCode = result.ok ? 0 : 1;
}
