// The platform's part, not the app's: like Cloud Foundry, hand the app its service bindings before it
// starts. The emulator's data volume is mounted read-only at BTP_EMULATOR_DATA_DIR; runtime.json there
// names the admin API (by the advertised host) and its token (or give BTP_EMULATOR_ADMIN_URL and
// BTP_EMULATOR_ADMIN_TOKEN, and the CA in NODE_EXTRA_CA_CERTS). This waits for the emulator, takes
// VCAP_SERVICES from GET /api/bindings, trusts the emulator CA (NODE_EXTRA_CA_CERTS, read by the app's
// Node at start), and runs the app. With APP_USER set it also asks for that user's token
// (POST /api/tokens), which an approuter would forward to the app after a login.
//
// usage: node with-bindings.mjs <command> [args…]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const dataDir = process.env.BTP_EMULATOR_DATA_DIR || '/data';
const waitMs = Number(process.env.BTP_EMULATOR_WAIT_SECONDS || 60) * 1000;

/** BTP_EMULATOR_ADMIN_URL + BTP_EMULATOR_ADMIN_TOKEN when given, else what the engine wrote to the volume. */
async function adminAccess() {
  const { BTP_EMULATOR_ADMIN_URL: url, BTP_EMULATOR_ADMIN_TOKEN: token } = process.env;
  if (url && token) return { url, token };
  const runtime = JSON.parse(await readFile(path.join(dataDir, 'runtime.json'), 'utf8'));
  return { url: runtime.urls.admin, token: runtime.adminToken };
}

async function admin() {
  const { url, token } = await adminAccess();
  const call = async (route, init = {}) => {
    const response = await fetch(`${url}${route}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await call('/api/health');
  return call;
}

/** The emulator may still be starting (or a restart left an old runtime.json): try until the deadline. */
async function waitForEmulator() {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await admin();
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`no emulator answered within ${waitMs / 1000} s: ${error.message}`, { cause: error });
      await delay(500);
    }
  }
}

const [command, ...args] = process.argv.slice(2);
const call = await waitForEmulator();
const bindings = await call('/api/bindings');
const env = {
  ...process.env,
  VCAP_SERVICES: JSON.stringify(bindings.VCAP_SERVICES),
  VCAP_APPLICATION: JSON.stringify(bindings.VCAP_APPLICATION),
  // The bundle's path is the emulator's; it is ours too when the data volume is mounted at the same place.
  ...(bindings.caBundle && existsSync(bindings.caBundle) ? { NODE_EXTRA_CA_CERTS: bindings.caBundle } : {}),
};
if (process.env.APP_USER) {
  const client = process.env.APP_USER_CLIENT || 'demo-uaa';
  const token = await call('/api/tokens', {
    method: 'POST',
    body: JSON.stringify({ client, user: process.env.APP_USER }),
  });
  env.APP_USER_JWT = token.access_token;
}
const child = spawn(command, args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
