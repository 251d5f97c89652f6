// Proves the folder boundaries bite: the project's real ESLint config, run on forbidden imports placed
// in each folder (as text with a real file path, so the per-folder rules apply).
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries (eslint no-restricted-imports)', () => {
  it('emulator/ may not import electron, main/ or renderer/', async () => {
    expect(
      await restrictedImports(
        'emulator/index.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([expect.stringContaining('never imports electron')]);
    expect(
      await restrictedImports('emulator/core/engine.ts', "export * from '../../renderer/App.js';\n"),
    ).toHaveLength(1);
    expect(await restrictedImports('emulator/core/engine.ts', "import '../../main/main.js';\n")).toHaveLength(
      1,
    );
  });

  it('renderer/ may not import node:fs, Node built-ins, electron or the engine', async () => {
    expect(
      await restrictedImports(
        'renderer/main.tsx',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).toEqual([expect.stringContaining('no node:* imports')]);
    expect(
      await restrictedImports('renderer/main.tsx', "import fs from 'fs';\nexport const f = fs;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/main.tsx',
        "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
      ),
    ).toHaveLength(1);
    expect(await restrictedImports('renderer/main.tsx', "import '../emulator/index.js';\n")).toHaveLength(1);
  });

  it('app/ stays browser-safe and imports no other folder', async () => {
    expect(
      await restrictedImports('app/errors.ts', "import path from 'node:path';\nexport const p = path;\n"),
    ).toHaveLength(1);
    expect(await restrictedImports('app/errors.ts', "import '../emulator/index.js';\n")).toHaveLength(1);
  });

  it('main/ uses only the engine public entry', async () => {
    expect(await restrictedImports('main/main.ts', "import '../emulator/core/engine.js';\n")).toEqual([
      expect.stringContaining('public entry'),
    ]);
    expect(
      await restrictedImports(
        'main/main.ts',
        "import type { StartOptions } from '../emulator/index.js';\nexport type S = StartOptions;\n",
      ),
    ).toEqual([]);
  });

  it('allows what the architecture allows', async () => {
    expect(
      await restrictedImports(
        'emulator/index.ts',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'renderer/main.tsx',
        "import { ERROR_CODES } from '../app/errors.js';\nexport const c = ERROR_CODES;\n",
      ),
    ).toEqual([]);
  });
});
