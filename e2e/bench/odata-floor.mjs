// The floor for the OData benchmark's key lookups: a bare node:http server in its own process that
// answers each path with a prebuilt body (the bytes our system sent for it), so the comparison says
// what our lookup, serialisation and front door add to the cheapest possible HTTP answer of that size.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fmt } from './engine.mjs';

const FLOOR_SERVER = `
import http from 'node:http';
import { createInterface } from 'node:readline';
const bodies = new Map();
const server = http.createServer((req, res) => {
  const body = bodies.get(req.url);
  if (body === undefined) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  const { path, body } = JSON.parse(line);
  bodies.set(path, Buffer.from(body, 'base64'));
  process.stdout.write('added\\n');
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n'));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
`;

export async function startFloor() {
  const child = spawn(process.execPath, ['--input-type=module', '-e', FLOOR_SERVER], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('the floor server exited');
    return line.value;
  };
  const { port } = JSON.parse(await next());
  return {
    base: `http://127.0.0.1:${port}`,
    async add(path, body) {
      child.stdin.write(`${JSON.stringify({ path, body: body.toString('base64') })}\n`);
      await next();
    },
    async stop() {
      child.stdin.end();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function timesOf(get, url, samples) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const r = await get(url);
    if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
    times.push(r.ms);
  }
  return times;
}

/**
 * Our p50 over the floor's for one query, per round (the order alternating), and the median of those
 * ratios. `get` is the bench's keep-alive client, the same for both servers.
 */
export async function measureAgainstFloor(get, ownBase, floor, query, { rounds, samples, target }) {
  const first = await get(ownBase + query.path);
  if (first.status !== 200) throw new Error(`${query.name}: HTTP ${first.status}`);
  const floorPath = `/floor/${encodeURIComponent(query.name)}`;
  await floor.add(floorPath, first.body);
  const urls = { ours: ownBase + query.path, floor: floor.base + floorPath };
  // Warm-up for both: JIT, the connection of each.
  await timesOf(get, urls.ours, samples);
  await timesOf(get, urls.floor, samples);
  const all = { ours: [], floor: [] };
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours'];
    const p50 = {};
    for (const which of order) {
      const times = await timesOf(get, urls[which], samples);
      all[which].push(...times);
      p50[which] = median(times);
    }
    ratios.push(p50.ours / p50.floor);
  }
  const summary = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const ratio = median(ratios);
  return {
    name: query.name,
    bytes: first.body.length,
    ours: summary(all.ours),
    floor: summary(all.floor),
    ratio,
    ratios,
    target,
    verdict: ratio <= target ? 'PASS' : 'FAIL',
  };
}

export function printFloorTable(rows, rounds) {
  console.log(
    `\n  Key lookups against the floor (a bare node:http server answering a prebuilt body of the same size; ${rounds} alternating rounds, median of the per-round p50 ratios)`,
  );
  console.log(
    '  query           body      ours p50 / p99 (ms)     floor p50 / p99 (ms)    ours / floor  (rounds)                     target  result',
  );
  for (const r of rows) {
    const ours = `${fmt(r.ours.p50, 3).padStart(7)} / ${fmt(r.ours.p99, 3).padEnd(8)}`;
    const floor = `${fmt(r.floor.p50, 3).padStart(7)} / ${fmt(r.floor.p99, 3).padEnd(8)}`;
    const spread = `(${fmt(Math.min(...r.ratios), 2)}–${fmt(Math.max(...r.ratios), 2)})`;
    console.log(
      `  ${r.name.padEnd(14)}  ${`${r.bytes} B`.padStart(7)}   ${ours}      ${floor}     ${fmt(r.ratio, 2).padStart(8)}×  ${spread.padEnd(27)}  ≤ ${r.target}×  ${r.verdict}`,
    );
  }
}
