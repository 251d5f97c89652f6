// Mutation operators shared by the generators: strings (control characters, non-Latin-1 text,
// percent-encodings, dot-segments, huge values), JSON values (wrong types, nulls, deep nesting) and
// raw bytes. Generators start from a valid request and apply a few of these.
import type { Rng } from './rng.js';

/** Pieces that broke parsers somewhere: header injection, NUL, non-Latin-1, bad encodings, traversal. */
export const NASTY = [
  '\r\n',
  '\r',
  '\n',
  '\0',
  '\t',
  '\x7f',
  '\x1b',
  '\u0100',
  'Ā',
  '\u2028',
  '\uFEFF',
  '\uD800',
  '😀',
  'é',
  '%',
  '%0',
  '%00',
  '%0d%0a',
  '%0D%0A',
  '%C4%80',
  '%ff%fe',
  '%c0%ae',
  '%e0%80%ae',
  '%2e%2e',
  '%2f',
  '%5c',
  '%25',
  '%zz',
  '..',
  '../',
  '..\\',
  '..;/',
  '\\',
  '//',
  '/./',
  ';',
  '"',
  "'",
  "''",
  '<script>',
  ' ',
  '+',
  '&',
  '=',
  '#',
  '?',
  '@',
  ':',
  '*',
  '$',
  '(',
  ')',
  ',',
  '{}',
  '[]',
  '-1',
  '0',
  '1e309',
  '9223372036854775808',
  'null',
  '__proto__',
  'constructor',
] as const;

/** Lengths around the limits the listeners have (8 KB heads, 16 KB node:http heads, 64 KB bodies). */
export const HUGE_SIZES = [1024, 8190, 8193, 16_385, 65_537, 70_000] as const;

export function huge(rng: Rng): string {
  const unit = rng.pick(['a', 'Ā', '%41', '\\', '(', '🙂', 'x/']);
  return unit.repeat(Math.ceil(rng.pick(HUGE_SIZES) / unit.length));
}

