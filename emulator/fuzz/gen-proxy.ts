// HTTP proxy request heads as raw bytes: valid absolute-form requests to backends the proxy can reach,
// then mutated part by part (method, target, version, header lines, framing) and sometimes byte by
// byte; smuggling shapes (CL.TE, TE.CL, TE.TE), obs-fold, bare LF, duplicated headers, huge heads.
import { huge, mutateBytes, mutateString, NASTY } from './mutate.js';
import type { Rng } from './rng.js';
import type { ParsedResponse } from './wire.js';

export interface ProxyContext {
  proxyToken: string;
  userToken: string;
  basic: string;
}

interface Head {
  method: string;
  target: string;
  version: string;
  headers: [string, string][];
  body: string;
  /** How the body is framed; `raw` leaves the headers as they are. */
  framing: 'length' | 'chunked' | 'none' | 'raw';
  eol: string;
}

export interface ProxyCase {
  bytes: Buffer;
  methods: string[];
}

const TARGETS = [
  'http://erp.virtual:44300/api/echo?x=1',
  'http://erp.virtual:44300/api/',
  'http://erp.virtual:44300/ws/chat',
  'http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?$top=1',
  'http://s4.virtual:44300/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001/SalesOrder?$top=1',
];

function baseHead(rng: Rng, ctx: ProxyContext): Head {
  const target = rng.pick(TARGETS);
  const url = new URL(target);
  const auth = rng.chance(0.8)
    ? `Bearer ${ctx.proxyToken}`
    : `Basic ${Buffer.from(`${ctx.proxyToken}:`).toString('base64')}`;
  const headers: [string, string][] = [
    ['Host', url.host],
    ['Proxy-Authorization', auth],
  ];
  if (url.hostname === 's4.virtual')
    headers.push(['Authorization', ctx.basic], ['Accept', 'application/json']);
  if (rng.chance(0.1)) headers.push(['SAP-Connectivity-Authentication', `Bearer ${ctx.userToken}`]);
  if (rng.chance(0.1))
    headers.push(['SAP-Connectivity-SCC-Location_ID', rng.pick(['', 'nowhere', 'x'.repeat(80)])]);
  const post = rng.chance(0.3);
  return {
    method: post ? rng.pick(['POST', 'PUT', 'PATCH']) : rng.pick(['GET', 'GET', 'HEAD', 'DELETE', 'OPTIONS']),
    target,
    version: 'HTTP/1.1',
    headers,
    body: post ? rng.pick(['{"a":1}', 'x'.repeat(rng.range(0, 3000)), '']) : '',
    framing: post ? rng.pick(['length', 'chunked'] as const) : 'none',
    eol: '\r\n',
  };
}

