// `validate` and `init`: the workspace file without an engine.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EmulatorError } from '../../app/errors.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { parseWorkspaceText } from '../../app/workspace/parse.js';

export async function validateCommand(file: string): Promise<void> {
  const absolute = path.resolve(file);
  const text = await readFile(absolute, 'utf8').catch((error: unknown) => {
    throw new EmulatorError('EMU_ERR_WORKSPACE_NOT_FOUND', `Cannot read workspace file ${absolute}.`, {
      cause: error,
    });
  });
  const parsed = parseWorkspaceText(text, absolute);
  const migrated = parsed.migrated.length ? ` (migrated from schemaVersion ${parsed.fromVersion})` : '';
  process.stdout.write(`${absolute}: valid workspace "${parsed.workspace.name}"${migrated}\n`);
}

export async function initCommand(file: string): Promise<void> {
  const absolute = path.resolve(file);
  if (existsSync(absolute))
    throw new EmulatorError('EMU_ERR_CLI_USAGE', `${absolute} already exists; not overwriting it.`);
  const schemaRef = './node_modules/btp-emulator/app/workspace/workspace.schema.json';
  await writeFile(absolute, `${JSON.stringify({ $schema: schemaRef, ...DEMO_WORKSPACE }, null, 2)}\n`, {
    flag: 'wx',
  });
  process.stdout.write(`wrote ${absolute}\nstart it with: npx btp-emulator start --workspace ${file}\n`);
}
