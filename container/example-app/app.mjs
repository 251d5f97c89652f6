// An app as it runs on BTP, unchanged: the SAP Cloud SDK calls the on-premise system behind a
// destination. The SDK finds the Destination service and the Connectivity proxy in VCAP_SERVICES
// and fetches its tokens itself; nothing here knows about the emulator.
//
// env: APP_DESTINATION (default S4), APP_PATH (the request path), APP_USER_JWT (a user's token, as an
// approuter would forward it; absent: the app's own client credentials).
// Prints one JSON line {"app":"example-app",...}; exits 1 when the call fails.
import httpClient from '@sap-cloud-sdk/http-client';

const { executeHttpRequest } = httpClient;
const destinationName = process.env.APP_DESTINATION || 'S4';
const url =
  process.env.APP_PATH ||
  '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?$top=2&$select=BusinessPartner&$format=json';
const jwt = process.env.APP_USER_JWT || undefined;

try {
  const response = await executeHttpRequest(
    { destinationName, ...(jwt ? { jwt } : {}) },
    { method: 'get', url },
  );
  const results = response.data?.d?.results ?? response.data?.value ?? [];
  const line = {
    app: 'example-app',
    destination: destinationName,
    user: Boolean(jwt),
    status: response.status,
  };
  process.stdout.write(`${JSON.stringify({ ...line, records: results.length })}\n`);
} catch (error) {
  const status = error?.response?.status ?? null;
  process.stdout.write(
    `${JSON.stringify({ app: 'example-app', user: Boolean(jwt), status, error: String(error?.message) })}\n`,
  );
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