const HEADER_MUTATIONS: ((rng: Rng, h: Head) => void)[] = [
  (r, h) => h.headers.push(['Host', r.pick(['erp.virtual:44300', 'evil.example', '', 'erp.virtual:1'])]),
  (_r, h) => (h.headers = h.headers.filter(([k]) => k !== 'Host')),
  (r, h) =>
    h.headers.push([
      'Content-Length',
      r.pick(['0', '5', '-1', '1e3', ' 3', '99999999999999999999', '0x10', '3,3', '']),
    ]),
  (r, h) =>
    h.headers.push([
      'Transfer-Encoding',
      r.pick([
        'chunked',
        'Chunked',
        ' chunked',
        'chunked, identity',
        'identity, chunked',
        'xchunked',
        'chunked\t',
        'gzip',
      ]),
    ]),
  (_r, h) => h.headers.push(['X-Folded', `a${h.eol} b`]),
  (r, h) => h.headers.push([r.pick(['Host ', ' X', '', 'X\0', 'Ā', 'X Y', 'Content-Length\t']), 'v']),
  (r, h) => h.headers.push(['X-Ctl', r.pick(['\0', '\x01', '\x7f', 'Ā', '\r', '\n', 'a\rb'])]),
  (r, h) => h.headers.push(['X-Big', 'a'.repeat(r.pick([4000, 8100, 8200, 17_000]))]),
  (r, h) => {
    for (let i = r.range(50, 400); i > 0; i--) h.headers.push([`X-${i}`, 'y']);
  },
  (r, h) => {
    const i = h.headers.findIndex(([k]) => k === 'Proxy-Authorization');
    if (i >= 0) h.headers[i]![1] = mutateString(r, h.headers[i]![1]);
  },
  (r, h) =>
    h.headers.push([
      'Proxy-Authorization',
      r.pick(['Bearer', 'Basic', 'Bearer a.b.c', 'Basic Og==', 'Negotiate x']),
    ]),
  (r, h) => h.headers.push(['Expect', r.pick(['100-continue', '100-Continue', 'x'])]),
  (r, h) =>
    h.headers.push([
      'Connection',
      r.pick(['close', 'keep-alive', 'Upgrade', 'close, Upgrade', 'Proxy-Authorization', 'Host']),
    ]),
  (r, h) =>
    h.headers.push(
      ['Upgrade', r.pick(['websocket', 'h2c', 'WebSocket'])],
      ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
    ),
  (r, h) =>
    h.headers.push([
      r.pick([
        'SAP-Connectivity-Authentication',
        'SAP-Connectivity-Technical-Authentication',
        'SAP-Connectivity-SCC-Location_ID',
        'SSL_CLIENT_CERT',
        'X-Forwarded-Host',
      ]),
      mutateString(r, 'Bearer x'),
    ]),
  (r, h) => (h.eol = r.pick(['\n', '\r\n', '\r'])),
];

const LINE_MUTATIONS: ((rng: Rng, h: Head) => void)[] = [
  (r, h) =>
    (h.method = r.pick(['get', 'FOO', 'CONNECT', 'G\0ET', 'A'.repeat(9000), '', 'GET GET', 'PRI', 'TRACE'])),
  (r, h) => (h.target = mutateString(r, h.target)),
  (r, h) =>
    (h.target = h.target.replace(
      /^http:\/\/[^/]+/,
      r.pick([
        'http://ERP.VIRTUAL:44300',
        'http://erp.virtual.:44300',
        'http://erp.virtual:0',
        'http://erp.virtual:65536',
        'http://u:p@erp.virtual:44300',
        'http://[::1]:44300',
        'http://erp.virtual%00:44300',
        'http://127.0.0.1:1',
        'http://erp.virtual:44300:1',
        'http://erp.virtual',
      ]),
    )),
  (r, h) => (h.target = h.target.replace(/^http:/, r.pick(['https:', 'HTTP:', 'ftp:', '', 'http:/', 'ws:']))),
  (r, h) =>
    (h.target = h.target.replace(
      /(\/\/[^/]+)\//,
      `$1/${r.pick(['..', '%2e%2e', '.%2e', '..\\', '..;', '%c0%ae%c0%ae', '%ff%fe', './', '/', '\\'])}/`,
    )),
  (r, h) =>
    (h.target = r.pick(['/api', '*', 'erp.virtual:44300', '', `http://erp.virtual:44300/api/${huge(r)}`])),
  (r, h) =>
    (h.version = r.pick([
      'HTTP/1.0',
      'HTTP/2.0',
      'HTTP/1.10',
      'HTTP/0.9',
      'http/1.1',
      'HTTP/1.1 x',
      '',
      'HTTP/1',
      'HTTP/11',
    ])),
  (r, h) => (h.target += r.pick(NASTY)),
];

const BODY_MUTATIONS: ((rng: Rng, h: Head) => void)[] = [
  (r, h) => {
    h.framing = 'raw';
    h.headers.push(['Content-Length', String(Buffer.byteLength(h.body) + r.pick([-1, 1, 100]))]);
  },
  (r, h) => {
    h.framing = 'raw';
    h.headers.push(['Transfer-Encoding', 'chunked']);
    h.body = r.pick([
      'zz\r\nabc\r\n0\r\n\r\n',
      '-1\r\n\r\n',
      'fffffffffffffffff\r\n',
      '3;ext=1\r\nabc\r\n0\r\n\r\n',
      '3\r\nabcdef\r\n0\r\n\r\n',
      '3\r\nabc0\r\n\r\n',
      '0\r\nX-Trailer: 1\r\n\r\n',
      '3\nabc\n0\n\n',
      '0\r\n\r\n',
    ]);
  },
  (_r, h) => {
    h.framing = 'raw';
    h.headers.push(['Content-Length', String(h.body.length)], ['Transfer-Encoding', 'chunked']);
  },
];

