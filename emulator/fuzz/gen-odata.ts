// Requests to the simulated OData V2 and V4 services: resource paths (key predicates in every syntax,
// percent-encodings including %ff%fe, dot-segments, backslashes, navigation, $count/$value/$links,
// operations), system query options with grammar-generated $filter, and writes with mutated JSON
// bodies (including `null`) carrying the CSRF token.
import { BUSINESS_PARTNER, filter, SALES_ORDER, type EntityShape, type Version } from './gen-filter.js';
import {
  enc,
  type Json,
  jsonText,
  maybeOddTarget,
  mutateJsonSome,
  mutateString,
  NASTY,
  percentAll,
} from './mutate.js';
import type { Rng } from './rng.js';
import { V2_ROOT, V4_ROOT } from './setup.js';

export interface ODataContext {
  /** Host header value (the system's own port, or the virtual host through the proxy). */
  host: string;
  /** Prefix of every target: '' for the system's listener, `http://s4.virtual:44300` through the proxy. */
  origin: string;
  /** Extra headers on every request (Authorization, Proxy-Authorization). */
  headers: [string, string][];
  csrf: { token: string; cookie: string };
  keys: { v2: string[]; v4: string[] };
}

export interface ODataRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body?: string;
}

interface Service {
  v: Version;
  root: string;
  set: string;
  shape: EntityShape;
  navs: string[];
  keyName: string;
}

const SERVICES: Service[] = [
  {
    v: 'v2',
    root: V2_ROOT,
    set: 'A_BusinessPartner',
    shape: BUSINESS_PARTNER,
    navs: ['to_BusinessPartnerAddress', 'to_BusinessPartnerRole'],
    keyName: 'BusinessPartner',
  },
  { v: 'v4', root: V4_ROOT, set: 'SalesOrder', shape: SALES_ORDER, navs: ['_Item'], keyName: 'SalesOrder' },
];

function keyPredicate(rng: Rng, s: Service, key: string): string {
  return rng.weighted([
    [6, `('${key}')`],
    [2, `(${s.keyName}='${key}')`],
    [
      1,
      `(${rng.pick(["''", "'a''b'", '1', '1L', `guid'${key}'`, "'%ff%fe'", "'Ā'", '', "'x',", `${s.keyName}=`, "BusinessPartner='1',AddressID='2'", "'" + 'k'.repeat(5000) + "'"])})`,
    ],
    [1, `(${mutateString(rng, `'${key}'`)})`],
  ]);
}

function resourcePath(rng: Rng, s: Service, ctx: ODataContext): string {
  const key = rng.pick(s.v === 'v2' ? ctx.keys.v2 : ctx.keys.v4);
  const entity = `${s.set}${keyPredicate(rng, s, key)}`;
  const path = rng.weighted<string>([
    [5, s.set],
    [4, entity],
    [2, `${entity}/${rng.pick(s.navs)}`],
    [1, `${s.set}/$count`],
    [1, `${entity}/${rng.pick(s.shape.props)[0]}${rng.pick(['', '/$value'])}`],
    [1, s.v === 'v2' ? `${entity}/$links/${rng.pick(s.navs)}` : `${entity}/${rng.pick(s.navs)}/$ref`],
    [1, rng.pick(['$metadata', '', '$batch'])],
    [1, s.v === 'v2' ? `CheckTaxNumber?Country='DE'&TaxNumber='${key}'` : `summary(SoldToParty='${key}')`],
    [
      1,
      s.v === 'v2'
        ? `CountPartnersInCity?CityName=${rng.pick(["'Berlin'", "'", '1', "'%ff'"])}`
        : `${entity}/com.sap.gateway.srvd.salesorder.v0001.itemCount()`,
    ],
  ]);
  return rng.chance(0.2) ? damagePath(rng, path) : path;
}

/** Encodings and segments that broke path handling somewhere. */
function damagePath(rng: Rng, path: string): string {
  const at = rng.int(path.length + 1);
  const piece = rng.pick([
    '%ff%fe',
    '%',
    '%zz',
    '%2F',
    '%2e%2e/',
    '../',
    '..\\',
    './',
    '//',
    '\\',
    '%00',
    '%C4%80',
    ';jsessionid=x',
    '%c0%ae%c0%ae/',
    '%252e',
    ...NASTY.slice(0, 6),
  ]);
  return rng.weighted([
    [3, () => path.slice(0, at) + piece + path.slice(at)],
    [1, () => percentAll(path, rng.chance(0.5))],
    [1, () => mutateString(rng, path)],
  ] as const)();
}

