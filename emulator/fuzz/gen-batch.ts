// $batch bodies: multipart/mixed with reads and changesets (V2 and V4) and V4's JSON batch, valid to
// start with, then damaged: boundaries that differ, are quoted, long or odd; nested changesets; parts
// without headers; missing closing delimiters; LF line endings; inner request lines and bodies mutated;
// Content-ID references to nothing; hundreds of parts.
import { jsonText, mutateJson, mutateJsonSome, mutateString, type Json } from './mutate.js';
import type { ODataContext, ODataRequest } from './gen-odata.js';
import type { Rng } from './rng.js';
import { V2_ROOT, V4_ROOT } from './setup.js';

interface Inner {
  method: string;
  url: string;
  headers: string[];
  body: string;
  contentId?: string;
}

/** Reads (outside changesets) or writes (inside); now and then the other kind, which is an error. */
function innerRequests(rng: Rng, v4: boolean, key: string, writes: boolean): Inner[] {
  const set = v4 ? 'SalesOrder' : 'A_BusinessPartner';
  const write: Json = v4
    ? { SalesOrder: `B${rng.int(999)}`, CustomerName: 'Batch' }
    : { BusinessPartner: `B${rng.int(999)}`, LastName: 'Batch' };
  const reads: (() => Inner)[] = [
    () => ({ method: 'GET', url: `${set}('${key}')`, headers: ['Accept: application/json'], body: '' }),
    () => ({
      method: 'GET',
      url: `${set}?$top=2&$filter=${encodeURIComponent(v4 ? "CustomerName eq 'x'" : "LastName eq 'x'")}`,
      headers: [],
      body: '',
    }),
  ];
  const changes: (() => Inner)[] = [
    () => ({
      method: 'POST',
      url: set,
      headers: ['Content-Type: application/json'],
      body: JSON.stringify(write),
      contentId: '1',
    }),
    () => ({
      method: v4 ? 'PATCH' : 'MERGE',
      url: rng.chance(0.5) ? `${set}('${key}')` : '$1',
      headers: ['Content-Type: application/json'],
      body: JSON.stringify(v4 ? { CustomerName: 'M' } : { FirstName: 'M' }),
    }),
    () => ({ method: 'DELETE', url: `${set}('${rng.pick([key, 'nope'])}')`, headers: [], body: '' }),
  ];
  const pool = writes !== rng.chance(0.05) ? changes : reads;
  return Array.from({ length: rng.range(1, 4) }, () => rng.pick(pool)());
}

function damageInner(rng: Rng, r: Inner): Inner {
  const out = { ...r, headers: [...r.headers] };
  rng.pick<() => void>([
    () => (out.method = rng.pick(['get', 'FOO', '', 'GET GET', 'CONNECT'])),
    () =>
      (out.url = rng.pick([
        `http://evil.example/${out.url}`,
        `/${out.url}`,
        `../${out.url}`,
        '$99',
        '$1/to_X',
        `${out.url}%ff%fe`,
        '',
        'x'.repeat(20_000),
        `${out.url} HTTP/1.1`,
      ])),
    () => (out.url = mutateString(rng, out.url)),
    () =>
      out.headers.push(
        rng.pick([
          'NoColon',
          ': empty',
          'Content-Type: multipart/mixed; boundary=x',
          'Content-Length: 99999',
          'Content-Length: -1',
          'X: \0',
        ]),
      ),
    () =>
      (out.body = rng.chance(0.3)
        ? 'null'
        : jsonText(rng, mutateJson(rng, out.body ? (JSON.parse(out.body) as Json) : {}))),
    () => (out.contentId = rng.pick(['1', '1', '', '$', 'x'.repeat(300)])),
  ])();
  return out;
}

function httpPart(r: Inner, eol: string, version: string): string {
  const head = [
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    ...(r.contentId !== undefined ? [`Content-ID: ${r.contentId}`] : []),
  ];
  return `${head.join(eol)}${eol}${eol}${r.method} ${r.url} ${version}${eol}${r.headers.map((h) => `${h}${eol}`).join('')}${eol}${r.body}${eol}`;
}

