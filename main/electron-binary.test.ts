import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executableInDist, findElectronBinary, type FsProbe } from './electron-binary.js';

const root = '/repo';
const pathTxt = path.join(root, 'node_modules/electron/path.txt');

/** A file system made of the given files (path → text). */
function fsOf(files: Record<string, string>): FsProbe {
  return { isFile: (file) => file in files, readText: (file) => files[file] };
}

const find = (
  env: Record<string, string>,
  files: Record<string, string>,
  platform: NodeJS.Platform = 'linux',
) => findElectronBinary({ env, projectRoot: root, platform, fs: fsOf(files) });

describe('findElectronBinary', () => {
  it('uses ELECTRON_BINARY when it names a file', () => {
    expect(find({ ELECTRON_BINARY: '/opt/e/electron' }, { '/opt/e/electron': '' })).toEqual({
      found: true,
      binary: '/opt/e/electron',
      source: 'ELECTRON_BINARY',
    });
  });

  it('says why ELECTRON_BINARY was not used when the file is missing', () => {
    expect(find({ ELECTRON_BINARY: '/nope' }, {})).toEqual({
      found: false,
      tried: ['ELECTRON_BINARY=/nope is not a file'],
    });
  });

  it.each([
    ['linux', 'electron'],
    ['win32', 'electron.exe'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
  ] as const)('finds the %s executable in ELECTRON_OVERRIDE_DIST_PATH', (platform, name) => {
    const binary = path.join('/unpacked', name);
    expect(find({ ELECTRON_OVERRIDE_DIST_PATH: '/unpacked' }, { [binary]: '' }, platform)).toEqual({
      found: true,
      binary,
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
    });
    expect(executableInDist(platform)).toBe(name);
  });

  it('prefers ELECTRON_BINARY over ELECTRON_OVERRIDE_DIST_PATH', () => {
    const files = { '/a/electron': '', '/b/electron': '' };
    const found = find({ ELECTRON_BINARY: '/a/electron', ELECTRON_OVERRIDE_DIST_PATH: '/b' }, files);
    expect(found).toMatchObject({ binary: '/a/electron' });
  });

  it('uses node_modules/electron/path.txt and dist/ like the electron package does', () => {
    const binary = path.join(root, 'node_modules/electron/dist/electron');
    expect(find({}, { [pathTxt]: 'electron', [binary]: '' })).toEqual({
      found: true,
      binary,
      source: 'node_modules/electron',
    });
  });

  it('reports a path.txt whose binary is gone', () => {
    expect(find({}, { [pathTxt]: 'electron\n' })).toEqual({
      found: false,
      tried: ['node_modules/electron/dist/electron is missing'],
    });
  });

  it('finds nothing in a checkout without a binary (this machine)', () => {
    expect(find({}, {})).toEqual({ found: false, tried: [] });
  });

  it('reports an override folder without the executable, and falls through to path.txt', () => {
    const binary = path.join(root, 'node_modules/electron/dist/electron');
    const found = find({ ELECTRON_OVERRIDE_DIST_PATH: '/empty' }, { [pathTxt]: 'electron', [binary]: '' });
    expect(found).toMatchObject({ found: true, source: 'node_modules/electron' });
    expect(find({ ELECTRON_OVERRIDE_DIST_PATH: '/empty' }, {})).toEqual({
      found: false,
      tried: ['ELECTRON_OVERRIDE_DIST_PATH=/empty has no electron'],
    });
  });
});
