// A Pratt parser for OData boolean/common expressions. It produces a small AST; compile.ts turns it into
// closures once per request, so evaluating a row never walks the tree or re-parses anything.
import type { ODataVersion } from '../edm/model.js';
import type { Primitive } from '../edm/values.js';
import { ExpressionError, tokenize, type Token } from './lexer.js';

export type BinaryOp =
  | 'and'
  | 'or'
  | 'eq'
  | 'ne'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'divby'
  | 'mod'
  | 'has';

export type Expr =
  | { k: 'lit'; value: Primitive; type: string }
  | { k: 'path'; segments: string[]; pos: number }
  | { k: 'bin'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { k: 'in'; left: Expr; items: Expr[] }
  | { k: 'not'; arg: Expr }
  | { k: 'neg'; arg: Expr }
  | { k: 'call'; name: string; args: Expr[]; pos: number }
  | { k: 'lambda'; path: string[]; op: 'any' | 'all'; variable?: string; body?: Expr; pos: number };

const BINDING: Record<string, number> = {
  or: 1,
  and: 2,
  eq: 3,
  ne: 3,
  gt: 4,
  ge: 4,
  lt: 4,
  le: 4,
  has: 5,
  in: 5,
  add: 6,
  sub: 6,
  mul: 7,
  div: 7,
  divby: 7,
  mod: 7,
};
const V4_ONLY = new Set(['in', 'has', 'divby']);

/**
 * Nesting levels (parentheses, `not`, `-`, function arguments, lambdas, operands of a tighter
 * operator) one expression may have. Parsing and compiling recurse per level, so without a bound
 * 10,000 parentheses exhaust the stack. Chains of one operator (`a or b or …`) are not nesting: they
 * are built in a loop and may be as long as the request allows.
 */
export const MAX_NESTING = 100;

export function parseExpression(text: string, version: ODataVersion): Expr {
  if (text.trim() === '') throw new ExpressionError('The expression is empty');
  const parser = new Parser(tokenize(text, version), version);
  const expr = parser.expression(0);
  parser.expectEnd();
  return expr;
}

/** Parses `a,b desc,c asc` into expressions with directions ($orderby). */
export function parseOrderBy(text: string, version: ODataVersion): { expr: Expr; desc: boolean }[] {
  const parser = new Parser(tokenize(text, version), version);
  const items: { expr: Expr; desc: boolean }[] = [];
  for (;;) {
    const expr = parser.expression(0);
    const direction = parser.peekWord();
    if (direction === 'asc' || direction === 'desc') parser.next();
    items.push({ expr, desc: direction === 'desc' });
    if (!parser.acceptPunct(',')) break;
  }
  parser.expectEnd();
  return items;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly version: ODataVersion,
  ) {}

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  next(): Token {
    return this.tokens[this.index++]!;
  }

  peekWord(): string | undefined {
    const token = this.peek();
    return token.t === 'id' ? token.value : undefined;
  }

  acceptPunct(value: string): boolean {
    const token = this.peek();
    if (token.t === 'punct' && token.value === value) {
      this.index++;
      return true;
    }
    return false;
  }

  private expectPunct(value: string): void {
    if (!this.acceptPunct(value)) throw this.unexpected(`expected '${value}'`);
  }

  expectEnd(): void {
    if (this.peek().t !== 'end') throw this.unexpected('expected the end of the expression');
  }

  private unexpected(why: string): ExpressionError {
    const token = this.peek();
    const what =
      token.t === 'end'
        ? 'the end of the expression'
        : `'${token.t === 'lit' ? String(token.value) : token.value}'`;
    return new ExpressionError(`Syntax error at position ${token.pos + 1}: ${why}, found ${what}`);
  }

  expression(minPower: number): Expr {
    if (++this.depth > MAX_NESTING) {
      throw new ExpressionError(
        `The expression is nested too deeply at position ${this.peek().pos + 1} (limit ${MAX_NESTING} levels)`,
      );
    }
    try {
      return this.operators(this.prefix(), minPower);
    } finally {
      this.depth--;
    }
  }

  /** Left-associative: `a or b or c` loops here and nests only to the left, never deeper on the stack. */
  private operators(first: Expr, minPower: number): Expr {
    let left = first;
    for (;;) {
      const op = this.peekWord();
      const power = op === undefined ? undefined : BINDING[op];
      if (op === undefined || power === undefined || power <= minPower) return left;
      if (this.version === 'v2' && V4_ONLY.has(op)) throw this.unexpected(`operator ${op} is OData V4 only`);
      const pos = this.next().pos;
      if (op === 'in') {
        left = { k: 'in', left, items: this.list() };
        continue;
      }
      left = { k: 'bin', op: op as BinaryOp, left, right: this.expression(power), pos };
    }
  }

  private list(): Expr[] {
    this.expectPunct('(');
    const items = [this.expression(0)];
    while (this.acceptPunct(',')) items.push(this.expression(0));
    this.expectPunct(')');
    return items;
  }

  private prefix(): Expr {
    const token = this.next();
    if (token.t === 'lit') return { k: 'lit', value: token.value, type: token.type };
    if (token.t === 'punct') {
      if (token.value === '(') {
        const inner = this.expression(0);
        this.expectPunct(')');
        return inner;
      }
      if (token.value === '-') return { k: 'neg', arg: this.expression(8) };
      this.index--;
      throw this.unexpected('expected a value');
    }
    if (token.t === 'end') {
      this.index--;
      throw this.unexpected('expected a value');
    }
    if (token.value === 'not') return { k: 'not', arg: this.expression(8) };
    if (this.acceptPunct('(')) return this.call(token.value, token.pos);
    return this.path(token.value, token.pos);
  }

  private call(name: string, pos: number): Expr {
    const args: Expr[] = [];
    if (!this.acceptPunct(')')) {
      args.push(this.expression(0));
      while (this.acceptPunct(',')) args.push(this.expression(0));
      this.expectPunct(')');
    }
    return { k: 'call', name, args, pos };
  }

  private path(first: string, pos: number): Expr {
    const segments = [first];
    while (this.acceptPunct('/')) {
      const token = this.next();
      if (token.t !== 'id') {
        this.index--;
        throw this.unexpected('expected a property name after /');
      }
      if ((token.value === 'any' || token.value === 'all') && this.acceptPunct('(')) {
        return this.lambda(segments, token.value, pos);
      }
      segments.push(token.value);
    }
    return { k: 'path', segments, pos };
  }

  private lambda(path: string[], op: 'any' | 'all', pos: number): Expr {
    if (this.version === 'v2') throw new ExpressionError(`Lambda operator ${op} is OData V4 only`);
    if (this.acceptPunct(')')) {
      if (op === 'all') throw new ExpressionError(`all() needs a lambda expression at position ${pos + 1}`);
      return { k: 'lambda', path, op, pos };
    }
    const variable = this.next();
    if (variable.t !== 'id')
      throw new ExpressionError(`Expected a lambda variable at position ${variable.pos + 1}`);
    this.expectPunct(':');
    const body = this.expression(0);
    this.expectPunct(')');
    return { k: 'lambda', path, op, variable: variable.value, body, pos };
  }
}
