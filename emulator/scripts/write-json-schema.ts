// `npm run gen:schema`: rewrites the committed JSON Schema. A test fails when it is out of date.

import { writeFileSync } from 'node:fs';
import { WORKSPACE_SCHEMA_FILE, workspaceJsonSchemaText } from '../../app/workspace/json-schema.js';

writeFileSync(WORKSPACE_SCHEMA_FILE, workspaceJsonSchemaText());
process.stdout.write(`wrote ${WORKSPACE_SCHEMA_FILE}\n`);
