// A user's app on the SAP Cloud SDK OData V2 client, unmodified, with the typed client generated offline
// from the demo service's EDMX (e2e/clients/generated/business-partner-v2): getAll with
// filter/select/expand/top, getByKey, create, update, delete, a function import and a $batch changeset.
//
// Target: env ODATA_DESTINATION (a destination name: destination service + connectivity proxy) or
// ODATA_URL (the system directly) with ODATA_USER / ODATA_PASSWORD. Prints one JSON line
// {"script":"odata-v2-client","steps":{…}}; exits 1 when a call throws.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { businessPartnerV2 } = require('../generated/business-partner-v2/index.js');
const { and } = require('@sap-cloud-sdk/odata-v2');

const destination = process.env.ODATA_DESTINATION
  ? { destinationName: process.env.ODATA_DESTINATION }
  : { url: process.env.ODATA_URL, username: process.env.ODATA_USER, password: process.env.ODATA_PASSWORD };

const { businessPartnerApi, businessPartnerAddressApi, operations, batch, changeset } = businessPartnerV2();
const BP = businessPartnerApi.schema;
const steps = {};

async function main() {
  const list = await businessPartnerApi
    .requestBuilder()
    .getAll()
    // In V2 selecting a navigation property is how the SDK asks for $expand.
    .select(BP.BUSINESS_PARTNER, BP.LAST_NAME, BP.TO_BUSINESS_PARTNER_ADDRESS)
    .filter(and(BP.EMPLOYEE_COUNT.greaterOrEqual(0), BP.LAST_NAME.notEquals('nobody')))
    .top(3)
    .execute(destination);
  steps.getAll = list.map((bp) => ({
    key: bp.businessPartner,
    lastName: bp.lastName,
    addresses: bp.toBusinessPartnerAddress.length,
  }));

  const key = list[0].businessPartner;
  const one = await businessPartnerApi.requestBuilder().getByKey(key).execute(destination);
  steps.getByKey = { key: one.businessPartner, etag: one.versionIdentifier ?? null };

  const created = await businessPartnerApi
    .requestBuilder()
    .create(businessPartnerApi.entityBuilder().firstName('Cloud').lastName('Sdk').employeeCount(7).build())
    .execute(destination);
  steps.create = { key: created.businessPartner, lastName: created.lastName };

  const etagBefore = created.versionIdentifier;
  created.lastName = 'Sdk-Updated';
  const updated = await businessPartnerApi.requestBuilder().update(created).execute(destination);
  const reread = await businessPartnerApi
    .requestBuilder()
    .getByKey(created.businessPartner)
    .execute(destination);
  steps.update = {
    lastName: reread.lastName,
    sentIfMatch: Boolean(etagBefore),
    etagChanged: updated.versionIdentifier !== etagBefore,
  };

  await businessPartnerApi.requestBuilder().delete(reread).execute(destination);
  const gone = await businessPartnerApi
    .requestBuilder()
    .getByKey(created.businessPartner)
    .execute(destination)
    .then(
      () => false,
      (error) => error.cause?.response?.status === 404 || error.rootCause?.response?.status === 404,
    );
  steps.delete = { gone };

  const count = await operations.countPartnersInCity({ cityName: 'Walldorf' }).execute(destination);
  steps.functionImport = { count };

  // Unique per run: a persisted data folder may still hold the address of an earlier run.
  const addressId = `B${Date.now() % 100_000_000}`;
  const address = businessPartnerAddressApi
    .entityBuilder()
    .businessPartner(key)
    .addressId(addressId)
    .cityName('Batchville')
    .build();
  const renamed = businessPartnerApi.entityBuilder().businessPartner(key).firstName('Batched').build();
  const responses = await batch(
    changeset(
      businessPartnerAddressApi.requestBuilder().create(address),
      businessPartnerApi.requestBuilder().update(renamed),
    ),
  ).execute(destination);
  if (!responses[0].isSuccess())
    throw new Error(`changeset failed: HTTP ${responses[0].httpCode} ${JSON.stringify(responses[0].body)}`);
  const inner = responses[0].responses;
  const readBack = await businessPartnerAddressApi
    .requestBuilder()
    .getByKey(key, addressId)
    .execute(destination);
  steps.batch = {
    success: responses[0].isSuccess(),
    parts: inner.length,
    statuses: inner.map((r) => r.httpCode),
    city: readBack.cityName,
  };
}

await main().then(
  () => console.log(JSON.stringify({ script: 'odata-v2-client', steps })),
  (error) => {
    process.stderr.write(
      `odata-v2-client: ${error.stack ?? error}\n${JSON.stringify(error.cause?.response?.data ?? error.rootCause?.response?.data ?? null)}\n`,
    );
    process.exit(1);
  },
);
