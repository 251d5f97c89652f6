// The headless CLI: a thin shell over startEmulator(). Its --json ready line is a contract other
// tools (the e2e suite, the Electron shell, CI scripts) build on: keep it stable.
// This module only describes the commands: each action imports what it needs when it runs (the build
// splits those imports into chunks), so `--version`, `--help` or `status` never load the engine.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { BindingFormat } from '../../app/admin-api.js';
import { BINDING_FORMATS, ENV_FORMATS, SERVICE_IDS } from '../../app/constants.js';
import { EmulatorError, formatError, isEmulatorError } from '../../app/errors.js';
import type { ServiceId } from '../../app/events.js';
import type { ServicePorts } from '../../app/workspace/schema.js';
import type { EnvFormat } from '../bindings/formats.js';
import { VERSION } from '../version.js';
import type { TargetFlags } from './binding-commands.js';
import { addEngineAddressOptions } from './engine-flags.js';
import { EXIT } from './exit-codes.js';
import { EXAMPLES, PORT_HELP } from './help.js';
import { registerRecordingCommands, type RecordingStart } from './recording-register.js';
import type { StartFlags } from './start-command.js';

function parsePort(value: string, previous: Partial<ServicePorts> = {}): Partial<ServicePorts> {
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

const portOption = (): Option => new Option('-p, --port <service=port>', PORT_HELP).argParser(parsePort);

/** `--ephemeral-ports` decides every port, so an explicit `--port` beside it would be silently lost. */
function checkPorts(flags: { port?: Partial<ServicePorts>; ephemeralPorts?: boolean }): void {
  const given = Object.entries(flags.port ?? {});
  if (flags.ephemeralPorts && given.length > 0)
    throw new EmulatorError(
      'EMU_ERR_CLI_USAGE',
      `--ephemeral-ports lets every listener pick a free port, so it cannot be combined with --port ${given.map(([s, p]) => `${s}=${p}`).join(' --port ')}: drop one of them (--port <service>=0 picks a free port for one listener).`,
    );
}

/** Commander's own messages (unknown option, missing argument, …) become EMU_ERR_CLI_USAGE errors. */
function usageText(text: string): string {
  const message = text.trim().replace(/^error: /, '');
  return `${formatError(new EmulatorError('EMU_ERR_CLI_USAGE', message))}\n`;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const set = (code: number | void): void => {
    if (typeof code === 'number') exitCode = code;
  };
  const program = new Command('btp-emulator')
    .description('Emulates SAP BTP XSUAA, Destination and Connectivity (Cloud Connector) on this machine.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({ outputError: (text, write) => write(usageText(text)) })
    .addHelpText('after', EXAMPLES.program);

  const startOptions = (cmd: Command): Command =>
    addEngineAddressOptions(cmd)
      .option('-w, --workspace <file>', 'workspace file (JSON or YAML)')
      .option(
        '-d, --data-dir <dir>',
        'folder for generated state (default: .btp-emulator/<name>/ beside the workspace)',
      )
      .option('--json', 'print one JSON object per line; the first is the ready line')
      .addOption(portOption())
      .option('--ephemeral-ports', 'let every listener pick a free port (not together with --port)')
      .option(
        '--detach',
        'return once the engine is ready and leave it running in the background (output in <data folder>/engine.log; stop it with btp-emulator stop)',
      );

  /** `start`, `record` and `replay`: in this process, or detached from it. */
  const start: RecordingStart = async (flags, prepare) => {
    checkPorts(flags);
    if (flags.detach) {
      const { startDetached } = await import('./detach-commands.js');
      set(await startDetached(argv, flags));
      return;
    }
    const run = prepare ? await prepare() : undefined;
    const { runStart } = await import('./start-command.js');
    set(await runStart(flags, run));
  };

  startOptions(program.command('start'))
    .description('Start the emulator (the built-in demo workspace when no --workspace is given).')
    .addHelpText('after', EXAMPLES.start)
    .action(async (flags: StartFlags) => start(flags));

  const target = (cmd: Command): Command =>
    cmd
      .option('-w, --workspace <file>', 'workspace file (default: the built-in demo)')
      .option('-d, --data-dir <dir>', 'data folder (default: .btp-emulator/<name>/ beside the workspace)');

  registerRecordingCommands(program, startOptions, target, start);
  registerEngineCommands(program, target, set);
  registerBindingCommands(program, target, set);
  registerWorkspaceCommands(program);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error);
  }
}

