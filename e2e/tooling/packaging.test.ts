// Validates electron-builder.yml offline: packages `--linux dir` against a placeholder Electron (no
// download possible or needed), then reads the app.asar and the placeholder's fuse wire. Needs the
// build (`npm run build`; `npm ci` runs it), as CI does before the tests.
import { listPackage, extractFile } from '@electron/asar';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = [
  'dist/main/main.js',
  'dist/main/preload.cjs',
  'dist/main/engine-worker.js',
  'dist/renderer/index.html',
];

// @electron/fuses' marker: the fuse wire follows it as [version=1, length, one '0'/'1' byte per fuse].
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
// Electron's own defaults, so every fuse the config sets visibly changes or is confirmed.
const ELECTRON_DEFAULT_WIRE = '10110001';

let work: string;
let asar: string;
let entries: Set<string>;
let builderLog = '';

/**
 * An unpacked "Electron" without Electron: what electron-builder copies for `electronDist`, plus a fuse
 * wire in the executable so electron-builder's real fuse flipping runs instead of failing.
 */
function placeholderElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const { version } = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
  ) as {
    version: string;
  };
  const script =
    '#!/bin/sh\necho "placeholder, not Electron (e2e/tooling/packaging.test.ts)" >&2\nexit 1\n# ';
  const wire = Buffer.concat([
    Buffer.from(script + FUSE_SENTINEL),
    Buffer.from([1, FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
  ]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([wire, Buffer.from('\n')]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'LICENSE'), 'placeholder\n');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>placeholder</title>\n');
}

function readFuses(binary: string): Record<string, boolean> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  return Object.fromEntries(FUSES.map((name, i) => [name, bytes[at + 2 + i] === '1'.charCodeAt(0)]));
}

async function electronBuilder(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const cli = path.join(ROOT, 'node_modules/electron-builder/cli.js');
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], {
    cwd: ROOT,
    env,
    timeout: 90_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  builderLog = `${stdout}\n${stderr}`;
}

beforeAll(async () => {
  const missing = BUILT.filter((file) => !existsSync(path.join(ROOT, file)));
  if (missing.length > 0) {
    throw new Error(`packaging needs the build: ${missing.join(', ')} missing. Run \`npm run build\` first.`);
  }
  work = mkdtempSync(path.join(tmpdir(), 'btp-packaging-'));
  placeholderElectron(path.join(work, 'electron'));
  // Empty caches: anything electron-builder tried to fetch would land here (or fail offline).
  const env = {
    ...process.env,
    ELECTRON_BUILDER_CACHE: path.join(work, 'builder-cache'),
    electron_config_cache: path.join(work, 'electron-cache'),
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    // electron-builder silences its log under Vitest; the log is part of what this test reads.
    VITEST: undefined,
  };
  await electronBuilder(
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${path.join(work, 'electron')}`,
      `-c.directories.output=${path.join(work, 'out')}`,
    ],
    env,
  ).catch((error: unknown) => {
    throw new Error(`electron-builder failed:\n${String(error)}\n${builderLog}`);
  });
  asar = path.join(work, 'out/linux-unpacked/resources/app.asar');
  entries = new Set(listPackage(asar, { isPack: false }).map((entry) => entry.split(path.sep).join('/')));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const topModules = () =>
  new Set(
    [...entries]
      .filter((entry) => entry.startsWith('/node_modules/'))
      .map((entry) =>
        entry
          .split('/')
          .slice(2, entry.split('/')[2]?.startsWith('@') ? 4 : 3)
          .join('/'),
      ),
  );

describe('electron-builder.yml, packaged offline against a placeholder Electron', () => {
  it('downloads nothing', () => {
    for (const cache of ['builder-cache', 'electron-cache']) {
      const dir = path.join(work, cache);
      expect(existsSync(dir) ? readdirSync(dir) : [], `${cache}\n${builderLog}`).toEqual([]);
    }
    expect(builderLog).toContain('using custom unpacked Electron distribution');
  });

  it('puts the built app and its runtime packages into app.asar', () => {
    for (const file of ['/package.json', ...BUILT.map((f) => `/${f}`), '/node_modules/zod/package.json']) {
      expect(entries.has(file), file).toBe(true);
    }
    for (const runtime of ['fastify', '@fastify/static', 'yaml', 'commander']) {
      expect(topModules().has(runtime), runtime).toBe(true);
    }
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(entries.has(`/${manifest.main}`)).toBe(true);
  });

  it('leaves out sources, tests, source maps and every devDependency (react, electron, ...)', () => {
    const outside = [...entries].filter((e) => !/^\/(dist|node_modules)(\/|$)|^\/package\.json$/.test(e));
    expect(outside).toEqual([]);
    const ours = [...entries].filter((e) => e.startsWith('/dist/'));
    expect(ours.filter((e) => /\.(ts|tsx|map)$|\.test\.|\.spec\./.test(e))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    // A devDependency may also be needed at run time by a dependency (@types/node by msw's prompts):
    // the lock file's `dev` flag says which packages only the build and the tests need.
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.keys(pkg.devDependencies).filter(
      (name) => lock.packages[`node_modules/${name}`]?.dev === true,
    );
    expect(devOnly).toEqual(expect.arrayContaining(['react', 'react-dom', 'electron']));
    expect(devOnly.filter((name) => topModules().has(name))).toEqual([]);
  });

  it('flips the fuses in the packaged binary as configured', () => {
    expect(readFuses(path.join(work, 'out/linux-unpacked/btp-emulator'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // not configured: keeps Electron's default
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets Linux, macOS and Windows and never publishes', () => {
    const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(config.productName).toBe('BTP Emulator');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb', 'tar.gz']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg', 'zip']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis', 'zip']);
  });
});
