// Operators of compiled expressions. `a or b or …` and `a add b add …` are left-deep trees as long as
// the request; they compile to one closure over a list of operands, so neither compiling nor evaluating
// recurses per operand. Every other node adds one closure level, and the levels are bounded.
import type { ODataVersion } from '../edm/model.js';
import { isIntegerType } from '../edm/values.js';
import { ExpressionError } from './lexer.js';
import type { BinaryOp } from './parser.js';

export type Row = Record<string, unknown>;
export type Evaluator = (row: Row) => unknown;

export interface Compiled {
  fn: Evaluator;
  type: string;
  /** Closure levels evaluating this node goes through (bounded by MAX_EVALUATION_DEPTH). */
  depth: number;
  /** Set for a plain property of the entity itself (index and sort fast paths). */
  property?: string;
  literal?: boolean;
  /** This node is an and/or chain; the same operator appends an operand instead of nesting. */
  logical?: { op: 'and' | 'or'; operands: Evaluator[] };
  /** This node is an arithmetic chain evaluated left to right. */
  arithmetic?: { base: Evaluator; steps: ArithmeticStep[] };
}

interface ArithmeticStep {
  apply: (a: number, b: number) => number | null;
  fn: Evaluator;
}

/** Far above any hand-written expression; reached only by chains of comparisons such as `1 eq 1 eq …`. */
export const MAX_EVALUATION_DEPTH = 250;

/** Depth of a node over its children, refused past the limit. */
export function levelOver(children: readonly Compiled[]): number {
  let depth = 0;
  for (const child of children) depth = Math.max(depth, child.depth);
  return checked(depth + 1);
}

function checked(depth: number): number {
  if (depth > MAX_EVALUATION_DEPTH)
    throw new ExpressionError(`The expression is nested too deeply (limit ${MAX_EVALUATION_DEPTH} levels)`);
  return depth;
}

export function logical(op: 'and' | 'or', left: Compiled, right: Compiled): Compiled {
  const extend = left.logical?.op === op;
  const operands = extend ? left.logical!.operands : [left.fn];
  operands.push(right.fn);
  const depth = checked(Math.max(extend ? left.depth : left.depth + 1, right.depth + 1));
  return { fn: logicalFn(op, operands), type: 'Edm.Boolean', depth, logical: { op, operands } };
}

function logicalFn(op: 'and' | 'or', operands: readonly Evaluator[]): Evaluator {
  if (operands.length === 2) {
    const [l, r] = operands as [Evaluator, Evaluator];
    return op === 'and'
      ? (row) => l(row) === true && r(row) === true
      : (row) => l(row) === true || r(row) === true;
  }
  if (op === 'and')
    return (row) => {
      for (const operand of operands) if (operand(row) !== true) return false;
      return true;
    };
  return (row) => {
    for (const operand of operands) if (operand(row) === true) return true;
    return false;
  };
}

type Compare = (a: unknown, b: unknown) => boolean;
const ordered =
  (test: (a: number | string | boolean, b: number | string | boolean) => boolean): Compare =>
  (a, b) =>
    a !== null && b !== null && a !== undefined && b !== undefined && test(a as number, b as number);

export const COMPARISONS: Partial<Record<BinaryOp, Compare>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: ordered((a, b) => a > b),
  ge: ordered((a, b) => a >= b),
  lt: ordered((a, b) => a < b),
  le: ordered((a, b) => a <= b),
};

export function comparison(compare: Compare, left: Compiled, right: Compiled): Compiled {
  const l = left.fn;
  const depth = levelOver([left, right]);
  if (right.literal) {
    const value = right.fn({});
    // `Property eq 'x'` is the hot path: one property read and one comparison per row.
    if (compare === COMPARISONS.eq && left.property) {
      const name = left.property;
      return { fn: (row) => (row[name] ?? null) === value, type: 'Edm.Boolean', depth };
    }
    return { fn: (row) => compare(l(row), value), type: 'Edm.Boolean', depth };
  }
  const r = right.fn;
  return { fn: (row) => compare(l(row), r(row)), type: 'Edm.Boolean', depth };
}

/** Where an operator is, for errors raised while rows are evaluated (`Invalid $filter: …`). */
export interface OperatorSite {
  op: BinaryOp;
  pos: number;
  option: string | undefined;
}

