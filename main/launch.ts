// `npm start` (bundled to dist/main/launch.js, run by plain Node): the desktop app where Electron can
// run, the headless CLI otherwise. All decisions live in launcher.ts; this file only supplies real powers.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FsProbe } from './electron-binary.js';
import { planLaunch, runPlan } from './launcher.js';

const realFs: FsProbe = {
  isFile: (file) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false,
  readText: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const plan = planLaunch({
  env: process.env,
  platform: process.platform,
  // dist/main/launch.js → the project root two levels up.
  projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
  nodePath: process.execPath,
  userArgs: process.argv.slice(2),
  fs: realFs,
});

process.exitCode = await runPlan(plan, {
  spawn: (command, args, options) => spawn(command, args, { ...options, stdio: 'inherit' }),
  writeErr: (line) => process.stderr.write(`${line}\n`),
  onSignal: (signal, handler) => process.on(signal, handler),
});
