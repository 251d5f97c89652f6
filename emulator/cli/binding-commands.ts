// `vcap`, `token`, `exec` and `ca`: the commands that hand the emulator's bindings, tokens and CA to
// other programs. Each prefers a running engine for the same data folder and otherwise works offline.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { constants } from 'node:os';
import type { BindingEnv, BindingFormat, IssueTokenRequest } from '../../app/admin-api.js';
import { EmulatorError, isEmulatorError } from '../../app/errors.js';
import { bindingVariables, destinationsNote, formatBindings } from '../bindings/formats.js';
import { ensureDataDir } from '../core/data-dir.js';
import { withDataDirLock } from '../core/data-lock.js';
import { startEmulator } from '../core/engine.js';
import { offlineBindingEnv, openOffline, resolveTarget } from '../core/offline.js';
import { ensureTls } from '../tls/ca.js';
import type { EmulatorHandle } from '../types.js';
import { issueToken } from '../xsuaa/operations.js';
import { engineAddressesFromEnv } from './engine-flags.js';
import { findRunningEngine, remoteBindingEnv, remoteIssueToken } from './running.js';

export interface TargetFlags {
  workspace?: string;
  dataDir?: string;
}

export async function vcapCommand(
  flags: TargetFlags & { format: BindingFormat; out?: string },
): Promise<void> {
  const { dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  const running = await findRunningEngine(dataDir);
  const env = running
    ? await remoteBindingEnv(running)
    : await offlineBindingEnv(await openOffline(flags.workspace, flags.dataDir, engineAddressesFromEnv()));
  const text = formatBindings(env, flags.format);
  if (flags.format === 'default-env') process.stderr.write(destinationsNote(env));
  if (flags.out) {
    // The file holds client secrets: readable by the user only.
    await writeFile(flags.out, text, { mode: 0o600 });
    process.stderr.write(`wrote ${flags.out} (contains client secrets; keep it out of version control)\n`);
  } else {
    process.stdout.write(text);
  }
}

export async function tokenCommand(
  flags: TargetFlags & { client: string; user?: string; scopes?: string; json?: boolean },
): Promise<void> {
  const request: IssueTokenRequest = {
    client: flags.client,
    ...(flags.user === undefined ? {} : { user: flags.user }),
    ...(flags.scopes === undefined ? {} : { scopes: flags.scopes.split(/[\s,]+/).filter(Boolean) }),
  };
  const { dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  const running = await findRunningEngine(dataDir);
  const state = running
    ? undefined
    : await openOffline(flags.workspace, flags.dataDir, engineAddressesFromEnv());
  const response = running
    ? await remoteIssueToken(running, request)
    : await issueToken(state!.core, state!.ws, request);
  process.stdout.write(flags.json ? `${JSON.stringify(response, null, 2)}\n` : `${response.access_token}\n`);
}

export async function caCommand(flags: TargetFlags & { installHint?: boolean }): Promise<void> {
  const { dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  await ensureDataDir(dataDir);
  const tls = await withDataDirLock(dataDir, () => ensureTls(dataDir));
  process.stdout.write(`${tls.caCertPath}\n`);
  if (flags.installHint) process.stdout.write(installHint(tls.caCertPath));
}

export function installHint(ca: string, platform = process.platform): string {
  const common = [
    '',
    'Trust the emulator CA:',
    `  Node.js (per process):   NODE_EXTRA_CA_CERTS=${ca}   (btp-emulator exec sets this for you)`,
    `  curl:                    curl --cacert ${ca} …`,
    `  Java (Mendix, SAP JVM):  keytool -importcert -noprompt -alias btp-emulator -file ${ca} -cacerts -storepass changeit`,
  ];
  const system: Record<string, string[]> = {
    linux: [
      `  Debian/Ubuntu system:    sudo cp ${ca} /usr/local/share/ca-certificates/btp-emulator.crt && sudo update-ca-certificates`,
      `  Fedora/RHEL system:      sudo cp ${ca} /etc/pki/ca-trust/source/anchors/btp-emulator.pem && sudo update-ca-trust`,
    ],
    darwin: [
      `  macOS system:            sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${ca}`,
    ],
    win32: [`  Windows (current user):  certutil -user -addstore Root ${ca}`],
  };
  return `${[...common, ...(system[platform] ?? []), '  Remove it again the same way when you no longer need it.', ''].join('\n')}`;
}

/**
 * The environment a child process gets: bindings as the SAP libraries read them, trust in the CA, and
 * the admin API of the engine (for tests that change the workspace or read the traffic).
 */
export function childEnv(
  env: BindingEnv,
  admin: { url: string; token: string },
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return { ...base, ...bindingVariables(env, admin) };
}

export async function execCommand(
  command: string[],
  flags: TargetFlags & { ephemeralPorts?: boolean; port?: Record<string, number> },
): Promise<number> {
  const [file, ...args] = command;
  if (!file)
    throw new EmulatorError(
      'EMU_ERR_CLI_USAGE',
      'exec needs a command: btp-emulator exec -- <command> [args…]',
    );
  const { dataDir } = await resolveTarget(flags.workspace, flags.dataDir);
  let running = await findRunningEngine(dataDir);
  let handle: EmulatorHandle | undefined;
  if (!running) {
    try {
      handle = await startEmulator({
        ...(flags.workspace === undefined ? {} : { workspacePath: flags.workspace }),
        dataDir,
        ephemeralPorts: flags.ephemeralPorts === true,
        ...(flags.port ? { ports: flags.port } : {}),
      });
    } catch (error) {
      // An engine started on this folder after the check above (`btp-emulator start` launched
      // together with this command): the data folder lock made this one wait for it; use it.
      running =
        isEmulatorError(error) && error.code === 'EMU_ERR_DATA_DIR'
          ? await findRunningEngine(dataDir)
          : undefined;
      if (!running) throw error;
    }
  }
  if (handle) {
    handle.onAny((event) => {
      if (event.type === 'log' && event.level !== 'debug')
        process.stderr.write(`[btp-emulator] ${event.message}\n`);
    });
    process.stderr.write(`[btp-emulator] started for this command (admin ${handle.urls.admin ?? '?'})\n`);
  }
  try {
    const env = running ? await remoteBindingEnv(running) : handle!.bindingEnv();
    const admin = running
      ? { url: running.adminUrl, token: running.adminToken }
      : { url: handle!.urls.admin ?? '', token: handle!.adminToken };
    return await runChild(file, args, childEnv(env, admin));
  } finally {
    await handle?.stop();
  }
}

/** Runs the command with inherited stdio, passes signals on, and returns its exit code (128+n for a signal, like a shell). */
function runChild(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env, shell: os.platform() === 'win32' });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code: number): void => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        `btp-emulator exec: cannot run "${file}": ${error.code === 'ENOENT' ? 'command not found' : error.message}\n`,
      );
      done(error.code === 'ENOENT' ? 127 : 126);
    });
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}
