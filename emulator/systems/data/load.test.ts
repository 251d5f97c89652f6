// Data files are read a slice at a time straight from disk: every accepted shape, tokens split across
// reads (tiny chunks force every boundary), and broken files named with file, row or line.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support.js';
import { API_BUSINESS_PARTNER_EDMX } from '../builtin/api-business-partner.js';
import { parseEdmx } from '../edm/parse-edmx.js';
import { jsonRowSlices } from './json-slices.js';
import { DataFileError, readDataFile } from './load.js';

const model = parseEdmx(API_BUSINESS_PARTNER_EDMX);
const partners = model.entitySets.get('A_BusinessPartner')!;

async function file(content: string): Promise<string> {
  const name = path.join(await tempDir(), 'rows.json');
  await writeFile(name, content);
  return name;
}

async function rowsOf(name: string, chunkBytes = 7, sliceBytes = 16): Promise<unknown[]> {
  const rows: unknown[] = [];
  for await (const slice of jsonRowSlices(name, { chunkBytes, sliceBytes })) rows.push(...slice);
  return rows;
}

const ROWS = [
  { a: 'x,y]}', b: [1, { c: '\\"[' }] },
  { a: 'Zürich – 東京 😀', b: null },
  { a: '', b: [] },
];

describe('JSON rows read in slices', () => {
  it.each([
    ['a plain array', JSON.stringify(ROWS)],
    ['{"d":{"results":[…]}} with __count', JSON.stringify({ d: { __count: '3', results: ROWS } })],
    ['{"d":[…]}', JSON.stringify({ d: ROWS })],
    ['{"value":[…]} after @odata.context', JSON.stringify({ '@odata.context': '$metadata#X', value: ROWS })],
    ['pretty-printed with a BOM', `\uFEFF${JSON.stringify({ d: { results: ROWS } }, null, 2)}\n`],
  ])('reads %s across every chunk boundary', async (_shape, content) => {
    const name = await file(content);
    for (const chunk of [1, 3, 7, 64, 1 << 16]) expect(await rowsOf(name, chunk)).toEqual(ROWS);
  });

  it('reads an empty array', async () => {
    expect(await rowsOf(await file(' [ ] '))).toEqual([]);
  });

  it.each([
    ['no rows array', '{"d":{"x":1}}', /not an array, \{"d":\{"results":\[…\]\}\} or \{"value":\[…\]\}/],
    ['a truncated file', '[{"a":1},\n{"a":2', /the JSON is not closed \(the file ends on line 2\)/],
    ['text after the value', '[{"a":1}]\n[2]', /unexpected text after the JSON value on line 2/],
    ['a broken row', '[{"a":1},\n{"a":tru}]', /invalid JSON in the rows (on line 2|between lines 1 and 2)/],
  ])('names the problem of %s', async (_what, content, message) => {
    const name = await file(content);
    await expect(rowsOf(name)).rejects.toThrow(message);
    await expect(rowsOf(name)).rejects.toThrow(name);
  });
});

describe('data files of an entity set', () => {
  it('converts values to the internal form, drops OData annotations, and shares repeated strings', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      __metadata: { type: 'API_BUSINESS_PARTNER.A_BusinessPartnerType' },
      BusinessPartner: String(1000 + i),
      LastName: i % 2 === 0 ? 'Weber' : 'Miller',
      CreditLimitAmount: '12.50',
      CreationDate: `/Date(${86_400_000 * i})/`,
      to_BusinessPartnerAddress: { __deferred: {} },
    }));
    const read = await readDataFile(await file(JSON.stringify({ d: { results: rows } })), partners);
    expect(read).toHaveLength(50);
    expect(read[3]).toEqual({
      BusinessPartner: '1003',
      LastName: 'Miller',
      CreditLimitAmount: 12.5,
      CreationDate: 3 * 86_400_000,
    });
  });

  it.each([
    ['[{"BusinessPartner":"1"},7]', /row 2 is not an object/],
    ['[{"BusinessPartner":"1","Nope":1}]', /row 1: property Nope does not exist in A_BusinessPartnerType/],
    ['[{"BusinessPartner":"1","EmployeeCount":"many"}]', /row 1: Property EmployeeCount expects a number/],
    ['[{"LastName":"x"}]', /row 1: key BusinessPartner is missing/],
    [
      '{"d":{"results":[{"BusinessPartner":"1"}',
      /Cannot read data file .* of A_BusinessPartner: the JSON is not closed/,
    ],
  ])('refuses %s, naming the file and row', async (content, message) => {
    const name = await file(content);
    const error = await readDataFile(name, partners).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(name);
  });

  it('names a missing file', async () => {
    await expect(readDataFile('/nonexistent/rows.json', partners)).rejects.toThrow(
      /Cannot read data file \/nonexistent\/rows.json of A_BusinessPartner: ENOENT/,
    );
  });
});
