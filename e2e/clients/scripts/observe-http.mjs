// Records every outgoing HTTP(S) request of this process through Node's built-in diagnostics
// channels, so a script can report which endpoints the unmodified SAP libraries called (URL, x-zid,
// client authentication style, form grant) without patching the libraries. Secrets are redacted.
import diagnosticsChannel from 'node:diagnostics_channel';

/** @typedef {{ method: string, url: string, xZid: string | null, authorization: string | null, form: Record<string, string> | null, status: number | null }} ObservedRequest */

/** @type {ObservedRequest[]} */
export const requests = [];
const byRequest = new WeakMap();
const SECRET_FIELDS = new Set([
  'client_secret',
  'password',
  'assertion',
  'refresh_token',
  'code',
  'code_verifier',
]);

function redactForm(text) {
  const form = {};
  for (const [key, value] of new URLSearchParams(text))
    form[key] = SECRET_FIELDS.has(key) ? '<redacted>' : value;
  return form;
}

// `created` fires in the ClientRequest constructor (Node >= 22.12), before any body is written: wrap
// write/end there to see the form. `start` fires once headers and body are final.
diagnosticsChannel.subscribe('http.client.request.created', ({ request }) => {
  const chunks = [];
  byRequest.set(request, { chunks });
  const keep = (chunk) => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(Buffer.from(chunk));
  };
  const { write, end } = request;
  request.write = function (chunk, ...rest) {
    keep(chunk);
    return write.call(this, chunk, ...rest);
  };
  request.end = function (chunk, ...rest) {
    if (typeof chunk !== 'function') keep(chunk);
    return end.call(this, chunk, ...rest);
  };
});

diagnosticsChannel.subscribe('http.client.request.start', ({ request }) => {
  const header = (name) => {
    const value = request.getHeader(name);
    return value === undefined ? null : String(value);
  };
  const authorization = header('authorization');
  const isTokenRequest = /\/oauth\/token$/.test(request.path.split('?')[0]);
  const body = byRequest.get(request)?.chunks;
  /** @type {ObservedRequest} */
  const entry = {
    method: request.method,
    url: `${request.protocol}//${header('host') ?? request.host}${request.path}`,
    xZid: header('x-zid'),
    // Only the scheme: enough to tell Basic client auth from a Bearer token.
    authorization: authorization === null ? null : authorization.split(' ')[0],
    form: isTokenRequest && body ? redactForm(Buffer.concat(body).toString('utf8')) : null,
    status: null,
  };
  requests.push(entry);
  byRequest.set(request, { entry });
});

diagnosticsChannel.subscribe('http.client.response.finish', ({ request, response }) => {
  const entry = byRequest.get(request)?.entry;
  if (entry) entry.status = response.statusCode;
});
