// AST → closures over rows, resolved against the entity type once: unknown properties, wrong arity and
// unconvertible literals fail here with a message naming them, and evaluation is plain JS per row.
import type { EdmComplexType, EdmEntityType, EdmModel, EdmNavigation, ODataVersion } from '../edm/model.js';
import { isNumericType, isTemporalType, toInternal, ValueError, type Primitive } from '../edm/values.js';
import { FUNCTIONS } from './functions.js';
import { ExpressionError } from './lexer.js';
import type { BinaryOp, Expr } from './parser.js';

export type Row = Record<string, unknown>;
export type Evaluator = (row: Row) => unknown;

export interface CompileScope {
  version: ODataVersion;
  model: EdmModel;
  entityType: EdmEntityType;
  /** Rows a navigation leads to from a row (empty for none). */
  navigate(row: Row, from: EdmEntityType, nav: EdmNavigation): Row[];
}

interface Compiled {
  fn: Evaluator;
  type: string;
  /** Set for a plain property of the entity itself (index and sort fast paths). */
  property?: string;
  literal?: boolean;
}

export interface CompiledFilter {
  predicate: (row: Row) => boolean;
  /** A top-level `Property eq literal` conjunct an index can answer first. */
  eqHint?: { property: string; value: Primitive };
}

export function compileFilter(expr: Expr, scope: CompileScope): CompiledFilter {
  const compiled = new Compiler(scope).compile(expr, scope.entityType, undefined);
  const fn = compiled.fn;
  return { predicate: (row) => fn(row) === true, eqHint: findEqHint(expr, scope) };
}

export function compileValue(expr: Expr, scope: CompileScope): Compiled {
  return new Compiler(scope).compile(expr, scope.entityType, undefined);
}

function findEqHint(expr: Expr, scope: CompileScope): CompiledFilter['eqHint'] {
  if (expr.k === 'bin' && expr.op === 'and')
    return findEqHint(expr.left, scope) ?? findEqHint(expr.right, scope);
  if (expr.k !== 'bin' || expr.op !== 'eq') return undefined;
  const [path, lit] = expr.left.k === 'path' ? [expr.left, expr.right] : [expr.right, expr.left];
  if (path.k !== 'path' || lit.k !== 'lit' || path.segments.length !== 1) return undefined;
  const property = scope.entityType.propertyMap.get(path.segments[0]!);
  if (!property || property.complex || lit.value === null) return undefined;
  try {
    return {
      property: property.name,
      value: coerceLiteral(lit.value, lit.type, property.type, property.name),
    };
  } catch {
    return undefined;
  }
}

function coerceLiteral(value: Primitive, from: string, to: string, name: string): Primitive {
  if (value === null || from === to) return value;
  if (isNumericType(to) && typeof value === 'number') return value;
  if (isTemporalType(to) && typeof value === 'number') return value;
  try {
    return toInternal({ name, type: to, nullable: true, collection: false, complex: false }, value);
  } catch (error) {
    if (error instanceof ValueError) throw new ExpressionError(`${error.message} in the expression`);
    throw error;
  }
}

interface Variable {
  name: string;
  type: EdmEntityType;
}

class Compiler {
  constructor(private readonly scope: CompileScope) {}

  compile(expr: Expr, type: EdmEntityType, variable: Variable | undefined): Compiled {
    switch (expr.k) {
      case 'lit': {
        const value = expr.value;
        return { fn: () => value, type: expr.type, literal: true };
      }
      case 'path':
        return this.path(expr.segments, type, variable, expr.pos);
      case 'not': {
        const arg = this.compile(expr.arg, type, variable).fn;
        return { fn: (row) => arg(row) === false, type: 'Edm.Boolean' };
      }
      case 'neg': {
        const arg = this.compile(expr.arg, type, variable).fn;
        return { fn: (row) => negate(arg(row)), type: 'Edm.Double' };
      }
      case 'bin':
        return this.binary(expr.op, expr.left, expr.right, type, variable);
      case 'in':
        return this.in(expr.left, expr.items, type, variable);
      case 'call':
        return this.call(expr.name, expr.args, type, variable, expr.pos);
      case 'lambda':
        return this.lambda(expr, type, variable);
    }
  }

