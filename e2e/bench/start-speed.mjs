// Issue 15 benchmark: how long the CLI takes for what a test file or CI step runs, as ratios to a bare
// `node -e 0` measured in the same rounds. Each round runs the baseline before every measured command
// (interleaved, so drift on a shared machine hits both alike); a command's ratio in a round is its
// time over the mean of the baselines around it, and the median over the rounds decides.
// Targets: `--version` ≤ 2×, the ready line of `start --json` with an existing data folder ≤ 4×,
// `exec -- node -e 0` end to end ≤ 6×; in-process `startEmulator()` on port 0 ≤ 100 ms (a time, not
// a ratio: the engine's own start in a process that has loaded it, as a test file's beforeAll pays it).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fmt, root } from './engine.mjs';

const ROUNDS = Number(process.env.BENCH_START_ROUNDS ?? 15);
const WARM_UP = 2;
const BIN = path.join(root, 'emulator/bin/btp-emulator.mjs');
const IN_PROCESS_TARGET_MS = 100;

/** Runs a command to its end; resolves with the wall time in ms. */
function timed(args, { until = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const fail = (why) => reject(new Error(`${args.slice(1).join(' ')}: ${why}\n${stderr}`));
    if (until) {
      // Timed to the first stdout line (the ready line); then stopped, untimed.
      let ms;
      createInterface({ input: child.stdout }).once('line', () => {
        ms = performance.now() - started;
        child.kill('SIGTERM');
      });
      child.once('exit', (code) => {
        if (ms === undefined) fail(`exited (${code}) before its first line`);
        else if (code === 0) resolve({ ms });
        else fail(`exit ${code}`);
      });
    } else {
      child.stdout.resume();
      child.once('exit', (code) => {
        const ms = performance.now() - started;
        if (code === 0) resolve({ ms });
        else fail(`exit ${code}`);
      });
    }
  });
}

/**
 * A fresh process that loads the library, then times startEmulator() on port 0 (what a test file pays
 * once), and a second start after a stop in the same process (what each further start costs).
 */
const IN_PROCESS = `
const t0 = performance.now();
const { startEmulator } = await import(${JSON.stringify(path.join(root, 'dist/emulator/index.js'))});
const t1 = performance.now();
const first = await startEmulator({ dataDir: process.env.BENCH_DATA, ephemeralPorts: true });
const t2 = performance.now();
await first.stop();
const t3 = performance.now();
const again = await startEmulator({ dataDir: process.env.BENCH_DATA, ephemeralPorts: true });
const t4 = performance.now();
await again.stop();
console.log(JSON.stringify({ importMs: t1 - t0, startMs: t2 - t1, stopMs: t3 - t2, againMs: t4 - t3 }));
`;

async function inProcess(dataDir) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', IN_PROCESS], {
    cwd: root,
    env: { ...process.env, BENCH_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('the in-process start printed nothing');
  return JSON.parse(first.value);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchStartSpeed({ rounds = ROUNDS } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'btp-bench-start-'));
  const baseline = ['-e', '0'];
  const commands = [
    { name: 'btp-emulator --version', target: 2, run: () => timed([BIN, '--version']) },
    {
      name: 'start --json: ready line',
      target: 4,
      run: () => timed([BIN, 'start', '--json', '--ephemeral-ports', '-d', dataDir], { until: true }),
    },
    {
      name: 'exec -- node -e 0',
      target: 6,
      run: () => timed([BIN, 'exec', '-d', dataDir, '--ephemeral-ports', '--', process.execPath, '-e', '0']),
    },
  ];
  try {
    // The first start creates the data folder (CA, keys): the targets are for an existing one.
    await commands[1].run();
    const samples = commands.map(() => ({ ms: [], ratios: [] }));
    const baselines = [];
    const starts = [];
    for (let round = 0; round < WARM_UP + rounds; round++) {
      const keep = round >= WARM_UP;
      let before = (await timed(baseline)).ms;
      for (const [i, command] of commands.entries()) {
        const { ms } = await command.run();
        const after = (await timed(baseline)).ms;
        if (keep) {
          samples[i].ms.push(ms);
          samples[i].ratios.push(ms / ((before + after) / 2));
          baselines.push(after);
        }
        before = after;
      }
      const measured = await inProcess(dataDir);
      if (keep) starts.push(measured);
    }
    return report(commands, samples, baselines, starts, rounds);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(commands, samples, baselines, starts, rounds) {
  const rows = commands.map((c, i) => {
    const ratio = median(samples[i].ratios);
    return { name: c.name, ms: median(samples[i].ms), ratio, target: c.target, ok: ratio <= c.target };
  });
  const start = {
    importMs: median(starts.map((s) => s.importMs)),
    startMs: median(starts.map((s) => s.startMs)),
    stopMs: median(starts.map((s) => s.stopMs)),
    againMs: median(starts.map((s) => s.againMs)),
  };
  const startOk = start.startMs <= IN_PROCESS_TARGET_MS;
  console.log(
    `\nStart speed (${rounds} interleaved rounds; medians; ratio to a bare node -e 0 around each run)`,
  );
  console.log(`  ${'node -e 0 (baseline)'.padEnd(30)} ${fmt(median(baselines), 0).padStart(6)} ms`);
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(30)} ${fmt(r.ms, 0).padStart(6)} ms  ${fmt(r.ratio, 2).padStart(5)}×  target ≤ ${r.target}×  ${r.ok ? 'PASS' : 'FAIL'}`,
    );
  console.log(
    `  ${'startEmulator() in-process'.padEnd(30)} ${fmt(start.startMs, 0).padStart(6)} ms          target ≤ ${IN_PROCESS_TARGET_MS} ms  ${startOk ? 'PASS' : 'FAIL'}  (loading the library first: ${fmt(start.importMs, 0)} ms; stop: ${fmt(start.stopMs, 0)} ms; a second start in that process: ${fmt(start.againMs, 0)} ms)`,
  );
  return {
    name: 'start-speed',
    ok: rows.every((r) => r.ok) && startOk,
    baselineMs: median(baselines),
    rows,
    inProcess: start,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchStartSpeed();
  process.exitCode = result.ok ? 0 : 1;
}
