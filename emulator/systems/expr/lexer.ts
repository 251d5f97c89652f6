// Tokens of the OData URL expression language ($filter, $orderby, keys, function parameters), V2 and V4
// literal syntaxes both: V2 prefixes (datetime'…', guid'…', 12M, 3L), V4 bare dates, GUIDs and durations.
import type { ODataVersion } from '../edm/model.js';
import type { Primitive } from '../edm/values.js';
import { parseTemporal } from '../edm/values.js';

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

export type Token =
  | { t: 'lit'; value: Primitive; type: string; pos: number }
  | { t: 'id'; value: string; pos: number }
  | { t: 'punct'; value: '(' | ')' | ',' | '/' | ':' | '-' | '*'; pos: number }
  | { t: 'end'; pos: number };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const V4_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/;
const V4_DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const V4_TIME = /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?![\d])/;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?([mMlLdDfF])?(?![A-Za-z0-9_])/;
const IDENT = /^[A-Za-z_$@][A-Za-z0-9_.$@]*/;
const PUNCT = new Set(['(', ')', ',', '/', ':', '-', '*']);

const PREFIXED: Record<string, string> = {
  datetime: 'Edm.DateTime',
  datetimeoffset: 'Edm.DateTimeOffset',
  guid: 'Edm.Guid',
  time: 'Edm.Time',
  duration: 'Edm.Duration',
  binary: 'Edm.Binary',
  x: 'Edm.Binary',
};

export function tokenize(text: string, version: ODataVersion): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos++;
      continue;
    }
    const rest = text.slice(pos);
    const token = readToken(rest, pos, version, tokens[tokens.length - 1]);
    tokens.push(token.token);
    pos += token.length;
  }
  tokens.push({ t: 'end', pos });
  return tokens;
}

function readToken(
  rest: string,
  pos: number,
  version: ODataVersion,
  previous: Token | undefined,
): { token: Token; length: number } {
  const ch = rest[0]!;
  if (ch === "'") {
    const { value, length } = readQuoted(rest, pos);
    return { token: { t: 'lit', value, type: 'Edm.String', pos }, length };
  }
  if (version === 'v4') {
    const typed = readV4Bare(rest, pos);
    if (typed) return typed;
  }
  // `-` right before a number is the literal's sign unless it follows a value (then it is `sub`, spelled out).
  if (ch === '-' && /^-\d/.test(rest) && !(previous && (previous.t === 'lit' || previous.t === 'id'))) {
    const n = readNumber(rest.slice(1), pos, true);
    if (n && n.token.t === 'lit')
      return { token: { ...n.token, value: -(n.token.value as number) }, length: n.length + 1 };
  }
  if (/\d/.test(ch)) {
    const n = readNumber(rest, pos);
    if (n) return n;
    throw new ExpressionError(`Invalid number at position ${pos + 1}: ${rest.slice(0, 20)}`);
  }
  const id = IDENT.exec(rest);
  if (id) {
    const word = id[0];
    const prefixType = PREFIXED[word.toLowerCase()];
    if (prefixType && rest[word.length] === "'") {
      const { value, length } = readQuoted(rest.slice(word.length), pos + word.length);
      return { token: typedLiteral(prefixType, value, pos), length: word.length + length };
    }
    return { token: keywordOrIdent(word, pos), length: word.length };
  }
  if (PUNCT.has(ch)) return { token: { t: 'punct', value: ch as '(', pos }, length: 1 };
  throw new ExpressionError(`Unexpected character '${ch}' at position ${pos + 1}`);
}

function keywordOrIdent(word: string, pos: number): Token {
  if (word === 'true' || word === 'false')
    return { t: 'lit', value: word === 'true', type: 'Edm.Boolean', pos };
  if (word === 'null') return { t: 'lit', value: null, type: 'null', pos };
  return { t: 'id', value: word, pos };
}

function readQuoted(rest: string, pos: number): { value: string; length: number } {
  let i = 1;
  let value = '';
  for (;;) {
    const close = rest.indexOf("'", i);
    if (close < 0) throw new ExpressionError(`Unterminated string literal starting at position ${pos + 1}`);
    value += rest.slice(i, close);
    if (rest[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    return { value, length: close + 1 };
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT32_MAX = 2 ** 31 - 1;

/** `negative`: the literal had a leading `-` (read separately), which matters for the Int64 range. */
function readNumber(
  rest: string,
  pos: number,
  negative = false,
): { token: Token; length: number } | undefined {
  const match = NUMBER.exec(rest);
  if (!match) return undefined;
  const suffix = match[1]?.toLowerCase();
  const text = suffix ? match[0].slice(0, -1) : match[0];
  const integer = suffix === 'l' || (suffix === undefined && !/[.eE]/.test(text));
  if (integer) checkInt64(text, pos, negative);
  const value = Number(text);
  const type =
    suffix === 'm'
      ? 'Edm.Decimal'
      : suffix === 'l' || (integer && value > INT32_MAX + (negative ? 1 : 0))
        ? 'Edm.Int64'
        : suffix === 'd' || suffix === 'f' || !integer
          ? 'Edm.Double'
          : 'Edm.Int32';
  return { token: { t: 'lit', value, type, pos }, length: match[0].length };
}

/** An integer literal is Edm.Int64 at most: a longer one is an error, not a silently rounded double. */
function checkInt64(digits: string, pos: number, negative: boolean): void {
  const value = negative ? -BigInt(digits) : BigInt(digits);
  if (value < INT64_MIN || value > INT64_MAX) {
    throw new ExpressionError(
      `Integer literal ${negative ? '-' : ''}${digits} at position ${pos + 1} is out of the Edm.Int64 range`,
    );
  }
}

function readV4Bare(rest: string, pos: number): { token: Token; length: number } | undefined {
  const guid = GUID.exec(rest);
  if (guid) return { token: typedLiteral('Edm.Guid', guid[0], pos), length: guid[0].length };
  const dateTime = V4_DATETIME.exec(rest);
  if (dateTime)
    return { token: typedLiteral('Edm.DateTimeOffset', dateTime[0], pos), length: dateTime[0].length };
  const date = V4_DATE.exec(rest);
  if (date) return { token: typedLiteral('Edm.Date', date[0], pos), length: date[0].length };
  const time = V4_TIME.exec(rest);
  if (time)
    return { token: { t: 'lit', value: time[0], type: 'Edm.TimeOfDay', pos }, length: time[0].length };
  return undefined;
}

function typedLiteral(type: string, text: string, pos: number): Token {
  if (type === 'Edm.Guid') {
    if (!GUID.test(text) || text.length !== 36)
      throw new ExpressionError(`Invalid guid literal '${text}' at position ${pos + 1}`);
    return { t: 'lit', value: text.toLowerCase(), type, pos };
  }
  if (type === 'Edm.DateTime' || type === 'Edm.DateTimeOffset' || type === 'Edm.Date') {
    const ms = parseTemporal(text);
    if (ms === undefined)
      throw new ExpressionError(`Invalid ${type} literal '${text}' at position ${pos + 1}`);
    return { t: 'lit', value: ms, type, pos };
  }
  return { t: 'lit', value: text, type, pos };
}
