// Packages only the benchmarks need, installed on first use into the user cache rather than the
// project: mockttp declares an optional dependency (tls-impersonate ^0.2.1) that the npm registry
// does not have, which `npm install` skips but `npm ci` rejects.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DIR = path.join(
  process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
  'btp-emulator',
  'bench-deps',
);

/** Imports `name@range`, installing it into the cache first if needed. */
export async function importBenchDep(name, range) {
  const pkg = path.join(DIR, 'node_modules', name, 'package.json');
  if (!existsSync(pkg)) {
    process.stderr.write(`installing ${name}@${range} for the benchmark into ${DIR}\n`);
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        DIR,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `${name}@${range}`,
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  const { createRequire } = await import('node:module');
  const resolved = createRequire(path.join(DIR, 'noop.js')).resolve(name);
  return import(pathToFileURL(resolved).href);
}
