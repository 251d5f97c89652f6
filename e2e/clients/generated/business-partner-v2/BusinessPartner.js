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
var BusinessPartner_exports = {};
__export(BusinessPartner_exports, {
  BusinessPartner: () => BusinessPartner
});
module.exports = __toCommonJS(BusinessPartner_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_BusinessPartnerAddress = require("./BusinessPartnerAddress");
var import_BusinessPartnerRole = require("./BusinessPartnerRole");
class BusinessPartner extends import_odata_v2.Entity {
  /**
   * Technical entity name for BusinessPartner.
   */
  static _entityName = "A_BusinessPartner";
  /**
   * Default url path for the according service.
   */
  static _defaultBasePath = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
  /**
   * All key fields of the BusinessPartner entity.
   */
  static _keys = ["BusinessPartner"];
  constructor(_entityApi) {
    super(_entityApi);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartner
});
