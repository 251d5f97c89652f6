// What the desktop app reads from its command line and environment. Trusts the user who launched it.
import path from 'node:path';
import type { StartMessage } from './engine-protocol.js';

export type EngineStartSettings = Omit<StartMessage, 'type' | 'adminToken'>;

/**
 * The same flags as `btp-emulator start` (`-w/--workspace`, `-d/--data-dir`, `--ephemeral-ports`), so
 * `npm start -- …` means the same with and without Electron; env BTP_EMULATOR_WORKSPACE,
 * BTP_EMULATOR_DATA_DIR and BTP_EMULATOR_EPHEMERAL_PORTS=1 fill in what the flags leave out.
 */
export function readStartSettings(input: {
  argv: readonly string[];
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}): EngineStartSettings {
  // Dev runs are `electron . …`, packaged runs `<app> …`: skip the executable and, in dev, the app folder.
  const args = input.argv.slice(input.isPackaged ? 1 : 2);
  const workspace = flagValue(args, '--workspace', '-w') ?? (input.env.BTP_EMULATOR_WORKSPACE || undefined);
  const dataDir = flagValue(args, '--data-dir', '-d') ?? (input.env.BTP_EMULATOR_DATA_DIR || undefined);
  const ephemeral = args.includes('--ephemeral-ports') || input.env.BTP_EMULATOR_EPHEMERAL_PORTS === '1';
  return {
    ...(workspace ? { workspacePath: path.resolve(input.cwd, workspace) } : {}),
    ...(dataDir ? { dataDir: path.resolve(input.cwd, dataDir) } : {}),
    ...(ephemeral ? { ephemeralPorts: true } : {}),
  };
}

/** `--name value`, `--name=value` or `-x value`; other switches (Chromium's among them) are ignored. */
function flagValue(args: readonly string[], long: string, short: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === long || arg === short) return args[i + 1];
    if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
  }
  return undefined;
}