export function arithmetic(
  site: OperatorSite,
  left: Compiled,
  right: Compiled,
  version: ODataVersion,
): Compiled {
  const { apply, type } = arithmeticStep(site, left.type, right.type, version);
  const extend = left.arithmetic !== undefined;
  const base = left.arithmetic?.base ?? left.fn;
  const steps = left.arithmetic?.steps ?? [];
  steps.push({ apply, fn: right.fn });
  const depth = checked(Math.max(extend ? left.depth : left.depth + 1, right.depth + 1));
  return { fn: arithmeticFn(base, steps), type, depth, arithmetic: { base, steps } };
}

function arithmeticFn(base: Evaluator, steps: readonly ArithmeticStep[]): Evaluator {
  if (steps.length === 1) {
    const { apply, fn } = steps[0]!;
    return (row) => {
      const a = base(row);
      const b = fn(row);
      return typeof a === 'number' && typeof b === 'number' ? apply(a, b) : null;
    };
  }
  return (row) => {
    let value = base(row);
    for (const { apply, fn } of steps) {
      const b = fn(row);
      // An arithmetic operator with a null operand is null (and so is everything built on it).
      if (typeof value !== 'number' || typeof b !== 'number') return null;
      value = apply(value, b);
    }
    return value;
  };
}

const FLOATING = new Set(['Edm.Double', 'Edm.Single']);

/** Binary numeric promotion: integers stay integers, a decimal makes a decimal, a float a double. */
function promoted(a: string, b: string): string {
  if (FLOATING.has(a) || FLOATING.has(b)) return 'Edm.Double';
  if (a === 'Edm.Decimal' || b === 'Edm.Decimal') return 'Edm.Decimal';
  if (isIntegerType(a) && isIntegerType(b))
    return a === 'Edm.Int64' || b === 'Edm.Int64' ? 'Edm.Int64' : 'Edm.Int32';
  return 'Edm.Double';
}

function arithmeticStep(
  site: OperatorSite,
  leftType: string,
  rightType: string,
  version: ODataVersion,
): { apply: ArithmeticStep['apply']; type: string } {
  const type = promoted(leftType, rightType);
  switch (site.op) {
    case 'add':
      return { apply: (a, b) => a + b, type };
    case 'sub':
      return { apply: (a, b) => a - b, type };
    case 'mul':
      return { apply: (a, b) => a * b, type };
    case 'div':
      return version === 'v4' ? divV4(site, leftType, rightType, type) : V2_DIV;
    case 'divby':
      // V4: always a decimal quotient; by zero it is INF, -INF or NaN, never an error.
      return { apply: (a, b) => a / b, type: 'Edm.Decimal' };
    case 'mod':
      if (version === 'v2') return { apply: (a, b) => (b === 0 ? null : a % b), type };
      // The sign of the result is the left operand's, as JavaScript's % has it.
      return { apply: (a, b) => (b === 0 ? divisionByZero(site) : a % b), type };
    default:
      throw new ExpressionError(`Operator ${site.op} is not supported here`);
  }
}

/**
 * OData V2 defines no result type for `div` (numeric promotion is optional there) and SAP Gateway's
 * behaviour is not documented: V2 keeps the fractional quotient, and null for a zero divisor.
 */
const V2_DIV = { apply: (a: number, b: number) => (b === 0 ? null : a / b), type: 'Edm.Double' };

/**
 * OData V4 (URL Conventions 5.1.1.2.4): integer `div` integer is the whole number of times the right
 * operand fits (truncated toward zero: `Rating div 2 eq 2` matches 4 and 5); a zero divisor fails the
 * request unless the left operand is floating (Double, Single), which gives INF, -INF or NaN.
 */
function divV4(
  site: OperatorSite,
  leftType: string,
  rightType: string,
  type: string,
): { apply: ArithmeticStep['apply']; type: string } {
  if (isIntegerType(leftType) && isIntegerType(rightType))
    return {
      apply: (a, b) => {
        if (b === 0) return divisionByZero(site);
        const quotient = Math.trunc(a / b);
        return quotient === 0 ? 0 : quotient; // not -0
      },
      type,
    };
  if (FLOATING.has(leftType)) return { apply: (a, b) => a / b, type };
  return { apply: (a, b) => (b === 0 ? divisionByZero(site) : a / b), type };
}

function divisionByZero(site: OperatorSite): never {
  throw new ExpressionError(
    `${site.option ? `Invalid ${site.option}: d` : 'D'}ivision by zero (${site.op} at position ${site.pos + 1})`,
  );
}
