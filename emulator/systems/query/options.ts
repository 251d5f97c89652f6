// System query options, read and checked once: numbers are numbers, unknown `$options` and bad values
// are rejected with the option's name, and $expand becomes a tree (V4 with nested options).
import type { ODataVersion } from '../edm/model.js';
import { badRequest } from '../odata/errors.js';

export interface ExpandItem {
  path: string[];
  /** V4 nested options `($select=…;$filter=…)`, raw. */
  options: Map<string, string>;
}

export interface QueryOptions {
  filter?: string;
  orderby?: string;
  top?: number;
  skip?: number;
  select?: string;
  expand?: string;
  /** V2 `$inlinecount=allpages` or V4 `$count=true`. */
  count: boolean;
  skiptoken?: string;
  search?: string;
  format?: string;
  /** Non-$ parameters (function import parameters, sap-client, …). */
  custom: Map<string, string>;
}

const V2_OPTIONS = new Set([
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$select',
  '$expand',
  '$inlinecount',
  '$skiptoken',
  '$format',
]);
const V4_OPTIONS = new Set([
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$select',
  '$expand',
  '$count',
  '$skiptoken',
  '$format',
  '$search',
  '$levels',
  '$apply',
  '$compute',
  '$index',
]);

export function readQueryOptions(params: URLSearchParams, version: ODataVersion): QueryOptions {
  const options: QueryOptions = { count: false, custom: new Map() };
  const known = version === 'v2' ? V2_OPTIONS : V4_OPTIONS;
  for (const [rawName, value] of params) {
    if (!rawName.startsWith('$')) {
      options.custom.set(rawName, value);
      continue;
    }
    const name = version === 'v4' ? rawName.toLowerCase() : rawName;
    if (!known.has(name)) throw badRequest(`System query option '${rawName}' is not supported`);
    apply(options, name, value, version);
  }
  return options;
}

function apply(options: QueryOptions, name: string, value: string, version: ODataVersion): void {
  switch (name) {
    case '$top':
    case '$skip':
      options[name === '$top' ? 'top' : 'skip'] = nonNegative(name, value);
      return;
    case '$inlinecount':
      if (value !== 'allpages' && value !== 'none') {
        throw badRequest(`Invalid value '${value}' of $inlinecount: expected allpages or none`);
      }
      options.count = value === 'allpages';
      return;
    case '$count':
      if (value !== 'true' && value !== 'false')
        throw badRequest(`Invalid value '${value}' of $count: expected true or false`);
      options.count = value === 'true';
      return;
    case '$format':
      if (!/^(json|application\/json.*)$/i.test(value)) {
        throw badRequest(`Format '${value}' is not supported: use $format=json`);
      }
      options.format = 'json';
      return;
    case '$apply':
    case '$compute':
    case '$levels':
    case '$index':
      throw badRequest(
        `System query option '${name}' is not supported by this simulated ${version.toUpperCase()} service`,
      );
    default:
      options[name.slice(1) as 'filter' | 'orderby' | 'select' | 'expand' | 'skiptoken' | 'search'] = value;
  }
}

function nonNegative(name: string, value: string): number {
  if (!/^\d+$/.test(value.trim()))
    throw badRequest(`Invalid value '${value}' of ${name}: expected a non-negative integer`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw badRequest(`Value of ${name} is too large`);
  return n;
}

/** Splits at top-level separators, respecting quotes and parentheses. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || quoted) throw badRequest(`Unbalanced parentheses or quotes in '${text}'`);
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseExpand(text: string, version: ODataVersion): ExpandItem[] {
  return splitTopLevel(text, ',').map((item) => {
    const open = item.indexOf('(');
    if (open < 0) return { path: item.split('/').map((s) => s.trim()), options: new Map() };
    if (version === 'v2')
      throw badRequest(`Invalid $expand item '${item}': nested options are OData V4 only`);
    if (!item.endsWith(')')) throw badRequest(`Invalid $expand item '${item}': missing ')'`);
    const options = new Map<string, string>();
    for (const part of splitTopLevel(item.slice(open + 1, -1), ';')) {
      const eq = part.indexOf('=');
      if (eq < 0 || !part.startsWith('$'))
        throw badRequest(`Invalid option '${part}' in $expand of ${item.slice(0, open)}`);
      options.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1));
    }
    return {
      path: item
        .slice(0, open)
        .split('/')
        .map((s) => s.trim()),
      options,
    };
  });
}
