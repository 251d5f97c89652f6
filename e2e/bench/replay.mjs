// Issue 7 benchmark: replaying a 10,000-entry session against the simulated OData V2 service answering
// the same 10,000 requests, in the same run and the same engine process. The session is made the way a
// user makes one: system REP records (mode record, live.url = the simulated system SIM) while the mix
// runs through it once; then REP switches to replay through PUT /api/workspace, without a restart.
// Mix: key reads, key + $expand, address reads, $filter queries and $skip/$top pages, all distinct.
// Load: 50 keep-alive connections walking the mix in the same order for both; short interleaved rounds,
// the median per-round ratio decides. Target: replay throughput ≥ 1.0× simulated. Also printed: the
// session load time (PUT replay → first replayed answer), the engine's RSS and heap (after a GC) before
// and after the load.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fmt, root } from './engine.mjs';
import { partnerKey, writeBenchData } from './odata-data.mjs';
import { loadGenerator, luaHeaders, runWrk, WRK } from './wrk.mjs';

const ENTRIES = Number(process.env.BENCH_REPLAY_ENTRIES ?? 10_000);
const ROWS = Number(process.env.BENCH_REPLAY_ROWS ?? 2_000);
const CONNECTIONS = 50;
// Many short rounds: on a shared machine load drifts within seconds; the median of per-round ratios holds.
const ROUNDS = 10;
const TARGET = 1.0;
const SESSION = 'bench';
const SERVICE = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
const USER = { name: 'DEVELOPER', password: 'Welcome1' };
const HEADERS = {
  // As the proxy sends it for a mapping: the virtual host. Record mode passes the Host on to the real
  // system, so SIM builds the same links for both systems and answers compare byte for byte.
  host: 'bench.virtual:44300',
  authorization: `Basic ${Buffer.from(`${USER.name}:${USER.password}`).toString('base64')}`,
  accept: 'application/json',
};
const LAST = ['Schmidt', 'Miller', 'Dubois', 'Rossi', 'Novak', 'Jensen', 'Garcia', 'Weber', 'Smith', 'Berg'];

/** The request mix: ENTRIES distinct GETs, as an OData client of this service would send them. */
export function requestMix(entries = ENTRIES, rows = ROWS) {
  const paths = [];
  for (let i = 0; paths.length < entries; i++) {
    // n is distinct per kind; 7919 is prime, so (n * 7919) % rows visits every row before repeating.
    const n = Math.floor(i / 6);
    const row = (n * 7919) % rows;
    const key = partnerKey(row);
    const pick = [
      () => `A_BusinessPartner('${key}')`,
      () => `A_BusinessPartner('${key}')?$expand=to_BusinessPartnerAddress`,
      () => `A_BusinessPartnerAddress(BusinessPartner='${key}',AddressID='${row + 1}')`,
      () =>
        `A_BusinessPartner?$filter=LastName%20eq%20'${LAST[n % LAST.length]}'%20and%20EmployeeCount%20ge%20${n % 997}&$top=10&$select=BusinessPartner,LastName,EmployeeCount`,
      () => `A_BusinessPartner?$skip=${n}&$top=20&$select=BusinessPartner,FirstName,LastName`,
      () =>
        `A_BusinessPartner?$filter=BusinessPartner%20eq%20'${key}'&$select=BusinessPartner,BusinessPartnerFullName`,
    ][i % 6]();
    paths.push(`${SERVICE}${pick}${pick.includes('?') ? '&' : '?'}sap-client=100`);
  }
  if (new Set(paths).size !== paths.length) throw new Error('the request mix repeats a request');
  if (Math.ceil(entries / 6) > rows)
    throw new Error(`${entries} distinct requests need at least ${Math.ceil(entries / 6)} rows`);
  return paths;
}

// The built engine through its public entry (the CLI's --json mode would add a stdout line per event).
// A line on stdin asks for the engine's memory after a full GC.
const ENGINE = `
import { createInterface } from 'node:readline';
import { startEmulator } from ${JSON.stringify(path.join(root, 'dist/emulator/index.js'))};
const handle = await startEmulator({ workspace: JSON.parse(process.env.BENCH_WORKSPACE), dataDir: process.env.BENCH_DATA, ephemeralPorts: true, uiDir: null });
console.log(JSON.stringify({ urls: handle.urls, adminToken: handle.adminToken }));
createInterface({ input: process.stdin }).on('line', () => {
  globalThis.gc();
  const m = process.memoryUsage();
  console.log(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external }));
});
process.on('SIGTERM', () => handle.stop().then(() => process.exit(0)));
`;

