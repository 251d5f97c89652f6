// The ways apps read bindings: plain JSON, default-env.json (approuter, xsenv.loadEnv), .env files,
// shell exports and the environment files of CI systems (GitHub's $GITHUB_ENV, GitLab's dotenv
// report). Every format quotes so that any JSON value survives the round trip.
import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { BindingEnv, BindingFormat } from '../../app/admin-api.js';
import { ADMIN_TOKEN_VAR, ADMIN_URL_VAR, type ENV_FORMATS } from '../../app/constants.js';
import { EmulatorError } from '../../app/errors.js';

export { BINDING_FORMATS, type BindingEnv, type BindingFormat } from '../../app/admin-api.js';

/** POSIX shell single quotes: everything literal, a quote becomes '\''. */
export const shellQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** dotenv: single quotes are literal (no escapes possible), so values with a quote use double quotes. */
function dotenvQuote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}

export type EnvFormat = (typeof ENV_FORMATS)[number];

/**
 * The environment an app gets (`exec` sets it, `env` prints it): the bindings, trust in the CA and,
 * when an engine runs, where its admin API is and the token for it.
 */
export function bindingVariables(
  env: BindingEnv,
  admin?: { url: string; token: string },
): Record<string, string> {
  return {
    VCAP_SERVICES: JSON.stringify(env.VCAP_SERVICES),
    VCAP_APPLICATION: JSON.stringify(env.VCAP_APPLICATION),
    ...(env.caBundle ? { NODE_EXTRA_CA_CERTS: env.caBundle } : {}),
    ...(admin ? { [ADMIN_URL_VAR]: admin.url, [ADMIN_TOKEN_VAR]: admin.token } : {}),
  };
}

/** A heredoc delimiter for $GITHUB_ENV that none of the values contains, so no value can end it early. */
function githubDelimiter(values: string[]): string {
  for (;;) {
    const delimiter = `BTP_EMULATOR_EOF_${randomBytes(8).toString('hex')}`;
    if (!values.some((v) => v.includes(delimiter))) return delimiter;
  }
}

/**
 * GitLab's dotenv report takes `KEY=value` lines only: no quoting (quotes stay part of the value), no
 * multi-line values; the JSON values are single-line already, so they go as they are.
 */
function gitlabLine(name: string, value: string): string {
  if (/[\r\n]/.test(value))
    throw new EmulatorError(
      'EMU_ERR_CLI_USAGE',
      `${name} has a line break, which a GitLab dotenv report cannot carry; use --format shell or dotenv.`,
    );
  return `${name}=${value}`;
}

export function formatVariables(vars: Record<string, string>, format: EnvFormat): string {
  const entries = Object.entries(vars);
  const delimiter = format === 'github' ? githubDelimiter(Object.values(vars)) : '';
  const lines = entries.map(([name, value]) => {
    switch (format) {
      case 'shell':
        return `export ${name}=${shellQuote(value)}`;
      case 'dotenv':
        return `${name}=${dotenvQuote(value)}`;
      case 'github':
        return `${name}<<${delimiter}\n${value}\n${delimiter}`;
      case 'gitlab':
        return gitlabLine(name, value);
    }
  });
  return `${[...lines, ''].join('\n')}`;
}

export function formatBindings(env: BindingEnv, format: BindingFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(env.VCAP_SERVICES, null, 2)}\n`;
    case 'default-env':
      return `${JSON.stringify({ VCAP_SERVICES: env.VCAP_SERVICES, VCAP_APPLICATION: env.VCAP_APPLICATION, destinations: env.destinations }, null, 2)}\n`;
    case 'dotenv':
    case 'shell':
      return formatVariables(bindingVariables(env), format);
  }
}

/**
 * What default-env.json leaves out of `destinations`, for the person who writes it: the approuter
 * finds those through the Destination service binding in VCAP_SERVICES. Empty when nothing is left out.
 */
export function destinationsNote(env: BindingEnv): string {
  const left = env.destinationsLeftToService ?? [];
  if (left.length === 0) return '';
  return [
    `note: ${left.length} destination${left.length === 1 ? '' : 's'} left out of "destinations"; the approuter gets ${left.length === 1 ? 'it' : 'them'} from the Destination service (binding in VCAP_SERVICES),`,
    '  because the "destinations" format cannot carry what they need:',
    ...left.map((d) => `  ${d.name}: ${d.reason}`),
    '',
  ].join('\n');
}

const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem',
  '/usr/local/etc/openssl/cert.pem',
];

/**
 * NODE_EXTRA_CA_CERTS takes one file, and a machine may already point it at a corporate or system
 * bundle: combine that (or the system bundle) with the emulator CA rather than overwrite it.
 */
export async function writeCaBundle(
  dataDir: string,
  caPem: string,
  existing = process.env.NODE_EXTRA_CA_CERTS,
): Promise<string> {
  const file = path.join(dataDir, 'tls', 'node-extra-ca-certs.pem');
  // A nested exec sees our own bundle as the existing value: start from the system bundle instead.
  const usable = existing && path.resolve(existing) !== file && existsSync(existing) ? existing : undefined;
  const sources = usable ? [usable] : SYSTEM_BUNDLES.filter((f) => existsSync(f)).slice(0, 1);
  const parts = sources.map((f) => readFileSync(f, 'utf8').trim());
  await writeFile(file, `${[...parts, caPem.trim()].join('\n')}\n`, { mode: 0o644 });
  return file;
}
