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
var service_exports = {};
__export(service_exports, {
  salesOrderV4: () => salesOrderV4
});
module.exports = __toCommonJS(service_exports);
var import_SalesOrderApi = require("./SalesOrderApi");
var import_SalesOrderItemApi = require("./SalesOrderItemApi");
var import_operations = require("./operations");
var import_bignumber = require("bignumber.js");
var import_moment = require("moment");
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
var import_BatchRequest = require("./BatchRequest");
function salesOrderV4(deSerializers = import_odata_v4.defaultDeSerializers) {
  return new SalesOrderV4((0, import_odata_v4.mergeDefaultDeSerializersWith)(deSerializers));
}
class SalesOrderV4 {
  apis = {};
  deSerializers;
  constructor(deSerializers) {
    this.deSerializers = deSerializers;
  }
  initApi(key, entityApi) {
    if (!this.apis[key]) {
      this.apis[key] = entityApi._privateFactory(this.deSerializers);
    }
    return this.apis[key];
  }
  get salesOrderApi() {
    const api = this.initApi("salesOrderApi", import_SalesOrderApi.SalesOrderApi);
    const linkedApis = [this.initApi("salesOrderItemApi", import_SalesOrderItemApi.SalesOrderItemApi)];
    api._addNavigationProperties(linkedApis);
    return api;
  }
  get salesOrderItemApi() {
    const api = this.initApi("salesOrderItemApi", import_SalesOrderItemApi.SalesOrderItemApi);
    const linkedApis = [this.initApi("salesOrderApi", import_SalesOrderApi.SalesOrderApi)];
    api._addNavigationProperties(linkedApis);
    return api;
  }
  get operations() {
    return {
      summary: (parameter) => (0, import_operations.summary)(parameter, this.deSerializers),
      createFromQuote: (parameter) => (0, import_operations.createFromQuote)(parameter, this.deSerializers)
    };
  }
  get batch() {
    return import_BatchRequest.batch;
  }
  get changeset() {
    return import_BatchRequest.changeset;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  salesOrderV4
});
