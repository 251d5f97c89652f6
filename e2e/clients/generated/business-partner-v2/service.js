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
  businessPartnerV2: () => businessPartnerV2
});
module.exports = __toCommonJS(service_exports);
var import_BusinessPartnerApi = require("./BusinessPartnerApi");
var import_BusinessPartnerAddressApi = require("./BusinessPartnerAddressApi");
var import_BusinessPartnerRoleApi = require("./BusinessPartnerRoleApi");
var import_AddressEmailAddressApi = require("./AddressEmailAddressApi");
var import_operations = require("./operations");
var import_bignumber = require("bignumber.js");
var import_moment = require("moment");
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_BatchRequest = require("./BatchRequest");
function businessPartnerV2(deSerializers = import_odata_v2.defaultDeSerializers) {
  return new BusinessPartnerV2((0, import_odata_v2.mergeDefaultDeSerializersWith)(deSerializers));
}
class BusinessPartnerV2 {
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
  get businessPartnerApi() {
    const api = this.initApi("businessPartnerApi", import_BusinessPartnerApi.BusinessPartnerApi);
    const linkedApis = [
      this.initApi("businessPartnerAddressApi", import_BusinessPartnerAddressApi.BusinessPartnerAddressApi),
      this.initApi("businessPartnerRoleApi", import_BusinessPartnerRoleApi.BusinessPartnerRoleApi)
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }
  get businessPartnerAddressApi() {
    const api = this.initApi(
      "businessPartnerAddressApi",
      import_BusinessPartnerAddressApi.BusinessPartnerAddressApi
    );
    const linkedApis = [
      this.initApi("businessPartnerApi", import_BusinessPartnerApi.BusinessPartnerApi),
      this.initApi("addressEmailAddressApi", import_AddressEmailAddressApi.AddressEmailAddressApi)
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }
  get businessPartnerRoleApi() {
    return this.initApi("businessPartnerRoleApi", import_BusinessPartnerRoleApi.BusinessPartnerRoleApi);
  }
  get addressEmailAddressApi() {
    return this.initApi("addressEmailAddressApi", import_AddressEmailAddressApi.AddressEmailAddressApi);
  }
  get operations() {
    return {
      markForArchiving: (parameter) => (0, import_operations.markForArchiving)(parameter, this.deSerializers),
      checkTaxNumber: (parameter) => (0, import_operations.checkTaxNumber)(parameter, this.deSerializers),
      countPartnersInCity: (parameter) => (0, import_operations.countPartnersInCity)(parameter, this.deSerializers)
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
  businessPartnerV2
});
