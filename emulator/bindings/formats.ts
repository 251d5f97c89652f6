// The ways apps read bindings: plain JSON, default-env.json (approuter, xsenv.loadEnv), .env files and
// shell exports. Every format quotes so that any JSON value survives the round trip.
import { readFileSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { BindingEnv, BindingFormat } from '../../app/admin-api.js';

export { BINDING_FORMATS, type BindingEnv, type BindingFormat } from '../../app/admin-api.js';

/** POSIX shell single quotes: everything literal, a quote becomes '\''. */
export const shellQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** dotenv: single quotes are literal (no escapes possible), so values with a quote use double quotes. */
function dotenvQuote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}

export function formatBindings(env: BindingEnv, format: BindingFormat): string {
  const vcap = JSON.stringify(env.VCAP_SERVICES);
  const app = JSON.stringify(env.VCAP_APPLICATION);
  switch (format) {
    case 'json':
      return `${JSON.stringify(env.VCAP_SERVICES, null, 2)}\n`;
    case 'default-env':
      return `${JSON.stringify({ VCAP_SERVICES: env.VCAP_SERVICES, VCAP_APPLICATION: env.VCAP_APPLICATION, destinations: env.destinations }, null, 2)}\n`;
    case 'dotenv':
      return [
        `VCAP_SERVICES=${dotenvQuote(vcap)}`,
        `VCAP_APPLICATION=${dotenvQuote(app)}`,
        ...(env.caBundle ? [`NODE_EXTRA_CA_CERTS=${dotenvQuote(env.caBundle)}`] : []),
        '',
      ].join('\n');
    case 'shell':
      return [
        `export VCAP_SERVICES=${shellQuote(vcap)}`,
        `export VCAP_APPLICATION=${shellQuote(app)}`,
        ...(env.caBundle ? [`export NODE_EXTRA_CA_CERTS=${shellQuote(env.caBundle)}`] : []),
        '',
      ].join('\n');
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
