// `record`, `replay` and `sessions` (registered in recording-register.ts): a run of the engine with one system recording or replaying (the
// settings hold for that run only, the workspace file stays as it is), and the sessions of a data
// folder listed, exported (redacted) and imported without a running engine.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { EmulatorError } from '../../app/errors.js';
import { liveSystemSchema, sessionName, type systemRecordingSchema } from '../../app/recording/workspace.js';
import type { SystemConfig } from '../../app/systems/workspace.js';
import { ensureDataDir } from '../core/data-dir.js';
import { resolveTarget } from '../core/offline.js';
import { defaultSessionName } from '../recording/mode-changes.js';
import { Redactor } from '../recording/redact.js';
import { SessionStore } from '../recording/session-store.js';
import type { RecordingOverrides } from '../types.js';
import type { TargetFlags } from './binding-commands.js';

type RecordingInput = z.input<typeof systemRecordingSchema>;

/** What `record` and `replay` add to a `start` run. */
export interface RecordingRun {
  recordingOverrides: RecordingOverrides;
  /** Printed to stderr once the engine is ready. */
  notes: string[];
}

const usage = (message: string): EmulatorError => new EmulatorError('EMU_ERR_CLI_USAGE', message);

function checkName(value: string, flag: string): string {
  const result = sessionName.safeParse(value);
  if (result.success) return result.data;
  throw usage(
    `${flag} "${value}" is not a valid session name: ${result.error.issues[0]?.message ?? 'invalid'}.`,
  );
}

