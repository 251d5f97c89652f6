// The expression language on its own: every operator, function and literal form of V2 and V4, null
// semantics, and errors that name the problem.
import { describe, expect, it } from 'vitest';
import { parseEdmx } from '../edm/parse-edmx.js';
import { API_BUSINESS_PARTNER_EDMX } from '../builtin/api-business-partner.js';
import { SALES_ORDER_V4_EDMX } from '../builtin/sales-order-v4.js';
import { compileFilter, compileValue, type Row } from './compile.js';
import { parseExpression } from './parser.js';
import { parseSearch } from './search.js';

const v2 = parseEdmx(API_BUSINESS_PARTNER_EDMX);
const v4 = parseEdmx(SALES_ORDER_V4_EDMX);
const bp = v2.entitySets.get('A_BusinessPartner')!.entityType;
const order = v4.entitySets.get('SalesOrder')!.entityType;
const item = v4.entitySets.get('SalesOrderItem')!.entityType;
const items: Row[] = [
  { SalesOrder: '1', SalesOrderItem: '10', Material: 'MAT-1', RequestedQuantity: 5 },
  { SalesOrder: '1', SalesOrderItem: '20', Material: 'MAT-2', RequestedQuantity: 50 },
];
const scopeV2 = { version: 'v2' as const, model: v2, entityType: bp, navigate: () => [] };
const scopeV4 = {
  version: 'v4' as const,
  model: v4,
  entityType: order,
  navigate: (row: Row) => items.filter((i) => i.SalesOrder === row.SalesOrder),
};

const partner: Row = {
  BusinessPartner: '1000001',
  FirstName: 'Anna',
  LastName: 'Weber',
  BusinessPartnerFullName: '  Anna Weber ',
  CreditLimitAmount: 1234.5,
  EmployeeCount: 17,
  Rating: 2.5,
  IsMarkedForArchiving: false,
  CreationDate: Date.UTC(2021, 4, 17),
  LastChangeDateTime: Date.UTC(2021, 4, 17, 13, 45, 30),
  BusinessPartnerUUID: '0a1b2c3d-0000-4000-a000-000000000001',
  Industry: null,
};
const salesOrder: Row = {
  SalesOrder: '1',
  SalesOrderDate: Date.UTC(2024, 0, 31),
  TotalNetAmount: 99.5,
  SoldToParty: '17',
};

const v2Filter = (text: string): boolean =>
  compileFilter(parseExpression(text, 'v2'), scopeV2).predicate(partner);
const v4Filter = (text: string): boolean =>
  compileFilter(parseExpression(text, 'v4'), scopeV4).predicate(salesOrder);

