// Every generated entity can be read back through its own URI, over HTTP, for every EDMX the tests
// serve: V2 `__metadata.uri` as the service writes it, V4 the canonical URL a client builds from the
// key values (minimal metadata has no @odata.id). A draft-enabled service's active documents are
// found by `IsActiveEntity eq true`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdmEntitySet, EdmModel } from '../edm/model.js';
import { parseEdmx } from '../edm/parse-edmx.js';
import { FIXTURES, TEST_EDMX } from '../fixtures/edmx.js';
import { defaultServicePath } from '../service.js';
import { expectJson, startTestSystem, type TestSystem } from '../test-support.js';

type Entity = Record<string, unknown> & { __metadata?: { uri: string } };

const SERVICE = 'ZGENERATED';

/** A V4 key literal as a client writes it from the JSON value (OData URL conventions 5.1.1.1). */
function v4Literal(type: string, value: unknown): string {
  switch (type) {
    case 'Edm.String':
      return `'${encodeURIComponent(String(value).replaceAll("'", "''"))}'`;
    case 'Edm.Duration':
      return `duration'${String(value)}'`;
    case 'Edm.Binary':
      return `binary'${String(value)}'`;
    default:
      return encodeURIComponent(String(value));
  }
}

function canonicalV4(root: string, set: EdmEntitySet, entity: Entity): string {
  const type = set.entityType;
  const literal = (key: string): string => v4Literal(type.propertyMap.get(key)!.type, entity[key]);
  const keys =
    type.keys.length === 1 ? literal(type.keys[0]!) : type.keys.map((k) => `${k}=${literal(k)}`).join(',');
  return `${root}${set.name}(${keys})`;
}

describe.each(Object.keys(TEST_EDMX))('generated entities of %s', (name) => {
  const model: EdmModel = parseEdmx(TEST_EDMX[name]!);
  const config = { name: SERVICE, odataVersion: model.version };
  const rootPath = defaultServicePath(config);
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startTestSystem(
      {
        id: 'GEN',
        users: [{ name: 'DEVELOPER', password: 'Welcome1' }],
        clients: ['100'],
        services: [{ ...config, metadata: name, data: { generate: { seed: 1, rows: 20 } } }],
      },
      { baseDir: FIXTURES },
    );
  });
  afterAll(() => sys.stop());

  const rowsOf = async (set: string, query = ''): Promise<Entity[]> => {
    const body = await expectJson<{ d?: { results: Entity[] }; value?: Entity[] }>(
      await sys.request(`${rootPath}${set}${query}`),
      200,
    );
    return body.d?.results ?? body.value ?? [];
  };

  it.each([...model.entitySets.keys()])('answers 200 on the own URI of every %s', async (setName) => {
    const set = model.entitySets.get(setName)!;
    const rows = await rowsOf(setName);
    expect(rows.length).toBeGreaterThan(0);
    for (const entity of rows) {
      const uri =
        model.version === 'v2' ? entity.__metadata!.uri : canonicalV4(`${sys.url}${rootPath}`, set, entity);
      const response = await sys.request(uri.slice(sys.url.length));
      const text = await response.text();
      expect(response.status, `${uri}: ${text}`).toBe(200);
      const read = JSON.parse(text) as { d?: Entity } & Entity;
      for (const key of set.entityType.keys) expect((read.d ?? read)[key], uri).toEqual(entity[key]);
    }
  });

  const draftSets = [...model.entitySets.values()].filter(
    (s) => s.entityType.propertyMap.get('IsActiveEntity')?.type === 'Edm.Boolean',
  );
  it.runIf(draftSets.length > 0)('finds every active document with IsActiveEntity eq true', async () => {
    for (const set of draftSets) {
      const all = await rowsOf(set.name);
      const active = await rowsOf(set.name, `?$filter=${encodeURIComponent('IsActiveEntity eq true')}`);
      expect(active.length, set.name).toBe(all.length);
      expect(await rowsOf(set.name, `?$filter=${encodeURIComponent('IsActiveEntity eq false')}`)).toEqual([]);
    }
  });
});
