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
  checkTaxNumber: () => checkTaxNumber,
  countPartnersInCity: () => countPartnersInCity,
  markForArchiving: () => markForArchiving,
  operations: () => operations
});
module.exports = __toCommonJS(operations_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_service = require("./service");
var import_BusinessPartner = require("./BusinessPartner");
var import_BusinessPartnerApi = require("./BusinessPartnerApi");
var import_TaxNumberCheckResult = require("./TaxNumberCheckResult");
function markForArchiving(parameters, deSerializers = import_odata_v2.defaultDeSerializers) {
  const params = {
    businessPartner: new import_odata_v2.OperationParameter(
      "BusinessPartner",
      "Edm.String",
      parameters.businessPartner
    )
  };
  return new import_odata_v2.OperationRequestBuilder(
    "post",
    "/sap/opu/odata/sap/API_BUSINESS_PARTNER",
    "MarkForArchiving",
    (data) => (0, import_odata_v2.transformReturnValueForEntity)(
      data,
      (0, import_service.businessPartnerV2)(deSerializers).businessPartnerApi
    ),
    params,
    deSerializers
  );
}
function checkTaxNumber(parameters, deSerializers = import_odata_v2.defaultDeSerializers) {
  const params = {
    country: new import_odata_v2.OperationParameter(
      "Country",
      "Edm.String",
      parameters.country
    ),
    taxNumber: new import_odata_v2.OperationParameter(
      "TaxNumber",
      "Edm.String",
      parameters.taxNumber
    )
  };
  return new import_odata_v2.OperationRequestBuilder(
    "get",
    "/sap/opu/odata/sap/API_BUSINESS_PARTNER",
    "CheckTaxNumber",
    (data) => (0, import_odata_v2.transformReturnValueForComplexType)(
      data,
      (data2) => (0, import_odata_v2.entityDeserializer)(
        deSerializers || import_odata_v2.defaultDeSerializers
      ).deserializeComplexType(data2, import_TaxNumberCheckResult.TaxNumberCheckResult)
    ),
    params,
    deSerializers
  );
}
function countPartnersInCity(parameters, deSerializers = import_odata_v2.defaultDeSerializers) {
  const params = {
    cityName: new import_odata_v2.OperationParameter(
      "CityName",
      "Edm.String",
      parameters.cityName
    )
  };
  return new import_odata_v2.OperationRequestBuilder(
    "get",
    "/sap/opu/odata/sap/API_BUSINESS_PARTNER",
    "CountPartnersInCity",
    (data) => (0, import_odata_v2.transformReturnValueForEdmType)(
      data,
      (val) => (0, import_odata_v2.edmToTs)(val.CountPartnersInCity, "Edm.Int32", deSerializers)
    ),
    params,
    deSerializers
  );
}
const operations = {
  markForArchiving,
  checkTaxNumber,
  countPartnersInCity
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkTaxNumber,
  countPartnersInCity,
  markForArchiving,
  operations
});
