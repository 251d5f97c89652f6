// The built-in functions of $filter/$orderby, V2 and V4. Each is a plain function over internal values
// (dates are epoch milliseconds); null in, null out, as OData specifies.
import type { ODataVersion } from '../edm/model.js';

type Fn = (args: unknown[]) => unknown;
interface FunctionSpec {
  min: number;
  max: number;
  type: string;
  versions: readonly ODataVersion[];
  fn: Fn;
}

const BOTH = ['v2', 'v4'] as const;
const V2 = ['v2'] as const;
const V4 = ['v4'] as const;

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const strings =
  (f: (...a: string[]) => unknown): Fn =>
  (args) => {
    const values = args.map(str);
    return values.some((v) => v === null) ? null : f(...(values as string[]));
  };
const datePart =
  (part: (d: Date) => number): Fn =>
  ([v]) =>
    typeof v === 'number'
      ? part(new Date(v))
      : typeof v === 'string' && /^\d{2}:\d{2}/.test(v)
        ? timePart(v, part)
        : null;

/** hour/minute/second on Edm.TimeOfDay / Edm.Time strings (`12:30:00`, `PT12H30M`). */
function timePart(value: string, part: (d: Date) => number): number {
  const [h = 0, m = 0, s = 0] = value.split(':').map(Number);
  return part(new Date(Date.UTC(1970, 0, 1, h, m, s)));
}

const spec = (
  min: number,
  max: number,
  type: string,
  versions: readonly ODataVersion[],
  fn: Fn,
): FunctionSpec => ({
  min,
  max,
  type,
  versions,
  fn,
});

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  substringof: spec(
    2,
    2,
    'Edm.Boolean',
    V2,
    strings((needle, hay) => hay.includes(needle)),
  ),
  contains: spec(
    2,
    2,
    'Edm.Boolean',
    V4,
    strings((hay, needle) => hay.includes(needle)),
  ),
  startswith: spec(
    2,
    2,
    'Edm.Boolean',
    BOTH,
    strings((s, p) => s.startsWith(p)),
  ),
  endswith: spec(
    2,
    2,
    'Edm.Boolean',
    BOTH,
    strings((s, p) => s.endsWith(p)),
  ),
  length: spec(
    1,
    1,
    'Edm.Int32',
    BOTH,
    strings((s) => s.length),
  ),
  indexof: spec(
    2,
    2,
    'Edm.Int32',
    BOTH,
    strings((s, p) => s.indexOf(p)),
  ),
  replace: spec(
    3,
    3,
    'Edm.String',
    V2,
    strings((s, a, b) => s.replaceAll(a, b)),
  ),
  substring: spec(2, 3, 'Edm.String', BOTH, ([s, p, l]) => {
    const text = str(s);
    const start = num(p);
    if (text === null || start === null) return null;
    const length = num(l);
    return length === null ? text.slice(start) : text.slice(start, start + length);
  }),
  tolower: spec(
    1,
    1,
    'Edm.String',
    BOTH,
    strings((s) => s.toLowerCase()),
  ),
  toupper: spec(
    1,
    1,
    'Edm.String',
    BOTH,
    strings((s) => s.toUpperCase()),
  ),
  trim: spec(
    1,
    1,
    'Edm.String',
    BOTH,
    strings((s) => s.trim()),
  ),
  concat: spec(
    2,
    2,
    'Edm.String',
    BOTH,
    strings((a, b) => a + b),
  ),
  matchesPattern: spec(
    2,
    2,
    'Edm.Boolean',
    V4,
    strings((s, p) => safeRegExp(p)?.test(s) ?? false),
  ),
  year: spec(
    1,
    1,
    'Edm.Int32',
    BOTH,
    datePart((d) => d.getUTCFullYear()),
  ),
  month: spec(
    1,
    1,
    'Edm.Int32',
    BOTH,
    datePart((d) => d.getUTCMonth() + 1),
  ),
  day: spec(
    1,
    1,
    'Edm.Int32',
    BOTH,
    datePart((d) => d.getUTCDate()),
  ),
  hour: spec(
    1,
    1,
    'Edm.Int32',
    BOTH,
    datePart((d) => d.getUTCHours()),
  ),
  minute: spec(
    1,
    1,
    'Edm.Int32',
    BOTH,
    datePart((d) => d.getUTCMinutes()),
  ),
  second: spec(
    1,
    1,
    'Edm.Int32',
    BOTH,
    datePart((d) => d.getUTCSeconds()),
  ),
  fractionalseconds: spec(
    1,
    1,
    'Edm.Decimal',
    V4,
    datePart((d) => d.getUTCMilliseconds() / 1000),
  ),
  date: spec(1, 1, 'Edm.Date', V4, ([v]) =>
    typeof v === 'number' ? v - (((v % 86_400_000) + 86_400_000) % 86_400_000) : null,
  ),
  now: spec(0, 0, 'Edm.DateTimeOffset', V4, () => Date.now()),
  round: spec(1, 1, 'Edm.Double', BOTH, ([v]) => (typeof v === 'number' ? Math.round(v) : null)),
  floor: spec(1, 1, 'Edm.Double', BOTH, ([v]) => (typeof v === 'number' ? Math.floor(v) : null)),
  ceiling: spec(1, 1, 'Edm.Double', BOTH, ([v]) => (typeof v === 'number' ? Math.ceil(v) : null)),
};

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}
