// Generated rows are made per table on first use, and they are the rows the whole-model generation
// gives: for every EDMX the project has, every entity set, asked in any order.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_METADATA } from '../builtin/index.js';
import { parseEdmx } from '../edm/parse-edmx.js';
import { FIXTURES } from '../test-support.js';
import { generateData } from './generate.js';
import { lazyGenerated } from './lazy-generate.js';
import { loadServiceData } from './load.js';

const EDMX: [string, string][] = [
  ...Object.entries(BUILTIN_METADATA).map(([name, xml]): [string, string] => [`builtin:${name}`, xml]),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.edmx'))
    .map((f): [string, string] => [f, readFileSync(path.join(FIXTURES, f), 'utf8')]),
];

/** A model of `count` entity sets, each child of the one before through a referential constraint. */
function chainModel(count: number): string {
  const types: string[] = [];
  const assocs: string[] = [];
  const sets: string[] = [];
  for (let t = 0; t < count; t++) {
    const parent =
      t === 0
        ? ''
        : `<Property Name="ParentId" Type="Edm.String" MaxLength="10"/><NavigationProperty Name="to_Parent" Relationship="C.A${t}" FromRole="Child" ToRole="Parent"/>`;
    types.push(
      `<EntityType Name="T${t}"><Key><PropertyRef Name="Id"/></Key><Property Name="Id" Type="Edm.String" Nullable="false" MaxLength="10"/>${parent}</EntityType>`,
    );
    sets.push(`<EntitySet Name="E${t}" EntityType="C.T${t}"/>`);
    if (t > 0) {
      assocs.push(
        `<Association Name="A${t}"><End Type="C.T${t}" Multiplicity="*" Role="Child"/><End Type="C.T${t - 1}" Multiplicity="1" Role="Parent"/><ReferentialConstraint><Principal Role="Parent"><PropertyRef Name="Id"/></Principal><Dependent Role="Child"><PropertyRef Name="ParentId"/></Dependent></ReferentialConstraint></Association>`,
      );
      sets.push(
        `<AssociationSet Name="S${t}" Association="C.A${t}"><End EntitySet="E${t}" Role="Child"/><End EntitySet="E${t - 1}" Role="Parent"/></AssociationSet>`,
      );
    }
  }
  return `<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"><edmx:DataServices><Schema Namespace="C" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">${types.join('')}${assocs.join('')}<EntityContainer Name="X">${sets.join('')}</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
}

describe('generated rows per table, on first use', () => {
  it.each(EDMX)('gives the rows of the whole-model generation for %s, set by set', (_name, xml) => {
    const model = parseEdmx(xml);
    const options = { seed: 7, rows: 5 };
    const whole = generateData(model, options);
    const lazy = lazyGenerated(model, options);
    // Children before parents: a set asked first brings its parents along, and they must not differ.
    for (const set of [...model.entitySets.keys()].reverse()) expect(lazy(set), set).toEqual(whole.get(set));
  });

  it('fills only the tables a client uses (and their parents), and a failed changeset restores them', async () => {
    const model = parseEdmx(chainModel(50));
    const data = await loadServiceData(model, { files: {}, generate: { seed: 1, rows: 4 } }, undefined);
    expect(data.tables.size).toBe(0);
    const table = data.table('E2');
    expect(table.rows).toHaveLength(12);
    expect([...data.tables.keys()]).toEqual(['E2']);
    // E2's rows point to E1's generated keys.
    const parentKeys = new Set(data.table('E1').rows.map((r) => r.Id));
    expect(table.rows.every((r) => parentKeys.has(r.ParentId))).toBe(true);
    expect(data.tables.size).toBe(2);

    const snapshot = data.snapshot();
    const before = [...data.table('E40').rows];
    data.table('E40').remove(before[0]!);
    data.table('E2').remove(table.rows[0]!);
    data.restore(snapshot);
    expect(data.table('E40').rows).toEqual(before);
    expect(data.table('E2').rows).toHaveLength(12);
  });
});