/** Classic request smuggling pairs: the second request hides in the first one's body by one reading. */
function smuggle(rng: Rng, h: Head): void {
  const hidden = `GET http://erp.virtual:44300/api/smuggled HTTP/1.1${h.eol}Host: erp.virtual:44300${h.eol}${h.eol}`;
  h.framing = 'raw';
  h.method = 'POST';
  const shape = rng.int(3);
  if (shape === 0) {
    h.headers.push(['Content-Length', String(5 + hidden.length)], ['Transfer-Encoding', 'chunked']);
    h.body = `0${h.eol}${h.eol}${hidden}`;
  } else if (shape === 1) {
    h.headers.push(['Content-Length', '4'], ['Transfer-Encoding', 'chunked']);
    h.body = `${(hidden.length + 2).toString(16)}${h.eol}xx${hidden}${h.eol}0${h.eol}${h.eol}`;
  } else {
    h.headers.push(['Transfer-Encoding', 'chunked'], ['Transfer-encoding', 'x']);
    h.body = `0${h.eol}${h.eol}${hidden}`;
  }
}

function serialize(h: Head): Buffer {
  const headers = [...h.headers];
  const body =
    h.framing === 'chunked' ? `${Buffer.byteLength(h.body).toString(16)}\r\n${h.body}\r\n0\r\n\r\n` : h.body;
  if (h.framing === 'length') headers.push(['Content-Length', String(Buffer.byteLength(h.body))]);
  if (h.framing === 'chunked') headers.push(['Transfer-Encoding', 'chunked']);
  const line = `${h.method} ${h.target} ${h.version}`.replace(/ $/, '');
  return Buffer.from(
    `${line}${h.eol}${headers.map(([k, v]) => `${k}: ${v}${h.eol}`).join('')}${h.eol}${body}`,
    'utf8',
  );
}

export function proxyCase(rng: Rng, ctx: ProxyContext): ProxyCase {
  const head = baseHead(rng, ctx);
  for (
    let n = rng.weighted([
      [2, 0],
      [5, 1],
      [2, 2],
      [1, 3],
    ]);
    n > 0;
    n--
  ) {
    const group = rng.weighted([
      [4, HEADER_MUTATIONS],
      [3, LINE_MUTATIONS],
      [2, BODY_MUTATIONS],
    ] as const);
    rng.pick(group)(rng, head);
  }
  if (rng.chance(0.06)) smuggle(rng, head);
  let bytes = serialize(head);
  const methods = [head.method];
  if (rng.chance(0.08)) {
    const second = baseHead(rng, ctx);
    bytes = Buffer.concat([bytes, serialize(second)]);
    methods.push(second.method);
  }
  if (rng.chance(0.2)) bytes = mutateBytes(rng, bytes);
  return { bytes, methods };
}

/**
 * The two 5xx the contract gives for what a client sent, not for a failure of the engine: 503 for a
 * Cloud Connector location the workspace does not have (BTP's answer, sap-contract §4) and 505 for an
 * HTTP version other than 1.0 and 1.1 (RFC 9110 §15.6.6). Backends are always reachable, so 502/504 is
 * never allowed.
 */
export function proxyContract5xx(response: ParsedResponse): boolean {
  const code = response.headers['x-btp-emulator-error'];
  return (
    (response.status === 503 && code === 'EMU_ERR_PROXY_LOCATION') ||
    (response.status === 505 && code === 'EMU_ERR_PROXY_BAD_REQUEST')
  );
}
