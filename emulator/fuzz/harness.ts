// Runs a seeded, bounded fuzz: case i is generated from (seed, fuzz name, i) alone, run, and its problems
// collected with the exact input. Exceptions nobody caught ('uncaughtException', 'unhandledRejection')
// are watched for the whole run and charged to the case that was running. One case at a time, so that
// charge is exact. The report groups findings by problem and prints what replays each one.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { caseSeed, Rng } from './rng.js';

export const DEFAULT_SEED = 20;

export interface FuzzSettings {
  seed: number;
  cases: number;
  /** FUZZ_CASE: run this case only, and print its whole input and outcome. */
  only: number | null;
}

function envNumber(name: string): number | null {
  const raw = process.env[name]?.trim();
  if (!raw) return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, not "${raw}"`);
  return value;
}

/** Per fuzz test: generous, because each case has its own hang bound (wire.ts HANG_MS). */
export const FUZZ_TEST_TIMEOUT_MS = 300_000;

/** FUZZ_SEED and FUZZ_CASES override the seed and the case count of every fuzz test. */
export function fuzzSettings(defaultCases: number): FuzzSettings {
  return {
    seed: envNumber('FUZZ_SEED') ?? DEFAULT_SEED,
    cases: envNumber('FUZZ_CASES') ?? defaultCases,
    only: envNumber('FUZZ_CASE'),
  };
}

export interface FuzzCase {
  /** The exact input, as text a reader can paste (JSON-escaped bytes, or a URL). */
  readonly input: string;
  /** Runs the case; resolves to its problems (none: passed). Must end soon after `signal` aborts. */
  run(signal: AbortSignal): Promise<string[]>;
  /** After the run: what came back, in a word or two (e.g. "HTTP 400"), for FUZZ_STATS. */
  outcome?(): string;
}

export interface Finding {
  fuzz: string;
  index: number;
  problem: string;
  input: string;
}

function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function caseRng(settings: FuzzSettings, name: string, index: number): Rng {
  return new Rng(caseSeed((settings.seed ^ nameHash(name)) >>> 0, index));
}

/** Runs the cases of one fuzz and returns every finding (never throws for a finding). */
export async function runFuzz(
  name: string,
  settings: FuzzSettings,
  make: (rng: Rng, index: number) => FuzzCase,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  let controller = new AbortController();
  const crashes: string[] = [];
  const onCrash = (error: unknown): void => {
    crashes.push(`uncaught in the process: ${describeError(error)}`);
    controller.abort();
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    const indexes = settings.only === null ? [...Array(settings.cases).keys()] : [settings.only];
    const stats = new Stats();
    for (const index of indexes) {
      controller = new AbortController();
      const c = make(caseRng(settings, name, index), index);
      const started = performance.now();
      const problems = await c
        .run(controller.signal)
        .catch((e: unknown) => [`the fuzz case failed: ${describeError(e)}`]);
      stats.add(index, c.outcome?.() ?? '?', performance.now() - started);
      problems.push(...crashes.splice(0));
      if (settings.only !== null)
        console.log(`${name} case ${index}\ninput: ${c.input}\nproblems: ${JSON.stringify(problems)}`);
      for (const problem of problems) findings.push({ fuzz: name, index, problem, input: c.input });
    }
    if (process.env.FUZZ_STATS) console.log(`${name}: ${stats.summary()}`);
    if (process.env.FUZZ_REPORT) writeReport(process.env.FUZZ_REPORT, name, settings, findings);
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  return findings;
}

/** FUZZ_REPORT=<folder>: every finding of a fuzz, whole inputs included, as JSON for triage. */
function writeReport(folder: string, name: string, settings: FuzzSettings, findings: Finding[]): void {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ seed: settings.seed, cases: settings.cases, findings }, null, 1));
}

/** Outcomes and the slowest cases of a run (FUZZ_STATS=1): is the fuzz reaching past the first check? */
class Stats {
  private readonly outcomes = new Map<string, number>();
  private readonly slow: { index: number; ms: number }[] = [];

  add(index: number, outcome: string, ms: number): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    this.slow.push({ index, ms });
    this.slow.sort((a, b) => b.ms - a.ms).splice(5);
  }

  summary(): string {
    const outcomes = [...this.outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ×${n}`);
    const slow = this.slow.map((s) => `#${s.index} ${Math.round(s.ms)} ms`);
    return `${outcomes.join(', ')}; slowest: ${slow.join(', ')}`;
  }
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const where = error.stack?.split('\n').find((l) => l.includes('/emulator/') && !l.includes('/fuzz/'));
  return `${error.name}${code ? ` ${code}` : ''}: ${error.message.slice(0, 200)}${where ? ` (${where.trim()})` : ''}`;
}

const MAX_INPUT_SHOWN = 400;

function shown(input: string): string {
  return input.length <= MAX_INPUT_SHOWN
    ? input
    : `${input.slice(0, MAX_INPUT_SHOWN)}… (${input.length} characters; replay the case to see all of it)`;
}

/** Findings grouped by problem, most frequent first, each with two inputs and how to replay them. */
export function report(findings: readonly Finding[], settings: FuzzSettings, file: string): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.fuzz}: ${f.problem.slice(0, 200)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [`${findings.length} finding(s), seed ${settings.seed}, ${settings.cases} cases per fuzz:`];
  for (const [key, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`\n[${group.length}×] ${key}`);
    for (const f of group.slice(0, 2)) lines.push(`  case ${f.index}: ${shown(f.input)}`);
  }
  const first = findings[0];
  if (first) {
    lines.push(
      `\nReplay one case: FUZZ_SEED=${settings.seed} FUZZ_CASE=${first.index} npx vitest run ${file} -t "${first.fuzz}"`,
    );
  }
  return lines.join('\n');
}

/** Fails the test with the report (and the engine's last error log lines) when there is any finding. */
export function expectNoFindings(
  findings: readonly Finding[],
  settings: FuzzSettings,
  file: string,
  errors: readonly string[] = [],
): void {
  if (findings.length === 0) return;
  const log =
    errors.length > 0
      ? `\n\nEngine error log (last ${Math.min(errors.length, 10)}):\n${errors.slice(-10).join('\n')}`
      : '';
  throw new Error(report(findings, settings, file) + log);
}
