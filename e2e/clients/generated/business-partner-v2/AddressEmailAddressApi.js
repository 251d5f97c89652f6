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
var AddressEmailAddressApi_exports = {};
__export(AddressEmailAddressApi_exports, {
  AddressEmailAddressApi: () => AddressEmailAddressApi
});
module.exports = __toCommonJS(AddressEmailAddressApi_exports);
var import_AddressEmailAddress = require("./AddressEmailAddress");
var import_AddressEmailAddressRequestBuilder = require("./AddressEmailAddressRequestBuilder");
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
class AddressEmailAddressApi {
  deSerializers;
  constructor(deSerializers = import_odata_v2.defaultDeSerializers) {
    this.deSerializers = deSerializers;
  }
  /**
   * Do not use this method or the constructor directly.
   * Use the service function as described in the documentation to get an API instance.
   */
  static _privateFactory(deSerializers = import_odata_v2.defaultDeSerializers) {
    return new AddressEmailAddressApi(deSerializers);
  }
  navigationPropertyFields;
  _addNavigationProperties(linkedApis) {
    this.navigationPropertyFields = {};
    return this;
  }
  entityConstructor = import_AddressEmailAddress.AddressEmailAddress;
  requestBuilder() {
    return new import_AddressEmailAddressRequestBuilder.AddressEmailAddressRequestBuilder(this);
  }
  entityBuilder() {
    return (0, import_odata_v2.entityBuilder)(
      this
    );
  }
  customField(fieldName, isNullable = false) {
    return new import_odata_v2.CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    );
  }
  _fieldBuilder;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new import_odata_v2.FieldBuilder(
        import_AddressEmailAddress.AddressEmailAddress,
        this.deSerializers
      );
    }
    return this._fieldBuilder;
  }
  _schema;
  get schema() {
    if (!this._schema) {
      const fieldBuilder = this.fieldBuilder;
      this._schema = {
        /**
         * Static representation of the {@link addressId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ADDRESS_ID: fieldBuilder.buildEdmTypeField(
          "AddressID",
          "Edm.String",
          false
        ),
        /**
         * Static representation of the {@link person} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        PERSON: fieldBuilder.buildEdmTypeField("Person", "Edm.String", false),
        /**
         * Static representation of the {@link ordinalNumber} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ORDINAL_NUMBER: fieldBuilder.buildEdmTypeField(
          "OrdinalNumber",
          "Edm.String",
          false
        ),
        /**
         * Static representation of the {@link isDefaultEmailAddress} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        IS_DEFAULT_EMAIL_ADDRESS: fieldBuilder.buildEdmTypeField(
          "IsDefaultEmailAddress",
          "Edm.Boolean",
          true
        ),
        /**
         * Static representation of the {@link emailAddress} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        EMAIL_ADDRESS: fieldBuilder.buildEdmTypeField(
          "EmailAddress",
          "Edm.String",
          true
        ),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new import_odata_v2.AllFields("*", import_AddressEmailAddress.AddressEmailAddress)
      };
    }
    return this._schema;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  AddressEmailAddressApi
});
