// Loads, validates and saves the workspace. The file on disk is the user's: it is only rewritten
// after a new workspace has validated, atomically, and never when validation fails.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify as toYaml } from 'yaml';
import { writeFileAtomic } from './atomic-file.js';
import { EmulatorError } from '../../app/errors.js';
import type { WorkspaceSummary } from '../../app/events.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { checkWorkspace, parseWorkspaceText, type ParsedWorkspace } from '../../app/workspace/parse.js';
import type { Workspace, WorkspaceInput } from '../../app/workspace/schema.js';

export interface LoadedWorkspace {
  workspace: Workspace;
  /** As the user wrote it (migrated, no defaults filled in): what plug-ins change and the file keeps. */
  raw: WorkspaceInput;
  summary: WorkspaceSummary;
}

export async function loadWorkspaceFile(file: string): Promise<LoadedWorkspace> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `Workspace file ${absolute} does not exist.`
        : `Cannot read workspace file ${absolute} (${code ?? 'unknown error'}).`;
    throw new EmulatorError('EMU_ERR_WORKSPACE_NOT_FOUND', message, { cause: error });
  }
  return loaded(parseWorkspaceText(text, absolute), absolute);
}

/** A workspace given as an object, or the built-in demo when none is given. */
export function loadWorkspaceObject(input: WorkspaceInput | undefined): LoadedWorkspace {
  const parsed = checkWorkspace(input ?? DEMO_WORKSPACE);
  return loaded(parsed, null);
}

export function loaded(parsed: ParsedWorkspace, file: string | null): LoadedWorkspace {
  return {
    workspace: parsed.workspace,
    raw: parsed.raw as WorkspaceInput,
    summary: {
      name: parsed.workspace.name,
      path: file,
      source: file === null ? 'demo' : 'file',
      schemaVersion: parsed.workspace.schemaVersion,
      migrated: parsed.migrated,
    },
  };
}

/** Writes beside the old file first, then renames over it: a crash never leaves half a file. */
export async function saveWorkspaceFile(file: string, raw: unknown): Promise<void> {
  const body = /\.ya?ml$/i.test(file) ? toYaml(raw) : `${JSON.stringify(raw, null, 2)}\n`;
  try {
    await writeFileAtomic(file, body);
  } catch (error) {
    throw new EmulatorError(
      'EMU_ERR_WORKSPACE_SAVE',
      `Cannot save the workspace to ${file}: ${(error as Error).message}.`,
      { cause: error },
    );
  }
}
