// The command-line shape of `record`, `replay` and `sessions`; what they do is in recording-commands.ts,
// loaded only when one of them runs.
import { Option, type Command } from 'commander';
import type { TargetFlags } from './binding-commands.js';
import { EXAMPLES } from './help.js';
import type { RecordingRun } from './recording-commands.js';
import type { StartFlags } from './start-command.js';

/** Runs the engine like `start`; `prepare` gives the recording settings of this run (not run when detaching). */
export type RecordingStart = (flags: StartFlags, prepare?: () => Promise<RecordingRun>) => Promise<void>;

type OnMiss = 'strict' | 'simulate' | 'record';
const load = () => import('./recording-commands.js');

/**
 * Registers the commands; `startOptions` adds the options of `start`, `target` those of the commands
 * that only name a workspace and data folder (as `vcap`), `start` runs the engine.
 */
export function registerRecordingCommands(
  program: Command,
  startOptions: (cmd: Command) => Command,
  target: (cmd: Command) => Command,
  start: RecordingStart,
): void {
  startOptions(program.command('record'))
    .description(
      'Start the emulator with one system recording: its requests go to the real system and every exchange is written to a session. For this run only: the workspace file is not changed.',
    )
    .argument('<system>', 'system id in the workspace')
    .option(
      '-s, --session <name>',
      'session to write (appended if it exists; default <system>-<date>-<time>)',
    )
    .option('--live <url>', "the real system, http(s)://host:port (default: the system's recording.live.url)")
    .addHelpText('after', EXAMPLES.record)
    .action(async (id: string, flags: StartFlags & { session?: string; live?: string }) =>
      start(flags, async () => {
        const m = await load();
        return m.prepared(flags, m.recordRun(id, flags));
      }),
    );

  startOptions(program.command('replay'))
    .description(
      'Start the emulator with one system answering from recorded sessions. For this run only: the workspace file is not changed.',
    )
    .argument('<system>', 'system id in the workspace')
    .requiredOption('-s, --session <name...>', 'sessions to answer from, in this order')
    .addOption(
      new Option(
        '--on-miss <mode>',
        'when no recorded exchange matches: an OData error, the simulated service, or record from the real system',
      )
        .choices(['strict', 'simulate', 'record'])
        .default('strict'),
    )
    .addHelpText('after', EXAMPLES.replay)
    .action(async (id: string, flags: StartFlags & { session: string[]; onMiss: OnMiss }) =>
      start(flags, async () => {
        const m = await load();
        return m.prepared(flags, m.replayRun(id, flags));
      }),
    );

  const sessions = program
    .command('sessions')
    .description('Recorded sessions in the data folder; works without a running engine.')
    .addHelpText('after', EXAMPLES.sessions);
  target(sessions.command('list'))
    .description('List the sessions with their entries, size and systems.')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', EXAMPLES.sessions)
    .action(async (flags: TargetFlags & { json?: boolean }) => (await load()).sessionsList(flags));
  target(sessions.command('export'))
    .description('Print or write a session as a HAR 1.2 file, credentials redacted.')
    .argument('<name>', 'session name')
    .option('-o, --out <file>', 'write to a file (mode 0600) instead of stdout')
    .addHelpText('after', EXAMPLES.sessions)
    .action(async (name: string, flags: TargetFlags & { out?: string }) =>
      (await load()).sessionsExport(name, flags),
    );
  target(sessions.command('import'))
    .description(
      "Import a HAR file (browsers' developer tools, Playwright, another emulator) as a new session.",
    )
    .argument('<file>', 'the .har file')
    .requiredOption('-n, --name <name>', 'name of the new session')
    .option('--system <id>', 'attribute the entries to this system (needed to replay them)')
    .addHelpText('after', EXAMPLES.sessions)
    .action(async (file: string, flags: TargetFlags & { name: string; system?: string }) =>
      (await load()).sessionsImport(file, flags),
    );
}
