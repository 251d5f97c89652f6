// The resource path after the service root, split into segments with their key predicates:
// `A_Set(BusinessPartner='1%2F2',AddressID='7')/to_X` → [{name, key}, {name}]. Segments are split
// before percent-decoding so an encoded `/` inside a key stays part of the key.
import type { ODataVersion } from '../edm/model.js';
import type { Primitive } from '../edm/values.js';
import type { ExpressionError } from '../expr/lexer.js';
import { tokenize, type Token } from '../expr/lexer.js';
import { badRequest } from '../odata/errors.js';

export interface PathSegment {
  name: string;
  /** Raw text inside the parentheses (decoded), when present. */
  keyText?: string;
}

export interface KeyPredicate {
  /** Positional single value `('1')`. */
  single?: { value: Primitive; type: string };
  named: Map<string, { value: Primitive; type: string }>;
}

export function splitPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  const push = (end: number): void => {
    if (end > start) segments.push(segment(path.slice(start, end)));
    start = end + 1;
  };
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (ch === '/' && depth === 0 && !quoted) push(i);
  }
  push(path.length);
  return segments;
}

function segment(raw: string): PathSegment {
  const open = raw.indexOf('(');
  if (open < 0) return { name: decode(raw) };
  if (!raw.endsWith(')')) throw badRequest(`Malformed resource path segment '${decode(raw)}': missing ')'`);
  return { name: decode(raw.slice(0, open)), keyText: decode(raw.slice(open + 1, -1)) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw badRequest(`Malformed percent-encoding in resource path '${text}'`);
  }
}

/** Parses `'1'` or `A='1',B=2`. */
export function parseKeyPredicate(text: string, version: ODataVersion): KeyPredicate {
  if (/^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/.test(text)) return parseNamedByHand(text, version);
  let tokens: Token[];
  try {
    tokens = tokenize(text, version);
  } catch (error) {
    throw badRequest(`Invalid key predicate (${text}): ${(error as ExpressionError).message}`);
  }
  const first = tokens[0]!;
  if (first.t !== 'lit' || tokens[1]?.t !== 'end')
    throw badRequest(`Invalid key predicate (${text}): expected a literal`);
  return { single: { value: first.value, type: first.type }, named: new Map() };
}

function parseNamedByHand(text: string, version: ODataVersion): KeyPredicate {
  const named = new Map<string, { value: Primitive; type: string }>();
  let rest = text;
  while (rest.length > 0) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(rest);
    if (!match) throw badRequest(`Invalid key predicate (${text}): expected Name=value`);
    rest = rest.slice(match[0].length);
    const end = literalEnd(rest);
    const literalText = rest.slice(0, end).trim();
    let tokens: Token[];
    try {
      tokens = tokenize(literalText, version);
    } catch (error) {
      throw badRequest(`Invalid key predicate (${text}): ${(error as Error).message}`);
    }
    const literal = tokens[0];
    if (literal?.t !== 'lit' || tokens[1]?.t !== 'end') {
      throw badRequest(`Invalid key predicate (${text}): the value of ${match[1]!} is not a literal`);
    }
    named.set(match[1]!, { value: literal.value, type: literal.type });
    rest = rest.slice(end);
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (rest.trim() !== '') throw badRequest(`Invalid key predicate (${text})`);
  }
  return { named };
}

/** Index of the first top-level comma (outside quotes) or the end. */
function literalEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) return i;
  }
  return text.length;
}
