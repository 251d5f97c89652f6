// A user's app on the SAP Cloud SDK OData V4 client, unmodified, with the typed client generated offline
// from the demo sales-order EDMX (e2e/clients/generated/sales-order-v4): getAll with
// filter/select/expand(with options)/top/count, getByKey, create (deep), update (PATCH with If-Match),
// delete, an unbound function and action, and a $batch changeset.
//
// Target: env ODATA_DESTINATION or ODATA_URL + ODATA_USER / ODATA_PASSWORD (see odata-v2-client.mjs).
// Prints one JSON line {"script":"odata-v4-client","steps":{…}}; exits 1 when a call throws.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { salesOrderV4 } = require('../generated/sales-order-v4/index.js');
const { any } = require('@sap-cloud-sdk/odata-v4');

const destination = process.env.ODATA_DESTINATION
  ? { destinationName: process.env.ODATA_DESTINATION }
  : { url: process.env.ODATA_URL, username: process.env.ODATA_USER, password: process.env.ODATA_PASSWORD };

const { salesOrderApi, salesOrderItemApi, operations, batch, changeset } = salesOrderV4();
const SO = salesOrderApi.schema;
const ITEM = salesOrderItemApi.schema;
const steps = {};

const suffix = String(Date.now() % 1000).padStart(3, '0');
const newKey = `91${suffix}01`;
const batchKey = `92${suffix}01`;

async function main() {
  const request = salesOrderApi
    .requestBuilder()
    .getAll()
    .select(SO.SALES_ORDER, SO.CUSTOMER_NAME)
    .filter(SO.ITEM.filter(any(ITEM.REQUESTED_QUANTITY.greaterOrEqual(0))))
    .expand(SO.ITEM.select(ITEM.SALES_ORDER_ITEM, ITEM.MATERIAL).orderBy(ITEM.SALES_ORDER_ITEM).top(2))
    .top(3);
  const list = await request.execute(destination);
  const count = await salesOrderApi.requestBuilder().getAll().count().execute(destination);
  steps.getAll = { keys: list.map((o) => o.salesOrder), items: list.map((o) => o.item.length), count };

  const key = list[0].salesOrder;
  const one = await salesOrderApi.requestBuilder().getByKey(key).execute(destination);
  steps.getByKey = { key: one.salesOrder, etag: one.versionIdentifier ?? null };

  const item = salesOrderItemApi.entityBuilder().salesOrderItem('000010').material('SDK-1').build();
  const created = await salesOrderApi
    .requestBuilder()
    .create(salesOrderApi.entityBuilder().salesOrder(newKey).customerName('Cloud SDK').item([item]).build())
    .execute(destination);
  const createdItem = await salesOrderItemApi
    .requestBuilder()
    .getByKey(newKey, '000010')
    .execute(destination);
  steps.create = { key: created.salesOrder, itemMaterial: createdItem.material };

  created.customerName = 'Cloud SDK updated';
  await salesOrderApi.requestBuilder().update(created).execute(destination);
  const reread = await salesOrderApi.requestBuilder().getByKey(newKey).execute(destination);
  steps.update = { customerName: reread.customerName };

  await salesOrderApi.requestBuilder().delete(reread).execute(destination);
  const gone = await salesOrderApi
    .requestBuilder()
    .getByKey(newKey)
    .execute(destination)
    .then(
      () => false,
      (error) => error.cause?.response?.status === 404 || error.rootCause?.response?.status === 404,
    );
  steps.delete = { gone };

  const summary = await operations.summary({ soldToParty: '1000001' }).execute(destination);
  const quote = await operations
    .createFromQuote({ quote: 'Q1', soldToParty: '1000001' })
    .execute(destination);
  steps.operations = { summaryCount: summary?.orderCount ?? null, actionResult: quote?.salesOrder ?? null };

  const renamed = salesOrderApi.entityBuilder().salesOrder(key).customerName('Batched').build();
  const extra = salesOrderApi.entityBuilder().salesOrder(batchKey).customerName('Batch new').build();
  const responses = await batch(
    changeset(salesOrderApi.requestBuilder().update(renamed), salesOrderApi.requestBuilder().create(extra)),
  ).execute(destination);
  const readBack = await salesOrderApi.requestBuilder().getByKey(batchKey).execute(destination);
  steps.batch = {
    success: responses[0].isSuccess(),
    statuses: responses[0].responses.map((r) => r.httpCode),
    created: readBack.customerName,
  };
}

await main().then(
  () => console.log(JSON.stringify({ script: 'odata-v4-client', steps })),
  (error) => {
    process.stderr.write(
      `odata-v4-client: ${error.stack ?? error}\n${JSON.stringify(error.cause?.response?.data ?? error.rootCause?.response?.data ?? null)}\n`,
    );
    process.exit(1);
  },
);