/** Every character percent-encoded (UTF-8), in upper or lower hex. */
export function percentAll(value: string, lower = false): string {
  const hex = [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`);
  const out = hex.join('');
  return lower ? out : out.toUpperCase();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent that also takes lone surrogates (sent as the UTF-8 of U+FFFD, as a browser does). */
export function enc(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

/**
 * Request targets a URL parser may choke on: scheme-relative (`//`), absolute, authority and asterisk
 * forms, empty hosts and bad ports, a path with its first slash missing.
 */
export function oddTarget(rng: Rng, target: string): string {
  const path = target.startsWith('/') ? target : `/${target}`;
  return rng.pick([
    '//',
    '///',
    '//[',
    `/${path}`,
    `//a:99999${path}`,
    `//%zz${path}`,
    'http://',
    `http://127.0.0.1${path}`,
    `HTTP://x${path}`,
    '*',
    'localhost:80',
    path.slice(1),
    `${path}#frag`,
    `/.${path}`,
    `/%2F${path}`,
    `\\${path}`,
  ]);
}

/** Now and then, the target replaced by an odd one (see oddTarget). */
export function maybeOddTarget<T extends { target: string }>(rng: Rng, spec: T, p = 0.04): T {
  return rng.chance(p) ? { ...spec, target: oddTarget(rng, spec.target) } : spec;
}

/** One change to a string. */
export function mutateString(rng: Rng, value: string): string {
  const at = rng.int(value.length + 1);
  const piece = (): string => rng.pick(NASTY);
  switch (rng.int(12)) {
    case 0:
      return value.slice(0, at) + piece() + value.slice(at);
    case 1:
      return piece();
    case 2:
      return value + piece();
    case 3:
      return value.slice(0, at);
    case 4:
      return value + huge(rng);
    case 5:
      return value.length > 4096 ? value.slice(at) : percentAll(value, rng.chance(0.5));
    case 6:
      return value.length > 4096 ? value.slice(0, at) : enc(enc(value));
    case 7:
      return value.length > 4096 ? value : value.repeat(rng.range(2, 5));
    case 8:
      return '';
    case 9:
      return (
        value.slice(0, at) + rng.string(rng.range(1, 8), '\x00\x01\x7f\x80\xff\u0100\u2028') + value.slice(at)
      );
    case 10:
      return value.toUpperCase();
    default:
      return value.slice(0, at) + piece() + piece() + value.slice(at);
  }
}

/** Up to `n` changes to a string. */
export function mutateStringN(rng: Rng, value: string, n = 3): string {
  let out = value;
  for (let i = rng.range(1, n); i > 0; i--) out = mutateString(rng, out);
  return out;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Nested arrays or objects `depth` levels deep, as JSON text (too deep for recursive walkers). */
export function deepJsonText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A value of another type than the one expected. */
export function oddValue(rng: Rng): Json {
  return rng.pick<() => Json>([
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1e308,
    () => 2 ** 53 + 1,
    () => 0.1,
    () => '',
    () => huge(rng),
    () => rng.pick(NASTY),
    () => [],
    () => ({}),
    () => [null],
    () => JSON.parse('{"__proto__":{"polluted":true}}') as Json,
    () => Array.from({ length: rng.range(100, 5000) }, (_, i) => i),
    () => JSON.parse(deepJsonText(rng.range(50, 3000), rng.pick(['array', 'object'] as const))) as Json,
  ])();
}

/**
 * Changes one node of a JSON value: its type, a key added or removed, a string mutated. Keys in
 * `frozen` keep their values (e.g. URLs the engine would fetch: the fuzz stays on loopback).
 */
export function mutateJson(rng: Rng, value: Json, frozen: ReadonlySet<string> = new Set()): Json {
  if (rng.chance(0.15)) return oddValue(rng);
  if (typeof value === 'string') return mutateString(rng, value);
  if (Array.isArray(value)) {
    if (value.length === 0 || rng.chance(0.2)) return [...value, oddValue(rng)];
    const i = rng.int(value.length);
    return value.map((v, j) => (j === i ? mutateJson(rng, v, frozen) : v));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => !frozen.has(k));
    const copy = { ...value };
    if (keys.length === 0 || rng.chance(0.15)) {
      copy[rng.chance(0.5) ? mutateString(rng, 'key') : rng.pick(NASTY)] = oddValue(rng);
      return copy;
    }
    const key = rng.pick(keys);
    if (rng.chance(0.15)) delete copy[key];
    else copy[key] = mutateJson(rng, value[key]!, frozen);
    return copy;
  }
  return oddValue(rng);
}

/** The JSON text of a body, sometimes broken as text (truncated, doubled, BOM, trailing garbage). */
/** No, one (most often) or three rounds of mutateJson: most cases stay close to a valid body. */
export function mutateJsonSome(rng: Rng, value: Json, frozen: ReadonlySet<string> = new Set()): Json {
  let mutated = value;
  for (
    let n = rng.weighted([
      [3, 0],
      [5, 1],
      [2, 3],
    ]);
    n > 0;
    n--
  )
    mutated = mutateJson(rng, mutated, frozen);
  return mutated;
}

export function jsonText(rng: Rng, value: Json): string {
  const text = JSON.stringify(value);
  switch (rng.int(14)) {
    case 0:
      return text.slice(0, rng.int(text.length));
    case 1:
      return `\uFEFF${text}`;
    case 2:
      return `${text},`;
    case 3:
      return rng.pick(['null', '', '""', '0', 'true', '[]', '{}', '"\\ud800"', '{"a":1,"a":2}']);
    case 4:
      return deepJsonText(rng.range(1000, 20_000), rng.pick(['array', 'object'] as const));
    default:
      return text;
  }
}

/** One change to raw bytes: flip, insert, delete, duplicate a slice, truncate, append garbage. */
export function mutateBytes(rng: Rng, input: Buffer): Buffer {
  const at = rng.int(input.length + 1);
  switch (rng.int(7)) {
    case 0: {
      const out = Buffer.from(input);
      if (out.length > 0) out[Math.min(at, out.length - 1)] = rng.int(256);
      return out;
    }
    case 1:
      return Buffer.concat([input.subarray(0, at), rng.bytes(rng.range(1, 8)), input.subarray(at)]);
    case 2:
      return Buffer.concat([
        input.subarray(0, at),
        input.subarray(Math.min(input.length, at + rng.range(1, 8))),
      ]);
    case 3: {
      const end = Math.min(input.length, at + rng.range(1, 32));
      return Buffer.concat([input.subarray(0, end), input.subarray(at, end), input.subarray(end)]);
    }
    case 4:
      return input.subarray(0, at);
    case 5:
      return Buffer.concat([input, rng.bytes(rng.range(1, 64))]);
    default: {
      const out = Buffer.from(input);
      if (out.length > 0) out[Math.min(at, out.length - 1)] = rng.pick([0x00, 0xff, 0x7f, 0x80, 0x01]);
      return out;
    }
  }
}
