// Builds the CLI (dist/emulator/cli/main.js) for start speed, the cost users feel once per test file or
// CI step. Unlike the library and Electron bundles (dependencies external, shipped from node_modules),
// the CLI bundles its dependencies: resolving and reading ~700 CommonJS files of fastify, ajv, undici
// and @peculiar/x509 took longer than running the engine. Code splitting keeps each command's
// dynamic import() a chunk of its own, so `--version` or `status` never load the engine.
import { build } from 'esbuild';

await build({
  entryPoints: ['emulator/cli/main.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // jsonc-parser's `main` is a UMD build whose internal require() calls a bundler cannot follow.
  mainFields: ['module', 'main'],
  // msw is loaded only for systems with REST handlers, from the user's own installation: their
  // handlers must come from the same copy of msw as getResponse().
  external: ['msw'],
  outdir: 'dist/emulator/cli',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  // CommonJS dependencies inside an ES module bundle call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __btpCreateRequire } from 'node:module'; const require = __btpCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
