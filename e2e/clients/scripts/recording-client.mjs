// A user's app on the SAP Cloud SDK OData V2 client, unmodified, run twice by the recording spec: once
// while the emulator records the session from a stand-in "real" system, once replaying it with that
// system gone. Every step is deterministic (no clock or random values in requests), so both runs send
// the same requests. An SDK middleware (the SDK's own extension point) captures the HTTP status and the
// body of each step's final response as the app received them; headers are left out on purpose.
//
// Env: ODATA_DESTINATION (the destination name); RECORDING_VARIANT `session` (default) or `changed`
// (one getAll with another $filter, which strict replay must refuse); RECORDING_SECRETS_OUT, a file the
// credential values seen on the wire are written to, so the spec can prove none of them reached the
// session file. Prints one JSON line {"script":"recording-client","steps":[…],"summary":{…}}.
import diagnosticsChannel from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { businessPartnerV2 } = require('../generated/business-partner-v2/index.js');
const { and } = require('@sap-cloud-sdk/odata-v2');

const destination = { destinationName: process.env.ODATA_DESTINATION };
const variant = process.env.RECORDING_VARIANT ?? 'session';
const { businessPartnerApi, businessPartnerAddressApi, batch, changeset } = businessPartnerV2();
const BP = businessPartnerApi.schema;

/** @type {{ step: string, status: number, body: unknown }[]} */
const steps = [];
const summary = {};

/** Outermost middleware: sees the final response (after the SDK's CSRF fetch) or the HTTP error. */
const capture = (step) => (options) => async (request) => {
  try {
    const response = await options.fn(request);
    steps.push({ step, status: response.status, body: response.data ?? null });
    return response;
  } catch (error) {
    const response = error?.response;
    if (response) steps.push({ step, status: response.status, body: response.data ?? null });
    throw error;
  }
};

// Credentials and session values as they went over the wire to the proxy (request headers) and came
// back (response headers): the spec searches the session file for each of them.
const secrets = new Set();
const odata = (request) => String(request.path).includes('/sap/opu/odata/');
const cookieValues = (header) =>
  String(header)
    .split(/;\s*|,\s*(?=[^;=\s]+=)/)
    .map((pair) => pair.slice(pair.indexOf('=') + 1).trim())
    .filter((value) => value.length >= 8);
diagnosticsChannel.subscribe('http.client.request.start', ({ request }) => {
  if (!odata(request)) return;
  for (const name of ['authorization', 'proxy-authorization', 'x-csrf-token']) {
    const value = request.getHeader(name);
    if (typeof value === 'string' && value.toLowerCase() !== 'fetch') secrets.add(value);
    if (typeof value === 'string' && / /.test(value)) secrets.add(value.slice(value.indexOf(' ') + 1));
  }
  const cookie = request.getHeader('cookie');
  if (cookie !== undefined) for (const value of cookieValues(cookie)) secrets.add(value);
});
diagnosticsChannel.subscribe('http.client.response.finish', ({ request, response }) => {
  if (!odata(request)) return;
  const token = response.headers['x-csrf-token'];
  if (typeof token === 'string' && token.toLowerCase() !== 'required') secrets.add(token);
  for (const cookie of response.headers['set-cookie'] ?? [])
    for (const v of cookieValues(cookie.split(';')[0])) secrets.add(v);
});

function getAll(filter) {
  return businessPartnerApi
    .requestBuilder()
    .getAll()
    .select(BP.BUSINESS_PARTNER, BP.FIRST_NAME, BP.LAST_NAME, BP.TO_BUSINESS_PARTNER_ADDRESS)
    .filter(filter)
    .top(3)
    .middleware(capture('getAll'))
    .execute(destination);
}

const byKey = (step, key) =>
  businessPartnerApi.requestBuilder().getByKey(key).middleware(capture(step)).execute(destination);

async function session() {
  const list = await getAll(and(BP.EMPLOYEE_COUNT.greaterOrEqual(0), BP.LAST_NAME.notEquals('nobody')));
  summary.getAll = list.map((bp) => ({
    key: bp.businessPartner,
    addresses: bp.toBusinessPartnerAddress.length,
  }));
  const key = list[0].businessPartner;
  const one = await byKey('getByKey', key);
  summary.getByKey = { key: one.businessPartner, etag: one.versionIdentifier ?? null };

  // CSRF-protected: the SDK fetches a token (HEAD + x-csrf-token: Fetch) and sends it with the cookies.
  const created = await businessPartnerApi
    .requestBuilder()
    .create(
      businessPartnerApi.entityBuilder().firstName('Cloud').lastName('Recorder').employeeCount(7).build(),
    )
    .middleware(capture('create'))
    .execute(destination);
  summary.create = { key: created.businessPartner, etag: created.versionIdentifier ?? null };

  created.lastName = 'Recorder-Updated';
  const updated = await businessPartnerApi
    .requestBuilder()
    .update(created)
    .middleware(capture('update'))
    .execute(destination);
  const reread = await byKey('getByKey after update', created.businessPartner);
  summary.update = { lastName: reread.lastName, etag: updated.versionIdentifier ?? null };

  const address = businessPartnerAddressApi
    .entityBuilder()
    .businessPartner(key)
    .addressId('REC1')
    .cityName('Replayville')
    .build();
  const renamed = businessPartnerApi.entityBuilder().businessPartner(key).firstName('Batched').build();
  const responses = await batch(
    changeset(
      businessPartnerAddressApi.requestBuilder().create(address),
      businessPartnerApi.requestBuilder().update(renamed),
    ),
  )
    .middleware(capture('$batch'))
    .execute(destination);
  summary.batch = {
    success: responses[0].isSuccess(),
    statuses: responses[0].isSuccess()
      ? responses[0].responses.map((r) => r.httpCode)
      : [responses[0].httpCode],
  };
  const readBack = await businessPartnerAddressApi
    .requestBuilder()
    .getByKey(key, 'REC1')
    .middleware(capture('address after $batch'))
    .execute(destination);
  summary.batch.city = readBack.cityName;

  await businessPartnerApi.requestBuilder().delete(reread).middleware(capture('delete')).execute(destination);
  // The same GET as "getByKey after update": replay serves repeated requests in recorded order.
  summary.gone = await byKey('getByKey after delete', created.businessPartner).then(
    () => false,
    (error) => (error.cause?.response?.status ?? error.rootCause?.response?.status) === 404,
  );
}

async function changed() {
  // Differs from the recorded getAll only in the $filter literal.
  summary.changed = await getAll(
    and(BP.EMPLOYEE_COUNT.greaterOrEqual(0), BP.LAST_NAME.notEquals('somebody')),
  ).then(
    (list) => ({ failed: false, count: list.length }),
    (error) => ({ failed: true, message: String(error.message) }),
  );
}

await (variant === 'changed' ? changed() : session()).then(
  () => {
    if (process.env.RECORDING_SECRETS_OUT)
      writeFileSync(process.env.RECORDING_SECRETS_OUT, JSON.stringify([...secrets]), { mode: 0o600 });
    console.log(JSON.stringify({ script: 'recording-client', variant, steps, summary }));
  },
  (error) => {
    process.stderr.write(
      `recording-client: ${error.stack ?? error}\n${JSON.stringify(error.cause?.response?.data ?? error.rootCause?.response?.data ?? null)}\nsteps so far: ${JSON.stringify(steps)}\n`,
    );
    process.exit(1);
  },
);
