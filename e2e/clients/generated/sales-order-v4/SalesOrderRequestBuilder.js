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
var SalesOrderRequestBuilder_exports = {};
__export(SalesOrderRequestBuilder_exports, {
  SalesOrderRequestBuilder: () => SalesOrderRequestBuilder
});
module.exports = __toCommonJS(SalesOrderRequestBuilder_exports);
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
var import_SalesOrder = require("./SalesOrder");
class SalesOrderRequestBuilder extends import_odata_v4.RequestBuilder {
  /**
   * Returns a request builder for querying all `SalesOrder` entities.
   * @returns A request builder for creating requests to retrieve all `SalesOrder` entities.
   */
  getAll() {
    return new import_odata_v4.GetAllRequestBuilder(this.entityApi);
  }
  /**
   * Returns a request builder for creating a `SalesOrder` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `SalesOrder`.
   */
  create(entity) {
    return new import_odata_v4.CreateRequestBuilder(this.entityApi, entity);
  }
  /**
   * Returns a request builder for retrieving one `SalesOrder` entity based on its keys.
   * @param salesOrder Key property. See {@link SalesOrder.salesOrder}.
   * @returns A request builder for creating requests to retrieve one `SalesOrder` entity based on its keys.
   */
  getByKey(salesOrder) {
    return new import_odata_v4.GetByKeyRequestBuilder(this.entityApi, {
      SalesOrder: salesOrder
    });
  }
  /**
   * Returns a request builder for updating an entity of type `SalesOrder`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `SalesOrder`.
   */
  update(entity) {
    return new import_odata_v4.UpdateRequestBuilder(this.entityApi, entity);
  }
  delete(salesOrderOrEntity) {
    return new import_odata_v4.DeleteRequestBuilder(
      this.entityApi,
      salesOrderOrEntity instanceof import_SalesOrder.SalesOrder ? salesOrderOrEntity : { SalesOrder: salesOrderOrEntity }
    );
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SalesOrderRequestBuilder
});
