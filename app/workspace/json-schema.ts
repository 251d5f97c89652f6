// The JSON Schema editors use to complete and check a workspace file; generated from the zod schema.
import { z } from 'zod';
import { workspaceSchema } from './schema.js';

export const WORKSPACE_SCHEMA_FILE = 'app/workspace/workspace.schema.json';

export function workspaceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(workspaceSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'btp-emulator workspace',
  };
}

export function workspaceJsonSchemaText(): string {
  return `${JSON.stringify(workspaceJsonSchema(), null, 2)}\n`;
}
