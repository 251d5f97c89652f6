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
var TaxNumberCheckResult_exports = {};
__export(TaxNumberCheckResult_exports, {
  TaxNumberCheckResult: () => TaxNumberCheckResult,
  TaxNumberCheckResultField: () => TaxNumberCheckResultField
});
module.exports = __toCommonJS(TaxNumberCheckResult_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
class TaxNumberCheckResultField extends import_odata_v2.ComplexTypeField {
  _fieldBuilder = new import_odata_v2.FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link TaxNumberCheckResult.taxNumber} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  taxNumber = this._fieldBuilder.buildEdmTypeField("TaxNumber", "Edm.String", true);
  /**
   * Representation of the {@link TaxNumberCheckResult.isValid} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  isValid = this._fieldBuilder.buildEdmTypeField("IsValid", "Edm.Boolean", true);
  /**
   * Representation of the {@link TaxNumberCheckResult.message} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  message = this._fieldBuilder.buildEdmTypeField("Message", "Edm.String", true);
  /**
   * Creates an instance of TaxNumberCheckResultField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(fieldName, fieldOf, deSerializers, fieldOptions) {
    super(
      fieldName,
      fieldOf,
      deSerializers,
      TaxNumberCheckResult,
      fieldOptions
    );
  }
}
var TaxNumberCheckResult;
((TaxNumberCheckResult2) => {
  TaxNumberCheckResult2._propertyMetadata = [
    {
      originalName: "TaxNumber",
      name: "taxNumber",
      type: "Edm.String",
      isCollection: false
    },
    {
      originalName: "IsValid",
      name: "isValid",
      type: "Edm.Boolean",
      isCollection: false
    },
    {
      originalName: "Message",
      name: "message",
      type: "Edm.String",
      isCollection: false
    }
  ];
})(TaxNumberCheckResult || (TaxNumberCheckResult = {}));
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  TaxNumberCheckResult,
  TaxNumberCheckResultField
});
