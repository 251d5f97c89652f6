// Issue 6 benchmark: the simulated OData V2 service against @sap-ux/fe-mockserver-core serving the same
// metadata and the same 100,000 rows, in the same run: p50/p99 per query over HTTP and in-process
// (each engine's request handler with in-memory requests, no sockets), startup time, RSS right after
// the load (current and peak), steady-state RSS and its growth over 10,000 mixed requests.
// Target: ≥ 50× faster p50 on every scan (the issue). Each row also has a gate that fails the run;
// where the gate is below the target the row says MISS instead of PASS (see emulator/systems/README.md).
// Key lookups are measured against the floor instead (odata-floor.mjs): within 1.5× of it over HTTP.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fmt, peakRssMb, root, rssMb, startLibraryEngine } from './engine.mjs';
import { partnerKey, writeBenchData } from './odata-data.mjs';
import { measureAgainstFloor, printFloorTable, startFloor } from './odata-floor.mjs';

const ROWS = Number(process.env.BENCH_ODATA_ROWS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_ODATA_SAMPLES ?? 200);
/** In-process, a query that takes less than 1 ms gets this many samples (a warm JIT, a real p99). */
const IN_PROCESS_FAST_SAMPLES = Number(process.env.BENCH_ODATA_FAST_SAMPLES ?? 2000);
const BASELINE_SAMPLES = Number(process.env.BENCH_ODATA_BASELINE_SAMPLES ?? 8);
const MIXED = Number(process.env.BENCH_ODATA_MIXED ?? 10_000);
/**
 * A baseline query that takes longer than this after its warm-up gets BASELINE_SAMPLES instead of
 * SAMPLES (fe-mockserver-core's scans take seconds each); ours always gets SAMPLES.
 */
const SLOW_MS = 20;
const TARGET = 50;
const RSS_LIMIT_MB = 250;
const GROWTH_LIMIT_MB = 20;
const SERVICE = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
const middle = partnerKey(Math.floor(ROWS / 2));

// gate: the ratio below which the run fails. In-process ours measures 50× and more on every scan; the
// gate keeps headroom for a noisy machine only where the target itself is the gate.
const QUERIES = [
  { name: '$top=50', path: 'A_BusinessPartner?$top=50', gate: { http: TARGET, inProcess: TARGET } },
  {
    name: '$filter eq',
    path: "A_BusinessPartner?$filter=LastName%20eq%20'Weber'&$top=50",
    gate: { http: TARGET, inProcess: TARGET },
  },
  {
    name: 'substringof + $orderby',
    path: "A_BusinessPartner?$filter=substringof('ar',BusinessPartnerFullName)&$orderby=LastName%20desc,BusinessPartner&$top=50",
    gate: { http: TARGET, inProcess: TARGET },
  },
  {
    name: '$inlinecount',
    path: 'A_BusinessPartner?$inlinecount=allpages&$top=50',
    gate: { http: TARGET, inProcess: TARGET },
  },
];

// A key lookup is one map access: another mock server is no yardstick for it (both spend nearly all
// the time in the loopback round trip). Its anchor is the floor: a bare node:http server answering a
// prebuilt body of the same size, over one keep-alive connection like ours. Rounds alternate between
// the two and the median of the per-round ratios decides, so drift on a shared machine hits both.
const KEY_QUERIES = [
  { name: 'key lookup', path: `A_BusinessPartner('${middle}')` },
  { name: 'key + $expand', path: `A_BusinessPartner('${middle}')?$expand=to_BusinessPartnerAddress` },
];
const FLOOR_TARGET = 1.5;
const FLOOR_ROUNDS = Number(process.env.BENCH_ODATA_FLOOR_ROUNDS ?? 9);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent, headers: { accept: 'application/json' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, ms: performance.now() - started, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const samplesFor = (probeMs, adaptive) =>
  adaptive && probeMs > SLOW_MS ? Math.min(SAMPLES, BASELINE_SAMPLES) : SAMPLES;

/** p50/p99 after a warm-up request; `adaptive`: fewer samples when the first timed one is slow. */
async function measureHttp(base, query, adaptive) {
  const first = await get(base + query.path);
  if (first.status !== 200)
    throw new Error(`${query.name}: HTTP ${first.status} ${first.body.toString().slice(0, 300)}`);
  const times = [];
  let samples = 1; // the first timed request decides how many follow
  while (times.length < samples) {
    const r = await get(base + query.path);
    if (r.status !== 200) throw new Error(`${query.name}: HTTP ${r.status}`);
    times.push(r.ms);
    if (times.length === 1) samples = samplesFor(r.ms, adaptive);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), results: resultCount(first.body) };
}

