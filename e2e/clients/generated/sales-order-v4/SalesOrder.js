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
var SalesOrder_exports = {};
__export(SalesOrder_exports, {
  SalesOrder: () => SalesOrder
});
module.exports = __toCommonJS(SalesOrder_exports);
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
var import_SalesOrderItem = require("./SalesOrderItem");
class SalesOrder extends import_odata_v4.Entity {
  /**
   * Technical entity name for SalesOrder.
   */
  static _entityName = "SalesOrder";
  /**
   * Default url path for the according service.
   */
  static _defaultBasePath = "/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001";
  /**
   * All key fields of the SalesOrder entity.
   */
  static _keys = ["SalesOrder"];
  constructor(_entityApi) {
    super(_entityApi);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SalesOrder
});
