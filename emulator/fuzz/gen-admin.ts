// Admin API calls, authenticated with the admin token: every route of the contracts in app/ with path
// parameters, query strings and JSON bodies mutated (types, nulls, huge values, deep nesting), a few
// unauthenticated or from a foreign Origin. Keys that name files, URLs, hosts or ports keep their
// values, so that no mutation sends the engine off the machine or onto a fixed port.
import {
  enc,
  type Json,
  jsonText,
  maybeOddTarget,
  mutateJsonSome,
  mutateString,
  mutateStringN,
  NASTY,
} from './mutate.js';
import type { Rng } from './rng.js';
import type { RequestSpec } from './wire.js';

export interface AdminContext {
  host: string;
  adminToken: string;
  workspace: Json;
  edmx: string[];
  har: Json;
  tokens: string[];
}

const FROZEN = new Set([
  'URL',
  'url',
  'tokenServiceURL',
  'internalHost',
  'internalPort',
  'port',
  'ports',
  'bind',
  'rest',
  'hooks',
  'metadata',
  'files',
  'live',
  'caFile',
  'ProxyType',
]);

interface Route {
  weight: number;
  method: string;
  path: (rng: Rng) => string;
  body?: (rng: Rng, ctx: AdminContext) => Json;
}

const seg = (rng: Rng, value: string): string =>
  rng.weighted([
    [6, enc(value)],
    [2, enc(mutateStringN(rng, value))],
    [
      1,
      rng.pick([
        '%ff%fe',
        '..%2f..%2f',
        '%2e%2e',
        '..',
        '%00',
        '%C4%80',
        '%',
        '__proto__',
        'constructor',
        'x'.repeat(300),
      ]),
    ],
  ]);

const query = (rng: Rng, pairs: [string, string][]): string =>
  pairs
    .filter(() => rng.chance(0.6))
    .map(([k, v]) => `${k}=${rng.chance(0.7) ? enc(v) : enc(mutateString(rng, v))}`)
    .join('&');

const FILTERS = [
  "LastName eq 'x'",
  'substringof(FirstName,1)',
  'BusinessPartner gt 1',
  '((((((((((1 eq 1))))))))))',
  'not not true',
];

const set = (rng: Rng): string =>
  `/api/systems/${seg(rng, 'S4D')}/services/${seg(rng, rng.pick(['API_BUSINESS_PARTNER', 'salesorder']))}/sets/${seg(
    rng,
    rng.pick(['A_BusinessPartner', 'A_BusinessPartnerAddress', 'SalesOrder']),
  )}`;

const ROUTES: Route[] = [
  {
    weight: 1,
    method: 'GET',
    path: (r) =>
      r.pick([
        '/api/health',
        '/api/status',
        '/api/workspace',
        '/api/workspace/schema',
        '/api/xsuaa/clients',
        '/api/xsuaa/keys',
        '/api/bindings',
        '/api/systems',
        '/api/destinations',
        '/api/recordings',
      ]),
  },
  {
    weight: 1,
    method: 'GET',
    path: (r) =>
      `/api/bindings/export?${query(r, [['format', r.pick(['json', 'default-env', 'dotenv', 'shell'])]])}`,
  },
  { weight: 4, method: 'PUT', path: () => '/api/workspace', body: (_r, c) => c.workspace },
  {
    weight: 3,
    method: 'POST',
    path: () => '/api/tokens',
    body: (r) => ({
      client: r.pick(['demo-uaa', 'demo-destination', 'demo-connectivity']),
      user: 'alice',
      scopes: ['demo.Display'],
      expiresIn: 60,
    }),
  },
  {
    weight: 2,
    method: 'POST',
    path: () => '/api/tokens/verify',
    body: (r, c) => ({ token: r.pick(c.tokens), audience: 'demo-destination' }),
  },
  {
    weight: 3,
    method: 'POST',
    path: () => '/api/connectivity/check',
    body: (r) => ({
      method: 'GET',
      url: r.pick(['http://s4.virtual:44300/sap/opu/odata/', 'http://erp.virtual:44300/api/x']),
      location: null,
    }),
  },
  {
    weight: 2,
    method: 'GET',
    path: (r) =>
      `/api/connectivity/traffic?${query(r, [
        ['kind', 'http'],
        ['outcome', 'denied'],
        ['location', 'default'],
        ['q', 'sap'],
        ['limit', '10'],
      ])}`,
  },
  { weight: 1, method: 'GET', path: (r) => `/api/connectivity/traffic/${seg(r, '1')}` },
  {
    weight: 3,
    method: 'PUT',
    path: (r) =>
      `/api/destinations/${seg(r, r.pick(['subaccount', 'instance']))}/${seg(r, r.pick(['FZ1', 'FZ2']))}`,
    body: () => ({
      Name: 'FZ1',
      Type: 'HTTP',
      URL: 'http://127.0.0.1:1/x',
      ProxyType: 'Internet',
      Authentication: 'NoAuthentication',
    }),
  },
  {
    weight: 1,
    method: 'DELETE',
    path: (r) => `/api/destinations/${seg(r, 'subaccount')}/${seg(r, r.pick(['FZ1', 'FZ2', 'nope']))}`,
  },
  {
    weight: 1,
    method: 'POST',
    path: (r) => `/api/destinations/${seg(r, 'subaccount')}/${seg(r, r.pick(['S4', 'FZ1', 'nope']))}/check`,
  },
  {
    weight: 3,
    method: 'GET',
    path: (r) =>
      `${set(r)}?${query(r, [
        ['client', '100'],
        ['top', '5'],
        ['skip', '1'],
        ['filter', r.pick(FILTERS)],
        ['orderby', 'LastName desc'],
      ])}`,
  },
  {
    weight: 2,
    method: 'POST',
    path: set,
    body: () => ({ client: '100', values: { BusinessPartner: '9000001', LastName: 'Fuzz' } }),
  },
  {
    weight: 2,
    method: 'PATCH',
    path: set,
    body: () => ({ client: '100', key: { BusinessPartner: '9000001' }, values: { FirstName: 'F' } }),
  },
  {
    weight: 1,
    method: 'DELETE',
    path: set,
    body: () => ({ client: '100', key: { BusinessPartner: '9000001' } }),
  },
  {
    weight: 1,
    method: 'POST',
    path: (r) => `/api/systems/${seg(r, 'S4D')}/services/${seg(r, 'API_BUSINESS_PARTNER')}/reset`,
    body: () => ({ client: '100' }),
  },
  {
    weight: 3,
    method: 'POST',
    path: () => '/api/systems/edmx/inspect',
    body: (r, c) => ({ xml: mutateEdmx(r, r.pick(c.edmx)) }),
  },
  {
    weight: 1,
    method: 'POST',
    path: (r) => `/api/systems/${seg(r, 'S4D')}/services`,
    body: (r, c) => ({
      xml: mutateEdmx(r, r.pick(c.edmx)),
      name: r.pick(['FZSRV', 'FZ_V4']),
      generate: { seed: 1, rows: 3 },
    }),
  },
  {
    weight: 2,
    method: 'POST',
    path: () => '/api/recordings/import',
    body: (r, c) => ({ name: r.pick(['fz1', 'fz2']), har: c.har, system: 'S4D' }),
  },
  {
    weight: 1,
    method: 'GET',
    path: (r) =>
      `/api/recordings/sessions/${seg(r, r.pick(['fz1', 'fz2']))}${r.pick(['', '/entries/0', '/entries/-1', '/export'])}`,
  },
  {
    weight: 1,
    method: 'POST',
    path: (r) => `/api/recordings/sessions/${seg(r, 'fz1')}/data-files`,
    body: () => ({ system: 'S4D', service: 'API_BUSINESS_PARTNER', apply: false }),
  },
  {
    weight: 1,
    method: 'POST',
    path: (r) => `/api/recordings/systems/${seg(r, 'S4D')}/replay`,
    body: () => ({ sessions: ['fz1'], onMiss: 'simulate' }),
  },
  {
    weight: 1,
    method: 'POST',
    path: (r) => `/api/recordings/systems/${seg(r, 'S4D')}/${r.pick(['stop', 'record'])}`,
    body: () => ({}),
  },
  { weight: 1, method: 'GET', path: (r) => `/api/recordings/systems/${seg(r, 'S4D')}/misses` },
  { weight: 1, method: 'DELETE', path: (r) => `/api/recordings/sessions/${seg(r, 'fz2')}` },
];

