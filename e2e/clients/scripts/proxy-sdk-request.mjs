// A user's app calling an on-premise system with the SAP Cloud SDK 4.x, unmodified:
// `executeHttpRequest({ destinationName[, jwt] }, { method, url })`. The SDK resolves the destination
// through the Destination service, fetches the connectivity token and sends the request through the
// connectivity proxy from the binding. One scenario per process (the SDK caches destinations, tokens).
//
// usage: node proxy-sdk-request.mjs <DESTINATION> <path> [jwt]    (a user JWT comes from env E2E_USER_JWT)
// Prints one JSON line {"script":"proxy-sdk-request",...}; exits 1 when the call throws.
import httpClient from '@sap-cloud-sdk/http-client';

const { executeHttpRequest } = httpClient;
const [destinationName, url, flag] = process.argv.slice(2);
const jwt = flag === 'jwt' ? process.env.E2E_USER_JWT : undefined;
try {
  const response = await executeHttpRequest(
    { destinationName, ...(jwt ? { jwt } : {}) },
    { method: 'get', url },
  );
  process.stdout.write(
    `${JSON.stringify({ script: 'proxy-sdk-request', status: response.status, data: response.data })}\n`,
  );
} catch (error) {
  const status = error?.response?.status ?? null;
  process.stderr.write(
    `proxy-sdk-request: ${error?.stack ?? error} (status ${status}; body ${JSON.stringify(error?.response?.data ?? null)})\n`,
  );
  process.exit(1);
}
