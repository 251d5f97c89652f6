import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, ERROR_CODES, EmulatorError, formatError } from './errors.js';

const doc = readFileSync(new URL('./errors.md', import.meta.url), 'utf8');
// Table rows `| \`CODE\` | status | meaning | what to do |`, however the formatter pads them.
const rows = new Map(
  doc
    .split('\n')
    .filter((line) => line.startsWith('| `EMU_ERR_'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, code, status, summary, hint]) => [
      code!.replaceAll('`', ''),
      { status: Number(status), summary, hint },
    ]),
);

describe('error catalog', () => {
  it('documents exactly the codes the catalog defines, with the same status, summary and hint', () => {
    expect([...rows.keys()].sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(rows.get(code), code).toEqual(ERROR_CATALOG[code]);
    }
  });

  it('serialises without a stack and with the catalogued status and hint', () => {
    const error = new EmulatorError('EMU_ERR_WORKSPACE_INVALID', 'bad', {
      issues: [{ path: '$.name', message: 'required', file: '/w.json', line: 3, column: 5 }],
    });
    const body = JSON.stringify(error.toJSON());
    expect(body).not.toContain('at ');
    expect(error.status).toBe(400);
    expect(error.toJSON().error.hint).toBe(ERROR_CATALOG.EMU_ERR_WORKSPACE_INVALID.hint);
    expect(formatError(error)).toContain('/w.json:3:5 $.name: required');
  });
});
