// A user's app resolving destinations with the SAP Cloud SDK 4.x (@sap-cloud-sdk/connectivity),
// unmodified: the destination and connectivity bindings from VCAP_SERVICES, `getDestination` and
// `getAllDestinationsFromDestinationService` as documented, and `buildHeadersForDestination` for the
// headers the SDK would send. The SDK caches destinations and tokens: run one scenario per process.
//
// usage: node cloud-sdk-destination.mjs <case>...       (a user JWT comes from env E2E_USER_JWT)
//   get:<NAME>        getDestination({ destinationName })
//   get:<NAME>:jwt    getDestination({ destinationName, jwt })
//   all               getAllDestinationsFromDestinationService()
// Prints one JSON line {"script":"cloud-sdk-destination",...}; exits 1 when a call throws.
import connectivity from '@sap-cloud-sdk/connectivity';
import { requests } from './observe-http.mjs';

const { getDestination, getAllDestinationsFromDestinationService, buildHeadersForDestination } = connectivity;

function fail(message, error) {
  process.stderr.write(`cloud-sdk-destination: ${message}${error ? `: ${error.stack ?? error}` : ''}\n`);
  process.exit(1);
}

function describe(d) {
  return {
    name: d.name ?? null,
    url: d.url ?? null,
    authentication: d.authentication ?? null,
    proxyType: d.proxyType ?? null,
    cloudConnectorLocationId: d.cloudConnectorLocationId ?? null,
    sapClient: d.sapClient ?? null,
    keyStoreName: d.keyStoreName ?? null,
    certificates: (d.certificates ?? []).map((c) => c.name),
    authTokenErrors: (d.authTokens ?? []).map((t) => t.error).filter(Boolean),
    hasProxyConfiguration: Boolean(d.proxyConfiguration),
  };
}

async function run(kind, name, flag) {
  if (kind === 'all') {
    const all = await getAllDestinationsFromDestinationService();
    return { names: all.map((d) => d.name).sort() };
  }
  if (kind !== 'get') throw new Error(`unknown case "${kind}"`);
  const jwt = flag === 'jwt' ? process.env.E2E_USER_JWT : undefined;
  if (flag === 'jwt' && !jwt) throw new Error('env E2E_USER_JWT is empty');
  const destination = await getDestination({ destinationName: name, ...(jwt ? { jwt } : {}) });
  if (!destination) return { destination: null, headers: null };
  return { destination: describe(destination), headers: await buildHeadersForDestination(destination) };
}

const cases = process.argv.slice(2);
if (cases.length === 0) fail('no cases given (see the usage at the top of this file)');
const results = [];
for (const spec of cases) {
  const [kind, name, flag] = spec.split(':');
  const first = requests.length;
  try {
    results.push({ case: spec, ...(await run(kind, name, flag)), requests: requests.slice(first) });
  } catch (error) {
    fail(`case ${spec} failed; requests made: ${JSON.stringify(requests.slice(first))}`, error);
  }
}
process.stdout.write(`${JSON.stringify({ script: 'cloud-sdk-destination', cases: results })}\n`);
