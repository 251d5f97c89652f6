// Validation and saving of destination and certificate writes, shared by the Destination service REST
// API and the admin API: each item is checked on its own first (problems name the property), then the
// whole workspace is validated, saved and swapped in by the engine.
import type { z } from 'zod';
import { EmulatorError, type ErrorIssue } from '../../app/errors.js';
import { certificateSchema, destinationSchema } from '../../app/destination/workspace.js';
import { toJsonPath } from '../../app/workspace/parse.js';
import type { Workspace, WorkspaceInput } from '../../app/workspace/schema.js';
import { applyDelete, applyWrites, type Collection, type Level, type Write } from './store.js';

export type RawItem = Record<string, unknown>;

const schemaOf = (collection: Collection): z.ZodType =>
  collection === 'destinations' ? destinationSchema : certificateSchema;

function itemIssues(collection: Collection, item: unknown, prefix: string): ErrorIssue[] {
  const result = schemaOf(collection).safeParse(item);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: `${prefix}${toJsonPath(issue.path).slice(1)}`,
    message: issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** `$.URL: required; $.Password: required for BasicAuthentication`: one line for BTP-style bodies. */
export function describeIssues(issues: readonly ErrorIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/** One item or an array of them (the REST API accepts both); every item must be a JSON object. */
export function itemsOf(body: unknown): RawItem[] | undefined {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) return undefined;
  return items.every((i) => typeof i === 'object' && i !== null && !Array.isArray(i))
    ? (items as RawItem[])
    : undefined;
}

export function checkItems(collection: Collection, items: readonly RawItem[], several: boolean): void {
  const issues = items.flatMap((item, index) => itemIssues(collection, item, several ? `$[${index}]` : '$'));
  if (issues.length === 0) return;
  const what = collection === 'destinations' ? 'destination' : 'certificate';
  throw new EmulatorError(
    'EMU_ERR_DESTINATION_INVALID',
    `The ${what}${several ? 's are' : ' is'} invalid: ${describeIssues(issues)}`,
    { issues },
  );
}

/** Workspace-level problems (e.g. a KeyStoreLocation naming no certificate) re-pathed to the item. */
function fromWorkspaceError(error: unknown): unknown {
  if (!(error instanceof EmulatorError) || error.code !== 'EMU_ERR_WORKSPACE_INVALID') return error;
  const issues = error.issues.map((i) => ({
    path: i.path.replace(/^\$\.destinations\.(certificates\.)?(subaccount|instance)\[\d+\]/, '$'),
    message: i.message,
  }));
  return new EmulatorError(
    'EMU_ERR_DESTINATION_INVALID',
    `The change is invalid: ${describeIssues(issues)}`,
    {
      issues,
    },
  );
}

export type Mutate = (change: (raw: WorkspaceInput) => WorkspaceInput) => Promise<Workspace>;

export async function saveItems(mutate: Mutate, writes: readonly Write[]): Promise<Workspace> {
  try {
    return await mutate((raw) => applyWrites(raw, writes));
  } catch (error) {
    throw fromWorkspaceError(error);
  }
}

export async function deleteItem(
  mutate: Mutate,
  collection: Collection,
  level: Level,
  name: string,
): Promise<Workspace> {
  try {
    return await mutate((raw) => applyDelete(raw, collection, level, name));
  } catch (error) {
    throw fromWorkspaceError(error);
  }
}
