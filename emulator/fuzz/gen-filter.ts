// OData $filter expressions from the V2 and V4 grammars: properties of the entity set, typed literals
// in both syntaxes (and broken ones), operators, functions with right and wrong arity, V4 lambdas and
// `in`; plus the pathological shapes that overflowed parsers (thousands of nested parentheses or
// `not`s, long `or` and `add` chains), and character-level damage to any of them.
import { mutateString } from './mutate.js';
import type { Rng } from './rng.js';

export type Version = 'v2' | 'v4';
type Kind = 'string' | 'number' | 'bool' | 'date' | 'guid';

export interface EntityShape {
  props: readonly (readonly [string, Kind])[];
  /** V4 collection navigation and a property of its target, for lambdas. */
  lambda?: readonly [string, string];
}

export const BUSINESS_PARTNER: EntityShape = {
  props: [
    ['BusinessPartner', 'string'],
    ['FirstName', 'string'],
    ['LastName', 'string'],
    ['BusinessPartnerCategory', 'string'],
    ['CreationDate', 'date'],
    ['BusinessPartnerUUID', 'guid'],
    ['IsMarkedForArchiving', 'bool'],
    ['LastChangeDateTime', 'date'],
  ],
};

export const SALES_ORDER: EntityShape = {
  props: [
    ['SalesOrder', 'string'],
    ['CustomerName', 'string'],
    ['TotalNetAmount', 'number'],
    ['IsReleased', 'bool'],
    ['SalesOrderDate', 'date'],
    ['SalesOrderUUID', 'guid'],
    ['LastChangeDateTime', 'date'],
  ],
  lambda: ['_Item', 'NetAmount'],
};

const GUID = '005056a2-3f0c-1eda-b7c1-9f6b0c2c0a11';

function literal(rng: Rng, kind: Kind, v: Version): string {
  const pool: Record<Kind, string[]> = {
    string: ["'Weber'", "'O''Neil'", "''", "'Ā😀'", "'%'", "'a''"],
    number: [
      '1',
      '-0',
      '1.5',
      '1e308',
      '1e400',
      '9223372036854775807',
      '9223372036854775808',
      '-9223372036854775809',
      '12.5M',
      '1.5d',
      '2f',
      '3L',
      '0.0000001',
      '1.',
    ],
    bool: ['true', 'false', 'TRUE', 'null'],
    date:
      v === 'v2'
        ? [
            "datetime'2020-01-01T00:00:00'",
            "datetimeoffset'2020-01-01T00:00:00Z'",
            "datetime'junk'",
            "datetime'9999-12-31T23:59:59.9999999'",
            "time'PT12H'",
          ]
        : [
            '2020-01-01',
            '2020-01-01T00:00:00Z',
            '2020-13-45',
            '2020-01-01T25:00:00+99:00',
            "duration'P1D'",
            '12:30:00',
          ],
    guid: v === 'v2' ? [`guid'${GUID}'`, "guid'xyz'"] : [GUID, `${GUID.slice(0, 30)}`],
  };
  return rng.pick(pool[kind]);
}

const COMPARE = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const ARITH = ['add', 'sub', 'mul', 'div', 'mod'];
const FUNCS_V2 = [
  'substringof',
  'startswith',
  'endswith',
  'length',
  'indexof',
  'replace',
  'substring',
  'tolower',
  'toupper',
  'trim',
  'concat',
  'day',
  'month',
  'year',
  'round',
  'floor',
  'ceiling',
  'isof',
];
const FUNCS_V4 = [
  'contains',
  'startswith',
  'endswith',
  'length',
  'indexof',
  'substring',
  'tolower',
  'toupper',
  'trim',
  'concat',
  'day',
  'month',
  'year',
  'hour',
  'date',
  'time',
  'now',
  'round',
  'floor',
  'ceiling',
  'matchesPattern',
  'cast',
  'isof',
  'fractionalseconds',
  'totaloffsetminutes',
];

function atom(rng: Rng, shape: EntityShape, v: Version): string {
  const [name, kind] = rng.pick(shape.props);
  if (rng.chance(0.6)) return name;
  return literal(
    rng,
    rng.chance(0.8) ? kind : rng.pick(['string', 'number', 'bool', 'date', 'guid'] as const),
    v,
  );
}

/** A random expression tree of at most `depth` levels. */
export function expression(rng: Rng, shape: EntityShape, v: Version, depth: number): string {
  if (depth <= 0) return atom(rng, shape, v);
  const sub = (): string => expression(rng, shape, v, depth - 1);
  const [name, kind] = rng.pick(shape.props);
  const choices: (() => string)[] = [
    () => `${name} ${rng.pick(COMPARE)} ${literal(rng, kind, v)}`,
    () => `${sub()} ${rng.pick(['and', 'or'])} ${sub()}`,
    () => `not ${sub()}`,
    () => `(${sub()})`,
    () => `${sub()} ${rng.pick(ARITH)} ${sub()} ${rng.pick(COMPARE)} ${literal(rng, 'number', v)}`,
    () =>
      `${rng.pick(v === 'v2' ? FUNCS_V2 : FUNCS_V4)}(${Array.from({ length: rng.range(0, 3) }, sub).join(',')})`,
    () => `${sub()} ${rng.pick(COMPARE)} ${sub()}`,
  ];
  if (v === 'v4') {
    choices.push(
      () => `${name} in (${Array.from({ length: rng.range(0, 4) }, () => literal(rng, kind, v)).join(',')})`,
    );
    if (shape.lambda)
      choices.push(
        () =>
          `${shape.lambda![0]}/${rng.pick(['any', 'all'])}(d:d/${shape.lambda![1]} ${rng.pick(COMPARE)} ${literal(rng, 'number', v)})`,
      );
    choices.push(
      () => `${sub()} divby ${sub()} eq 1`,
      () => `${name} has ${literal(rng, 'string', v)}`,
    );
  }
  return rng.pick(choices)();
}

/** The shapes that took parsers down by recursion depth or length. */
export function pathological(rng: Rng, shape: EntityShape, v: Version): string {
  const n = rng.pick([100, 1000, 3000, 5000, 10_000]);
  const [name] = rng.pick(shape.props);
  const cmp = `${name} eq ${literal(rng, 'string', v)}`;
  return rng.pick<() => string>([
    () => `${'('.repeat(n)}${cmp}${')'.repeat(n)}`,
    () => `${'not '.repeat(n)}${cmp}`,
    () => Array.from({ length: Math.min(n, 4000) }, () => cmp).join(' or '),
    () => `${Array.from({ length: Math.min(n, 5000) }, (_, i) => String(i)).join(' add ')} eq 1`,
    () => `${'tolower('.repeat(n)}${name}${')'.repeat(n)} eq 'x'`,
    () => `${'-'.repeat(n)}1 eq 1`,
    () => `${name} eq '${'x'.repeat(50_000)}'`,
    () => `${'('.repeat(n)}`,
    () => `${'('.repeat(n)}${cmp}`,
  ])();
}

export function filter(rng: Rng, shape: EntityShape, v: Version): string {
  let text = rng.chance(0.12) ? pathological(rng, shape, v) : expression(rng, shape, v, rng.range(1, 6));
  if (rng.chance(0.25)) text = mutateString(rng, text);
  return text;
}
