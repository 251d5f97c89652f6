// Entry of the engine's Electron utility process (bundled to dist/main/engine-worker.js). It runs the
// same engine as the CLI; the admin secret arrives by message from main, never in argv or the environment.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/index.js';
import { serveEngine } from './worker-loop.js';

serveEngine({
  port: process.parentPort,
  startEmulator,
  exit: (code) => process.exit(code),
  uiDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
});
