"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var operations_exports = {};
__export(operations_exports, {
  createFromQuote: () => createFromQuote,
  operations: () => operations,
  summary: () => summary
});
module.exports = __toCommonJS(operations_exports);
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
var import_service = require("./service");
var import_OrderSummary = require("./OrderSummary");
var import_SalesOrder = require("./SalesOrder");
var import_SalesOrderApi = require("./SalesOrderApi");
function summary(parameters, deSerializers = import_odata_v4.defaultDeSerializers) {
  const params = {
    soldToParty: new import_odata_v4.OperationParameter(
      "SoldToParty",
      "Edm.String",
      parameters.soldToParty
    )
  };
  return new import_odata_v4.OperationRequestBuilder(
    "/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001",
    "summary",
    (data) => (0, import_odata_v4.transformReturnValueForComplexType)(
      data,
      (data2) => (0, import_odata_v4.entityDeserializer)(
        deSerializers || import_odata_v4.defaultDeSerializers
      ).deserializeComplexType(data2, import_OrderSummary.OrderSummary)
    ),
    params,
    deSerializers,
    "function"
  );
}
function createFromQuote(parameters, deSerializers = import_odata_v4.defaultDeSerializers) {
  const params = {
    quote: new import_odata_v4.OperationParameter("Quote", "Edm.String", parameters.quote),
    soldToParty: new import_odata_v4.OperationParameter(
      "SoldToParty",
      "Edm.String",
      parameters.soldToParty
    )
  };
  return new import_odata_v4.OperationRequestBuilder(
    "/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001",
    "createFromQuote",
    (data) => (0, import_odata_v4.transformReturnValueForEntity)(
      data,
      (0, import_service.salesOrderV4)(deSerializers).salesOrderApi
    ),
    params,
    deSerializers,
    "action"
  );
}
const operations = {
  summary,
  createFromQuote
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createFromQuote,
  operations,
  summary
});
