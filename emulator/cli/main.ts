// The headless CLI: a thin shell over startEmulator(). Its --json ready line is a contract other
// tools (the e2e suite, the Electron shell, CI scripts) build on: keep it stable.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReadyLine } from '../../app/admin-api.js';
import { EmulatorError, formatError, isEmulatorError } from '../../app/errors.js';
import { SERVICE_IDS, type ServiceId } from '../../app/events.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { parseWorkspaceText } from '../../app/workspace/parse.js';
import type { ServicePorts } from '../../app/workspace/schema.js';
import { startEmulator } from '../core/engine.js';
import type { EmulatorHandle } from '../types.js';
import { VERSION } from '../version.js';
import { BINDING_FORMATS, type BindingFormat } from '../../app/admin-api.js';
import { caCommand, execCommand, tokenCommand, vcapCommand, type TargetFlags } from './binding-commands.js';
import {
  addEngineAddressOptions,
  adminTokenFromEnv,
  engineAddressOptions,
  type EngineAddressFlags,
} from './engine-flags.js';
import { printHuman, printJsonEvents } from './output.js';
import { registerRecordingCommands, type RecordingRun } from './recording-commands.js';

export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

interface StartFlags extends EngineAddressFlags {
  workspace?: string;
  dataDir?: string;
  json?: boolean;
  port: Partial<ServicePorts>;
  ephemeralPorts?: boolean;
}