  private path(
    segments: string[],
    type: EdmEntityType,
    variable: Variable | undefined,
    pos: number,
  ): Compiled {
    let start = 0;
    let current: EdmEntityType = type;
    if (variable && segments[0] === variable.name) {
      start = 1;
      current = variable.type;
      if (segments.length === 1)
        throw new ExpressionError(`Lambda variable ${variable.name} needs a property path`);
    } else if (variable) {
      throw new ExpressionError(
        `Inside a lambda, paths start with the variable ${variable.name} (at position ${pos + 1})`,
      );
    }
    return this.walk(segments, start, current);
  }

  private walk(segments: string[], start: number, entityType: EdmEntityType): Compiled {
    const steps: ((value: unknown) => unknown)[] = [];
    let owner: EdmEntityType | EdmComplexType = entityType;
    let resultType = '';
    for (let i = start; i < segments.length; i++) {
      const name = segments[i]!;
      const property = owner.propertyMap.get(name);
      if (property) {
        steps.push((value) =>
          value === null || value === undefined ? null : ((value as Row)[name] ?? null),
        );
        resultType = property.type;
        if (property.complex && i < segments.length - 1) {
          const complex = this.scope.model.complexTypes.get(property.type);
          if (!complex)
            throw new ExpressionError(`Unknown complex type ${property.type} of property ${name}`);
          owner = complex;
        } else if (i < segments.length - 1) {
          throw new ExpressionError(`Property ${name} has no property ${segments[i + 1]!}`);
        }
        continue;
      }
      const nav = 'navigations' in owner ? owner.navigations.get(name) : undefined;
      if (!nav) throw new ExpressionError(`Property ${name} does not exist in type ${owner.name}`);
      if (nav.many)
        throw new ExpressionError(`Navigation property ${name} is a collection; use any/all or $expand`);
      const from = owner as EdmEntityType;
      const target = this.scope.model.entityTypes.get(nav.targetType);
      if (!target) throw new ExpressionError(`Unknown target type of navigation ${name}`);
      steps.push((value) => (value ? (this.scope.navigate(value as Row, from, nav)[0] ?? null) : null));
      owner = target;
      resultType = target.qualifiedName;
    }
    if (steps.length === 1 && start === 0) {
      const name = segments[0]!;
      return { fn: (row) => row[name] ?? null, type: resultType, property: name };
    }
    return {
      fn: (row) => steps.reduce<unknown>((value, step) => step(value), row),
      type: resultType,
    };
  }

  private binary(
    op: BinaryOp,
    l: Expr,
    r: Expr,
    type: EdmEntityType,
    variable: Variable | undefined,
  ): Compiled {
    let left = this.compile(l, type, variable);
    let right = this.compile(r, type, variable);
    if (op === 'and' || op === 'or') return logical(op, left.fn, right.fn);
    if (right.literal && !left.literal) right = this.coerced(right, left.type, l);
    else if (left.literal && !right.literal) left = this.coerced(left, right.type, r);
    const compare = COMPARISONS[op];
    if (compare) return comparison(compare, left, right);
    return arithmetic(op, left.fn, right.fn);
  }

  private coerced(literal: Compiled, targetType: string, other: Expr): Compiled {
    if (!targetType.startsWith('Edm.')) return literal;
    const value = literal.fn({}) as Primitive;
    const name = other.k === 'path' ? other.segments.join('/') : 'the expression';
    const coerced = coerceLiteral(value, literal.type, targetType, name);
    return { fn: () => coerced, type: targetType, literal: true };
  }

  private in(l: Expr, items: Expr[], type: EdmEntityType, variable: Variable | undefined): Compiled {
    const left = this.compile(l, type, variable);
    const values = new Set(
      items.map((item) => this.coerced(this.compile(item, type, variable), left.type, l).fn({})),
    );
    return { fn: (row) => values.has(left.fn(row)), type: 'Edm.Boolean' };
  }

