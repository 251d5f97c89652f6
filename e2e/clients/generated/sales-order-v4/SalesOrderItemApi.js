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
var SalesOrderItemApi_exports = {};
__export(SalesOrderItemApi_exports, {
  SalesOrderItemApi: () => SalesOrderItemApi
});
module.exports = __toCommonJS(SalesOrderItemApi_exports);
var import_SalesOrderItem = require("./SalesOrderItem");
var import_SalesOrderItemRequestBuilder = require("./SalesOrderItemRequestBuilder");
var import_SalesOrderApi = require("./SalesOrderApi");
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
class SalesOrderItemApi {
  deSerializers;
  constructor(deSerializers = import_odata_v4.defaultDeSerializers) {
    this.deSerializers = deSerializers;
  }
  /**
   * Do not use this method or the constructor directly.
   * Use the service function as described in the documentation to get an API instance.
   */
  static _privateFactory(deSerializers = import_odata_v4.defaultDeSerializers) {
    return new SalesOrderItemApi(deSerializers);
  }
  navigationPropertyFields;
  _addNavigationProperties(linkedApis) {
    this.navigationPropertyFields = {
      SALES_ORDER_1: new import_odata_v4.OneToOneLink("_SalesOrder", this, linkedApis[0])
    };
    return this;
  }
  entityConstructor = import_SalesOrderItem.SalesOrderItem;
  requestBuilder() {
    return new import_SalesOrderItemRequestBuilder.SalesOrderItemRequestBuilder(this);
  }
  entityBuilder() {
    return (0, import_odata_v4.entityBuilder)(this);
  }
  customField(fieldName, isNullable = false) {
    return new import_odata_v4.CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    );
  }
  _fieldBuilder;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new import_odata_v4.FieldBuilder(import_SalesOrderItem.SalesOrderItem, this.deSerializers);
    }
    return this._fieldBuilder;
  }
  _schema;
  get schema() {
    if (!this._schema) {
      const fieldBuilder = this.fieldBuilder;
      this._schema = {
        /**
         * Static representation of the {@link salesOrder} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SALES_ORDER: fieldBuilder.buildEdmTypeField(
          "SalesOrder",
          "Edm.String",
          false
        ),
        /**
         * Static representation of the {@link salesOrderItem} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SALES_ORDER_ITEM: fieldBuilder.buildEdmTypeField(
          "SalesOrderItem",
          "Edm.String",
          false
        ),
        /**
         * Static representation of the {@link material} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        MATERIAL: fieldBuilder.buildEdmTypeField(
          "Material",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link salesOrderItemText} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SALES_ORDER_ITEM_TEXT: fieldBuilder.buildEdmTypeField(
          "SalesOrderItemText",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link requestedQuantity} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        REQUESTED_QUANTITY: fieldBuilder.buildEdmTypeField(
          "RequestedQuantity",
          "Edm.Decimal",
          true
        ),
        /**
         * Static representation of the {@link requestedQuantityUnit} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        REQUESTED_QUANTITY_UNIT: fieldBuilder.buildEdmTypeField(
          "RequestedQuantityUnit",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link netAmount} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        NET_AMOUNT: fieldBuilder.buildEdmTypeField(
          "NetAmount",
          "Edm.Decimal",
          true
        ),
        /**
         * Static representation of the {@link transactionCurrency} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        TRANSACTION_CURRENCY: fieldBuilder.buildEdmTypeField(
          "TransactionCurrency",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link itemPosition} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ITEM_POSITION: fieldBuilder.buildEdmTypeField(
          "ItemPosition",
          "Edm.Int32",
          true
        ),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new import_odata_v4.AllFields("*", import_SalesOrderItem.SalesOrderItem)
      };
    }
    return this._schema;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SalesOrderItemApi
});
