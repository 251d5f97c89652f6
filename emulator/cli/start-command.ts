// `start` (and `record`/`replay`, which are starts with a recording setting): the engine in this
// process until SIGINT/SIGTERM, announced by the ready line.
import type { ReadyLine } from '../../app/admin-api.js';
import { isEmulatorError } from '../../app/errors.js';
import type { ServicePorts } from '../../app/workspace/schema.js';
import { startEmulator } from '../core/engine.js';
import { EXIT } from './exit-codes.js';
import { printHuman, printJsonEvents } from './output.js';
import type { RecordingRun } from './recording-commands.js';
import { adminTokenFromEnv, engineAddressOptions, type EngineAddressFlags } from './engine-flags.js';

export interface StartFlags extends EngineAddressFlags {
  workspace?: string;
  dataDir?: string;
  json?: boolean;
  port?: Partial<ServicePorts>;
  ephemeralPorts?: boolean;
  detach?: boolean;
}

/**
 * Set by `start --detach` for the engine it launches: that engine's stdout is a log file, and its
 * ready line goes to the launching process over the IPC channel instead.
 */
export const DETACHED_ENV = 'BTP_EMULATOR_DETACHED';

export async function runStart(flags: StartFlags, run?: RecordingRun): Promise<number> {
  const detached = process.env[DETACHED_ENV] === '1' && typeof process.send === 'function';
  delete process.env[DETACHED_ENV];
  const adminToken = adminTokenFromEnv();
  const handle = await startEmulator({
    ...(flags.workspace === undefined ? {} : { workspacePath: flags.workspace }),
    ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
    ports: flags.port ?? {},
    ephemeralPorts: flags.ephemeralPorts === true,
    ...engineAddressOptions(flags),
    ...(adminToken === undefined ? {} : { adminToken }),
    ...(run ? { recordingOverrides: run.recordingOverrides } : {}),
  }).catch((error: unknown) => {
    if (flags.json && isEmulatorError(error))
      process.stdout.write(`${JSON.stringify({ event: 'error', ...error.toJSON().error })}\n`);
    throw error;
  });
  // Handlers first: a tool may signal as soon as it reads the ready line.
  const signalled = waitForSignal();
  const ready: ReadyLine = {
    event: 'ready',
    urls: handle.urls,
    ui: handle.createUiLink(),
    adminToken: handle.adminToken,
    caCert: handle.caCert,
    workspace: handle.workspacePath,
    dataDir: handle.dataDir,
    pid: process.pid,
  };
  let flushEvents = (): void => undefined;
  if (flags.json) {
    // A detached engine's stdout is a log file that CI keeps: no secret goes there. The launching
    // process gets the whole line; the admin token stays readable in runtime.json (mode 0600).
    const logged = detached
      ? { ...ready, ui: '(not logged)', adminToken: '(not logged: see runtime.json)' }
      : ready;
    process.stdout.write(`${JSON.stringify(logged)}\n`);
    flushEvents = printJsonEvents(handle);
  } else {
    printHuman(handle, ready);
  }
  for (const note of run?.notes ?? []) process.stderr.write(`${note}\n`);
  if (detached) process.send?.(ready);
  const reason = await signalled;
  await handle.stop();
  flushEvents();
  if (flags.json) process.stdout.write(`${JSON.stringify({ event: 'stopped', reason })}\n`);
  else process.stderr.write(`btp-emulator stopped (${reason}).\n`);
  return EXIT.ok;
}

/** Resolves on the first SIGINT/SIGTERM; a second one while stopping exits at once. */
function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
