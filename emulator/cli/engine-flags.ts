// Where a started engine listens and which host it hands out, from flags or the environment (a
// container image sets the environment), and the admin token a container may fix in advance. The
// token is only ever read from the environment: a secret in argv shows in every process list.
import { Option, type Command } from 'commander';
import { EmulatorError } from '../../app/errors.js';

export const ENGINE_ENV = {
  bind: 'BTP_EMULATOR_BIND',
  publicHost: 'BTP_EMULATOR_PUBLIC_HOST',
  adminToken: 'BTP_EMULATOR_ADMIN_TOKEN',
} as const;

export interface EngineAddressFlags {
  bind?: string;
  publicHost?: string;
}

export function addEngineAddressOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--bind <address>',
        'address every listener binds (default: engine.bind, 127.0.0.1); anything else exposes the emulator',
      ).env(ENGINE_ENV.bind),
    )
    .addOption(
      new Option(
        '--public-host <host>',
        'host name or IP clients reach the emulator by, used in bindings, uaadomain and its certificate (default: engine.publicHost)',
      ).env(ENGINE_ENV.publicHost),
    );
}

/** The run's overrides of engine.bind / engine.publicHost; an empty value counts as unset. */
export function engineAddressOptions(flags: EngineAddressFlags): EngineAddressFlags {
  return {
    ...(flags.bind ? { bind: flags.bind } : {}),
    ...(flags.publicHost ? { publicHost: flags.publicHost } : {}),
  };
}

/** For commands without the flags (vcap, token offline): what a `start` in the same environment would use. */
export const engineAddressesFromEnv = (env: NodeJS.ProcessEnv = process.env): EngineAddressFlags =>
  engineAddressOptions({ bind: env[ENGINE_ENV.bind], publicHost: env[ENGINE_ENV.publicHost] });

export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** BTP_EMULATOR_ADMIN_TOKEN, checked: long enough to be a secret, and sendable in a Bearer header. */
export function adminTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env[ENGINE_ENV.adminToken];
  if (!token) return undefined;
  if (token.length < MIN_ADMIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new EmulatorError(
      'EMU_ERR_CLI_USAGE',
      `${ENGINE_ENV.adminToken} must be at least ${MIN_ADMIN_TOKEN_LENGTH} printable ASCII characters without spaces (it has ${token.length}); unset it to get a random token.`,
    );
  }
  return token;
}