  private call(
    name: string,
    args: Expr[],
    type: EdmEntityType,
    variable: Variable | undefined,
    pos: number,
  ): Compiled {
    const spec = FUNCTIONS[name];
    if (!spec || !spec.versions.includes(this.scope.version)) {
      throw new ExpressionError(
        `Unknown function ${name} at position ${pos + 1} (OData ${this.scope.version.toUpperCase()})`,
      );
    }
    if (args.length < spec.min || args.length > spec.max) {
      const arity = spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`;
      throw new ExpressionError(`Function ${name} takes ${arity} arguments, got ${args.length}`);
    }
    const fns = args.map((arg) => this.compile(arg, type, variable).fn);
    const impl = spec.fn;
    if (fns.length === 2) {
      const [a, b] = fns as [Evaluator, Evaluator];
      return { fn: (row) => impl([a(row), b(row)]), type: spec.type };
    }
    return { fn: (row) => impl(fns.map((f) => f(row))), type: spec.type };
  }

  private lambda(
    expr: Extract<Expr, { k: 'lambda' }>,
    type: EdmEntityType,
    variable: Variable | undefined,
  ): Compiled {
    const [navName, ...rest] = variable && expr.path[0] === variable.name ? expr.path.slice(1) : expr.path;
    const owner = variable && expr.path[0] === variable.name ? variable.type : type;
    const nav = navName === undefined ? undefined : owner.navigations.get(navName);
    if (!nav || rest.length > 0) {
      throw new ExpressionError(
        `${expr.op}() needs a collection navigation property, got ${expr.path.join('/')}`,
      );
    }
    const target = this.scope.model.entityTypes.get(nav.targetType);
    if (!target) throw new ExpressionError(`Unknown target type of navigation ${nav.name}`);
    const navigate = (row: Row): Row[] => this.scope.navigate(row, owner, nav);
    if (!expr.body || !expr.variable) return { fn: (row) => navigate(row).length > 0, type: 'Edm.Boolean' };
    const body = this.compile(expr.body, target, { name: expr.variable, type: target }).fn;
    const fn: Evaluator =
      expr.op === 'any'
        ? (row) => navigate(row).some((t) => body(t) === true)
        : (row) => navigate(row).every((t) => body(t) === true);
    return { fn, type: 'Edm.Boolean' };
  }
}

type Compare = (a: unknown, b: unknown) => boolean;
const ordered =
  (test: (a: number | string | boolean, b: number | string | boolean) => boolean): Compare =>
  (a, b) =>
    a !== null && b !== null && a !== undefined && b !== undefined && test(a as number, b as number);

const COMPARISONS: Partial<Record<BinaryOp, Compare>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: ordered((a, b) => a > b),
  ge: ordered((a, b) => a >= b),
  lt: ordered((a, b) => a < b),
  le: ordered((a, b) => a <= b),
};

function comparison(compare: Compare, left: Compiled, right: Compiled): Compiled {
  const l = left.fn;
  if (right.literal) {
    const value = right.fn({});
    // `Property eq 'x'` is the hot path: one property read and one comparison per row.
    if (compare === COMPARISONS.eq && left.property) {
      const name = left.property;
      return { fn: (row) => (row[name] ?? null) === value, type: 'Edm.Boolean' };
    }
    return { fn: (row) => compare(l(row), value), type: 'Edm.Boolean' };
  }
  const r = right.fn;
  return { fn: (row) => compare(l(row), r(row)), type: 'Edm.Boolean' };
}

function logical(op: 'and' | 'or', l: Evaluator, r: Evaluator): Compiled {
  const fn: Evaluator =
    op === 'and' ? (row) => l(row) === true && r(row) === true : (row) => l(row) === true || r(row) === true;
  return { fn, type: 'Edm.Boolean' };
}

function negate(value: unknown): unknown {
  return typeof value === 'number' ? -value : null;
}

function arithmetic(op: BinaryOp, l: Evaluator, r: Evaluator): Compiled {
  const apply = ARITHMETIC[op];
  if (!apply) throw new ExpressionError(`Operator ${op} is not supported here`);
  return {
    fn: (row) => {
      const a = l(row);
      const b = r(row);
      return typeof a === 'number' && typeof b === 'number' ? apply(a, b) : null;
    },
    type: 'Edm.Double',
  };
}

const ARITHMETIC: Partial<Record<BinaryOp, (a: number, b: number) => number | null>> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => (b === 0 ? null : a / b),
  divby: (a, b) => (b === 0 ? null : a / b),
  mod: (a, b) => (b === 0 ? null : a % b),
};
