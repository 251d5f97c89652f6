// AST → closures over rows, resolved against the entity type once: unknown properties, wrong arity and
// unconvertible literals fail here with a message naming them, and evaluation is plain JS per row.
import type { EdmComplexType, EdmEntityType, EdmModel, EdmNavigation, ODataVersion } from '../edm/model.js';
import { isNumericType, isTemporalType, toInternal, ValueError, type Primitive } from '../edm/values.js';
import { FUNCTIONS } from './functions.js';
import { ExpressionError } from './lexer.js';
import {
  arithmetic,
  comparison,
  COMPARISONS,
  levelOver,
  logical,
  type Compiled,
  type Evaluator,
  type Row,
} from './operators.js';
import type { Expr } from './parser.js';

export type { Evaluator, Row } from './operators.js';

export interface CompileScope {
  version: ODataVersion;
  model: EdmModel;
  entityType: EdmEntityType;
  /** Rows a navigation leads to from a row (empty for none). */
  navigate(row: Row, from: EdmEntityType, nav: EdmNavigation): Row[];
  /** The query option compiled (`$filter`), named by errors raised while rows are evaluated. */
  option?: string;
}

type BinaryExpr = Extract<Expr, { k: 'bin' }>;

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

/** The first `Property eq literal` among the top-level `and` operands, left to right, without recursion. */
function findEqHint(expr: Expr, scope: CompileScope): CompiledFilter['eqHint'] {
  const pending: Expr[] = [expr];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.k === 'bin' && next.op === 'and') pending.push(next.right, next.left);
    else {
      const hint = eqHint(next, scope);
      if (hint) return hint;
    }
  }
  return undefined;
}

function eqHint(expr: Expr, scope: CompileScope): CompiledFilter['eqHint'] {
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
        return { fn: () => value, type: expr.type, literal: true, depth: 1 };
      }
      case 'path':
        return this.path(expr.segments, type, variable, expr.pos);
      case 'not': {
        const arg = this.compile(expr.arg, type, variable);
        const fn = arg.fn;
        return { fn: (row) => fn(row) === false, type: 'Edm.Boolean', depth: levelOver([arg]) };
      }
      case 'neg': {
        const arg = this.compile(expr.arg, type, variable);
        const fn = arg.fn;
        const numeric = isNumericType(arg.type) ? arg.type : 'Edm.Double';
        return { fn: (row) => negate(fn(row)), type: numeric, depth: levelOver([arg]) };
      }
      case 'bin':
        return this.binary(expr, type, variable);
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
      return { fn: (row) => row[name] ?? null, type: resultType, property: name, depth: 1 };
    }
    return {
      fn: (row) => steps.reduce<unknown>((value, step) => step(value), row),
      type: resultType,
      depth: 1,
    };
  }

  /**
   * Binary operators associate to the left, so `a or b or c …` is a left spine as long as the request:
   * walked in a loop here, with each right operand (bounded by the parser's nesting limit) compiled
   * on its own.
   */
  private binary(expr: BinaryExpr, type: EdmEntityType, variable: Variable | undefined): Compiled {
    const spine: BinaryExpr[] = [];
    let node: Expr = expr;
    for (; node.k === 'bin'; node = node.left) spine.push(node);
    let left = this.compile(node, type, variable);
    let leftExpr: Expr = node;
    for (let i = spine.length - 1; i >= 0; i--) {
      const bin = spine[i]!;
      left = this.operator(bin, left, leftExpr, this.compile(bin.right, type, variable));
      leftExpr = bin;
    }
    return left;
  }

  private operator(bin: BinaryExpr, leftIn: Compiled, l: Expr, rightIn: Compiled): Compiled {
    const { op, right: r } = bin;
    if (op === 'and' || op === 'or') return logical(op, leftIn, rightIn);
    let left = leftIn;
    let right = rightIn;
    if (right.literal && !left.literal) right = this.coerced(right, left.type, l);
    else if (left.literal && !right.literal) left = this.coerced(left, right.type, r);
    const compare = COMPARISONS[op];
    if (compare) return comparison(compare, left, right);
    const site = { op, pos: bin.pos, option: this.scope.option };
    return arithmetic(site, left, right, this.scope.version);
  }

  private coerced(literal: Compiled, targetType: string, other: Expr): Compiled {
    if (!targetType.startsWith('Edm.')) return literal;
    const value = literal.fn({}) as Primitive;
    const name = other.k === 'path' ? other.segments.join('/') : 'the expression';
    const coerced = coerceLiteral(value, literal.type, targetType, name);
    return { fn: () => coerced, type: targetType, literal: true, depth: 1 };
  }

  private in(l: Expr, items: Expr[], type: EdmEntityType, variable: Variable | undefined): Compiled {
    const left = this.compile(l, type, variable);
    const compiled = items.map((item) => this.coerced(this.compile(item, type, variable), left.type, l));
    const values = new Set(compiled.map((item) => item.fn({})));
    const fn = left.fn;
    return { fn: (row) => values.has(fn(row)), type: 'Edm.Boolean', depth: levelOver([left, ...compiled]) };
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
    const compiled = args.map((arg) => this.compile(arg, type, variable));
    const fns = compiled.map((arg) => arg.fn);
    const impl = spec.fn;
    const depth = levelOver(compiled);
    if (fns.length === 2) {
      const [a, b] = fns as [Evaluator, Evaluator];
      return { fn: (row) => impl([a(row), b(row)]), type: spec.type, depth };
    }
    return { fn: (row) => impl(fns.map((f) => f(row))), type: spec.type, depth };
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
    if (!expr.body || !expr.variable)
      return { fn: (row) => navigate(row).length > 0, type: 'Edm.Boolean', depth: 1 };
    const compiled = this.compile(expr.body, target, { name: expr.variable, type: target });
    const body = compiled.fn;
    const fn: Evaluator =
      expr.op === 'any'
        ? (row) => navigate(row).some((t) => body(t) === true)
        : (row) => navigate(row).every((t) => body(t) === true);
    return { fn, type: 'Edm.Boolean', depth: levelOver([compiled]) };
  }
}

function negate(value: unknown): unknown {
  return typeof value === 'number' ? -value : null;
}
