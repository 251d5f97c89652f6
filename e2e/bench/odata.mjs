// Issue 6 benchmark: the simulated OData V2 service against @sap-ux/fe-mockserver-core serving the same
// metadata and the same 100,000 rows, in the same run: p50/p99 per query, startup time, RSS, and RSS
// growth over 10,000 mixed requests. Target: ≥ 50× faster p50 on every scan-type query.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fmt, root, rssMb, startEngine } from './engine.mjs';
import { partnerKey, writeBenchData } from './odata-data.mjs';

const ROWS = Number(process.env.BENCH_ODATA_ROWS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_ODATA_SAMPLES ?? 200);
const BASELINE_SAMPLES = Number(process.env.BENCH_ODATA_BASELINE_SAMPLES ?? 8);
const MIXED = Number(process.env.BENCH_ODATA_MIXED ?? 10_000);
const TARGET = 50;
const RSS_LIMIT_MB = 250;
const SERVICE = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
const middle = partnerKey(Math.floor(ROWS / 2));

const QUERIES = [
  { name: '$top=50', path: 'A_BusinessPartner?$top=50', target: TARGET },
  { name: '$filter eq', path: "A_BusinessPartner?$filter=LastName%20eq%20'Weber'&$top=50", target: TARGET },
  {
    name: 'substringof + $orderby',
    path: "A_BusinessPartner?$filter=substringof('ar',BusinessPartnerFullName)&$orderby=LastName%20desc,BusinessPartner&$top=50",
    target: TARGET,
  },
  { name: '$inlinecount', path: 'A_BusinessPartner?$inlinecount=allpages&$top=50', target: TARGET },
  // A key lookup is one map access on both engines; HTTP dominates, so 50× is physically impossible.
  // The target here is only "not slower than the baseline".
  { name: 'key lookup', path: `A_BusinessPartner('${middle}')`, target: 1 },
  {
    name: 'key + $expand',
    path: `A_BusinessPartner('${middle}')?$expand=to_BusinessPartnerAddress`,
    target: 1,
  },
];

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

async function measure(base, query, samples) {
  const first = await get(base + query.path);
  if (first.status !== 200)
    throw new Error(`${query.name}: HTTP ${first.status} ${first.body.toString().slice(0, 300)}`);
  const times = [];
  for (let i = 0; i < samples; i++) {
    const r = await get(base + query.path);
    if (r.status !== 200) throw new Error(`${query.name}: HTTP ${r.status}`);
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), results: resultCount(first.body) };
}

function resultCount(body) {
  const d = JSON.parse(body.toString()).d;
  return Array.isArray(d?.results) ? d.results.length : d ? 1 : 0;
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
  const engine = await startEngine(['--workspace', workspace]);
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
  await get(`${base}A_BusinessPartner?$top=1`); // loads the data (lazily, per sap-client)
  return { base, pid: engine.pid, startupMs: performance.now() - started, stop: () => engine.stop() };
}

async function startBaseline(dir) {
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./fe-mockserver-host.mjs', import.meta.url)),
      SERVICE,
      path.join(dir, 'metadata.xml'),
      path.join(dir, 'data'),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: root,
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('fe-mockserver-core exited before it was ready');
  const { port, startupMs } = JSON.parse(first.value);
  const base = `http://127.0.0.1:${port}${SERVICE}`;
  const t = performance.now();
  await get(`${base}A_BusinessPartner?$top=1`);
  const firstRequestMs = performance.now() - t;
  return {
    base,
    pid: child.pid,
    startupMs: startupMs + firstRequestMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function mixed(base, count) {
  const paths = QUERIES.map((q) => q.path);
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
  const rows = [];
  let baseline;
  try {
    const ownRssAfterLoad = await rssMb(own.pid);
    baseline = await startBaseline(dir);
    const baseRss = await rssMb(baseline.pid);
    const baselineStartupMs = baseline.startupMs;
    for (const query of QUERIES) {
      const mine = await measure(own.base, query, SAMPLES);
      const theirs = await measure(baseline.base, query, BASELINE_SAMPLES);
      rows.push({ ...query, mine, theirs, ratio: theirs.p50 / mine.p50 });
    }
    const baseRssAfter = await rssMb(baseline.pid);
    await baseline.stop();
    baseline = undefined;
    await mixed(own.base, 1000);
    const before = await rssMb(own.pid);
    await mixed(own.base, MIXED);
    const after = await rssMb(own.pid);
    return report({ rows, own, ownRssAfterLoad, before, after, baseRss, baseRssAfter, baselineStartupMs });
  } finally {
    await baseline?.stop();
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report({ rows, own, ownRssAfterLoad, before, after, baseRss, baseRssAfter, baselineStartupMs }) {
  console.log(
    `\nOData V2 at ${fmt(ROWS)} rows: btp-emulator vs @sap-ux/fe-mockserver-core (same metadata and data)`,
  );
  console.log(
    '  query                     ours p50 / p99 (ms)     fe-mockserver p50 / p99 (ms)   ratio (p50)  target',
  );
  let ok = true;
  for (const r of rows) {
    const pass = r.ratio >= r.target && r.mine.results === r.theirs.results;
    ok &&= pass;
    console.log(
      `  ${r.name.padEnd(24)}  ${fmt(r.mine.p50, 2).padStart(8)} / ${fmt(r.mine.p99, 2).padEnd(10)}  ${fmt(r.theirs.p50, 1).padStart(10)} / ${fmt(r.theirs.p99, 1).padEnd(12)}  ${fmt(r.ratio, 0).padStart(8)}×   ≥ ${r.target}×  ${pass ? 'PASS' : 'FAIL'}${r.mine.results === r.theirs.results ? '' : ` (results differ: ${r.mine.results} vs ${r.theirs.results})`}`,
    );
  }
  const growth = after !== null && before !== null ? after - before : null;
  const rssOk = after !== null && after <= RSS_LIMIT_MB;
  const growthOk = growth !== null && growth <= 20;
  ok &&= rssOk && growthOk;
  console.log(
    `  startup + first request   ours ${fmt(own.startupMs)} ms (whole engine); fe-mockserver ${fmt(baselineStartupMs)} ms`,
  );
  console.log(
    `  RSS after load            ours ${ownRssAfterLoad} MB; fe-mockserver ${baseRss} MB after its first request, ${baseRssAfter} MB after the queries`,
  );
  console.log(
    `  RSS over ${fmt(MIXED)} mixed     ${before} MB → ${after} MB (growth ${growth} MB, limit 20)  ${growthOk ? 'PASS' : 'FAIL'}; RSS ≤ ${RSS_LIMIT_MB} MB ${rssOk ? 'PASS' : 'FAIL'}`,
  );
  return {
    name: 'odata',
    ok,
    queries: rows.map((r) => ({ name: r.name, ours: r.mine, baseline: r.theirs, ratio: r.ratio })),
    rss: { afterLoad: ownRssAfterLoad, before, after, baseline: baseRssAfter },
    startupMs: { ours: own.startupMs, baseline: baselineStartupMs },
  };
}