/** `stop`, `status` and `env`: the commands a CI job runs around a detached engine. */
function registerEngineCommands(
  program: Command,
  target: (cmd: Command) => Command,
  set: (code: number | void) => void,
): void {
  target(program.command('stop'))
    .description(
      'Stop the engine running for the data folder (started with --detach or in another terminal) and wait until it is gone.',
    )
    .option('-t, --timeout <seconds>', 'how long to wait for it to stop', parseSeconds, 10)
    .addHelpText('after', EXAMPLES.stop)
    .action(async (flags: TargetFlags & { timeout: number }) =>
      set(await (await import('./detach-commands.js')).stopCommand(flags)),
    );

  target(program.command('status'))
    .description(
      `Say whether an engine runs for the data folder, with its pid, URLs and uptime. Exit code ${EXIT.ok} running, ${EXIT.notRunning} not running, ${EXIT.failure} not answering.`,
    )
    .option('--json', 'print the status as one JSON object')
    .addHelpText('after', EXAMPLES.status)
    .action(async (flags: TargetFlags & { json?: boolean }) =>
      set(await (await import('./detach-commands.js')).statusCommand(flags)),
    );

  target(program.command('env'))
    .description(
      'Print the environment `exec` gives its command (VCAP_SERVICES, VCAP_APPLICATION, NODE_EXTRA_CA_CERTS and, when an engine runs, BTP_EMULATOR_ADMIN_URL and BTP_EMULATOR_ADMIN_TOKEN) for a shell or a CI system. Contains secrets.',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'shell exports, a .env file, $GITHUB_ENV, or a GitLab dotenv report',
      )
        .choices(ENV_FORMATS)
        .default('shell'),
    )
    .addHelpText('after', EXAMPLES.env)
    .action(async (flags: TargetFlags & { format: EnvFormat }) =>
      (await import('./env-command.js')).envCommand(flags),
    );
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected seconds > 0');
  return seconds;
}

/** `vcap`, `token`, `exec` and `ca`: the bindings, tokens and CA for other programs. */
function registerBindingCommands(
  program: Command,
  target: (cmd: Command) => Command,
  set: (code: number | void) => void,
): void {
  const load = () => import('./binding-commands.js');
  target(program.command('vcap'))
    .description(
      'Print the service bindings (VCAP_SERVICES …) of the workspace; they contain client secrets.',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(BINDING_FORMATS).default('json'))
    .option('-o, --out <file>', 'write to a file (mode 0600) instead of stdout')
    .addHelpText('after', EXAMPLES.vcap)
    .action(async (flags: TargetFlags & { format: BindingFormat; out?: string }) =>
      (await load()).vcapCommand(flags),
    );

  target(program.command('token'))
    .description('Print an access token for curl or Postman.')
    .requiredOption('-c, --client <binding|clientid>', 'the binding name or client id the token is for')
    .option('-u, --user <name>', 'a workspace user (a user token); default: client credentials')
    .option('-s, --scopes <list>', 'comma- or space-separated scopes to ask for (default: all allowed)')
    .option('--json', 'print the whole token response with decoded claims')
    .addHelpText('after', EXAMPLES.token)
    .action(async (flags: TargetFlags & { client: string; user?: string; scopes?: string; json?: boolean }) =>
      (await load()).tokenCommand(flags),
    );

  target(program.command('exec'))
    .description(
      'Run a command with VCAP_SERVICES, VCAP_APPLICATION, NODE_EXTRA_CA_CERTS, BTP_EMULATOR_ADMIN_URL and BTP_EMULATOR_ADMIN_TOKEN set; starts the engine for its lifetime if none runs.',
    )
    .argument('<command...>', 'the command and its arguments (after --)')
    .addOption(portOption())
    .option('--ephemeral-ports', 'let every listener pick a free port (not together with --port)')
    .passThroughOptions()
    .addHelpText('after', EXAMPLES.exec)
    .action(
      async (
        command: string[],
        flags: TargetFlags & { port?: Partial<ServicePorts>; ephemeralPorts?: boolean },
      ) => {
        checkPorts(flags);
        set(await (await load()).execCommand(command, flags));
      },
    );

  target(program.command('ca'))
    .description("Print the path of the emulator's CA certificate (created on first use).")
    .option('--install-hint', 'also say how to trust it in Node, curl, Java and the OS')
    .addHelpText('after', EXAMPLES.ca)
    .action(async (flags: TargetFlags & { installHint?: boolean }) => (await load()).caCommand(flags));
}

function registerWorkspaceCommands(program: Command): void {
  const load = () => import('./workspace-commands.js');
  program
    .command('validate')
    .description('Check a workspace file and report every problem with its path; exit code 2 when invalid.')
    .argument('<file>', 'workspace file')
    .addHelpText('after', EXAMPLES.validate)
    .action(async (file: string) => (await load()).validateCommand(file));

  program
    .command('init')
    .description('Write the demo workspace to a file to start your own from.')
    .argument('[file]', 'where to write it', 'btp-workspace.json')
    .addHelpText('after', EXAMPLES.init)
    .action(async (file: string) => (await load()).initCommand(file));
}

const BAD_INPUT = new Set([
  'EMU_ERR_CLI_USAGE',
  'EMU_ERR_TOKEN_REQUEST',
  'EMU_ERR_SYSTEM_NOT_FOUND',
  'EMU_ERR_SESSION_NOT_FOUND',
  'EMU_ERR_SESSION_EXISTS',
  'EMU_ERR_HAR_INVALID',
]);

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (isEmulatorError(error)) {
    process.stderr.write(`${formatError(error)}\n`);
    const badInput =
      (error.code.startsWith('EMU_ERR_WORKSPACE') && error.code !== 'EMU_ERR_WORKSPACE_SAVE') ||
      BAD_INPUT.has(error.code);
    return badInput ? EXIT.badInput : EXIT.failure;
  }
  process.stderr.write(`EMU_ERR_INTERNAL: ${(error as Error).message ?? String(error)}\n`);
  return EXIT.failure;
}
