#!/usr/bin/env node
// The CLI entry npm links as `btp-emulator`. It runs the built engine (npm ci builds it via `prepare`).
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
// The version alone needs no command parser: answered before loading one (commander alone would
// double the time of a bare `node -e 0`), with the text commander would print.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}

// V8's compiled code of the CLI bundle, kept on disk (in the OS temp folder) between runs: a start per
// test file or CI step then skips compiling the engine. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

const cli = new URL('../../dist/emulator/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'btp-emulator: the engine is not built. Run `npm run build` (npm ci does it for you).\n',
  );
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(args);