/** An EDMX with a few textual changes: elements cut, attributes and names mutated, junk inserted. */
export function mutateEdmx(rng: Rng, xml: string): string {
  let out = xml;
  for (let n = rng.range(0, 3); n > 0; n--) {
    const at = rng.int(out.length);
    out = rng.weighted([
      [
        3,
        () =>
          out.slice(0, at) +
          rng.pick([
            '<',
            '>',
            '"',
            '&',
            ']]>',
            '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
            '&a;',
            '\0',
            '<Property/>',
            '</Schema>',
          ]) +
          out.slice(at),
      ],
      [2, () => out.slice(0, at) + out.slice(at + rng.range(1, 200))],
      [
        2,
        () => out.replace(/Name="([^"]*)"/, () => `Name="${mutateString(rng, 'X').replace(/"/g, '&quot;')}"`),
      ],
      [
        1,
        () =>
          out.replace(/Type="[^"]*"/, `Type="${rng.pick(['Edm.Nope', 'Collection(', '', 'Edm.String)'])}"`),
      ],
      [1, () => out.slice(0, at)],
    ] as const)();
  }
  return out;
}

function headers(rng: Rng, ctx: AdminContext): [string, string][] {
  const out: [string, string][] = [['Host', rng.chance(0.97) ? ctx.host : mutateString(rng, ctx.host)]];
  if (rng.chance(0.96)) out.push(['Authorization', `Bearer ${ctx.adminToken}`]);
  else out.push(['Authorization', mutateString(rng, `Bearer ${ctx.adminToken}`)]);
  if (rng.chance(0.03)) out.push(['Origin', rng.pick(['http://evil.example', 'null', `http://${ctx.host}`])]);
  return out;
}

function adminRequestInner(rng: Rng, ctx: AdminContext): RequestSpec {
  const route = rng.weighted(ROUTES.map((r) => [r.weight, r] as const));
  const spec: RequestSpec = { method: route.method, target: route.path(rng), headers: headers(rng, ctx) };
  if (rng.chance(0.03)) spec.target = mutateString(rng, spec.target);
  if (route.body) {
    let value = route.body(rng, ctx);
    value = mutateJsonSome(rng, value, FROZEN);
    spec.body = jsonText(rng, value);
    spec.headers = [
      ...spec.headers,
      [
        'Content-Type',
        rng.chance(0.92)
          ? 'application/json'
          : rng.pick(['text/plain', 'application/json; charset=utf-16', '', ...NASTY.slice(0, 4)]),
      ],
    ];
  }
  return spec;
}

export function adminRequest(rng: Rng, ctx: AdminContext): RequestSpec {
  return maybeOddTarget(rng, adminRequestInner(rng, ctx));
}
