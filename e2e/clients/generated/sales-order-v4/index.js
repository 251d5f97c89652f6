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
__reExport(index_exports, require("./SalesOrder"), module.exports);
__reExport(index_exports, require("./SalesOrderItem"), module.exports);
__reExport(index_exports, require("./SalesOrderRequestBuilder"), module.exports);
__reExport(index_exports, require("./SalesOrderItemRequestBuilder"), module.exports);
__reExport(index_exports, require("./OrderSummary"), module.exports);
__reExport(index_exports, require("./operations"), module.exports);
__reExport(index_exports, require("./BatchRequest"), module.exports);
__reExport(index_exports, require("./service"), module.exports);
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ...require("./SalesOrder"),
  ...require("./SalesOrderItem"),
  ...require("./SalesOrderRequestBuilder"),
  ...require("./SalesOrderItemRequestBuilder"),
  ...require("./OrderSummary"),
  ...require("./operations"),
  ...require("./BatchRequest"),
  ...require("./service")
});
