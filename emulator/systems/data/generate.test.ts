// Generated data is valid for its model, for every EDMX the tests use: each row of each entity set is
// checked against its types and facets, keys are unique tuples and constraints find their parents.
// The model check itself is tested first, so "no problems" means something.
import { describe, expect, it } from 'vitest';
import type { EdmModel } from '../edm/model.js';
import { parseEdmx } from '../edm/parse-edmx.js';
import type { Row } from '../expr/compile.js';
import { TEST_EDMX as EDMX } from '../fixtures/edmx.js';
import { generateData } from './generate.js';
import { checkData } from './model-check.js';

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

describe('the model check', () => {
  const model = parseEdmx(EDMX['edm-types-v2.edmx']!);
  const valid = (): Row => ({
    PostingDate: Date.UTC(2020, 0, 1),
    PostingId: '6f1c2a3e-0b7d-4c5e-9a8b-1c2d3e4f5a6b',
    Ledger: 1,
    PostingTime: 'PT13H20M00S',
    ChangedAt: Date.UTC(2020, 0, 1, 10, 0, 1),
    Amount: 9.99,
    LimitAmount: 99_999,
    Ratio: 0.5,
    IsCleared: true,
    Status: '1',
    Address: { CityName: 'Rom', PostalCode: '10', Level: 0 },
  });
  const flags: Row[] = [{ Code: '1', Enabled: true }];
  const problems = (change: Row): string[] =>
    checkData(
      model,
      new Map<string, Row[]>([
        ['Flags', flags],
        ['Postings', [{ ...valid(), ...change }]],
      ]),
    );

  it('accepts a valid row', () => {
    expect(problems({})).toEqual([]);
  });

  it.each([
    ['a number as Edm.Boolean', { IsCleared: 1 }, /IsCleared: 1 is not an Edm\.Boolean/],
    ['a malformed Guid', { PostingId: 'x' }, /PostingId: 'x' is not an Edm\.Guid/],
    ['too many decimal places', { Amount: 1.234 }, /Amount: 1\.234 has more than Scale=2/],
    ['too many digits', { Amount: 10 }, /Amount: 10 has more than Precision=3/],
    ['a string over MaxLength', { Status: 'AB' }, /Status: 'AB' is 2 characters, MaxLength is 1/],
    [
      'milliseconds at Precision=0',
      { ChangedAt: Date.UTC(2020, 0, 1) + 5 },
      /ChangedAt: .* finer than Precision=0/,
    ],
    [
      'a Byte out of range',
      { Address: { CityName: 'A', PostalCode: '1', Level: 256 } },
      /Address: Level: 256 is not an Edm\.Byte/,
    ],
    ['null where Nullable="false"', { Ratio: null }, /Ratio: is null but Nullable="false"/],
    ['a missing key', { Ledger: undefined }, /Ledger: key is missing/],
    ['an Int64 beyond exact integers', { Ledger: 2 ** 60 }, /Ledger: .* is not an Edm\.Int64/],
    ['a malformed Edm.Time', { PostingTime: '13:20' }, /PostingTime: '13:20' is not an Edm\.Time/],
    [
      'a constraint without its target',
      { Status: '2' },
      /Postings\[0\] to_Flag: no Flags row has Code='2', Enabled=true/,
    ],
  ])('finds %s', (_what, change, message) => {
    expect(problems(change).join('\n')).toMatch(message);
  });

  it('finds keys that repeat as tuples', () => {
    const found = checkData(model, new Map([['Flags', [...flags, { Code: '1', Enabled: true }]]]));
    expect(found).toEqual(['Flags[1]: key ["1",true] repeats Flags[0]']);
  });
});

function check(model: EdmModel, data: Map<string, Row[]>): void {
  const problems = checkData(model, data);
  expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
  for (const [set, rows] of data) expect(rows.length, `${set} has rows`).toBeGreaterThan(0);
}

describe.each(Object.keys(EDMX))('generated data for %s', (name) => {
  const model = parseEdmx(EDMX[name]!);

  it.each([1, 2, 42])('is valid for the model with seed %i', (seed) => {
    check(model, generateData(model, { seed, rows: 20 }));
  });

  it('stays valid when a set asks for more rows than its keys can tell apart', () => {
    const sets = Object.fromEntries([...model.entitySets.keys()].map((set) => [set, 400]));
    check(model, generateData(model, { seed: 3, rows: 400, sets }));
  });

  it('generates active entities of draft-enabled types', () => {
    for (const [set, rows] of generateData(model, { seed: 1, rows: 20 })) {
      const type = model.entitySets.get(set)!.entityType;
      if (!type.propertyMap.has('IsActiveEntity')) continue;
      const expected = { IsActiveEntity: true, HasActiveEntity: false, HasDraftEntity: false };
      const present = Object.entries(expected).filter(([name]) => type.propertyMap.has(name));
      for (const row of rows) {
        expect(row).toMatchObject(Object.fromEntries(present));
        // BOPF draft keys an active document with the initial DraftUUID, as Gateway shows it.
        if (type.keys.includes('DraftUUID')) expect(row.DraftUUID).toBe(ZERO_GUID);
      }
    }
  });
});
