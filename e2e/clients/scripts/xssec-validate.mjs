// A user's app validating tokens with @sap/xssec 4.x, unmodified: credentials from VCAP_SERVICES via
// @sap/xsenv, `createSecurityContext(new XsuaaService(credentials), { jwt })`, then the security
// context's getters. Tokens are fetched with xssec's own token-fetch API (client_credentials, password,
// jwt-bearer) or handed in through E2E_JWT_<LABEL>; a few are spoiled on purpose for the negative cases.
//
// usage: node xssec-validate.mjs <case>...
//   cc                         client_credentials token of the xsuaa binding
//   password:<user>:<pw>       password grant
//   jwt-bearer:<user>:<pw>     password token exchanged (jwt-bearer) by the same client
//   tampered:<user>:<pw>       password token with one more scope in the payload, signature kept
//   unknown-kid:<user>:<pw>    password token whose header names a kid the JWKS does not have
//   wrong-audience             client_credentials token of the destination binding
//   jwt:<LABEL>                the JWT in env E2E_JWT_<LABEL> (e.g. an expired one from the admin API)
// Prints one JSON line {"script":"xssec-validate",...}; exits 1 only when something other than a
// validation failed (no binding, a token fetch refused, a bad case).
import xsenv from '@sap/xsenv';
import xssec from '@sap/xssec';
import { requests } from './observe-http.mjs';

const { XsuaaService, createSecurityContext } = xssec;

function fail(message, error) {
  process.stderr.write(`xssec-validate: ${message}${error ? `: ${error.stack ?? error}` : ''}\n`);
  process.exit(1);
}

const b64url = {
  decode: (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')),
  encode: (value) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url'),
};

function tamper(jwt) {
  const [header, payload, signature] = jwt.split('.');
  const claims = b64url.decode(payload);
  claims.scope = [...(claims.scope ?? []), `${claims.scope?.[0]?.split('.')[0] ?? 'x'}.Admin`];
  return [header, b64url.encode(claims), signature].join('.');
}

function withUnknownKid(jwt) {
  const [header, payload, signature] = jwt.split('.');
  return [b64url.encode({ ...b64url.decode(header), kid: 'e2e-unknown-kid' }), payload, signature].join('.');
}

function describeContext(ctx) {
  const token = ctx.token;
  return {
    grantType: ctx.getGrantType(),
    clientId: ctx.getClientId(),
    logonName: ctx.getLogonName(),
    userName: ctx.getUserName(),
    email: ctx.getEmail(),
    givenName: ctx.getGivenName(),
    familyName: ctx.getFamilyName(),
    origin: ctx.getOrigin(),
    zoneId: ctx.getZoneId(),
    subaccountId: ctx.getSubaccountId(),
    subdomain: ctx.getSubdomain(),
    scopes: token.scopes,
    localScopes: { Display: ctx.checkLocalScope('Display'), Edit: ctx.checkLocalScope('Edit') },
    attributes: ctx.getAttributes(),
    country: ctx.getAttribute('Country'),
    roleCollections: token.xsSystemAttributes?.['xs.rolecollections'] ?? null,
    audiences: token.audiences,
    issuer: token.issuer,
    expiresAt: ctx.getExpirationDate()?.toISOString() ?? null,
    header: token.header,
  };
}

function describeError(error) {
  return {
    class: error?.constructor?.name ?? 'unknown',
    message: String(error?.message ?? error),
    statusCode: error?.statusCode ?? null,
  };
}

async function obtain(kind, args, services) {
  const [user, password] = args;
  const passwordToken = async () => {
    if (!user || !password) throw new Error(`case ${kind} needs <user>:<password>`);
    return (await services.uaa.fetchPasswordToken(user, password)).access_token;
  };
  switch (kind) {
    case 'cc':
      return (await services.uaa.fetchClientCredentialsToken()).access_token;
    case 'password':
      return passwordToken();
    case 'jwt-bearer':
      return (await services.uaa.fetchJwtBearerToken(await passwordToken())).access_token;
    case 'tampered':
      return tamper(await passwordToken());
    case 'unknown-kid':
      return withUnknownKid(await passwordToken());
    case 'wrong-audience':
      return (await services.destination.fetchClientCredentialsToken()).access_token;
    case 'jwt': {
      const jwt = process.env[`E2E_JWT_${user}`];
      if (!jwt) throw new Error(`env E2E_JWT_${user} is empty`);
      return jwt;
    }
    default:
      throw new Error(`unknown case "${kind}"`);
  }
}

const cases = process.argv.slice(2);
if (cases.length === 0) fail('no cases given (see the usage at the top of this file)');

let credentials;
try {
  credentials = xsenv.getServices({ uaa: { tag: 'xsuaa' }, destination: { label: 'destination' } });
} catch (error) {
  fail('cannot read the xsuaa and destination bindings from VCAP_SERVICES', error);
}
const services = {
  uaa: new XsuaaService(credentials.uaa),
  destination: new XsuaaService(credentials.destination),
};

const results = [];
for (const spec of cases) {
  const [kind, ...args] = spec.split(':');
  let jwt;
  try {
    jwt = await obtain(kind, args, services);
  } catch (error) {
    fail(`case ${spec}: could not obtain the token`, error);
  }
  try {
    const ctx = await createSecurityContext(services.uaa, { jwt });
    results.push({ case: spec, ok: true, context: describeContext(ctx) });
  } catch (error) {
    results.push({ case: spec, ok: false, error: describeError(error) });
  }
}

const { clientid, xsappname, url, uaadomain } = credentials.uaa;
process.stdout.write(
  `${JSON.stringify({
    script: 'xssec-validate',
    binding: { clientid, xsappname, url, uaadomain, destinationClientid: credentials.destination.clientid },
    nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ?? null,
    cases: results,
    requests,
  })}\n`,
);