function resultCount(body) {
  const d = JSON.parse(body.toString()).d;
  return Array.isArray(d?.results) ? d.results.length : d ? 1 : 0;
}

/** A child process that prints one JSON ready line and then answers measurement commands (mock-http.mjs). */
function host(args) {
  // fe-mockserver-core keeps ~100 MB per filtered request for a while: room for the measured ones.
  const child = spawn(process.execPath, ['--max-old-space-size=8192', ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: root,
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    pid: child.pid,
    async ready() {
      const first = await lines.next();
      if (first.done) throw new Error(`${path.basename(args[0])} exited before it was ready`);
      return JSON.parse(first.value);
    },
    /** p50/p99 in-process after a warm-up; `adaptive` as in measureHttp. */
    async measure(query, adaptive) {
      const ask = async (n, warmUp) => {
        child.stdin.write(`${JSON.stringify({ url: SERVICE + query.path, samples: n, warmUp })}\n`);
        const line = await lines.next();
        if (line.done) throw new Error(`${path.basename(args[0])} exited during ${query.name}`);
        const reply = JSON.parse(line.value);
        if (reply.error) throw new Error(`${query.name} in-process: ${reply.error}`);
        return reply;
      };
      const probe = await ask(1, true); // the warm-up and one timed request
      const fast = probe.p50 < 1;
      const samples = fast ? IN_PROCESS_FAST_SAMPLES : samplesFor(probe.p50, adaptive);
      // A query of microseconds is still being compiled through its first thousand runs (ours
      // measured 50-100 µs in its first 2,000 and 20-45 µs after): one untimed batch first, for both
      // engines, so the figures are each engine's steady state rather than its JIT warm-up.
      if (fast) await ask(samples, false);
      const reply = await ask(samples, false);
      return { p50: reply.p50, p99: reply.p99, results: resultCount(Buffer.from(probe.body)) };
    },
    async stop() {
      child.stdin.end();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function startOwn(dir, files) {
  const workspace = path.join(dir, 'workspace.json');
  execFileSync(process.execPath, [path.join(root, 'emulator/bin/btp-emulator.mjs'), 'init', workspace], {
    stdio: 'ignore',
  });
  const ws = JSON.parse(readFileSync(workspace, 'utf8'));
  ws.systems = [
    ...ws.systems,
    {
      id: 'BENCH',
      services: [
        { name: 'API_BUSINESS_PARTNER', odataVersion: 'v2', metadata: 'metadata.xml', data: { files } },
      ],
    },
  ];
  writeFileSync(workspace, JSON.stringify(ws));
  const started = performance.now();
  const engine = await startLibraryEngine({ workspacePath: workspace });
  try {
    return await ownSystem(engine, started);
  } catch (error) {
    await engine.stop();
    throw error;
  }
}

async function ownSystem(engine, started) {
  const systems = await (
    await fetch(`${engine.ready.urls.admin}/api/systems`, {
      headers: { Authorization: `Bearer ${engine.ready.adminToken}` },
    })
  ).json();
  const system = systems.find((s) => s.id === 'BENCH');
  if (!system?.port) throw new Error(`the bench system did not start: ${JSON.stringify(system)}`);
  const base = `http://127.0.0.1:${system.port}${SERVICE}`;
  const ready = performance.now();
  await get(`${base}A_BusinessPartner?$top=1`); // loads the data (lazily, per sap-client)
  const startup = { engineMs: ready - started, dataMs: performance.now() - ready };
  const memory = { afterLoad: await rssMb(engine.pid), peakAfterLoad: await peakRssMb(engine.pid) };
  return { base, pid: engine.pid, startup, memory, stop: () => engine.stop() };
}

async function startBaseline(dir) {
  const baseline = host([
    fileURLToPath(new URL('./fe-mockserver-host.mjs', import.meta.url)),
    SERVICE,
    path.join(dir, 'metadata.xml'),
    path.join(dir, 'data'),
  ]);
  const { port, startupMs } = await baseline.ready();
  const base = `http://127.0.0.1:${port}${SERVICE}`;
  const t = performance.now();
  await get(`${base}A_BusinessPartner?$top=1`);
  return { ...baseline, base, startupMs: startupMs + performance.now() - t };
}

/** Our system in its own process without a listener (own-host.mjs, bundled from the TS sources). */
async function startOwnInProcess(dir, files) {
  const { build } = await import('esbuild');
  const outDir = path.join(root, 'dist/bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'own-host.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./own-host.mjs', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node22',
    outfile,
    logLevel: 'warning',
  });
  const own = host([outfile, path.join(dir, 'metadata.xml'), JSON.stringify(files), SERVICE]);
  await own.ready();
  return own;
}

async function mixed(base, count) {
  const paths = [...QUERIES, ...KEY_QUERIES].map((q) => q.path);
  for (let i = 0; i < count; i++) {
    const key = partnerKey((i * 7919) % ROWS);
    const pick =
      i % 4 === 0
        ? paths[i % paths.length]
        : i % 4 === 1
          ? `A_BusinessPartner('${key}')`
          : i % 4 === 2
            ? `A_BusinessPartner?$filter=BusinessPartner%20eq%20'${key}'`
            : `A_BusinessPartner?$skip=${i % 1000}&$top=20&$select=LastName`;
    const r = await get(base + pick);
    if (r.status !== 200) throw new Error(`mixed request ${pick}: HTTP ${r.status}`);
  }
}

export async function benchOData() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'btp-bench-odata-'));
  const files = writeBenchData(path.join(dir, 'data'), ROWS);
  // The same EDMX file for both engines (Node strips the types of the .ts module).
  const { API_BUSINESS_PARTNER_EDMX } =
    await import('../../emulator/systems/builtin/api-business-partner.ts');
  writeFileSync(path.join(dir, 'metadata.xml'), API_BUSINESS_PARTNER_EDMX);
  const own = await startOwn(dir, files).catch((e) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const stops = [];
  try {
    const baseline = await startBaseline(dir);
    stops.push(() => baseline.stop());
    const baselineRss = await rssMb(baseline.pid);
    // One engine at a time: fe-mockserver-core's heap of gigabytes is collected on background
    // threads after its requests, which would otherwise slow ours down on a small machine.
    const httpOurs = await each((query) => measureHttp(own.base, query, false));
    const httpTheirs = await each((query) => measureHttp(baseline.base, query, true));
    const baselineRssAfter = await rssMb(baseline.pid);
    await stops.pop()();
    const floorRows = await againstFloor(own.base, stops);
    const ownInProcess = await startOwnInProcess(dir, files);
    stops.push(() => ownInProcess.stop());
    const inProcessOurs = await each((query) => ownInProcess.measure(query, false));
    await stops.pop()();
    // A fresh process: after the HTTP table fe-mockserver's heap is near its limit, which only slows it.
    const fresh = await startBaseline(dir);
    stops.push(() => fresh.stop());
    const inProcessTheirs = await each((query) => fresh.measure(query, true));
    await stops.pop()();
    await mixed(own.base, 1000);
    const before = await rssMb(own.pid);
    await mixed(own.base, MIXED);
    const memory = { ...own.memory, before, after: await rssMb(own.pid), peak: await peakRssMb(own.pid) };
    return report({
      floorRows,
      httpRows: QUERIES.map((q, i) => row(q, 'http', httpOurs[i], httpTheirs[i])),
      inProcessRows: QUERIES.map((q, i) => row(q, 'inProcess', inProcessOurs[i], inProcessTheirs[i])),
      memory,
      startup: { ours: own.startup, baseline: baseline.startupMs },
      baselineRss: { first: baselineRss, after: baselineRssAfter },
    });
  } finally {
    for (const stop of stops) await stop();
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function againstFloor(ownBase, stops) {
  const floor = await startFloor();
  stops.push(() => floor.stop());
  const rows = [];
  for (const query of KEY_QUERIES)
    rows.push(
      await measureAgainstFloor(get, ownBase, floor, query, {
        rounds: FLOOR_ROUNDS,
        samples: SAMPLES,
        target: FLOOR_TARGET,
      }),
    );
  await stops.pop()();
  return rows;
}

async function each(measure) {
  const results = [];
  for (const query of QUERIES) results.push(await measure(query));
  return results;
}

function row(query, way, mine, theirs) {
  const ratio = theirs.p50 / mine.p50;
  const same = mine.results === theirs.results;
  const gate = query.gate[way];
  const verdict = !same || ratio < gate ? 'FAIL' : ratio >= TARGET ? 'PASS' : 'MISS';
  return { name: query.name, mine, theirs, ratio, gate, verdict, same };
}

function printTable(title, rows, digits) {
  console.log(`\n  ${title}`);
  console.log(
    '  query                     ours p50 / p99 (ms)       fe-mockserver p50 / p99 (ms)     ratio (p50)  target  gate   result',
  );
  for (const r of rows) {
    const ours = `${fmt(r.mine.p50, digits).padStart(9)} / ${fmt(r.mine.p99, digits).padEnd(10)}`;
    const theirs = `${fmt(r.theirs.p50, digits).padStart(11)} / ${fmt(r.theirs.p99, digits).padEnd(12)}`;
    const note = r.same ? '' : ` (results differ: ${r.mine.results} vs ${r.theirs.results})`;
    console.log(
      `  ${r.name.padEnd(24)}  ${ours}    ${theirs}     ${fmt(r.ratio, 1).padStart(8)}×  ≥ ${TARGET}×  ≥ ${String(r.gate).padEnd(3)}  ${r.verdict}${note}`,
    );
  }
}

function report({ floorRows, httpRows, inProcessRows, memory, startup, baselineRss }) {
  console.log(
    `\nOData V2 at ${fmt(ROWS)} rows: btp-emulator vs @sap-ux/fe-mockserver-core (same metadata and data, same run)`,
  );
  printTable('Over HTTP (keep-alive loopback, one request at a time; includes the round trip)', httpRows, 2);
  printTable(
    'In-process (each engine’s request handler with in-memory request/response objects; no sockets)',
    inProcessRows,
    3,
  );
  printFloorTable(floorRows, FLOOR_ROUNDS);
  const checks = [
    ['RSS right after loading the data', memory.afterLoad, RSS_LIMIT_MB],
    ['peak RSS up to the end of the load', memory.peakAfterLoad, RSS_LIMIT_MB],
    [`RSS after ${fmt(MIXED)} mixed requests`, memory.after, RSS_LIMIT_MB],
    ['peak RSS over the whole run', memory.peak, RSS_LIMIT_MB],
    [`RSS growth over ${fmt(MIXED)} mixed requests`, memory.after - memory.before, GROWTH_LIMIT_MB],
  ].map(([what, value, limit]) => ({ what, value, limit, ok: value !== null && value <= limit }));
  // Like for like: our service from a running engine to its first answer with the data, against
  // fe-mockserver-core from process start to its first answer (the engine's own start is reported).
  const startupOk = startup.ours.dataMs <= startup.baseline;
  console.log('\n  Memory and startup (ours: the whole engine process with the data)');
  for (const c of checks)
    console.log(
      `  ${c.what.padEnd(42)} ${String(c.value).padStart(5)} MB  ≤ ${c.limit} MB  ${c.ok ? 'PASS' : 'FAIL'}`,
    );
  console.log(
    `  ${'first answer with the data'.padEnd(42)} ours ${fmt(startup.ours.dataMs)} ms (after the engine's own start, ${fmt(startup.ours.engineMs)} ms), fe-mockserver ${fmt(startup.baseline)} ms  ≤ baseline  ${startupOk ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `  fe-mockserver RSS: ${baselineRss.first} MB after its first request, ${baselineRss.after} MB after the queries`,
  );
  const rows = [...httpRows, ...inProcessRows, ...floorRows];
  const ok = rows.every((r) => r.verdict !== 'FAIL') && checks.every((c) => c.ok) && startupOk;
  const summary = (r) => ({
    name: r.name,
    ours: r.mine,
    baseline: r.theirs,
    ratio: r.ratio,
    verdict: r.verdict,
  });
  return {
    name: 'odata',
    ok,
    queries: httpRows.map(summary),
    inProcess: inProcessRows.map(summary),
    keyLookupsAgainstFloor: floorRows.map(({ name, ours, floor, ratio, ratios, verdict }) => ({
      name,
      ours,
      floor,
      ratio,
      ratios,
      verdict,
    })),
    rss: memory,
    startupMs: startup,
  };
}
