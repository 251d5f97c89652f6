// OData V4 `$search` (URL Conventions 5.1.7, ABNF `searchExpr`): words and "phrases" (with \" and \\
// escapes), implicit or explicit AND, OR, NOT and parentheses; NOT binds tighter than AND, AND than OR.
// A term matches an entity when any of its string properties contains it, ignoring case. Parentheses
// are the only nesting, and they are bounded like $filter's.
import { ExpressionError } from './lexer.js';
import { MAX_NESTING } from './parser.js';

export type SearchMatch = (term: string) => boolean;

type Token =
  | { t: 'term'; value: string; pos: number }
  | { t: 'op'; value: 'AND' | 'OR' | 'NOT' | '(' | ')'; pos: number }
  | { t: 'end'; pos: number };

type Node = { k: 'term'; value: string } | { k: 'not'; arg: Node } | { k: 'and' | 'or'; args: Node[] };

/** Parses `$search`; the result tells whether a row matches, given how one term matches it. */
export function parseSearch(text: string): (matches: SearchMatch) => boolean {
  const parser = new SearchParser(tokenize(text));
  const node = parser.or();
  parser.expectEnd();
  return (matches) => evaluate(node, matches);
}

function evaluate(node: Node, matches: SearchMatch): boolean {
  switch (node.k) {
    case 'term':
      return matches(node.value);
    case 'not':
      return !evaluate(node.arg, matches);
    case 'and':
      return node.args.every((arg) => evaluate(arg, matches));
    case 'or':
      return node.args.some((arg) => evaluate(arg, matches));
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos]!;
    if (/\s/.test(ch)) pos++;
    else if (ch === '(' || ch === ')') tokens.push({ t: 'op', value: ch, pos: pos++ });
    else if (ch === '"') {
      const phrase = readPhrase(text, pos);
      tokens.push({ t: 'term', value: phrase.value, pos });
      pos = phrase.end;
    } else {
      const word = /^[^\s()"]+/.exec(text.slice(pos))![0];
      const op = word === 'AND' || word === 'OR' || word === 'NOT' ? word : undefined;
      tokens.push(op ? { t: 'op', value: op, pos } : { t: 'term', value: word, pos });
      pos += word.length;
    }
  }
  tokens.push({ t: 'end', pos });
  return tokens;
}

function readPhrase(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (value === '') throw new ExpressionError(`Empty search phrase at position ${start + 1}`);
      return { value, end: i + 1 };
    }
    if (ch === '\\') {
      const escaped = text[++i];
      if (escaped !== '"' && escaped !== '\\')
        throw new ExpressionError(`Invalid escape in the search phrase at position ${i}: use \\" or \\\\`);
      value += escaped;
    } else value += ch;
  }
  throw new ExpressionError(`Unterminated search phrase starting at position ${start + 1}: missing '"'`);
}

class SearchParser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token.t === 'op' && token.value === value;
  }

  expectEnd(): void {
    if (this.peek().t !== 'end') throw this.unexpected('expected the end of the search expression');
  }

  private unexpected(why: string): ExpressionError {
    const token = this.peek();
    const found = token.t === 'end' ? 'the end' : `'${token.value}'`;
    return new ExpressionError(`Search syntax error at position ${token.pos + 1}: ${why}, found ${found}`);
  }

  or(): Node {
    const args = [this.and()];
    while (this.isOp('OR')) {
      this.index++;
      args.push(this.and());
    }
    return args.length === 1 ? args[0]! : { k: 'or', args };
  }

  /** Terms side by side are ANDed, with or without the keyword. */
  private and(): Node {
    const args = [this.unary()];
    for (;;) {
      if (this.isOp('AND')) this.index++;
      else if (this.peek().t === 'end' || this.isOp('OR') || this.isOp(')')) break;
      args.push(this.unary());
    }
    return args.length === 1 ? args[0]! : { k: 'and', args };
  }

  private unary(): Node {
    let negations = 0;
    for (; this.isOp('NOT'); this.index++) negations++;
    const node = this.primary();
    return negations % 2 === 1 ? { k: 'not', arg: node } : node;
  }

  private primary(): Node {
    const token = this.peek();
    if (token.t === 'term') {
      this.index++;
      return { k: 'term', value: token.value.toLowerCase() };
    }
    if (!this.isOp('(')) throw this.unexpected('expected a search word or phrase');
    if (++this.depth > MAX_NESTING)
      throw new ExpressionError(
        `The search expression is nested too deeply at position ${token.pos + 1} (limit ${MAX_NESTING} levels)`,
      );
    this.index++;
    const inner = this.or();
    if (!this.isOp(')')) throw this.unexpected("expected ')'");
    this.index++;
    this.depth--;
    return inner;
  }
}