async function locateSystem(
  flags: TargetFlags,
  id: string,
): Promise<{ system: SystemConfig; raw: RecordingInput; dataDir: string; where: string }> {
  const { loaded, dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  const where = loaded.summary.path ?? 'the built-in demo workspace';
  const system = loaded.workspace.systems.find((s) => s.id === id);
  if (!system) {
    const known = loaded.workspace.systems.map((s) => s.id).join(', ') || 'none';
    throw new EmulatorError('EMU_ERR_SYSTEM_NOT_FOUND', `No system "${id}" in ${where} (systems: ${known}).`);
  }
  const rawSystem = loaded.raw.systems?.find((s) => s.id === id);
  return { system, raw: { ...rawSystem?.recording }, dataDir, where };
}

export async function recordRun(
  id: string,
  flags: TargetFlags & { session?: string; live?: string },
): Promise<RecordingRun> {
  const session = flags.session === undefined ? undefined : checkName(flags.session, '--session');
  if (flags.live !== undefined && !liveSystemSchema.shape.url.safeParse(flags.live).success)
    throw usage(
      `--live "${flags.live}" is not an http:// or https:// base URL (scheme, host and port only).`,
    );
  const { system, raw, dataDir, where } = await locateSystem(flags, id);
  const url = flags.live ?? system.recording.live?.url;
  if (url === undefined)
    throw usage(
      `System "${id}" has no recording.live.url in ${where}: pass --live <url> with the real system to record, e.g. --live https://s4h.corp.example:44300.`,
    );
  const name = session ?? defaultSessionName(id);
  const live = flags.live === undefined ? raw.live : { ...raw.live, url: flags.live };
  const file = path.join(new SessionStore(dataDir).dir, `${name}.har`);
  return {
    recordingOverrides: { [id]: { ...raw, mode: 'record', session: name, ...(live ? { live } : {}) } },
    notes: [
      `Recording system ${id} (${url}) into session ${name}: ${file}. For this run only; ${where} is not changed.`,
    ],
  };
}

export async function replayRun(
  id: string,
  flags: TargetFlags & { session: string[]; onMiss: 'strict' | 'simulate' | 'record' },
): Promise<RecordingRun> {
  const sessions = flags.session.map((s) => checkName(s, '--session'));
  const { system, raw, dataDir, where } = await locateSystem(flags, id);
  if (flags.onMiss === 'record' && !system.recording.live)
    throw usage(
      `--on-miss record passes misses to the real system, but system "${id}" has no recording.live.url in ${where}.`,
    );
  const store = new SessionStore(dataDir);
  const missing: string[] = [];
  for (const name of sessions) if (!(await store.exists(name))) missing.push(name);
  if (missing.length) {
    const known = await store.names();
    throw new EmulatorError(
      'EMU_ERR_SESSION_NOT_FOUND',
      `No session ${missing.map((m) => `"${m}"`).join(', ')} in ${store.dir} (sessions: ${known.join(', ') || 'none'}).`,
    );
  }
  return {
    recordingOverrides: { [id]: { ...raw, mode: 'replay', replay: { sessions, onMiss: flags.onMiss } } },
    notes: [
      `Replaying system ${id} from ${sessions.join(', ')} (on a miss: ${flags.onMiss}). For this run only; ${where} is not changed.`,
    ],
  };
}

const size = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

export async function sessionsList(flags: TargetFlags & { json?: boolean }): Promise<void> {
  const { dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  const store = new SessionStore(dataDir);
  const list = await store.list();
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  if (list.length === 0) {
    process.stdout.write(`No sessions in ${store.dir}.\n`);
    return;
  }
  const width = Math.max(...list.map((s) => s.name.length), 4);
  const lines = [`${'NAME'.padEnd(width)}  ENTRIES      SIZE  MODIFIED                  SYSTEMS`];
  for (const s of list) {
    const row = `${s.name.padEnd(width)}  ${String(s.entries).padStart(7)}  ${size(s.bytes).padStart(8)}  ${s.modified.padEnd(24)}  ${s.systems.join(', ')}`;
    lines.push(s.error ? `${row}  ERROR: ${s.error}` : row);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function sessionsExport(name: string, flags: TargetFlags & { out?: string }): Promise<void> {
  const session = checkName(name, 'session');
  const { loaded, dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  const text = await new SessionStore(dataDir).exportText(
    session,
    new Redactor(loaded.workspace.recording.redact),
  );
  if (flags.out === undefined) {
    process.stdout.write(text);
    return;
  }
  // Redacted, but still the business data of the recorded responses.
  await writeFile(flags.out, text, { mode: 0o600 });
  process.stderr.write(`wrote ${path.resolve(flags.out)} (session ${session}, credentials redacted)\n`);
}

export async function sessionsImport(
  file: string,
  flags: TargetFlags & { name: string; system?: string },
): Promise<void> {
  const name = checkName(flags.name, '--name');
  const { loaded, dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  if (flags.system !== undefined && !loaded.workspace.systems.some((s) => s.id === flags.system)) {
    const known = loaded.workspace.systems.map((s) => s.id).join(', ') || 'none';
    throw new EmulatorError(
      'EMU_ERR_SYSTEM_NOT_FOUND',
      `--system: no system "${flags.system}" in the workspace (systems: ${known}).`,
    );
  }
  await ensureDataDir(dataDir);
  const outcome = await new SessionStore(dataDir).importFile(name, path.resolve(file), {
    redactor: new Redactor(loaded.workspace.recording.redact),
    ...(flags.system === undefined ? {} : { system: flags.system }),
  });
  const lines = [
    `imported ${outcome.imported} entr${outcome.imported === 1 ? 'y' : 'ies'} into session ${name}: ${outcome.file}`,
    ...(outcome.skipped.length ? [`skipped ${outcome.skipped.length}:`] : []),
    ...outcome.skipped.map((s) => `  entry ${s.index}: ${s.reason}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** With --json, a refusal before the engine starts is a JSON line too, as `start` prints its errors. */
export async function prepared(
  flags: { json?: boolean },
  prepare: Promise<RecordingRun>,
): Promise<RecordingRun> {
  try {
    return await prepare;
  } catch (error) {
    if (flags.json && error instanceof EmulatorError)
      process.stdout.write(`${JSON.stringify({ event: 'error', ...error.toJSON().error })}\n`);
    throw error;
  }
}
