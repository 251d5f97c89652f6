// What `npm start` runs: the desktop app when an Electron runtime and a display exist, otherwise the
// headless CLI after saying so in one line. Pure planning plus a runner that takes its process powers as
// parameters, so both are unit-tested. Trusts: the developer's environment and checkout.
import path from 'node:path';
import { findElectronBinary, type FsProbe } from './electron-binary.js';

export const HEADLESS_LINE_PREFIX = 'btp-emulator:';
const HOW_TO_SUPPLY =
  'set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron, or put the official zip in the Electron cache and run `npx install-electron`';

export interface LaunchPlan {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** One line for stderr before starting, when the plan is a fallback. */
  notice?: string;
}

export interface PlanInput {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  projectRoot: string;
  /** The Node running this script: it also runs the headless CLI. */
  nodePath: string;
  /** Arguments after `npm start --`, passed on to the app or the CLI. */
  userArgs: string[];
  fs: FsProbe;
}

export function planLaunch(input: PlanInput): LaunchPlan {
  const discovery = findElectronBinary(input);
  if (!discovery.found) {
    const why = discovery.tried.length > 0 ? `; ${discovery.tried.join('; ')}` : '';
    return headless(input, `no Electron runtime found (${HOW_TO_SUPPLY}${why})`);
  }
  if (input.platform === 'linux' && !input.env.DISPLAY && !input.env.WAYLAND_DISPLAY) {
    return headless(input, 'Electron found but no display (DISPLAY is unset); use `xvfb-run -a npm start`');
  }
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node and skip main.js entirely.
  const env = { ...input.env, ELECTRON_RUN_AS_NODE: undefined };
  return { command: discovery.binary, args: ['.', ...input.userArgs], cwd: input.projectRoot, env };
}

function headless(input: PlanInput, reason: string): LaunchPlan {
  return {
    command: input.nodePath,
    args: [path.join(input.projectRoot, 'emulator', 'bin', 'btp-emulator.mjs'), 'start', ...input.userArgs],
    cwd: input.projectRoot,
    env: { ...input.env },
    notice: `${HEADLESS_LINE_PREFIX} ${reason} — starting headless; open the UI link below.`,
  };
}

/** The slice of ChildProcess the runner needs. */
export interface ChildLike {
  kill(signal: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
}

export interface RunPowers {
  spawn(command: string, args: string[], options: { cwd: string; env: LaunchPlan['env'] }): ChildLike;
  writeErr(line: string): void;
  onSignal(signal: NodeJS.Signals, handler: () => void): void;
}

/** Passed on to the child once each: they reach only us (`kill <pid>`, a closed terminal). */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** Runs the plan with stdio inherited; resolves with the exit code to hand back to the shell. */
export function runPlan(plan: LaunchPlan, powers: RunPowers): Promise<number> {
  if (plan.notice) powers.writeErr(plan.notice);
  const child = powers.spawn(plan.command, plan.args, { cwd: plan.cwd, env: plan.env });
  const forwarded = new Set<NodeJS.Signals>();
  for (const signal of FORWARDED) {
    powers.onSignal(signal, () => {
      // The CLI treats a second signal as "exit now, skip the graceful stop": never send one twice.
      if (forwarded.has(signal)) return;
      forwarded.add(signal);
      child.kill(signal);
    });
  }
  // Ctrl-C reaches the child directly (same process group); forwarding it too would be that second
  // signal. Listening only keeps this process alive to report the child's exit code.
  powers.onSignal('SIGINT', () => undefined);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      powers.writeErr(`${HEADLESS_LINE_PREFIX} could not run ${plan.command}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0));
    });
  });
}
