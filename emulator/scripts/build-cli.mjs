// Builds the CLI (dist/emulator/cli/main.js) for start speed, the cost users feel once per test file or
// CI step. Unlike the library and Electron bundles (dependencies external, shipped from node_modules),
// the CLI bundles its dependencies: resolving and reading ~700 CommonJS files of fastify, ajv, undici
// and @peculiar/x509 took longer than running the engine. Code splitting keeps each command's
// dynamic import() a chunk of its own, so `--version` or `status` never load the engine.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';

/**
 * Node built-ins through require() rather than ESM import: importing a built-in from an ES module
 * builds a facade that reads every export, and node:http's lazy WebSocket export then loads Node's own
 * undici (~35 ms) that nothing here uses. An `import` gets a stand-in ES module exporting the
 * built-in's enumerable properties, read once as Node's own facade reads them (but for process, whose
 * getters would open stdin); a `require()` gets the built-in itself.
 */
/** node:http's lazy exports that load Node's internal undici (present once anything touched them). */
const UNDICI_EXPORTS = ['WebSocket', 'CloseEvent', 'MessageEvent', 'EventSource'];

const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(b) {
    const names = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const require = createRequire(import.meta.url);
    b.onResolve({ filter: /^(node:)?[a-z_/0-9]+$/ }, (args) => {
      if (!names.has(args.path)) return undefined;
      // The require() inside a stand-in is the real one (the banner's).
      if (args.namespace === 'builtin') return { path: args.path, external: true };
      return args.kind === 'require-call'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const m = require(args.path);
      const isProcess = args.path.replace(/^node:/, '') === 'process';
      const plain = Object.keys(m).filter(
        (k) =>
          /^[A-Za-z_$][\w$]*$/.test(k) &&
          !['default', ...UNDICI_EXPORTS].includes(k) &&
          !(isProcess && Object.getOwnPropertyDescriptor(m, k)?.get),
      );
      return {
        contents: [
          `const m = require(${JSON.stringify(args.path)});`,
          'export default m;',
          ...(plain.length ? [`export const { ${plain.join(', ')} } = m;`] : []),
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

const outdir = 'dist/emulator/cli';
// Chunk names change with their content: old ones would pile up.
rmSync(outdir, { recursive: true, force: true });

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
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  // CommonJS dependencies inside an ES module bundle call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __btpCreateRequire } from 'node:module'; const require = __btpCreateRequire(import.meta.url);",
  },
  plugins: [builtinsThroughRequire],
  logLevel: 'warning',
});