describe('V2 $filter expressions', () => {
  it.each([
    ["LastName eq 'Weber'", true],
    ["LastName ne 'Weber'", false],
    ["LastName eq 'Weber' and FirstName eq 'Anna'", true],
    ["LastName eq 'X' or FirstName eq 'Anna'", true],
    ["not (LastName eq 'X')", true],
    ['EmployeeCount gt 16 and EmployeeCount ge 17 and EmployeeCount lt 18 and EmployeeCount le 17', true],
    ['EmployeeCount add 3 eq 20', true],
    ['EmployeeCount sub 7 eq 10', true],
    ['EmployeeCount mul 2 eq 34', true],
    ['EmployeeCount div 2 eq 8.5', true],
    ['EmployeeCount mod 5 eq 2', true],
    ['-EmployeeCount eq -17', true],
    ['(EmployeeCount add 3) mul 2 eq 40', true],
    ["substringof('Web', LastName)", true],
    ["substringof('web', LastName)", false],
    ["substringof('web', tolower(LastName)) eq true", true],
    ["startswith(LastName, 'We') and endswith(LastName, 'ber')", true],
    ["toupper(FirstName) eq 'ANNA'", true],
    ['length(LastName) eq 5', true],
    ["indexof(LastName, 'b') eq 2", true],
    ["substring(LastName, 1) eq 'eber' and substring(LastName, 1, 2) eq 'eb'", true],
    ["trim(BusinessPartnerFullName) eq 'Anna Weber'", true],
    ["concat(concat(FirstName, ' '), LastName) eq 'Anna Weber'", true],
    ["replace(LastName, 'W', 'V') eq 'Veber'", true],
    ['year(CreationDate) eq 2021 and month(CreationDate) eq 5 and day(CreationDate) eq 17', true],
    [
      'hour(LastChangeDateTime) eq 13 and minute(LastChangeDateTime) eq 45 and second(LastChangeDateTime) eq 30',
      true,
    ],
    ["CreationDate eq datetime'2021-05-17T00:00:00'", true],
    ["CreationDate gt datetime'2021-05-16T23:59'", true],
    ["LastChangeDateTime lt datetimeoffset'2021-05-18T00:00:00Z'", true],
    ["BusinessPartnerUUID eq guid'0A1B2C3D-0000-4000-A000-000000000001'", true],
    ['CreditLimitAmount eq 1234.5M', true],
    ['CreditLimitAmount gt 1000M', true],
    ['EmployeeCount eq 17L', true],
    ['Rating eq 2.5d', true],
    ['round(Rating) eq 3 and floor(Rating) eq 2 and ceiling(Rating) eq 3', true],
    ['round(CreditLimitAmount) eq 1235M', true],
    ['IsMarkedForArchiving eq false', true],
    ['Industry eq null', true],
    ['Industry ne null', false],
    ["Industry eq 'X'", false],
    ["Industry gt 'A'", false],
    ['tolower(Industry) eq null', true],
    ["LastName eq 'O''Brien'", false],
  ])('%s → %s', (text, expected) => {
    expect(v2Filter(text)).toBe(expected);
  });

  it.each([
    ['LastName eq', /position 12.*expected a value/],
    ["LastName eq 'x", /Unterminated string/],
    ['Foo eq 1', /Property Foo does not exist/],
    ["substringof('a')", /takes 2 arguments, got 1/],
    ["contains(LastName, 'a')", /Unknown function contains/],
    ["LastName in ('a')", /operator in is OData V4 only/],
    ['CreationDate eq 12x', /Invalid number|Unexpected/],
    ["CreationDate eq 'not a date'", /expects a date\/time/],
    ["BusinessPartnerUUID eq guid'nope'", /Invalid guid literal/],
    ['(LastName eq 1', /expected '\)'/],
    ['LastName eq 1 LastName', /expected the end of the expression/],
    ['LastName % 1', /Unexpected character '%'/],
  ])('%s is rejected with a message naming the problem', (text, message) => {
    expect(() => v2Filter(text)).toThrow(message);
  });
});

describe('V4 $filter expressions', () => {
  it.each([
    ["contains(SoldToParty, '7')", true],
    ["SoldToParty in ('17', '18')", true],
    ["SoldToParty in ('18')", false],
    ['SalesOrderDate eq 2024-01-31', true],
    ['year(SalesOrderDate) eq 2024 and month(SalesOrderDate) eq 1', true],
    ['TotalNetAmount gt 99 and TotalNetAmount lt 100', true],
    ["_Item/any(i: i/Material eq 'MAT-2')", true],
    ['_Item/any(i: i/RequestedQuantity gt 100)', false],
    ['_Item/all(i: i/RequestedQuantity ge 5)', true],
    ['_Item/any()', true],
    ['_Item/all(i: i/RequestedQuantity gt 5)', false],
    ["matchesPattern(SoldToParty, '^1\\d$')", true],
  ])('%s → %s', (text, expected) => {
    expect(v4Filter(text)).toBe(expected);
  });

  it('rejects V2-only functions and bad lambdas', () => {
    expect(() => v4Filter("substringof('a', SoldToParty)")).toThrow(/Unknown function substringof/);
    expect(() => v4Filter("_Item/any(i: Material eq 'x')")).toThrow(/paths start with the variable i/);
    expect(() => v4Filter("SoldToParty/any(i: i eq 'x')")).toThrow(/needs a collection navigation property/);
  });

  it('compiles values for $orderby', () => {
    const value = compileValue(parseExpression('TotalNetAmount mul 2', 'v4'), scopeV4).fn(salesOrder);
    expect(value).toBe(199);
  });

  it('gives an index hint for a top-level eq conjunct', () => {
    const compiled = compileFilter(
      parseExpression("SoldToParty eq '17' and TotalNetAmount gt 1", 'v4'),
      scopeV4,
    );
    expect(compiled.eqHint).toEqual({ property: 'SoldToParty', value: '17' });
  });
});