function multipart(rng: Rng, v4: boolean, key: string): { body: string; boundary: string } {
  const eol = rng.chance(0.9) ? '\r\n' : '\n';
  const boundary = rng.weighted([
    [16, `batch_${rng.int(1e6)}`],
    [1, rng.pick(['', ' ', '"q"', 'a'.repeat(200), 'b;c', '--', 'Ā', '\\'])],
  ]);
  const version = rng.chance(0.95) ? 'HTTP/1.1' : rng.pick(['HTTP/2', '', 'HTTP/1.1 x']);
  const parts: string[] = [];
  const count = rng.chance(0.03) ? rng.range(200, 600) : rng.range(1, 4);
  for (let i = 0; i < count; i++) {
    const damaged = (r: Inner): Inner => (rng.chance(0.15) ? damageInner(rng, r) : r);
    if (rng.chance(0.4)) {
      const cs = `changeset_${rng.int(1e6)}`;
      const inner = innerRequests(rng, v4, key, true)
        .map(damaged)
        .map((r) => `--${cs}${eol}${httpPart(r, eol, version)}`);
      if (rng.chance(0.1))
        inner.push(
          `--${cs}${eol}Content-Type: multipart/mixed; boundary=${cs}x${eol}${eol}--${cs}x${eol}--${cs}x--${eol}`,
        );
      const close = rng.chance(0.93) ? `--${cs}--${eol}` : '';
      parts.push(`Content-Type: multipart/mixed; boundary=${cs}${eol}${eol}${inner.join('')}${close}`);
    } else {
      parts.push(httpPart(damaged(innerRequests(rng, v4, key, false)[0]!), eol, version));
    }
  }
  if (rng.chance(0.05)) parts.push(rng.pick(['', 'garbage', `Content-Type: application/http${eol}${eol}`]));
  const close = rng.chance(0.93) ? `--${boundary}--${eol}` : '';
  return { body: `${parts.map((p) => `--${boundary}${eol}${p}`).join(eol)}${eol}${close}`, boundary };
}

function jsonBatch(rng: Rng, key: string): string {
  const requests: Json[] = innerRequests(rng, true, key, rng.chance(0.5)).map((r, i) => ({
    id: String(i + 1),
    method: r.method,
    url: r.url,
    headers: { 'content-type': 'application/json' },
    ...(r.body ? { body: JSON.parse(r.body) as Json } : {}),
    ...(rng.chance(0.4) ? { atomicityGroup: 'g1' } : {}),
    ...(i > 0 && rng.chance(0.3) ? { dependsOn: [String(i)] } : {}),
  }));
  let value: Json = { requests };
  value = mutateJsonSome(rng, value);
  return jsonText(rng, value);
}

export function batchRequest(rng: Rng, ctx: ODataContext): ODataRequest {
  const v4 = rng.chance(0.5);
  const key = rng.pick(v4 ? ctx.keys.v4 : ctx.keys.v2);
  const target = `${ctx.origin}${v4 ? V4_ROOT : V2_ROOT}$batch`;
  const headers: [string, string][] = [['Host', ctx.host], ...ctx.headers];
  headers.push(['x-csrf-token', rng.chance(0.93) ? ctx.csrf.token : 'Fetch'], ['Cookie', ctx.csrf.cookie]);
  if (v4 && rng.chance(0.3))
    return {
      method: 'POST',
      target,
      headers: [...headers, ['Content-Type', 'application/json']],
      body: jsonBatch(rng, key),
    };
  const { body, boundary } = multipart(rng, v4, key);
  const declared = rng.weighted([
    [16, boundary],
    [1, `x${boundary}`],
    [1, `"${boundary}"`],
  ]);
  const type = rng.weighted([
    [18, `multipart/mixed; boundary=${declared}`],
    [
      1,
      rng.pick([
        'multipart/mixed',
        'multipart/mixed; boundary=',
        'text/plain',
        `multipart/mixed; boundary=${declared}; boundary=y`,
      ]),
    ],
  ]);
  return {
    method: rng.chance(0.97) ? 'POST' : 'GET',
    target,
    headers: [...headers, ['Content-Type', type]],
    body,
  };
}
