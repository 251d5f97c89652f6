// A user's app fetching service tokens with the SAP Cloud SDK 4.x (@sap-cloud-sdk/connectivity),
// unmodified: bindings found by label in VCAP_SERVICES, tokens through the SDK's exported functions.
// With a user JWT that carries `zid`, the SDK (through @sap/xssec) calls https://<uaadomain>/oauth/token
// with header `x-zid`; without one it calls <url>/oauth/token. The SDK caches tokens per tenant and
// client id for the life of the process: run one scenario per process.
//
// usage: node cloud-sdk-tokens.mjs <case>...      (the user JWT comes from env E2E_USER_JWT)
//   service-token:<destination|connectivity>[:jwt]   serviceToken(service[, { jwt }])
//   cc-response:<destination|connectivity>[:jwt]     getClientCredentialsToken(service[, jwt])
//   jwt-bearer:<destination|connectivity>            jwtBearerToken(jwt, service)
// Prints one JSON line {"script":"cloud-sdk-tokens",...}; exits 1 when a call throws.
import connectivity from '@sap-cloud-sdk/connectivity';
import { requests } from './observe-http.mjs';

const { serviceToken, getClientCredentialsToken, jwtBearerToken, decodeJwt, getServiceBinding } =
  connectivity;

function fail(message, error) {
  process.stderr.write(`cloud-sdk-tokens: ${message}${error ? `: ${error.stack ?? error}` : ''}\n`);
  process.exit(1);
}

function userJwt() {
  const jwt = process.env.E2E_USER_JWT;
  if (!jwt) throw new Error('env E2E_USER_JWT is empty');
  return jwt;
}

function claimsOf(jwt) {
  const c = decodeJwt(jwt);
  return {
    jti: c.jti,
    cid: c.cid,
    client_id: c.client_id,
    azp: c.azp,
    aud: c.aud,
    zid: c.zid,
    grant_type: c.grant_type,
    scope: c.scope,
    user_name: c.user_name ?? null,
    iss: c.iss,
    ext_attr: c.ext_attr,
    lifetime: c.exp - c.iat,
  };
}

async function run(kind, service, withJwt) {
  switch (kind) {
    case 'service-token': {
      const token = await serviceToken(service, withJwt ? { jwt: userJwt() } : undefined);
      return { claims: claimsOf(token) };
    }
    case 'cc-response': {
      const response = await getClientCredentialsToken(service, withJwt ? userJwt() : undefined);
      const { access_token: accessToken, ...rest } = response;
      return { response: rest, claims: claimsOf(accessToken) };
    }
    case 'jwt-bearer':
      return { claims: claimsOf(await jwtBearerToken(userJwt(), service)) };
    default:
      throw new Error(`unknown case "${kind}"`);
  }
}

const cases = process.argv.slice(2);
if (cases.length === 0) fail('no cases given (see the usage at the top of this file)');

const bindings = {};
for (const label of ['xsuaa', 'destination', 'connectivity']) {
  const binding = getServiceBinding(label);
  if (!binding) fail(`no ${label} binding in VCAP_SERVICES`);
  const { clientid, url, uaadomain, tenantid } = binding.credentials;
  bindings[label] = { name: binding.name, clientid, url, uaadomain, tenantid };
}

const results = [];
for (const spec of cases) {
  const [kind, service, flag] = spec.split(':');
  const first = requests.length;
  try {
    const outcome = await run(kind, service, flag === 'jwt');
    results.push({ case: spec, ...outcome, requests: requests.slice(first) });
  } catch (error) {
    fail(`case ${spec} failed; requests made: ${JSON.stringify(requests.slice(first))}`, error);
  }
}

process.stdout.write(`${JSON.stringify({ script: 'cloud-sdk-tokens', bindings, cases: results })}\n`);
