"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __reExport = (target, mod, secondTarget) => (__copyProps(target, mod, "default"), secondTarget && __copyProps(secondTarget, mod, "default"));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var index_exports = {};
module.exports = __toCommonJS(index_exports);
__reExport(index_exports, require("./BusinessPartner"), module.exports);
__reExport(index_exports, require("./BusinessPartnerAddress"), module.exports);
__reExport(index_exports, require("./BusinessPartnerRole"), module.exports);
__reExport(index_exports, require("./AddressEmailAddress"), module.exports);
__reExport(index_exports, require("./BusinessPartnerRequestBuilder"), module.exports);
__reExport(index_exports, require("./BusinessPartnerAddressRequestBuilder"), module.exports);
__reExport(index_exports, require("./BusinessPartnerRoleRequestBuilder"), module.exports);
__reExport(index_exports, require("./AddressEmailAddressRequestBuilder"), module.exports);
__reExport(index_exports, require("./TaxNumberCheckResult"), module.exports);
__reExport(index_exports, require("./operations"), module.exports);
__reExport(index_exports, require("./BatchRequest"), module.exports);
__reExport(index_exports, require("./service"), module.exports);
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ...require("./BusinessPartner"),
  ...require("./BusinessPartnerAddress"),
  ...require("./BusinessPartnerRole"),
  ...require("./AddressEmailAddress"),
  ...require("./BusinessPartnerRequestBuilder"),
  ...require("./BusinessPartnerAddressRequestBuilder"),
  ...require("./BusinessPartnerRoleRequestBuilder"),
  ...require("./AddressEmailAddressRequestBuilder"),
  ...require("./TaxNumberCheckResult"),
  ...require("./operations"),
  ...require("./BatchRequest"),
  ...require("./service")
});