function startEngineChild(workspace, dataDir) {
  const child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', ENGINE], {
    cwd: root,
    env: { ...process.env, BENCH_WORKSPACE: JSON.stringify(workspace), BENCH_DATA: dataDir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const next = async (what) => {
    const line = await Promise.race([lines.next(), exited.then(() => ({ done: true }))]);
    if (line.done) throw new Error(`the bench engine exited while waiting for ${what}`);
    return JSON.parse(line.value);
  };
  return {
    pid: child.pid,
    ready: next('its ready line'),
    async memory() {
      child.stdin.write('mem\n');
      return next('its memory');
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function benchWorkspace(files) {
  return {
    schemaVersion: 2,
    name: 'Replay bench',
    subaccount: { id: '9f3a2c1e-5b7d-4e8f-a1b2-c3d4e5f60718', subdomain: 'bench' },
    systems: [
      {
        id: 'SIM',
        users: [USER],
        clients: ['100'],
        services: [
          {
            name: 'API_BUSINESS_PARTNER',
            odataVersion: 'v2',
            metadata: 'builtin:API_BUSINESS_PARTNER',
            data: { files },
          },
        ],
      },
      { id: 'REP', users: [USER], clients: ['100'] },
    ],
  };
}

async function admin(engine, method, apiPath, body) {
  const response = await fetch(`${engine.urls.admin}${apiPath}`, {
    method,
    headers: { Authorization: `Bearer ${engine.adminToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${apiPath}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

const withRep = (workspace, recording) => ({
  ...workspace,
  systems: workspace.systems.map((s) => (s.id === 'REP' ? { ...s, recording } : s)),
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function get(port, requestPath) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: requestPath, agent, headers: HEADERS }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Every path once, `parallel` at a time; fails on the first non-200. */
async function walk(port, paths, parallel = 16) {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const p = paths[next++];
      const r = await get(port, p);
      if (r.status !== 200)
        throw new Error(`GET ${p} on port ${port}: HTTP ${r.status} ${r.body.toString().slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** One load run over the mix (every connection takes the next path of one shared cursor), autocannon's shape. */
function load(port, paths, duration) {
  if (WRK) return wrkLoad(port, paths, duration);
  let cursor = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    pipelining: 1,
    duration,
    headers: HEADERS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[cursor++ % paths.length] }) }],
  });
}

function wrkLoad(port, paths, duration) {
  const requestScript = `local paths = {\n${paths.map((p) => JSON.stringify(p)).join(',\n')}\n}
local headers = { ${luaHeaders(HEADERS)} }
local i = 0
request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i], headers)
end`;
  return runWrk({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration, requestScript });
}

const mb = (bytes) => Math.round(bytes / (1024 * 1024));

/** Each system's current port: a workspace change may restart a system on a new ephemeral port. */
async function portsOf(engine) {
  const systems = await admin(engine, 'GET', '/api/systems');
  const ports = Object.fromEntries(systems.map((s) => [s.id, s.port]));
  if (!ports.SIM || !ports.REP) throw new Error(`bench systems not running: ${JSON.stringify(systems)}`);
  return ports;
}

/** Record the mix through REP, check the file, switch to replay and time the load. */
async function recordAndLoad(engine, child, workspace, paths, dataDir) {
  const sim = (await portsOf(engine)).SIM;
  const recording = { mode: 'record', live: { url: `http://127.0.0.1:${sim}` }, session: SESSION };
  await admin(engine, 'PUT', '/api/workspace', withRep(workspace, recording));
  const t0 = performance.now();
  await walk((await portsOf(engine)).REP, paths);
  const recordMs = performance.now() - t0;
  // Stop recording (closes the session file), then count what is on disk.
  await admin(engine, 'PUT', '/api/workspace', workspace);
  const file = path.join(dataDir, 'recordings', `${SESSION}.har`);
  const entries = JSON.parse(readFileSync(file, 'utf8')).log.entries.length;
  if (entries !== paths.length) throw new Error(`${file} has ${entries} entries, expected ${paths.length}`);
  const before = await child.memory();
  const replay = { mode: 'replay', replay: { sessions: [SESSION], onMiss: 'strict' } };
  const t1 = performance.now();
  // Meanwhile another service keeps being asked (the simulated system, one request at a time): its
  // slowest answer is how long the load stalled everything else in the engine.
  let switching = true;
  let stallMs = 0;
  const probe = (async () => {
    while (switching) {
      const t = performance.now();
      await get(sim, paths[0]);
      stallMs = Math.max(stallMs, performance.now() - t);
    }
  })();
  await admin(engine, 'PUT', '/api/workspace', withRep(workspace, replay));
  const switchMs = performance.now() - t1;
  switching = false;
  await probe;
  const port = (await portsOf(engine)).REP; // not timed: an admin call, not part of loading
  const t2 = performance.now();
  const first = await get(port, paths[0]);
  const loadMs = switchMs + (performance.now() - t2);
  if (first.status !== 200)
    throw new Error(`first replayed request: HTTP ${first.status} ${first.body.toString().slice(0, 300)}`);
  const after = await child.memory();
  return { recordMs, entries, bytes: statSync(file).size, switchMs, loadMs, stallMs, before, after };
}

/** Replay must give what the simulated service gave: every 50th request compared byte for byte. */
async function sameAnswers(ports, paths) {
  for (let i = 0; i < paths.length; i += 50) {
    const [sim, rep] = [await get(ports.SIM, paths[i]), await get(ports.REP, paths[i])];
    if (sim.status !== rep.status || !sim.body.equals(rep.body))
      throw new Error(
        `replay differs from the simulated answer for ${paths[i]}: ${sim.status} vs ${rep.status}`,
      );
  }
}

export async function benchReplay({ seconds = 10 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'btp-bench-replay-'));
  const dataDir = path.join(dir, 'engine');
  const workspace = benchWorkspace(writeBenchData(path.join(dir, 'data'), ROWS));
  const child = startEngineChild(workspace, dataDir);
  try {
    const engine = await child.ready;
    const paths = requestMix();
    await walk((await portsOf(engine)).SIM, paths.slice(0, 100)); // loads the data (lazily, per sap-client)
    const session = await recordAndLoad(engine, child, workspace, paths, dataDir);
    const ports = await portsOf(engine);
    await sameAnswers(ports, paths);
    const variants = [
      { name: 'simulated', port: ports.SIM },
      { name: 'replay', port: ports.REP },
    ];
    for (const v of variants) await load(v.port, paths, 2); // warm-up: JIT, pools
    const runs = { simulated: [], replay: [] };
    const perRound = Math.max(1, Math.round(seconds / ROUNDS));
    for (let round = 0; round < ROUNDS; round++)
      // Alternate which goes first, so neither always runs right after the other's load.
      for (const v of round % 2 === 0 ? variants : [...variants].reverse())
        runs[v.name].push(await load(v.port, paths, perRound));
    return report(runs, session);
  } finally {
    agent.destroy();
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rateOf = (r) => r.requests.total / r.duration;

function summarise(results) {
  const mean = (f) => results.reduce((n, r) => n + f(r), 0) / results.length;
  return {
    rate: results.reduce((n, r) => n + r.requests.total, 0) / results.reduce((n, r) => n + r.duration, 0),
    p50: mean((r) => r.latency.p50),
    p99: mean((r) => r.latency.p99),
    bad: results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
    runs: results.map(rateOf),
  };
}

function report(runs, session) {
  const sim = summarise(runs.simulated);
  const rep = summarise(runs.replay);
  const ratio = median(runs.replay.map((r, i) => rateOf(r) / rateOf(runs.simulated[i])));
  const ok = ratio >= TARGET && sim.bad === 0 && rep.bad === 0;
  console.log(
    `\nReplay of a ${fmt(session.entries)}-entry session vs the simulated OData V2 service (${fmt(ROWS)} partners), same engine, same request mix, ${CONNECTIONS} keep-alive connections, interleaved, load: ${loadGenerator}`,
  );
  console.log(
    `  session: recorded through system REP in ${fmt(session.recordMs / 1000, 1)} s (${fmt(session.entries / (session.recordMs / 1000))} req/s), ${fmt(session.bytes / 1024 / 1024, 1)} MB on disk`,
  );
  console.log(
    `  session load: ${fmt(session.loadMs)} ms from PUT /api/workspace (mode replay) to the first replayed answer (PUT itself ${fmt(session.switchMs)} ms); the simulated system's slowest answer meanwhile ${fmt(session.stallMs, 1)} ms`,
  );
  console.log(
    `  engine memory after GC: RSS ${mb(session.before.rss)} → ${mb(session.after.rss)} MB, heap ${mb(session.before.heapUsed)} → ${mb(session.after.heapUsed)} MB, external ${mb(session.before.external)} → ${mb(session.after.external)} MB (before → after loading the session)`,
  );
  for (const [name, s] of [
    ['simulated', sim],
    ['replay', rep],
  ])
    console.log(
      `  ${name.padEnd(10)} ${fmt(s.rate).padStart(8)} req/s  p50 ${fmt(s.p50, 2)} ms  p99 ${fmt(s.p99, 2)} ms  (runs: ${s.runs.map((x) => fmt(x)).join(', ')}; non-2xx/errors ${s.bad})`,
    );
  console.log(
    `  ratio replay / simulated  ${fmt(ratio, 2)}  (median over rounds, target ≥ ${TARGET})  ${ok ? 'PASS' : 'FAIL'}`,
  );
  return {
    name: 'replay',
    ok,
    ratio,
    rates: { simulated: sim.rate, replay: rep.rate },
    latencyMs: { simulated: { p50: sim.p50, p99: sim.p99 }, replay: { p50: rep.p50, p99: rep.p99 } },
    session: {
      entries: session.entries,
      bytes: session.bytes,
      loadMs: session.loadMs,
      stallMs: session.stallMs,
      rssMb: mb(session.after.rss),
      heapMb: mb(session.after.heapUsed),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchReplay({ seconds: Number(process.env.BENCH_SECONDS ?? 10) });
  process.exitCode = result.ok ? 0 : 1;
}
