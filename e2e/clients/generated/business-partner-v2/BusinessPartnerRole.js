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
var BusinessPartnerRole_exports = {};
__export(BusinessPartnerRole_exports, {
  BusinessPartnerRole: () => BusinessPartnerRole
});
module.exports = __toCommonJS(BusinessPartnerRole_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
class BusinessPartnerRole extends import_odata_v2.Entity {
  /**
   * Technical entity name for BusinessPartnerRole.
   */
  static _entityName = "A_BusinessPartnerRole";
  /**
   * Default url path for the according service.
   */
  static _defaultBasePath = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
  /**
   * All key fields of the BusinessPartnerRole entity.
   */
  static _keys = ["BusinessPartner", "BusinessPartnerRole"];
  constructor(_entityApi) {
    super(_entityApi);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartnerRole
});
