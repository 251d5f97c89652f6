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
var SalesOrderItem_exports = {};
__export(SalesOrderItem_exports, {
  SalesOrderItem: () => SalesOrderItem
});
module.exports = __toCommonJS(SalesOrderItem_exports);
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
var import_SalesOrder = require("./SalesOrder");
class SalesOrderItem extends import_odata_v4.Entity {
  /**
   * Technical entity name for SalesOrderItem.
   */
  static _entityName = "SalesOrderItem";
  /**
   * Default url path for the according service.
   */
  static _defaultBasePath = "/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001";
  /**
   * All key fields of the SalesOrderItem entity.
   */
  static _keys = ["SalesOrder", "SalesOrderItem"];
  constructor(_entityApi) {
    super(_entityApi);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SalesOrderItem
});
