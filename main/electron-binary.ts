// Finds an Electron executable without `require('electron')`: that require downloads the binary from
// GitHub when it is missing, which fails on closed networks. Used by `npm start` and the Electron e2e spec.
// Trusts: the developer's own environment variables and checkout (paths are only checked, never executed here).
import path from 'node:path';

/** The file-system questions discovery asks; real `node:fs` in launch.ts, a map in tests. */
export interface FsProbe {
  isFile(file: string): boolean;
  /** The file's text, or undefined when it cannot be read. */
  readText(file: string): string | undefined;
}

export type ElectronSource = 'ELECTRON_BINARY' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron';

export type ElectronDiscovery =
  | { found: true; binary: string; source: ElectronSource }
  /** `tried` says, per place looked at, why it gave nothing (for the one-line message). */
  | { found: false; tried: string[] };

/** Where the executable sits inside an unpacked Electron, as the electron package's install.js lays it out. */
export function executableInDist(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

interface DiscoveryInput {
  env: Readonly<Record<string, string | undefined>>;
  projectRoot: string;
  platform: NodeJS.Platform;
  fs: FsProbe;
}

/** Explicit settings win over the installed package, in the order the README documents. */
export function findElectronBinary({ env, projectRoot, platform, fs }: DiscoveryInput): ElectronDiscovery {
  const tried: string[] = [];
  const explicit = env.ELECTRON_BINARY;
  if (explicit) {
    if (fs.isFile(explicit)) return { found: true, binary: explicit, source: 'ELECTRON_BINARY' };
    tried.push(`ELECTRON_BINARY=${explicit} is not a file`);
  }
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  // path.txt is written by the electron package's installer once a binary has been unpacked.
  const recorded = fs.readText(path.join(packageDir, 'path.txt'))?.trim() || undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const names = [...new Set([recorded ?? executableInDist(platform), executableInDist(platform)])];
    const binary = names.map((name) => path.join(override, name)).find((file) => fs.isFile(file));
    if (binary) return { found: true, binary, source: 'ELECTRON_OVERRIDE_DIST_PATH' };
    tried.push(`ELECTRON_OVERRIDE_DIST_PATH=${override} has no ${names.join(' or ')}`);
  }
  if (recorded) {
    const binary = path.join(packageDir, 'dist', recorded);
    if (fs.isFile(binary)) return { found: true, binary, source: 'node_modules/electron' };
    tried.push(`node_modules/electron/dist/${recorded} is missing`);
  }
  return { found: false, tried };
}
