// Destination service REST calls: find by name, both levels' collections and single items, writes of
// destinations and certificates with mutated JSON bodies, names with every kind of encoding, and the
// Authorization / X-user-token headers mutated. Token service URLs stay on loopback (the emulator's own
// XSUAA or a closed port), so a find never leaves the machine.
import {
  enc,
  type Json,
  jsonText,
  maybeOddTarget,
  mutateJsonSome,
  mutateString,
  mutateStringN,
  NASTY,
  percentAll,
} from './mutate.js';
import type { Rng } from './rng.js';
import type { RequestSpec } from './wire.js';

export interface DestinationContext {
  host: string;
  /** Tokens of the destination binding: client credentials and an exchanged user token. */
  tokens: string[];
  /** Tokens the service must refuse (other bindings). */
  foreignTokens: string[];
  userToken: string;
  xsuaaUrl: string;
  xsuaaClient: { id: string; secret: string };
}

const BASE = '/destination-configuration/v1';
const NAMES = ['S4', 'FZ_BASIC', 'FZ_OAUTH', 'FZ_EXCHANGE', 'FZ_TCP', 'nope', 'FZ_CERT'];
/** Values the engine would fetch: never mutated into another host. */
const FROZEN = new Set(['tokenServiceURL']);

function templates(ctx: DestinationContext): Record<string, Json>[] {
  const oauth = {
    tokenServiceURL: `${ctx.xsuaaUrl}/oauth/token`,
    clientId: ctx.xsuaaClient.id,
    clientSecret: ctx.xsuaaClient.secret,
  };
  return [
    {
      Name: 'FZ_BASIC',
      Type: 'HTTP',
      URL: 'http://s4.virtual:44300',
      ProxyType: 'OnPremise',
      Authentication: 'BasicAuthentication',
      User: 'DEVELOPER',
      Password: 'Welcome1',
      'sap-client': '100',
    },
    {
      Name: 'FZ_OAUTH',
      Type: 'HTTP',
      URL: 'http://127.0.0.1:1/x',
      ProxyType: 'Internet',
      Authentication: 'OAuth2ClientCredentials',
      ...oauth,
    },
    {
      Name: 'FZ_EXCHANGE',
      Type: 'HTTP',
      URL: 'http://127.0.0.1:1/x',
      ProxyType: 'Internet',
      Authentication: 'OAuth2UserTokenExchange',
      ...oauth,
    },
    {
      Name: 'FZ_DOWN',
      Type: 'HTTP',
      URL: 'http://127.0.0.1:1/x',
      ProxyType: 'Internet',
      Authentication: 'OAuth2Password',
      ...oauth,
      tokenServiceURL: 'http://127.0.0.1:1/oauth/token',
      User: 'alice',
      Password: 'alice',
    },
    {
      Name: 'FZ_TCP',
      Type: 'TCP',
      Address: 'tcp.virtual:3300',
      ProxyType: 'OnPremise',
      Authentication: 'NoAuthentication',
    },
    {
      Name: 'FZ_CERT',
      Type: 'HTTP',
      URL: 'http://127.0.0.1:1',
      ProxyType: 'Internet',
      Authentication: 'ClientCertificateAuthentication',
      KeyStoreLocation: 'fz.p12',
      KeyStorePassword: 'x',
    },
    {
      Name: 'FZ_RFC',
      Type: 'RFC',
      'jco.client.client': '100',
      'jco.client.ashost': 'rfc.virtual',
      'jco.client.sysnr': '00',
    },
  ];
}

function nameSegment(rng: Rng): string {
  const name = rng.pick(NAMES);
  return rng.weighted([
    [6, enc(name)],
    [2, enc(mutateStringN(rng, name))],
    [1, percentAll(name, rng.chance(0.5))],
    [
      1,
      rng.pick([
        '%ff%fe',
        '..%2f..%2f',
        '%2e%2e',
        '..\\..',
        '%00',
        '%C4%80',
        '',
        '%',
        '%u0041',
        '*',
        'S4%20',
        'S4/..',
        `${'A'.repeat(300)}`,
      ]),
    ],
  ]);
}

function body(rng: Rng, ctx: DestinationContext, certificate: boolean): string {
  const value: Json = certificate
    ? {
        Name: rng.pick(['fz.p12', 'fz.pem', 'x']),
        Type: 'CERTIFICATE',
        Content: Buffer.from(rng.bytes(rng.range(0, 64))).toString('base64'),
      }
    : rng.pick(templates(ctx));
  let mutated: Json = rng.chance(0.15) ? [value, rng.pick(templates(ctx))] : value;
  mutated = mutateJsonSome(rng, mutated, FROZEN);
  return jsonText(rng, mutated);
}

function authorization(rng: Rng, ctx: DestinationContext): [string, string][] {
  return rng.weighted<[string, string][]>([
    [24, [['Authorization', `Bearer ${rng.pick(ctx.tokens)}`]]],
    [1, [['Authorization', `Bearer ${rng.pick(ctx.foreignTokens)}`]]],
    [1, [['Authorization', `Bearer ${mutateStringN(rng, rng.pick(ctx.tokens))}`]]],
    [
      1,
      [
        [
          'Authorization',
          rng.pick(['Bearer', 'Bearer ', 'Basic YTpi', 'bearer x.y.z', `Bearer ${'a'.repeat(9000)}`]),
        ],
      ],
    ],
    [1, []],
  ]);
}

function destinationRequestInner(rng: Rng, ctx: DestinationContext): RequestSpec {
  const headers: [string, string][] = [['Host', ctx.host], ...authorization(rng, ctx)];
  const level = rng.pick(['subaccount', 'instance']);
  const certificate = rng.chance(0.2);
  const collection = `${BASE}/${level}${certificate ? 'Certificates' : 'Destinations'}`;
  const kind = rng.weighted([
    [5, 'find'],
    [2, 'list'],
    [2, 'item'],
    [4, 'write'],
    [1, 'delete'],
  ] as const);
  if (kind === 'find') {
    if (rng.chance(0.4))
      headers.push(['X-user-token', rng.chance(0.5) ? ctx.userToken : mutateString(rng, ctx.userToken)]);
    if (rng.chance(0.1)) headers.push([rng.pick(['X-tenant', 'X-refresh-token']), mutateString(rng, 'x')]);
    const query = rng.chance(0.3)
      ? `?$skipTokenRetrieval=${rng.pick(['true', 'false', '', '%00', 'TRUE'])}`
      : '';
    return { method: 'GET', target: `${BASE}/destinations/${nameSegment(rng)}${query}`, headers };
  }
  if (kind === 'list')
    return {
      method: rng.pick(['GET', 'HEAD']),
      target: rng.chance(0.8) ? collection : mutateString(rng, collection),
      headers,
    };
  if (kind === 'item') return { method: 'GET', target: `${collection}/${nameSegment(rng)}`, headers };
  if (kind === 'delete') return { method: 'DELETE', target: `${collection}/${nameSegment(rng)}`, headers };
  headers.push([
    'Content-Type',
    rng.chance(0.9)
      ? 'application/json'
      : rng.pick([
          'text/plain',
          'application/json; charset=latin1',
          mutateString(rng, 'application/json'),
          ...NASTY.slice(0, 3),
        ]),
  ]);
  return {
    method: rng.chance(0.9) ? rng.pick(['POST', 'PUT']) : rng.pick(['PATCH', 'DELETE']),
    target: collection,
    headers,
    body: body(rng, ctx, certificate),
  };
}

export function destinationRequest(rng: Rng, ctx: DestinationContext): RequestSpec {
  return maybeOddTarget(rng, destinationRequestInner(rng, ctx));
}
