import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../errors.js';
import { DEMO_WORKSPACE } from './demo.js';
import { workspaceJsonSchemaText } from './json-schema.js';
import { migrateWorkspace } from './migrations.js';
import { checkWorkspace, parseWorkspaceText, validateWorkspace } from './parse.js';
import { isLoopbackAddress } from './primitives.js';
import { CURRENT_SCHEMA_VERSION } from './schema.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function failure(fn: () => unknown): EmulatorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EmulatorError) return error;
    throw error;
  }
  throw new Error('expected an EmulatorError');
}

describe('workspace schema', () => {
  it('accepts the built-in demo and fills defaults', () => {
    const ws = validateWorkspace(DEMO_WORKSPACE);
    expect(ws.engine).toEqual({
      bind: '127.0.0.1',
      ports: { admin: 20000, xsuaa: 20010, xsuaaTls: 20011, destination: 20020, proxy: 20003, socks5: 20004 },
    });
    expect(ws.cloudConnector.locations[0]?.systemMappings[0]?.resources[0]?.mode).toBe('prefix');
    expect(ws.cloudConnector.locations[0]?.principalPropagation.subjectPattern).toBe('CN=${name}');
  });

  it('migrates a real v1 file to the current version', () => {
    const parsed = parseWorkspaceText(fixture('v1-workspace.json'), '/ws/v1-workspace.json');
    expect(parsed.fromVersion).toBe(1);
    expect(parsed.migrated).toHaveLength(1);
    const ws = parsed.workspace;
    expect(ws.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(ws.xsuaa.users.map((u) => u.name)).toEqual(['carol']);
    expect(ws.cloudConnector.locations.map((l) => l.id)).toEqual([undefined, 'berlin']);
    expect(ws.cloudConnector.locations[1]?.connected).toBe(false);
    expect(ws.destinations.subaccount.map((d) => d.Name)).toEqual(['ERP', 'ERP_BERLIN']);
    expect(ws.destinations.subaccount[1]?.CloudConnectorLocationId).toBe('berlin');
    // The raw result keeps what the user wrote (no defaults), ready to be saved back as v2.
    expect(parsed.raw).not.toHaveProperty('users');
    expect(parsed.raw).not.toHaveProperty('engine');
  });

  it('is idempotent on current files', () => {
    const { value, applied } = migrateWorkspace({ ...DEMO_WORKSPACE });
    expect(applied).toEqual([]);
    expect(value.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('names the file, JSON path, line and reason of every problem', () => {
    const error = failure(() =>
      parseWorkspaceText(fixture('invalid-workspace.json'), '/ws/invalid-workspace.json'),
    );
    expect(error.code).toBe('EMU_ERR_WORKSPACE_INVALID');
    const byPath = new Map(error.issues.map((i) => [i.path, i]));
    expect(byPath.get('$.xsuaa.users[0].email')).toMatchObject({
      file: '/ws/invalid-workspace.json',
      line: 9,
      message: expect.stringMatching(/email/i) as unknown,
    });
    expect(byPath.get('$.cloudConnector.locations[0].systemMappings[0].virtualPort')?.line).toBe(18);
    expect(byPath.get('$')?.message).toBe('unknown field "typo"');
  });

  it('refuses values nested deeper than 64 levels, naming where, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const raw = { ...structuredClone(DEMO_WORKSPACE), extra: deep };
    const error = failure(() => checkWorkspace(raw));
    expect(error.code).toBe('EMU_ERR_WORKSPACE_INVALID');
    expect(error.issues?.[0]).toMatchObject({ message: 'Nested more than 64 levels deep' });
    expect(error.issues?.[0]?.path).toMatch(/^\$\.extra\[0\]/);
  });

  it('reports syntax errors with line and column', () => {
    const error = failure(() =>
      parseWorkspaceText('{\n  "schemaVersion": 2,\n  "name": \n}', '/ws/broken.json'),
    );
    expect(error.code).toBe('EMU_ERR_WORKSPACE_PARSE');
    expect(error.issues[0]).toMatchObject({ file: '/ws/broken.json', line: 4, column: 1, path: '$' });
    expect(error.issues[0]?.message).toBe('JSON syntax error: ValueExpected');
    // YAML files are parsed as YAML, with the same precision.
    const yaml = failure(() => parseWorkspaceText('schemaVersion: 2\nname: [unclosed\n', '/ws/w.yaml'));
    expect(yaml.code).toBe('EMU_ERR_WORKSPACE_PARSE');
    expect(yaml.issues[0]?.file).toBe('/ws/w.yaml');
  });

  it('rejects duplicate keys, a too-new version, and broken cross-references', () => {
    expect(
      failure(() => parseWorkspaceText('{"schemaVersion": 2, "schemaVersion": 2}', '/ws/d.json')).code,
    ).toBe('EMU_ERR_WORKSPACE_PARSE');
    expect(failure(() => validateWorkspace({ ...DEMO_WORKSPACE, schemaVersion: 99 })).code).toBe(
      'EMU_ERR_WORKSPACE_VERSION',
    );
    const bad = structuredClone(DEMO_WORKSPACE);
    bad.xsuaa!.users![0]!.roleCollections = ['Nope'];
    bad.cloudConnector!.locations![0]!.systemMappings![0]!.internalHost = 'system:MISSING';
    const paths = failure(() => checkWorkspace(bad)).issues.map((i) => `${i.path}: ${i.message}`);
    expect(paths).toContain('$.xsuaa.users[0].roleCollections[0]: unknown role collection "Nope"');
    expect(paths).toContain(
      '$.cloudConnector.locations[0].systemMappings[0].internalHost: unknown system "system:MISSING"',
    );
  });

  it('takes an IP address or localhost for engine.bind and names the field for anything else', () => {
    for (const bind of ['127.0.0.1', '0.0.0.0', '::1', '::', 'localhost', '192.168.1.20'])
      expect(validateWorkspace({ ...DEMO_WORKSPACE, engine: { bind } }).engine.bind).toBe(bind);
    for (const bind of ['my-laptop', '999.1.1.1', '', 'http://127.0.0.1', 80]) {
      const issues = failure(() => validateWorkspace({ ...DEMO_WORKSPACE, engine: { bind } })).issues;
      expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
        `$.engine.bind: must be an IP address (IPv4 such as 127.0.0.1 or IPv6 such as ::1) or "localhost", not ${JSON.stringify(bind)}`,
      ]);
    }
    // Only a non-loopback address is warned about at start.
    expect(['127.0.0.1', '127.0.0.2', '::1', 'localhost'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '::', '192.168.1.20'].map(isLoopbackAddress)).toEqual([false, false, false]);
  });

  it('keeps the committed JSON Schema in step with the zod schema (npm run gen:schema)', () => {
    expect(readFileSync(new URL('./workspace.schema.json', import.meta.url), 'utf8')).toBe(
      workspaceJsonSchemaText(),
    );
  });
});