function queryOptions(rng: Rng, s: Service): string {
  const opts: [string, string][] = [];
  if (rng.chance(0.8)) opts.push(['$filter', filter(rng, s.shape, s.v)]);
  if (rng.chance(0.3))
    opts.push(['$top', rng.pick(['1', '0', '-1', '1e9', '99999999999999999999', 'x', ''])]);
  if (rng.chance(0.2)) opts.push(['$skip', rng.pick(['1', '-5', '1.5', ''])]);
  if (rng.chance(0.3))
    opts.push([
      '$select',
      rng.pick([
        s.shape.props
          .map((p) => p[0])
          .slice(0, 3)
          .join(','),
        '*',
        'Nope',
        ',',
        `${s.navs[0]}/x`,
      ]),
    ]);
  if (rng.chance(0.3))
    opts.push([
      '$expand',
      rng.pick([
        s.navs[0]!,
        `${s.navs[0]}($top=1;$filter=${s.v === 'v4' ? 'NetAmount gt 1' : 'x'})`,
        `${s.navs[0]}/${s.navs[0]}`,
        'Nope',
        `${s.navs[0]}(`,
      ]),
    ]);
  if (rng.chance(0.3))
    opts.push([
      '$orderby',
      rng.pick([
        `${s.shape.props[1]![0]} desc`,
        `${s.shape.props[0]![0]} asc,${s.shape.props[2]![0]}`,
        'Nope',
        'x y z',
        `length(${s.shape.props[1]![0]})`,
      ]),
    ]);
  if (rng.chance(0.2))
    opts.push(
      s.v === 'v2'
        ? ['$inlinecount', rng.pick(['allpages', 'none', 'x'])]
        : ['$count', rng.pick(['true', 'false', 'x'])],
    );
  if (s.v === 'v4' && rng.chance(0.2))
    opts.push(['$search', rng.pick(['Weber', '"Anna Weber', '"a" OR b', 'NOT', '(', '"'])]);
  if (rng.chance(0.1)) opts.push(['$format', rng.pick(['json', 'xml', 'atom', 'x'])]);
  if (rng.chance(0.1)) opts.push(['sap-client', rng.pick(['100', '200', '999', 'x', ''])]);
  if (rng.chance(0.05))
    opts.push([rng.pick(['$foo', '$skiptoken', '$top', 'sap-language', '$apply']), rng.pick(['1', 'x', ''])]);
  return opts
    .map(
      ([k, v]) =>
        `${k}=${rng.weighted<string>([
          [8, enc(v).replace(/%20/g, rng.chance(0.3) ? '+' : '%20')],
          [1, percentAll(v)],
          [1, v.replace(/ /g, '%20')],
        ])}`,
    )
    .join('&');
}

function writeBody(rng: Rng, s: Service, key: string): Json {
  const v2: Json = {
    BusinessPartner: `FZ${rng.int(1000)}`,
    LastName: 'Fuzz',
    FirstName: 'F',
    BusinessPartnerCategory: '1',
    to_BusinessPartnerAddress: [{ AddressID: '1', CityName: 'Berlin' }],
  };
  const v4: Json = {
    SalesOrder: `FZ${rng.int(1000)}`,
    SalesOrderType: 'OR',
    CustomerName: 'Fuzz',
    TotalNetAmount: 1.5,
    IsReleased: false,
    SalesOrderDate: '2024-01-01',
    _Item: [{ SalesOrderItem: '10', Material: 'M', NetAmount: 1 }],
  };
  const body = s.v === 'v2' ? v2 : v4;
  return rng.chance(0.3)
    ? { [s.keyName]: key, [s.v === 'v2' ? 'LastName' : 'CustomerName']: 'Merged' }
    : body;
}

function odataRequestInner(rng: Rng, ctx: ODataContext): ODataRequest {
  const s = rng.pick(SERVICES);
  const path = resourcePath(rng, s, ctx);
  const query = rng.chance(0.7) ? queryOptions(rng, s) : '';
  const sep = path.includes('?') ? '&' : '?';
  const target = `${ctx.origin}${s.root}${path}${query ? sep + query : ''}`;
  const headers: [string, string][] = [['Host', ctx.host], ...ctx.headers];
  if (rng.chance(0.5))
    headers.push([
      'Accept',
      rng.pick([
        'application/json',
        'application/xml',
        'application/atom+xml',
        '*/*',
        'text/html',
        'application/json;odata.metadata=full',
        'application/json;IEEE754Compatible=true',
      ]),
    ]);
  const write = rng.chance(0.25);
  if (!write)
    return { method: rng.chance(0.95) ? 'GET' : rng.pick(['HEAD', 'OPTIONS', 'FOO']), target, headers };
  headers.push(
    ['x-csrf-token', rng.chance(0.9) ? ctx.csrf.token : mutateString(rng, ctx.csrf.token)],
    ['Cookie', ctx.csrf.cookie],
  );
  headers.push([
    'Content-Type',
    rng.chance(0.9)
      ? 'application/json'
      : rng.pick(['text/plain', 'application/xml', 'application/json;charset=x', '']),
  ]);
  if (rng.chance(0.1)) headers.push(['If-Match', rng.pick(['*', 'W/"x"', '"', ''])]);
  if (rng.chance(0.05)) headers.push(['X-HTTP-Method', rng.pick(['MERGE', 'DELETE', 'PUT', 'FOO'])]);
  let body = writeBody(rng, s, rng.pick(s.v === 'v2' ? ctx.keys.v2 : ctx.keys.v4));
  body = mutateJsonSome(rng, body);
  const method = rng.pick(
    s.v === 'v2' ? ['POST', 'PUT', 'MERGE', 'PATCH', 'DELETE'] : ['POST', 'PUT', 'PATCH', 'DELETE'],
  );
  return { method, target, headers, body: rng.chance(0.05) ? 'null' : jsonText(rng, body) };
}

export function odataRequest(rng: Rng, ctx: ODataContext): ODataRequest {
  return maybeOddTarget(rng, odataRequestInner(rng, ctx));
}
