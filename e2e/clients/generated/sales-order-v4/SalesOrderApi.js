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
var SalesOrderApi_exports = {};
__export(SalesOrderApi_exports, {
  SalesOrderApi: () => SalesOrderApi
});
module.exports = __toCommonJS(SalesOrderApi_exports);
var import_SalesOrder = require("./SalesOrder");
var import_SalesOrderRequestBuilder = require("./SalesOrderRequestBuilder");
var import_SalesOrderItemApi = require("./SalesOrderItemApi");
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
class SalesOrderApi {
  deSerializers;
  constructor(deSerializers = import_odata_v4.defaultDeSerializers) {
    this.deSerializers = deSerializers;
  }
  /**
   * Do not use this method or the constructor directly.
   * Use the service function as described in the documentation to get an API instance.
   */
  static _privateFactory(deSerializers = import_odata_v4.defaultDeSerializers) {
    return new SalesOrderApi(deSerializers);
  }
  navigationPropertyFields;
  _addNavigationProperties(linkedApis) {
    this.navigationPropertyFields = {
      ITEM: new import_odata_v4.OneToManyLink("_Item", this, linkedApis[0])
    };
    return this;
  }
  entityConstructor = import_SalesOrder.SalesOrder;
  requestBuilder() {
    return new import_SalesOrderRequestBuilder.SalesOrderRequestBuilder(this);
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
      this._fieldBuilder = new import_odata_v4.FieldBuilder(import_SalesOrder.SalesOrder, this.deSerializers);
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
         * Static representation of the {@link salesOrderType} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SALES_ORDER_TYPE: fieldBuilder.buildEdmTypeField(
          "SalesOrderType",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link salesOrganization} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SALES_ORGANIZATION: fieldBuilder.buildEdmTypeField(
          "SalesOrganization",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link soldToParty} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SOLD_TO_PARTY: fieldBuilder.buildEdmTypeField(
          "SoldToParty",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link purchaseOrderByCustomer} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        PURCHASE_ORDER_BY_CUSTOMER: fieldBuilder.buildEdmTypeField(
          "PurchaseOrderByCustomer",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link customerName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CUSTOMER_NAME: fieldBuilder.buildEdmTypeField(
          "CustomerName",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link totalNetAmount} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        TOTAL_NET_AMOUNT: fieldBuilder.buildEdmTypeField(
          "TotalNetAmount",
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
         * Static representation of the {@link overallSdProcessStatus} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        OVERALL_SD_PROCESS_STATUS: fieldBuilder.buildEdmTypeField(
          "OverallSDProcessStatus",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link isReleased} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        IS_RELEASED: fieldBuilder.buildEdmTypeField(
          "IsReleased",
          "Edm.Boolean",
          true
        ),
        /**
         * Static representation of the {@link salesOrderDate} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SALES_ORDER_DATE: fieldBuilder.buildEdmTypeField(
          "SalesOrderDate",
          "Edm.Date",
          true
        ),
        /**
         * Static representation of the {@link salesOrderUuid} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SALES_ORDER_UUID: fieldBuilder.buildEdmTypeField(
          "SalesOrderUUID",
          "Edm.Guid",
          true
        ),
        /**
         * Static representation of the {@link lastChangeDateTime} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        LAST_CHANGE_DATE_TIME: fieldBuilder.buildEdmTypeField(
          "LastChangeDateTime",
          "Edm.DateTimeOffset",
          true,
          7
        ),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new import_odata_v4.AllFields("*", import_SalesOrder.SalesOrder)
      };
    }
    return this._schema;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SalesOrderApi
});
