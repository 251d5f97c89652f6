// The image's HEALTHCHECK: GET /api/health on the engine's own loopback address with the admin token
// the engine wrote to runtime.json in the data folder (mode 0600, readable by this same user), so it
// works whether the token is fixed (BTP_EMULATOR_ADMIN_TOKEN) or random. The route keeps its guard:
// nothing here opens it to anyone else. Exit 0 healthy, 1 not.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const dataDir = process.env.BTP_EMULATOR_DATA_DIR ?? '/data';

async function check() {
  let runtime;
  try {
    runtime = JSON.parse(await readFile(path.join(dataDir, 'runtime.json'), 'utf8'));
  } catch {
    return `no engine runs for ${dataDir} (runtime.json is missing)`;
  }
  // The advertised admin URL may name a host only others resolve; the port is what counts here.
  const port = new URL(runtime.urls?.admin ?? 'http://127.0.0.1').port;
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
    headers: { Authorization: `Bearer ${runtime.adminToken}` },
    signal: AbortSignal.timeout(3000),
  });
  return response.ok ? undefined : `/api/health answered ${response.status}`;
}

const problem = await check().catch((error) => `/api/health: ${error.message}`);
process.stdout.write(problem ? `unhealthy: ${problem}\n` : 'healthy\n');
process.exitCode = problem ? 1 : 0;