function parsePort(value: string, previous: Partial<ServicePorts>): Partial<ServicePorts> {
  const match = /^([A-Za-z0-9]+)=(\d{1,5})$/.exec(value);
  const service = match?.[1] as ServiceId | undefined;
  const port = Number(match?.[2]);
  if (!service || !SERVICE_IDS.includes(service) || port > 65535) {
    throw new InvalidArgumentError(
      `expected <service>=<port> with service one of ${SERVICE_IDS.join(', ')} and port 0-65535`,
    );
  }
  return { ...previous, [service]: port };
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('btp-emulator')
    .description('Emulates SAP BTP XSUAA, Destination and Connectivity (Cloud Connector) on this machine.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({ outputError: (text, write) => write(text) });

  const startOptions = (cmd: Command): Command =>
    addEngineAddressOptions(cmd)
      .option('-w, --workspace <file>', 'workspace file (JSON or YAML)')
      .option(
        '-d, --data-dir <dir>',
        'folder for generated state (default: .btp-emulator/<name>/ beside the workspace)',
      )
      .option('--json', 'print one JSON object per line; the first is the ready line')
      .addOption(
        new Option('-p, --port <service=port>', 'override a listener port (repeatable; 0 = any free port)')
          .argParser(parsePort)
          .default({}),
      )
      .option('--ephemeral-ports', 'let every listener pick a free port');

  startOptions(program.command('start'))
    .description('Start the emulator (the built-in demo workspace when no --workspace is given).')
    .action(async (flags: StartFlags) => {
      exitCode = await runStart(flags);
    });

  const target = (cmd: Command): Command =>
    cmd
      .option('-w, --workspace <file>', 'workspace file (default: the built-in demo)')
      .option('-d, --data-dir <dir>', 'data folder (default: .btp-emulator/<name>/ beside the workspace)');

  registerRecordingCommands(program, startOptions, target, async (flags, run) => {
    exitCode = await runStart(flags as StartFlags, run);
  });

  target(program.command('vcap'))
    .description(
      'Print the service bindings (VCAP_SERVICES …) of the workspace; they contain client secrets.',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(BINDING_FORMATS).default('json'))
    .option('-o, --out <file>', 'write to a file (mode 0600) instead of stdout')
    .action(async (flags: TargetFlags & { format: BindingFormat; out?: string }) => vcapCommand(flags));

  target(program.command('token'))
    .description('Print an access token for curl or Postman.')
    .requiredOption('-c, --client <binding|clientid>', 'the binding name or client id the token is for')
    .option('-u, --user <name>', 'a workspace user (a user token); default: client credentials')
    .option('-s, --scopes <list>', 'comma- or space-separated scopes to ask for (default: all allowed)')
    .option('--json', 'print the whole token response with decoded claims')
    .action(async (flags: TargetFlags & { client: string; user?: string; scopes?: string; json?: boolean }) =>
      tokenCommand(flags),
    );

  target(program.command('exec'))
    .description(
      'Run a command with VCAP_SERVICES, VCAP_APPLICATION and NODE_EXTRA_CA_CERTS set; starts the engine for its lifetime if none runs.',
    )
    .argument('<command...>', 'the command and its arguments (after --)')
    .addOption(
      new Option('-p, --port <service=port>', 'override a listener port (repeatable)')
        .argParser(parsePort)
        .default({}),
    )
    .option('--ephemeral-ports', 'let every listener pick a free port')
    .passThroughOptions()
    .action(
      async (
        command: string[],
        flags: TargetFlags & { port: Partial<ServicePorts>; ephemeralPorts?: boolean },
      ) => {
        exitCode = await execCommand(command, flags);
      },
    );

  target(program.command('ca'))
    .description("Print the path of the emulator's CA certificate (created on first use).")
    .option('--install-hint', 'also say how to trust it in Node, curl, Java and the OS')
    .action(async (flags: TargetFlags & { installHint?: boolean }) => caCommand(flags));

  program
    .command('validate')
    .description('Check a workspace file and report every problem with its path; exit code 2 when invalid.')
    .argument('<file>', 'workspace file')
    .action(async (file: string) => {
      const absolute = path.resolve(file);
      const text = await readFile(absolute, 'utf8').catch((error: unknown) => {
        throw new EmulatorError('EMU_ERR_WORKSPACE_NOT_FOUND', `Cannot read workspace file ${absolute}.`, {
          cause: error,
        });
      });
      const parsed = parseWorkspaceText(text, absolute);
      const migrated = parsed.migrated.length ? ` (migrated from schemaVersion ${parsed.fromVersion})` : '';
      process.stdout.write(`${absolute}: valid workspace "${parsed.workspace.name}"${migrated}\n`);
    });

  program
    .command('init')
    .description('Write the demo workspace to a file to start your own from.')
    .argument('[file]', 'where to write it', 'btp-workspace.json')
    .action(async (file: string) => {
      const absolute = path.resolve(file);
      if (existsSync(absolute))
        throw new EmulatorError('EMU_ERR_CLI_USAGE', `${absolute} already exists; not overwriting it.`);
      const schemaRef = './node_modules/btp-emulator/app/workspace/workspace.schema.json';
      await writeFile(absolute, `${JSON.stringify({ $schema: schemaRef, ...DEMO_WORKSPACE }, null, 2)}\n`, {
        flag: 'wx',
      });
      process.stdout.write(`wrote ${absolute}\nstart it with: npx btp-emulator start --workspace ${file}\n`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (isEmulatorError(error)) {
    process.stderr.write(`${formatError(error)}\n`);
    const badInput =
      error.code.startsWith('EMU_ERR_WORKSPACE') ||
      [
        'EMU_ERR_CLI_USAGE',
        'EMU_ERR_TOKEN_REQUEST',
        'EMU_ERR_SYSTEM_NOT_FOUND',
        'EMU_ERR_SESSION_NOT_FOUND',
        'EMU_ERR_SESSION_EXISTS',
        'EMU_ERR_HAR_INVALID',
      ].includes(error.code);
    return badInput && error.code !== 'EMU_ERR_WORKSPACE_SAVE' ? EXIT.badInput : EXIT.failure;
  }
  process.stderr.write(`EMU_ERR_INTERNAL: ${(error as Error).message ?? String(error)}\n`);
  return EXIT.failure;
}

async function runStart(flags: StartFlags, run?: RecordingRun): Promise<number> {
  const adminToken = adminTokenFromEnv();
  const handle = await startEmulator({
    ...(flags.workspace === undefined ? {} : { workspacePath: flags.workspace }),
    ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
    ports: flags.port,
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
    process.stdout.write(`${JSON.stringify(ready)}\n`);
    flushEvents = printJsonEvents(handle);
  } else {
    printHuman(handle, ready);
  }
  for (const note of run?.notes ?? []) process.stderr.write(`${note}\n`);
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

export type { EmulatorHandle };