describe('nesting and long chains', () => {
  const chain = (n: number, term: (i: number) => string, op: string): string =>
    Array.from({ length: n }, (_, i) => term(i)).join(` ${op} `);

  it.each(['v2', 'v4'] as const)(
    '%s: 10,000 parentheses or 5,000 nots are refused with the limit, not a stack overflow',
    (version) => {
      const filter = version === 'v2' ? v2Filter : v4Filter;
      const property = version === 'v2' ? 'LastName' : 'SoldToParty';
      expect(() => filter(`${'('.repeat(10_000)}${property} eq 'x'${')'.repeat(10_000)}`)).toThrow(
        /nested too deeply at position 101 \(limit 100 levels\)/,
      );
      expect(() => filter(`${'not '.repeat(5_000)}${property} eq 'x'`)).toThrow(/nested too deeply/);
      expect(() => filter(`${'-'.repeat(5_000)}1 eq 1`)).toThrow(/nested too deeply/);
      expect(() => filter(`${'tolower('.repeat(5_000)}'x'${')'.repeat(5_000)} eq 'x'`)).toThrow(
        /nested too deeply/,
      );
      // Within the limit, nesting works.
      expect(filter(`${'('.repeat(90)}${property} ne 'x'${')'.repeat(90)}`)).toBe(true);
      expect(filter(`${'not '.repeat(90)}(${property} eq 'x')`)).toBe(false);
    },
  );

  it.each(['v2', 'v4'] as const)(
    '%s: 4,000-term or/and chains and a 5,000-term add chain work',
    (version) => {
      const filter = version === 'v2' ? v2Filter : v4Filter;
      const property = version === 'v2' ? 'LastName' : 'SoldToParty';
      const value = version === 'v2' ? 'Weber' : '17';
      expect(filter(chain(4_000, (i) => `${property} eq 'x${i}'`, 'or'))).toBe(false);
      expect(
        filter(`${chain(4_000, (i) => `${property} eq 'x${i}'`, 'or')} or ${property} eq '${value}'`),
      ).toBe(true);
      expect(filter(chain(4_000, (i) => `${property} ne 'x${i}'`, 'and'))).toBe(true);
      expect(filter(`${chain(5_000, () => '1', 'add')} eq 5000`)).toBe(true);
      expect(filter(`${chain(5_000, () => '2', 'mul')} gt 1`)).toBe(true);
    },
  );

  it('evaluates a long arithmetic chain left to right', () => {
    const scope = { ...scopeV4 };
    expect(compileValue(parseExpression('10 sub 3 sub 2 mul 2', 'v4'), scope).fn(salesOrder)).toBe(3);
    expect(compileValue(parseExpression('100 div 10 div 3', 'v4'), scope).fn(salesOrder)).toBe(3);
  });

  it('finds the index hint in a 4,000-term and chain', () => {
    const text = `${chain(4_000, (i) => `TotalNetAmount gt ${i}`, 'and')} and SoldToParty eq '17'`;
    expect(compileFilter(parseExpression(text, 'v4'), scopeV4).eqHint).toEqual({
      property: 'SoldToParty',
      value: '17',
    });
  });

  it('refuses a chain of 5,000 comparisons, which nests at evaluation', () => {
    expect(() => v4Filter(chain(5_000, () => 'true', 'eq'))).toThrow(
      /nested too deeply \(limit 250 levels\)/,
    );
  });
});

