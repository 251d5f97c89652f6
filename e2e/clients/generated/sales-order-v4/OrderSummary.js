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
var OrderSummary_exports = {};
__export(OrderSummary_exports, {
  OrderSummary: () => OrderSummary,
  OrderSummaryField: () => OrderSummaryField
});
module.exports = __toCommonJS(OrderSummary_exports);
var import_odata_v4 = require("@sap-cloud-sdk/odata-v4");
class OrderSummaryField extends import_odata_v4.ComplexTypeField {
  _fieldBuilder = new import_odata_v4.FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link OrderSummary.orderCount} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  orderCount = this._fieldBuilder.buildEdmTypeField("OrderCount", "Edm.Int32", true);
  /**
   * Representation of the {@link OrderSummary.totalNetAmount} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  totalNetAmount = this._fieldBuilder.buildEdmTypeField(
    "TotalNetAmount",
    "Edm.Decimal",
    true
  );
  /**
   * Creates an instance of OrderSummaryField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(fieldName, fieldOf, deSerializers, fieldOptions) {
    super(fieldName, fieldOf, deSerializers, OrderSummary, fieldOptions);
  }
}
var OrderSummary;
((OrderSummary2) => {
  OrderSummary2._propertyMetadata = [
    {
      originalName: "OrderCount",
      name: "orderCount",
      type: "Edm.Int32",
      isCollection: false
    },
    {
      originalName: "TotalNetAmount",
      name: "totalNetAmount",
      type: "Edm.Decimal",
      isCollection: false
    }
  ];
})(OrderSummary || (OrderSummary = {}));
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  OrderSummary,
  OrderSummaryField
});
