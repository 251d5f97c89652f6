// `env`: the environment `exec` gives its command, printed for a shell or a CI system, so that the
// steps of a CI job after `start --detach` run against the engine without each being wrapped in `exec`.
import { bindingVariables, formatVariables, type EnvFormat } from '../bindings/formats.js';
import { offlineBindingEnv, openOffline, resolveTarget } from '../core/offline.js';
import type { TargetFlags } from './binding-commands.js';
import { findRunningEngine, remoteBindingEnv } from './running.js';

/** GitLab's default limit for a dotenv report (`dotenv_size`); larger reports are refused on upload. */
const GITLAB_DOTENV_LIMIT = 5 * 1024;

export async function envCommand(flags: TargetFlags & { format: EnvFormat }): Promise<void> {
  const { dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  const running = await findRunningEngine(dataDir);
  const vars = running
    ? bindingVariables(await remoteBindingEnv(running), {
        url: running.adminUrl,
        token: running.adminToken,
      })
    : bindingVariables(await offlineBindingEnv(await openOffline(flags.workspace, flags.dataDir)));
  if (!running)
    process.stderr.write(
      `No btp-emulator runs for data folder ${dataDir}: the bindings name the workspace's configured ports, and there is no admin URL or token to give.\n`,
    );
  const text = formatVariables(vars, flags.format);
  if (flags.format === 'gitlab' && Buffer.byteLength(text) >= GITLAB_DOTENV_LIMIT)
    process.stderr.write(
      `This dotenv report is ${Buffer.byteLength(text)} bytes; GitLab refuses reports of 5 KB and more unless its dotenv_size limit was raised. Use --format shell in the same job instead.\n`,
    );
  process.stdout.write(text);
}
