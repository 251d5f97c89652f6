#!/usr/bin/env node
// The CLI entry npm links as `btp-emulator`. It runs the built engine (npm ci builds it via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../../dist/emulator/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'btp-emulator: the engine is not built. Run `npm run build` (npm ci does it for you).\n',
  );
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
