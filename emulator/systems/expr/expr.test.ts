// The expression language on its own: every operator, function and literal form of V2 and V4, null
// semantics, and errors that name the problem.
import { describe, expect, it } from 'vitest';
import { parseEdmx } from '../edm/parse-edmx.js';
import { API_BUSINESS_PARTNER_EDMX } from '../builtin/api-business-partner.js';
import { SALES_ORDER_V4_EDMX } from '../builtin/sales-order-v4.js';
import { compileFilter, compileValue, type Row } from './compile.js';
import { parseExpression } from './parser.js';

const v2 = parseEdmx(API_BUSINESS_PARTNER_EDMX);
const v4 = parseEdmx(SALES_ORDER_V4_EDMX);
const bp = v2.entitySets.get('A_BusinessPartner')!.entityType;
const order = v4.entitySets.get('SalesOrder')!.entityType;
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