describe('V4 arithmetic (URL Conventions 5.1.1.2)', () => {
  const scopeItem = { ...scopeV4, entityType: item };
  const itemFilter = (text: string, row: Row): boolean =>
    compileFilter(parseExpression(text, 'v4'), scopeItem).predicate(row);
  const value = (text: string): unknown => compileValue(parseExpression(text, 'v4'), scopeV4).fn(salesOrder);

  it('integer div integer is an integer, truncated toward zero: Rating div 2 eq 2 matches 4 and 5', () => {
    const positions = [3, 4, 5, 6].filter((ItemPosition) =>
      itemFilter('ItemPosition div 2 eq 2', { ItemPosition }),
    );
    expect(positions).toEqual([4, 5]);
    expect(value('7 div 2')).toBe(3);
    expect(value('-7 div 2')).toBe(-3);
    expect(Object.is(value('-1 div 2'), 0)).toBe(true);
  });

  it('decimal and double division stays fractional; divby always is', () => {
    expect(value('TotalNetAmount div 2')).toBe(49.75);
    expect(value('7.0 div 2')).toBe(3.5);
    expect(value('7 divby 2')).toBe(3.5);
    expect(value('1 divby 0')).toBe(Infinity);
    expect(value('1.5 div 0')).toBe(Infinity);
  });

  it('div and mod by zero fail the request with the operator and its position', () => {
    const filter = compileFilter(parseExpression('ItemPosition div 0 eq 1', 'v4'), {
      ...scopeItem,
      option: '$filter',
    });
    expect(() => filter.predicate({ ItemPosition: 4 })).toThrow(
      'Invalid $filter: division by zero (div at position 14)',
    );
    expect(filter.predicate({ ItemPosition: null })).toBe(false);
    expect(() => value('TotalNetAmount div 0')).toThrow(/Division by zero \(div at position 16\)/);
    expect(() => value('7 mod 0')).toThrow(/Division by zero \(mod at position 3\)/);
    expect(value('-7 mod 3')).toBe(-1);
  });

  it('keeps V2 division as it was: fractional, null by zero', () => {
    expect(v2Filter('EmployeeCount div 2 eq 8.5')).toBe(true);
    expect(v2Filter('EmployeeCount div 0 eq 1')).toBe(false);
    expect(v2Filter('EmployeeCount mod 0 eq 1')).toBe(false);
  });
});

describe('integer literals', () => {
  it.each(['v2', 'v4'] as const)('%s: Int64 literals in range pass, out of range are refused', (version) => {
    const filter = version === 'v2' ? v2Filter : v4Filter;
    expect(filter('9223372036854775807 gt 0')).toBe(true);
    expect(filter('-9223372036854775808 lt 0')).toBe(true);
    expect(filter('9223372036854775807L gt 0')).toBe(true);
    for (const literal of ['9223372036854775808', '-9223372036854775809', '99999999999999999999L'])
      expect(() => filter(`${literal} eq 1`)).toThrow(
        /Integer literal .* at position 1 is out of the Edm.Int64 range/,
      );
  });
});

describe('$search (V4)', () => {
  const rows = ['blue car', 'green car', 'blue bike', 'say "hi"'];
  const search = (text: string): string[] => {
    const matches = parseSearch(text);
    return rows.filter((row) => matches((term) => row.includes(term)));
  };

  it('ANDs words and phrases, with OR, NOT and parentheses', () => {
    expect(search('blue')).toEqual(['blue car', 'blue bike']);
    expect(search('blue car')).toEqual(['blue car']);
    expect(search('blue AND car')).toEqual(['blue car']);
    expect(search('bike OR green')).toEqual(['green car', 'blue bike']);
    expect(search('car NOT blue')).toEqual(['green car']);
    expect(search('NOT NOT blue')).toEqual(['blue car', 'blue bike']);
    expect(search('(bike OR green) car')).toEqual(['green car']);
    expect(search('"blue car"')).toEqual(['blue car']);
    expect(search('"say \\"hi\\""')).toEqual(['say "hi"']);
    expect(search('BLUE')).toEqual(['blue car', 'blue bike']);
  });

  it.each([
    ['"abc', /Unterminated search phrase starting at position 1/],
    ['x "a', /Unterminated search phrase starting at position 3/],
    ['""', /Empty search phrase/],
    ['"a\\x"', /Invalid escape/],
    ['(a', /expected '\)', found the end/],
    ['a)', /expected the end of the search expression, found '\)'/],
    ['OR a', /expected a search word or phrase, found 'OR'/],
    ['', /expected a search word or phrase/],
    [`${'('.repeat(5_000)}a${')'.repeat(5_000)}`, /nested too deeply at position 101/],
  ])('refuses %s', (text, message) => {
    expect(() => parseSearch(text)).toThrow(message);
  });

  it('takes long OR chains and NOT runs in a loop', () => {
    expect(search(Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(' OR ') + ' OR bike')).toEqual([
      'blue bike',
    ]);
    expect(search(`${'NOT '.repeat(5_001)}blue`)).toEqual(['green car', 'say "hi"']);
  });
});
