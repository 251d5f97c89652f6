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
var BatchRequest_exports = {};
__export(BatchRequest_exports, {
  batch: () => batch,
  changeset: () => changeset,
  defaultBusinessPartnerV2Path: () => defaultBusinessPartnerV2Path
});
module.exports = __toCommonJS(BatchRequest_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_util = require("@sap-cloud-sdk/util");
var import_index = require("./index");
function batch(first, ...rest) {
  return new import_odata_v2.ODataBatchRequestBuilder(
    defaultBusinessPartnerV2Path,
    (0, import_util.transformVariadicArgumentToArray)(first, rest)
  );
}
function changeset(first, ...rest) {
  return new import_odata_v2.BatchChangeSet((0, import_util.transformVariadicArgumentToArray)(first, rest));
}
const defaultBusinessPartnerV2Path = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  batch,
  changeset,
  defaultBusinessPartnerV2Path
});
